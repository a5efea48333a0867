import fc from 'fast-check';
import { expect, test } from 'vitest';
import { plain } from '../../src/parse/plain.js';
import { hostileLines } from '../support/run-parser.js';

const at = { path: 'node-a/out.txt', line: 7 };

test('plain: a non-blank line comes back as the message, with no time', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }).filter((s) => s.trim() !== '' && !/[\r\n]/.test(s)), (s) => {
      expect(plain.parseLine(s, at)).toEqual({
        kind: 'record',
        record: { kind: 'log', stamp: { kind: 'none' }, severity: 'unknown', message: s, fields: {}, source: at },
      });
    }),
  );
});

test('plain: any string is a record or a counted skip, never a throw', () => {
  const check = (s: string): void => {
    expect(['record', 'skip']).toContain(plain.parseLine(s, at).kind);
  };
  fc.assert(fc.property(fc.string({ unit: 'binary' }), check));
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => check(Buffer.from(b).toString('utf8'))));
  for (const s of hostileLines(['some text'])) check(s);
});
