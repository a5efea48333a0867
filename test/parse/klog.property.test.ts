import fc from 'fast-check';
import { expect, test } from 'vitest';
import { isValidDate } from '../../src/model/time.js';
import { klog } from '../../src/parse/klog.js';
import { isMultiLine, kvPairs, oneLine } from '../support/arb-klog.js';
import { expectedKvValue, formatKlog, formatKlogKv } from '../support/render-klog.js';
import { hostileLines } from '../support/run-parser.js';

const at = { path: 'node-a/kubelet.log', line: 1 };

const header = fc.record({
  level: fc.constantFrom('I' as const, 'W' as const, 'E' as const, 'F' as const),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 31 }),
  secOfDay: fc.integer({ min: 0, max: 86_399 }),
  micros: fc.integer({ min: 0, max: 999_999 }),
  tid: fc.integer({ min: 1, max: 9_999_999 }),
  file: fc.stringMatching(/^[a-z_]{1,24}\.go$/),
  line: fc.nat({ max: 99_999 }),
  message: oneLine,
});

const SEVERITY = { I: 'info', W: 'warning', E: 'error', F: 'critical' } as const;

test('klog: formatting then parsing gives time, severity, message and header fields back', () => {
  fc.assert(
    fc.property(header, (h) => {
      const r = klog.parseLine(formatKlog(h), at);
      // 31 April and 30 February are not dates; 29 February may be (the year is unknown).
      if (!isValidDate(2000, h.month, h.day)) {
        expect(r).toEqual({ kind: 'skip', reason: 'no klog header' });
        return;
      }
      if (r.kind !== 'record') throw new Error(`skipped: ${r.reason}`);
      expect(r.record.stamp).toEqual({ kind: 'yearless', month: h.month, day: h.day, secOfDay: h.secOfDay, nsec: h.micros * 1000, precision: 'us' });
      expect(r.record.severity).toBe(SEVERITY[h.level]);
      expect(r.record.message).toBe(h.message);
      expect(r.record.fields['tid']).toBe(String(h.tid));
      expect(r.record.fields['caller']).toBe(`${h.file}:${h.line}`);
      expect(r.record.host).toBeUndefined();
      expect(r.record.component).toBeUndefined();
    }),
  );
});

test('klog: a structured message after a header fills fields; message stays the whole text', () => {
  fc.assert(
    fc.property(header.filter((h) => isValidDate(2000, h.month, h.day)), oneLine, kvPairs.map((p) => p.filter((kv) => !isMultiLine(kv))), (h, msg, kvs) => {
      const text = formatKlogKv(msg, kvs);
      const r = klog.parseLine(formatKlog({ ...h, message: text }), at);
      if (r.kind !== 'record') throw new Error(`skipped: ${r.reason}`);
      expect(r.record.message).toBe(text);
      expect(r.record.fields).toEqual({
        ...Object.fromEntries(kvs.map(([k, v]) => [k, expectedKvValue(v)])), msg, tid: String(h.tid), caller: `${h.file}:${h.line}`,
      });
    }),
  );
});

test('klog: any string is a record or a counted skip, never a throw', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(['record', 'skip']).toContain(klog.parseLine(s, at).kind);
    }),
  );
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), header, (bytes, h) => {
      // Invalid UTF-8 decoded as ingest decodes it, alone and as a message.
      const decoded = Buffer.from(bytes).toString('utf8');
      for (const s of [decoded, formatKlog({ ...h, message: decoded })]) expect(['record', 'skip']).toContain(klog.parseLine(s, at).kind);
    }),
  );
  for (const s of hostileLines([formatKlog({ level: 'E', month: 4, day: 1, secOfDay: 1, micros: 1, tid: 1, file: 'a.go', line: 1, message: '"m" a=<' })])) {
    expect(['record', 'skip']).toContain(klog.parseLine(s, at).kind);
  }
});
