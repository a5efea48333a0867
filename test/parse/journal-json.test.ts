import { describe, expect, test } from 'vitest';
import type { ParsedRecord } from '../../src/model/event.js';
import { journalJson, recordFromEntry } from '../../src/parse/journal-json.js';
import { excerptLines, recordsOf, runLines } from '../support/run-parser.js';

const at = { path: 'node-a/journal.json', line: 1 };
const usecInstant = (us: number): { sec: number; nsec: number } => ({ sec: Math.floor(us / 1e6), nsec: (us % 1e6) * 1000 });

function record(entry: Record<string, unknown>): ParsedRecord {
  const r = recordFromEntry(entry, at);
  if (r.kind !== 'record') throw new Error(`skipped: ${r.reason}`);
  return r.record;
}

describe('journal-json', () => {
  test('reads the header comment sample: a byte-array MESSAGE from journalctl 252', () => {
    const line = excerptLines('journal', 'journalctl-252-json.txt')[5] ?? '';
    expect(line).toContain('"MESSAGE":[98,121,116,101,115,32,255,254,');
    expect(journalJson.parseLine(line, at)).toEqual({
      kind: 'record',
      record: {
        kind: 'log',
        // _SOURCE_REALTIME_TIMESTAMP, as -o short-precise showed it (17:38:51.119287), not __REALTIME_TIMESTAMP.
        stamp: { kind: 'utc', at: usecInstant(1_795_369_131_119_287), precision: 'us' },
        severity: 'critical', // PRIORITY=2, LOG_CRIT
        message: 'bytes \uFFFD\uFFFD not utf-8',
        fields: { bootId: '7694875f9c244b14a6388368cd60b1d4', transport: 'journal' },
        source: at,
        host: 'vm',
        component: 'kernel',
        pid: 7592,
      },
    });
  });

  test('journalctl 252: nine entries, each as -o short-precise shows it', () => {
    const json = recordsOf(runLines(journalJson, 'j', excerptLines('journal', 'journalctl-252-json.txt')));
    expect(json).toHaveLength(9);
    expect(json.map((r) => r.severity)).toEqual(['info', 'info', 'info', 'error', 'warning', 'critical', 'notice', 'warning', 'info']);
    expect(json.map((r) => r.component)).toEqual(['systemd-journald', 'systemd-journald', 'kubelet', 'kubelet', 'containerd', 'kernel', 'python3', 'kubelet', 'kubelet']);
    // A two-line MESSAGE stays one message.
    expect(json[4]?.message).toBe('time="2024-04-01T12:13:42.000000000Z" level=warning msg="first line"\n  second line of the same entry');
    // The 5 KB MESSAGE journalctl printed as null without --all.
    expect(json[8]).toMatchObject({ message: '', fields: { messageOmitted: 'true' } });
    // The same microseconds as the short-precise text of the same journal.
    const precise = excerptLines('journal', 'journalctl-252-short-precise.txt').filter((l) => !l.startsWith(' '));
    expect(json.map((r) => (r.stamp.kind === 'utc' ? String(r.stamp.at.nsec / 1000).padStart(6, '0') : ''))).toEqual(precise.map((l) => l.slice(16, 22)));
  });

  test('kernel-transport entries have no _PID and keep the transport', () => {
    const r = record({ __REALTIME_TIMESTAMP: '1711973621801997', _TRANSPORT: 'kernel', SYSLOG_IDENTIFIER: 'kernel', PRIORITY: '3', MESSAGE: 'Out of memory: Killed process 1234 (java)', _HOSTNAME: 'node-a' });
    expect(r).toMatchObject({ severity: 'error', component: 'kernel', host: 'node-a', fields: { transport: 'kernel' } });
    expect(r.pid).toBeUndefined();
    expect(r.stamp).toEqual({ kind: 'utc', at: { sec: 1_711_973_621, nsec: 801_997_000 }, precision: 'us' });
  });

  test.each([
    [{ SYSLOG_IDENTIFIER: 'kubelet', _COMM: 'kubelet-bin', _SYSTEMD_UNIT: 'kubelet.service' }, 'kubelet'],
    [{ _COMM: 'dnsmasq', _SYSTEMD_UNIT: 'dnsmasq.service' }, 'dnsmasq'],
    [{ _SYSTEMD_UNIT: 'containerd.service' }, 'containerd'],
    [{ _SYSTEMD_UNIT: 'kubelet-healthz.timer' }, 'kubelet-healthz.timer'],
  ])('component from %j is %s', (keys, component) => {
    expect(record({ __REALTIME_TIMESTAMP: '1', MESSAGE: 'x', ...keys }).component).toBe(component);
  });

  test('the unit, boot id and transport are kept; the rest of the entry is not', () => {
    const r = record({
      __REALTIME_TIMESTAMP: '1', __CURSOR: 's=1', _CMDLINE: '/usr/bin/kubelet', _CAP_EFFECTIVE: '0', MESSAGE: 'x',
      _SYSTEMD_UNIT: 'kubelet.service', _BOOT_ID: 'b', _TRANSPORT: 'stdout',
    });
    expect(r.fields).toEqual({ unit: 'kubelet.service', bootId: 'b', transport: 'stdout' });
  });

  test('a repeated field is an array of values; a repeated MESSAGE keeps every value', () => {
    expect(record({ __REALTIME_TIMESTAMP: '1', MESSAGE: ['first', [115, 101, 99, 111, 110, 100]], _HOSTNAME: ['a', 'b'] })).toMatchObject({
      message: 'first\nsecond',
      host: 'a',
    });
  });

  test.each([
    [{ PRIORITY: '0' }, 'critical'], [{ PRIORITY: '1' }, 'critical'], [{ PRIORITY: '2' }, 'critical'], [{ PRIORITY: '3' }, 'error'],
    [{ PRIORITY: '4' }, 'warning'], [{ PRIORITY: '5' }, 'notice'], [{ PRIORITY: '6' }, 'info'], [{ PRIORITY: '7' }, 'debug'],
    [{ PRIORITY: '8' }, 'unknown'], [{ PRIORITY: '33' }, 'unknown'], [{}, 'unknown'],
  ])('%j is %s', (keys, severity) => {
    expect(record({ __REALTIME_TIMESTAMP: '1', MESSAGE: 'x', ...keys }).severity).toBe(severity);
  });

  test('_SOURCE_REALTIME_TIMESTAMP wins; a zero or broken one falls back to __REALTIME_TIMESTAMP', () => {
    expect(record({ __REALTIME_TIMESTAMP: '2000000', _SOURCE_REALTIME_TIMESTAMP: '1500000' }).stamp).toMatchObject({ at: { sec: 1, nsec: 500_000_000 } });
    expect(record({ __REALTIME_TIMESTAMP: '2000000', _SOURCE_REALTIME_TIMESTAMP: '0' }).stamp).toMatchObject({ at: { sec: 2, nsec: 0 } });
    expect(record({ __REALTIME_TIMESTAMP: '2000000', _SOURCE_REALTIME_TIMESTAMP: 'x' }).stamp).toMatchObject({ at: { sec: 2, nsec: 0 } });
    expect(record({ __REALTIME_TIMESTAMP: 999 }).stamp).toMatchObject({ at: { sec: 0, nsec: 999_000 } });
  });

  test('systemd before v240 put spaces around the colons: same record', () => {
    const spaced = '{ "__REALTIME_TIMESTAMP" : "1711973621801997", "MESSAGE" : "x", "PRIORITY" : "6", "_HOSTNAME" : "node-a" }';
    expect(journalJson.parseLine(spaced, at)).toMatchObject({ kind: 'record', record: { message: 'x', severity: 'info', host: 'node-a' } });
  });

  test('journalctl\'s own lines in JSON output are still markers', () => {
    expect(journalJson.parseLine('-- No entries --', at)).toMatchObject({ kind: 'record', record: { kind: 'marker', marker: 'no-entries' } });
  });

  test.each([
    ['Apr 01 12:13:41 node-a kubelet[1]: x', 'not a JSON object'],
    ['{"__REALTIME_TIMESTAMP":"1711973621801997","MESSAGE":"trunc', 'invalid JSON'],
    ['{"ts":1711973621.8,"msg":"klog json, not journal"}', 'no __REALTIME_TIMESTAMP'],
    ['{"__REALTIME_TIMESTAMP":"-5"}', 'bad __REALTIME_TIMESTAMP'],
    ['{"__REALTIME_TIMESTAMP":"0"}', 'bad __REALTIME_TIMESTAMP'],
    ['{"__REALTIME_TIMESTAMP":[1,2]}', 'bad __REALTIME_TIMESTAMP'],
    ['[]', 'not a JSON object'],
  ])('skips %j: %s', (line, reason) => {
    expect(journalJson.parseLine(line, at)).toEqual({ kind: 'skip', reason });
  });

  test('MESSAGE of neither text nor bytes counts as no text', () => {
    expect(record({ __REALTIME_TIMESTAMP: '1', MESSAGE: [300, 1] })).toMatchObject({ message: '', fields: { messageOmitted: 'true' } });
    expect(record({ __REALTIME_TIMESTAMP: '1' })).toMatchObject({ message: '', fields: {} });
  });
});
