import fc from 'fast-check';
import { expect, test } from 'vitest';
import { precisionOfDigits } from '../../src/model/time.js';
import { klogJson } from '../../src/parse/klog-json.js';
import { formatKlogJson, type KlogJsonParts } from '../support/render-klog-json.js';
import { hostileLines } from '../support/run-parser.js';

const at = { path: 'node-a/kubelet.log', line: 1 };

const tricky = fc.constantFrom('\u2028', '\u2029', '\t', '"', '\\', '<', '>', '&', '\u0000', '\n', '😀', 'µ');
const text = fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) });
const extraKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !['ts', 'msg', 'v', 'err', 'caller', 'level'].includes(k));
const extraValue = fc.oneof(text, fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }));

const line: fc.Arbitrary<KlogJsonParts> = fc.record(
  {
    sec: fc.integer({ min: 0, max: 4_102_444_800 }), // up to 2100
    ms: fc.integer({ min: 0, max: 999 }),
    frac: fc.stringMatching(/^\d{0,4}$/), // zap's shortest float keeps about 4 digits at today's epoch
    caller: fc.stringMatching(/^[a-z]{1,8}\/[a-z_]{1,12}\.go:\d{1,4}$/),
    msg: text.filter((m) => !m.endsWith('\n')),
    v: fc.integer({ min: 0, max: 10 }),
    err: text,
    extra: fc.uniqueArray(fc.tuple(extraKey, extraValue), { selector: ([k]) => k, maxLength: 4 }),
  },
  { requiredKeys: ['sec', 'ms', 'frac', 'msg', 'extra'] },
);

test('klog-json: rendering then parsing gives time, severity, message and fields back', () => {
  fc.assert(
    fc.property(line, (p) => {
      const r = klogJson.parseLine(formatKlogJson(p), at);
      if (r.kind !== 'record') throw new Error(`skipped: ${r.reason}`);
      const nsec = p.ms * 1e6 + Number(p.frac.padEnd(6, '0'));
      expect(r.record.stamp).toEqual({ kind: 'utc', at: { sec: p.sec, nsec }, precision: precisionOfDigits(3 + p.frac.length) });
      expect(r.record.severity).toBe(p.v === undefined ? 'error' : 'info');
      expect(r.record.message).toBe(p.msg);
      const fields: Record<string, string> = {};
      if (p.caller !== undefined) fields['caller'] = p.caller;
      if (p.v !== undefined) fields['v'] = String(p.v);
      for (const [k, v] of p.extra) {
        // defineProperty: a `__proto__` key must stay a field (fast-check found it).
        Object.defineProperty(fields, k, { value: typeof v === 'string' ? v : JSON.stringify(v), enumerable: true, writable: true, configurable: true });
      }
      if (p.err !== undefined) fields['err'] = p.err;
      expect(r.record.fields).toEqual(fields);
      expect(r.record.host).toBeUndefined();
      expect(r.record.component).toBeUndefined();
    }),
  );
});

test('klog-json: any string is a record or a counted skip, never a throw', () => {
  const check = (s: string): void => {
    expect(['record', 'skip']).toContain(klogJson.parseLine(s, at).kind);
  };
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => { check(s); check(`{${s}`); check(`{"ts":1,"msg":${s}}`); }));
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => check(Buffer.from(b).toString('utf8'))));
  fc.assert(
    fc.property(line, fc.nat(), (p, cut) => {
      const s = formatKlogJson(p);
      check(s.slice(0, cut % (s.length + 1))); // truncated JSON
    }),
  );
  for (const s of hostileLines([formatKlogJson({ sec: 1, ms: 2, frac: '3', msg: 'm', v: 0, extra: [] })])) check(s);
});
