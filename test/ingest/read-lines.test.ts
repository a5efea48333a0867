import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readLines } from '../../src/ingest/read-lines.js';
import type { LineGate } from '../../src/model/gate.js';
import type { NumberedLine } from '../../src/parse/line-parser.js';

async function collect(chunks: Buffer[], gate?: LineGate, maxLineBytes = 1 << 20): Promise<{ lines: NumberedLine[]; counts: ReturnType<typeof readLines>['counts'] }> {
  const { batches, counts } = readLines((async function* () { yield* chunks; })(), { maxLineBytes, paste: 'none', ...(gate ? { gate } : {}) });
  const lines: NumberedLine[] = [];
  for await (const b of batches) lines.push(...b);
  return { lines, counts };
}

/** Split a buffer at the given cut points: chunk boundaries fall anywhere, mid-line and mid-character. */
function cut(buf: Buffer, points: number[]): Buffer[] {
  const sorted = [...new Set(points.map((p) => p % (buf.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of sorted) {
    out.push(buf.subarray(prev, p));
    prev = p;
  }
  out.push(buf.subarray(prev));
  return out.filter((b) => b.length > 0);
}

const gateFor = (re: RegExp): LineGate => ({
  *candidates(buf, from, to) {
    const chunk = Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString('latin1');
    const g = new RegExp(re.source, 'g');
    for (let m = g.exec(chunk); m !== null; m = g.exec(chunk)) {
      yield from + chunk.lastIndexOf('\n', m.index) + 1;
      const eol = chunk.indexOf('\n', m.index);
      if (eol < 0) return;
      g.lastIndex = eol + 1;
    }
  },
});

describe('readLines', () => {
  test('numbers every line, strips CR, keeps byte offsets across chunks and UTF-8 splits', async () => {
    const text = 'first\r\nzweite Zeile: grüße\nthird';
    const buf = Buffer.from(text);
    const { lines } = await collect(cut(buf, [3, 17, 18, 19]));
    expect(lines.map((l) => [l.no, l.text, l.offset])).toEqual([
      [1, 'first', 0],
      [2, 'zweite Zeile: grüße', 7],
      [3, 'third', Buffer.byteLength('first\r\nzweite Zeile: grüße\n')],
    ]);
  });

  test('cuts an overlong line at the cap, counts it, and keeps later line numbers right', async () => {
    const buf = Buffer.from(`a\n${'x'.repeat(5000)}\nb\n`);
    const { lines, counts } = await collect(cut(buf, [1000, 2000]), undefined, 100);
    expect(lines.map((l) => [l.no, l.text.length])).toEqual([[1, 1], [2, 100], [3, 1]]);
    expect(counts.truncated).toBe(1);
  });

  test('gated: every line the signal matches is a candidate with its real number (property)', async () => {
    const signal = /connect: connection refused/;
    const line = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', ':', '"'), maxLength: 40 }),
      fc.constant('Apr 01 12:00:00 n kubelet[1]: dial tcp 10.0.0.1:6443: connect: connection refused'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 }), async (ls, points) => {
        const buf = Buffer.from(ls.join('\n') + '\n');
        const full = await collect([buf]);
        const gated = await collect(cut(buf, points), gateFor(signal));
        const want = full.lines.filter((l) => signal.test(l.text)).map((l) => l.no);
        const got = new Set(gated.lines.map((l) => l.no));
        for (const n of want) expect(got.has(n)).toBe(true);
        for (const l of gated.lines) expect(l.text).toBe(full.lines[l.no - 1]?.text);
        expect(gated.counts.lines).toBe(full.counts.lines);
      }),
      { numRuns: 200 },
    );
  });

  test('gated: the first and last lines always come through, for time bounds', async () => {
    const buf = Buffer.from('one\ntwo\nthree\nfour\n');
    const { lines, counts } = await collect([buf], gateFor(/three/));
    expect(lines.map((l) => l.no)).toEqual([1, 3, 4]);
    expect(counts.lines).toBe(4);
  });
});
