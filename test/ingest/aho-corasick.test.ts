import fc from 'fast-check';
import { expect, test } from 'vitest';
import { buildAutomaton, scan, type ScanState } from '../../src/ingest/aho-corasick.js';

/** Every offset just past an occurrence of some word, found the slow way. */
function naiveEnds(words: readonly Uint8Array[], buf: Uint8Array): number[] {
  const ends = new Set<number>();
  for (const w of words) {
    for (let i = 0; i + w.length <= buf.length; i++) {
      if (w.every((b, k) => buf[i + k] === b)) ends.add(i + w.length);
    }
  }
  return [...ends].sort((a, b) => a - b);
}

/** Every hit, resuming after each one (so overlapping words are found too), over chunks cut at `cuts`. */
function scanEnds(words: readonly Uint8Array[], buf: Uint8Array, cuts: readonly number[]): number[] {
  const a = buildAutomaton(words);
  const resume: ScanState = { state: 0 };
  const ends: number[] = [];
  const bounds = [...new Set([0, ...cuts.map((c) => c % (buf.length + 1)), buf.length])].sort((x, y) => x - y);
  for (let k = 0; k + 1 < bounds.length; k++) {
    const to = bounds[k + 1] as number;
    for (let pos = bounds[k] as number; pos < to; ) {
      const hit = scan(a, buf, pos, to, resume);
      if (hit < 0) break;
      ends.push(hit);
      pos = hit;
    }
  }
  return ends;
}

const alphabet = fc.constantFrom(0x61, 0x62, 0x63, 0x0a, 0xc3, 0xa9);
const word = fc.uint8Array({ minLength: 1, maxLength: 5 }).map((w) => w.map((b) => [0x61, 0x62, 0x63, 0x0a, 0xc3, 0xa9][b % 6] as number));

test('the automaton finds exactly the offsets where some word ends, across chunk boundaries, overlaps included', () => {
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.array(alphabet, { maxLength: 200 }), fc.array(fc.nat(), { maxLength: 4 }), (words, bytes, cuts) => {
      const buf = Uint8Array.from(bytes);
      expect(scanEnds(words, buf, cuts)).toEqual(naiveEnds(words, buf));
    }),
    { numRuns: 500 },
  );
});

test('a word that is a suffix of another is reported where both end, once', () => {
  const words = [Buffer.from('abc'), Buffer.from('bc'), Buffer.from('c')];
  expect(scanEnds(words, Buffer.from('xabcxbc'), [])).toEqual([4, 7]);
});
