import { describe, expect, test } from 'vitest';
import type { ParsedRecord } from '../../src/model/event.js';
import { civilToInstant } from '../../src/model/time.js';
import { journalShortIso } from '../../src/parse/journal-short-iso.js';
import { excerptLines, recordsOf, runLines, skipsOf } from '../support/run-parser.js';

const at = { path: 'node-a/journal.txt', line: 1 };

function record(text: string): ParsedRecord {
  const r = journalShortIso.parseLine(text, at);
  if (r.kind !== 'record') throw new Error(`skipped: ${r.reason}`);
  return r.record;
}

describe('journal-short-iso', () => {
  test('reads the header comment sample: %z offset, before systemd v255 (systemd/systemd#29134)', () => {
    const line = excerptLines('journal', 'systemd-29134-short-iso.txt')[0] ?? '';
    expect(journalShortIso.parseLine(line, at)).toEqual({
      kind: 'record',
      record: {
        kind: 'log',
        // 17:20:30 at +02:00 is 15:20:30 UTC.
        stamp: { kind: 'utc', at: civilToInstant(2023, 9, 8, 15 * 3600 + 20 * 60 + 30), precision: 's' },
        severity: 'unknown',
        message: 'Highest drive temperature: 43 Celcius.',
        fields: {},
        source: at,
        host: 'tarta',
        component: 'r710_fan_controller.sh',
        pid: 20911,
      },
    });
  });

  test('v255+ writes the offset with a colon: the same instant', () => {
    const old = record('2023-09-08T17:20:30.655028+0200 tarta r710_fan_controller.sh[20911]: x');
    const v255 = record('2023-09-08T17:20:30.655028+02:00 tarta r710_fan_controller.sh[20911]: x');
    expect(v255.stamp).toEqual(old.stamp);
    expect(old.stamp).toEqual({ kind: 'utc', at: { sec: civilToInstant(2023, 9, 8, 15 * 3600 + 20 * 60 + 30).sec, nsec: 655_028_000 }, precision: 'us' });
  });

  test('journalctl 252 in Asia/Ho_Chi_Minh (+0700) and America/St_Johns (-0330): one instant', () => {
    const ict = recordsOf(runLines(journalShortIso, 'i', excerptLines('journal', 'journalctl-252-short-iso-precise.ict.txt')));
    const nst = recordsOf(runLines(journalShortIso, 'n', excerptLines('journal', 'journalctl-252-short-iso.nst.txt')));
    const utc = recordsOf(runLines(journalShortIso, 'u', excerptLines('journal', 'journalctl-252-short-iso.txt')));
    expect([ict.length, nst.length, utc.length]).toEqual([9, 9, 9]);
    const seconds = (rs: ParsedRecord[]): number[] => rs.map((r) => (r.stamp.kind === 'utc' ? r.stamp.at.sec : NaN));
    expect(seconds(ict)).toEqual(seconds(utc));
    expect(seconds(nst)).toEqual(seconds(utc));
    expect(ict[2]?.stamp).toMatchObject({ precision: 'us', at: { nsec: 119_211_000 } });
  });

  test('the continuation line of a two-line MESSAGE is left to the previous record', () => {
    const pushed = runLines(journalShortIso, 'u', excerptLines('journal', 'journalctl-252-short-iso.txt'));
    expect(skipsOf(pushed)).toEqual([{ line: 6, reason: 'no journal short-iso timestamp', intentional: false }]);
  });

  test('Z is UTC too', () => {
    expect(record('2024-04-01T12:13:41Z node-a kubelet[1]: x').stamp).toEqual({ kind: 'utc', at: civilToInstant(2024, 4, 1, 12 * 3600 + 13 * 60 + 41), precision: 's' });
  });

  test('markers are read here too', () => {
    expect(journalShortIso.parseLine('-- No entries --', at)).toMatchObject({ kind: 'record', record: { kind: 'marker', marker: 'no-entries' } });
  });

  test.each([
    ['2024-04-01T12:13:41 node-a kubelet[1]: x', 'no journal short-iso timestamp'], // no zone: not short-iso
    ['2024-02-30T12:13:41+0000 node-a kubelet[1]: x', 'impossible date or time'],
    ['Apr 01 12:13:41 node-a kubelet[1]: x', 'no journal short-iso timestamp'],
  ])('skips %j: %s', (line, reason) => {
    expect(journalShortIso.parseLine(line, at)).toEqual({ kind: 'skip', reason });
  });
});
