import fc from 'fast-check';
import { expect, test } from 'vitest';
import { LinePacker, unpackLines } from '../../src/ingest/packed-lines.js';
import type { NumberedLine } from '../../src/ingest/numbered-line.js';

test('lines packed by a scan worker come back the same, renumbered and moved, in batches (property)', () => {
  const line = fc.record({ no: fc.nat({ max: 1e9 }), text: fc.string({ unit: 'binary', maxLength: 300 }), offset: fc.nat({ max: 2 ** 40 }) });
  fc.assert(
    fc.property(fc.array(line, { maxLength: 40 }), fc.nat({ max: 1e6 }), fc.nat({ max: 2 ** 40 }), fc.integer({ min: 1, max: 7 }), (lines, lineBase, offsetBase, batch) => {
      // Lines as ingest decodes them: valid UTF-8 read back, so lone surrogates are already U+FFFD.
      const decoded = lines.map((l) => ({ ...l, text: Buffer.from(l.text, 'utf8').toString('utf8') }));
      const packer = new LinePacker();
      for (const l of decoded) packer.add(l);
      const batches = [...unpackLines(packer.finish(), lineBase, offsetBase, batch)];
      expect(batches.every((b) => b.length > 0 && b.length <= batch)).toBe(true);
      expect(batches.flat()).toEqual(decoded.map((l) => ({ no: l.no + lineBase, text: l.text, offset: l.offset + offsetBase })));
    }),
  );
});

test('a packer grows past its first buffer and starts over after finish', () => {
  const packer = new LinePacker();
  const long: NumberedLine[] = Array.from({ length: 3000 }, (_, i) => ({ no: i + 1, text: `${'é'.repeat(400)} ${i}`, offset: i * 900 }));
  for (const l of long) packer.add(l);
  const first = packer.finish();
  expect(first.count).toBe(3000);
  expect([...unpackLines(first, 0, 0, 512)].flat()).toEqual(long);
  packer.add({ no: 7, text: 'again', offset: 3 });
  expect([...unpackLines(packer.finish(), 0, 0, 512)].flat()).toEqual([{ no: 7, text: 'again', offset: 3 }]);
});
