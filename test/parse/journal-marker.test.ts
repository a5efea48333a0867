import { describe, expect, test } from 'vitest';
import { readJournalMarker } from '../../src/parse/journal-marker.js';
import { excerptLines } from '../support/run-parser.js';

const at = { path: 'node-a/journal.txt', line: 1 };
const first = (file: string): string => excerptLines('journal', file)[0] ?? '';

describe('journal markers', () => {
  test('-- Logs begin at … PST: the begin time is a wall clock, PST kept (kubernetes/kubeadm#2015)', () => {
    const line = first('kubeadm-2015-logs-begin.txt');
    expect(readJournalMarker(line, at)).toEqual({
      kind: 'record',
      record: {
        kind: 'marker',
        marker: 'logs-begin',
        // Fri 2019-11-29 03:46:43 read as if UTC: 18229 days after the epoch.
        stamp: { kind: 'wall', at: { sec: 18_229 * 86_400 + 3 * 3600 + 46 * 60 + 43, nsec: 0 }, precision: 's' },
        severity: 'unknown',
        message: line,
        fields: { begins: 'Fri 2019-11-29 03:46:43 PST', ends: 'Wed 2020-02-05 09:21:06 PST', tz: 'PST' },
        source: at,
      },
    });
  });

  test('-- Logs begin at … UTC: the begin time is UTC (kubernetes/minikube#11110)', () => {
    const r = readJournalMarker(first('minikube-11110-logs-begin-utc.txt'), at);
    expect(r).toMatchObject({ kind: 'record', record: { marker: 'logs-begin', stamp: { kind: 'utc', precision: 's' } } });
    expect(r?.kind === 'record' && r.record.fields).toEqual({ begins: 'Sun 2021-04-04 01:40:52 UTC', ends: 'Fri 2021-04-16 01:35:57 UTC' });
  });

  test('journalctl -f prints only the begin (kubernetes/kubernetes#77489)', () => {
    const r = readJournalMarker(first('kubernetes-77489-logs-begin-follow.txt'), at);
    expect(r?.kind === 'record' && r.record.fields).toEqual({ begins: 'Mon 2019-05-13 23:04:14 CST', tz: 'CST' });
  });

  test.each([
    [first('systemd-21491-journal-begins.txt'), { begins: 'Fri 2021-09-03 05:27:23 CST', ends: 'Tue 2021-11-23 21:58:15 CST', tz: 'CST' }],
    ['-- Journal begins at Mon 2020-11-23 02:18:37 UTC, ends at Sat 2021-01-02 22:20:10 UTC. --', { begins: 'Mon 2020-11-23 02:18:37 UTC', ends: 'Sat 2021-01-02 22:20:10 UTC' }],
    ['-- Journal begins at Sat 2021-10-23 22:38:20 CEST. --', { begins: 'Sat 2021-10-23 22:38:20 CEST', tz: 'CEST' }],
  ])('v246+ wording: %s', (line, fields) => {
    expect(readJournalMarker(line, at)).toMatchObject({ kind: 'record', record: { kind: 'marker', marker: 'logs-begin', fields } });
  });

  test('a begin time format_timestamp() would not write leaves the marker without a time', () => {
    const r = readJournalMarker('-- Logs begin at sometime, end at later. --', at);
    expect(r).toMatchObject({ kind: 'record', record: { marker: 'logs-begin', stamp: { kind: 'none' }, fields: { begins: 'sometime', ends: 'later' } } });
  });

  test.each([
    ['-- Boot 5f8c9e3f1a8b4c2d9e0f1a2b3c4d5e6f --', 'boot', { bootId: '5f8c9e3f1a8b4c2d9e0f1a2b3c4d5e6f' }],
    ['-- Reboot --', 'reboot', {}],
    ['-- No entries --', 'no-entries', {}],
    [first('azure-docs-13669-no-entries.txt'), 'no-entries', {}],
    [first('journalctl-252-no-entries.txt'), 'no-entries', {}],
  ])('%s is a %s marker', (line, marker, fields) => {
    expect(readJournalMarker(line, at)).toEqual({
      kind: 'record',
      record: { kind: 'marker', marker, stamp: { kind: 'none' }, severity: 'unknown', message: line, fields, source: at },
    });
  });

  test('-x catalog text in both glyphs, with and without the trailing space, is an intentional skip', () => {
    const lines = [
      ...excerptLines('journal', 'journalctl-252-catalog.utf8.txt').slice(3),
      ...excerptLines('journal', 'journalctl-252-catalog.c.txt').slice(3),
      ...excerptLines('journal', 'cloud-native-setup-127-catalog.txt').slice(1, 7),
      '--', '░░',
    ];
    expect(lines.filter((l) => l.startsWith('░░ '))).toHaveLength(6);
    expect(lines.filter((l) => l === '-- ')).toHaveLength(2);
    for (const line of lines) {
      expect(readJournalMarker(line, at)).toEqual({ kind: 'skip', reason: 'journalctl -x catalog text', intentional: true });
    }
  });

  test('--show-cursor prints the cursor last: an intentional skip', () => {
    expect(readJournalMarker('-- cursor: s=20b0ac716f5547db97539a4f8f3df34e;i=7;b=7694875f9c244b14a6388368cd60b1d4', at)).toEqual({
      kind: 'skip', reason: 'journalctl --show-cursor line', intentional: true,
    });
  });

  test.each([
    'Apr 01 12:13:41 node-a kubelet[1]: -- Boot 5f8c9e3f1a8b4c2d9e0f1a2b3c4d5e6f --',
    '--- a/file',
    '    -- No entries --',
  ])('not a line of journalctl\'s own: %s', (line) => {
    expect(readJournalMarker(line, at)).toBeUndefined();
  });

  test('a "-- " line that is no known marker counts as catalog text', () => {
    expect(readJournalMarker('-- Boot 5F8C --', at)).toEqual({ kind: 'skip', reason: 'journalctl -x catalog text', intentional: true });
  });
});
