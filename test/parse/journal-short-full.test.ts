import { describe, expect, test } from 'vitest';
import type { ParsedRecord } from '../../src/model/event.js';
import { civilToInstant } from '../../src/model/time.js';
import { journalShortFull } from '../../src/parse/journal-short-full.js';
import { excerptLines, recordsOf, runLines } from '../support/run-parser.js';

const at = { path: 'node-a/journal.txt', line: 1 };

function record(text: string): ParsedRecord {
  const r = journalShortFull.parseLine(text, at);
  if (r.kind !== 'record') throw new Error(`skipped: ${r.reason}`);
  return r.record;
}

describe('journal-short-full', () => {
  test('reads the header comment sample (journalctl 252 --utc -o short-full)', () => {
    const line = excerptLines('journal', 'journalctl-252-short-full.utc.txt')[2] ?? '';
    expect(journalShortFull.parseLine(line, at)).toEqual({
      kind: 'record',
      record: {
        kind: 'log',
        stamp: { kind: 'utc', at: civilToInstant(2026, 11, 22, 17 * 3600 + 38 * 60 + 51), precision: 's' },
        severity: 'unknown',
        message: 'I0401 12:13:41.798230  128468 certificate_manager.go:366] Rotating certificates',
        fields: {},
        source: at,
        host: 'vm',
        component: 'kubelet',
        pid: 7592,
      },
    });
  });

  test('journalctl 252 with --utc, TZ=Asia/Ho_Chi_Minh (+07) and TZ=Europe/Berlin (CET)', () => {
    const read = (file: string): ParsedRecord[] => recordsOf(runLines(journalShortFull, file, excerptLines('journal', file)));
    const utc = read('journalctl-252-short-full.utc.txt');
    const ict = read('journalctl-252-short-full.ict.txt');
    const cet = read('journalctl-252-short-full.cet.txt');
    expect([utc.length, ict.length, cet.length]).toEqual([9, 9, 9]);
    // "+07" is a numeric zone: resolved to the same UTC instant as --utc.
    expect(ict.map((r) => r.stamp)).toEqual(utc.map((r) => r.stamp));
    // "CET" names no offset by itself: wall clock, one hour ahead of UTC, with the name kept.
    const first = cet[0];
    expect(first?.stamp.kind).toBe('wall');
    expect(first?.fields).toEqual({ tz: 'CET' });
    const u = utc[0]?.stamp;
    expect(first?.stamp.kind === 'wall' && u?.kind === 'utc' && first.stamp.at.sec - u.at.sec).toBe(3600);
  });

  test.each([
    ['Mon 2024-04-01 12:13:41 GMT h k[1]: x', 'utc', 0],
    ['Mon 2024-04-01 12:13:41 +07 h k[1]: x', 'utc', -7 * 3600],
    ['Mon 2024-04-01 12:13:41 -03 h k[1]: x', 'utc', 3 * 3600],
    ['Mon 2024-04-01 12:13:41 +0545 h k[1]: x', 'utc', -(5 * 3600 + 45 * 60)],
    ['Mon 2024-04-01 12:13:41 ICT h k[1]: x', 'wall', 0],
    ['Mon 2024-04-01 12:13:41 CEST h k[1]: x', 'wall', 0],
  ])('%s is %s', (line, kind, shift) => {
    const r = record(line);
    expect(r.stamp).toEqual({ kind, at: { sec: civilToInstant(2024, 4, 1, 12 * 3600 + 13 * 60 + 41).sec + shift, nsec: 0 }, precision: 's' });
    expect(r.fields).toEqual(kind === 'wall' ? { tz: line.split(' ')[3] } : {});
  });

  test.each([
    ['Mon 2024-02-30 12:13:41 UTC h k[1]: x', 'no journal short-full timestamp'],
    ['Mon 2024-04-01 12:13:41.123 UTC', 'no journal short-full timestamp'],
    ['Apr 01 12:13:41 h k[1]: x', 'no journal short-full timestamp'],
  ])('skips %j: %s', (line, reason) => {
    expect(journalShortFull.parseLine(line, at)).toEqual({ kind: 'skip', reason });
  });

  test('journalctl always writes a zone; without one a short letters-only host would be read as the zone', () => {
    // format_timestamp() drops the zone only when its buffer is too small, which journalctl's never is.
    expect(journalShortFull.parseLine('Mon 2024-04-01 12:13:41 node-a kubelet[1]: x', at)).toEqual({ kind: 'skip', reason: 'no journal short-full timestamp' });
    expect(record('Mon 2024-04-01 12:13:41 myhost kubelet[1]: x')).toMatchObject({ fields: { tz: 'myhost' }, component: 'kubelet' });
  });
});
