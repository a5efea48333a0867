import { describe, expect, test } from 'vitest';
import { journalShortMonotonic } from '../../src/parse/journal-short-monotonic.js';
import { excerptLines, recordsOf, runLines, skipsOf } from '../support/run-parser.js';

const at = { path: 'node-a/journal.txt', line: 1 };

describe('journal-short-monotonic', () => {
  test('reads the header comment sample (systemd/systemd#30054)', () => {
    const line = excerptLines('journal', 'systemd-30054-short-monotonic.txt')[0] ?? '';
    expect(journalShortMonotonic.parseLine(line, at)).toEqual({
      kind: 'record',
      record: {
        kind: 'log',
        stamp: { kind: 'monotonic', sinceBoot: { sec: 20, nsec: 888_224_000 }, precision: 'us' },
        severity: 'unknown',
        message: 'Hostname set to <localhost>.',
        fields: {},
        source: at,
        host: 'localhost',
        component: 'systemd',
        pid: 1,
      },
    });
  });

  test('kernel lines past the five-column pad (systemd/systemd#22554)', () => {
    const recs = recordsOf(runLines(journalShortMonotonic, 'm', excerptLines('journal', 'systemd-22554-short-monotonic.txt')));
    expect(recs.map((r) => r.stamp)).toEqual([
      { kind: 'monotonic', sinceBoot: { sec: 4274, nsec: 52_063_000 }, precision: 'us' },
      { kind: 'monotonic', sinceBoot: { sec: 4274, nsec: 89_861_000 }, precision: 'us' },
      { kind: 'monotonic', sinceBoot: { sec: 4596, nsec: 683_362_000 }, precision: 'us' },
    ]);
    expect(recs.every((r) => r.component === 'kernel' && r.pid === undefined && r.host === 'fovo.local')).toBe(true);
  });

  test('journalctl 252: nine records, the continuation line left over', () => {
    const pushed = runLines(journalShortMonotonic, 'm', excerptLines('journal', 'journalctl-252-short-monotonic.txt'));
    expect(recordsOf(pushed)).toHaveLength(9);
    expect(skipsOf(pushed)).toEqual([{ line: 6, reason: 'no journal short-monotonic timestamp', intentional: false }]);
  });

  test.each([
    '[1234.567890] node-a kubelet[1]: x',
    '[    0.000000] node-a kernel: Linux version 6.9.5',
  ])('reads %j', (line) => {
    expect(journalShortMonotonic.parseLine(line, at).kind).toBe('record');
  });

  test.each(['[ 1234] node-a k: x', '[ 1234.5678901234] node-a k: x', 'Apr 01 12:13:41 node-a k: x'])('skips %j', (line) => {
    expect(journalShortMonotonic.parseLine(line, at)).toEqual({ kind: 'skip', reason: 'no journal short-monotonic timestamp' });
  });
});
