import { describe, expect, test } from 'vitest';
import type { ParsedRecord } from '../../src/model/event.js';
import { civilToInstant } from '../../src/model/time.js';
import { syslogRfc3164 } from '../../src/parse/syslog-rfc3164.js';
import { excerptLines, recordsOf, runLines, skipsOf } from '../support/run-parser.js';

const at = { path: 'node-a/var/log/messages', line: 1 };
const hms = (h: number, m: number, s: number): number => h * 3600 + m * 60 + s;

function record(text: string): ParsedRecord {
  const r = syslogRfc3164.parseLine(text, at);
  if (r.kind !== 'record') throw new Error(`skipped: ${r.reason}`);
  return r.record;
}

describe('syslog-rfc3164', () => {
  test('reads the header comment sample: /var/log/messages with a space-padded day (istio/istio#42734)', () => {
    const line = excerptLines('syslog', 'istio-42734-messages.txt')[0] ?? '';
    expect(syslogRfc3164.parseLine(line, at)).toEqual({
      kind: 'record',
      record: {
        kind: 'log',
        stamp: { kind: 'yearless', month: 1, day: 5, secOfDay: hms(2, 12, 2), nsec: 0, precision: 's' },
        severity: 'unknown',
        message: 'memory: usage 1048576kB, limit 1048576kB, failcnt 189',
        fields: {},
        source: at,
        host: 'iZbp153spuk45ulvkwxf34Z',
        component: 'kernel',
      },
    });
  });

  test('kern.log keeps the kernel\'s own "[  152.700479]" in the message (docker/for-linux#1001)', () => {
    const recs = recordsOf(runLines(syslogRfc3164, 'kern.log', excerptLines('syslog', 'docker-for-linux-1001-kern-log.txt')));
    expect(recs).toHaveLength(3);
    expect(recs[0]?.message).toBe('[  152.700479] Memory cgroup out of memory: Kill process 4142 (python3) score 68 or sacrifice child');
  });

  test('rsyslog high precision: the offset is written, so the time is UTC (log2timeline/plaso#3002)', () => {
    const recs = recordsOf(runLines(syslogRfc3164, 'messages', excerptLines('syslog', 'plaso-3002-rsyslog-precise.txt')));
    expect(recs).toHaveLength(5);
    expect(recs[2]).toMatchObject({
      stamp: { kind: 'utc', at: { sec: civilToInstant(2020, 5, 31, 45).sec, nsec: 738_158_000 }, precision: 'us' },
      host: 'localhost', component: 'systemd', pid: 1, message: 'Reloaded System Logging Service.',
    });
    // "rsyslogd:  message": the tag ends at ": ", the second space belongs to the message.
    expect(recs[0]?.message).toBe(' message repeated 76 times: [-- MARK --]');
  });

  test('both rsyslog formats in one mail log (eldy/AWStats#200)', () => {
    const recs = recordsOf(runLines(syslogRfc3164, 'mail', excerptLines('syslog', 'awstats-200-mail.txt')));
    expect(recs.map((r) => [r.stamp.kind, r.component, r.pid])).toEqual([
      ['utc', 'postfix/pickup', 7274], ['yearless', 'postfix/postfix-script', 8854], ['yearless', 'postfix/master', 8856],
    ]);
    expect(recs[0]?.stamp).toMatchObject({ at: { sec: civilToInstant(2021, 3, 13, hms(11, 4, 9)).sec } });
  });

  test('a <PRI> gives facility and severity (squeeks/glossy#13)', () => {
    expect(record(excerptLines('syslog', 'glossy-13-pri-precise.txt')[0] ?? '')).toMatchObject({
      severity: 'debug', fields: { facility: '1' }, host: 'host', component: 'user', message: 'test 123',
      stamp: { kind: 'utc', at: { sec: civilToInstant(2014, 3, 14, hms(1, 3, 1)).sec, nsec: 219_558_000 } },
    });
  });

  test('util-linux logger --rfc3164 on the wire: <PRI>, then the classic line', () => {
    const lines = excerptLines('syslog', 'logger-2.38-wire.txt').slice(2);
    expect(lines.map((l) => record(l)).map((r) => [r.severity, r.fields['facility'], r.component, r.pid])).toEqual([
      ['warning', '3', 'kubelet', 128468], ['notice', '3', 'containerd', undefined],
    ]);
  });

  test('rsyslog writes as many fraction digits as the sender sent; a corrupted stamp is a skip (rsyslog/rsyslog#5469)', () => {
    const pushed = runLines(syslogRfc3164, 'syslog', excerptLines('syslog', 'rsyslog-5469-fraction-digits.txt'));
    expect(recordsOf(pushed).map((r) => r.stamp.kind !== 'none' && r.stamp.precision)).toEqual(['ms', 'ms', 'ms', 'us', 'us', 'us', 'us']);
    // "app01 testmsg1" has no colon: no tag, all message.
    expect(recordsOf(pushed)[0]).toMatchObject({ host: 'HOSTNAME01', message: 'app01 testmsg1' });
    expect(recordsOf(pushed)[0]?.component).toBeUndefined();
    expect(skipsOf(pushed)).toEqual([{ line: 7, reason: 'no syslog timestamp', intentional: false }]);
  });

  test.each([
    ['<0>Apr  1 12:13:41 h k: x', 'critical', '0'],
    ['<3>Apr  1 12:13:41 h k: x', 'error', '0'],
    ['<165>Apr  1 12:13:41 h k: x', 'notice', '20'],
    ['<191>Apr  1 12:13:41 h k: x', 'debug', '23'],
  ])('%s: %s, facility %s', (line, severity, facility) => {
    expect(record(line)).toMatchObject({ severity, fields: { facility } });
  });

  test('journalctl\'s zero-padded day is read too: both parsers accept the classic form', () => {
    expect(record('Apr 01 12:13:41 idc-k8s-01 kubelet[128468]: x').stamp).toEqual(record('Apr  1 12:13:41 idc-k8s-01 kubelet[128468]: x').stamp);
  });

  test('an RFC 3339 time without a zone is a wall clock', () => {
    expect(record('2024-04-01T12:13:41.5 h k: x').stamp).toEqual({ kind: 'wall', at: { sec: civilToInstant(2024, 4, 1, hms(12, 13, 41)).sec, nsec: 500_000_000 }, precision: 'ms' });
  });

  test.each([
    ['<192>Apr  1 12:13:41 h k: x', 'PRI out of range'],
    ['Avr  1 12:13:41 h k: x', 'unknown month name'],
    ['avril 01 12:13:41 h k: x', 'no syslog timestamp'],
    ['Apr 31 12:13:41 h k: x', 'impossible date or time'],
    ['2024-04-31T12:13:41+00:00 h k: x', 'impossible date or time'],
    ['\tat java.lang.Thread.run(Thread.java:748)', 'no syslog timestamp'],
  ])('skips %j: %s', (line, reason) => {
    expect(syslogRfc3164.parseLine(line, at)).toEqual({ kind: 'skip', reason });
  });
});
