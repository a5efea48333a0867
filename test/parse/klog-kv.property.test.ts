import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseKlogKv } from '../../src/parse/klog-kv.js';
import { kvPairs, oneLine } from '../support/arb-klog.js';
import { expectedKvValue, formatKlogKv } from '../support/render-klog.js';
import { hostileLines } from '../support/run-parser.js';

test('klog-kv: structured messages give msg and every key back', () => {
  fc.assert(
    fc.property(oneLine, kvPairs, (msg, kvs) => {
      const kv = parseKlogKv(formatKlogKv(msg, kvs));
      expect(kv).toEqual({ msg, fields: Object.fromEntries(kvs.map(([k, v]) => [k, expectedKvValue(v)])) });
    }),
  );
});

test('klog-kv: any text is a result or undefined, never a throw', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      parseKlogKv(s);
      parseKlogKv(`"m" ${s}`);
      parseKlogKv(`"${s}`);
    }),
  );
  fc.assert(
    fc.property(oneLine, kvPairs, fc.nat(), (msg, kvs, cut) => {
      const text = formatKlogKv(msg, kvs);
      parseKlogKv(text.slice(0, cut % (text.length + 1))); // truncated anywhere
    }),
  );
  for (const s of hostileLines(['"m" a="b" c=[1,2] d=<\n\tx\n >'])) parseKlogKv(s);
});
