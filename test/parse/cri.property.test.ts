import fc from 'fast-check';
import { expect, test } from 'vitest';
import { cri } from '../../src/parse/cri.js';
import { formatCri, type CriEntry } from '../support/render-cri.js';
import { hostileLines, recordsOf, runBlock } from '../support/run-parser.js';

const path = 'var/log/pods/ns_pod_uid/c/0.log';

const tricky = fc.constantFrom('\u2028', '\t', ' ', 'P', 'F', 'stdout', 'Z', '\u0000', '😀', '{"log":"x"}');
// One line each: the runtime splits on newlines before writing.
const content = fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) }).filter((s) => !/[\r\n]/.test(s));

const entry: fc.Arbitrary<CriEntry> = fc.record({
  at: fc.record({ sec: fc.integer({ min: 0, max: 4_102_444_800 }), nsec: fc.integer({ min: 0, max: 999_999_990 }) }),
  offsetMin: fc.constantFrom(0, 0, 120, -240, 330, 765, -570),
  stream: fc.constantFrom('stdout' as const, 'stderr' as const),
  parts: fc.array(content, { minLength: 1, maxLength: 4 }),
});

test('cri: rendered entries parse back to time, stream and the joined message', () => {
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
      const recs = recordsOf(runBlock(cri, path, entries.flatMap(formatCri)));
      expect(recs.map((r) => ({ stamp: r.stamp, message: r.message, fields: r.fields, severity: r.severity }))).toEqual(
        entries.map((e) => ({ stamp: { kind: 'utc', at: e.at, precision: 'ns' }, message: e.parts.join(''), fields: { stream: e.stream }, severity: 'unknown' })),
      );
      let line = 1;
      expect(recs.map((r) => r.source.line)).toEqual(entries.map((e) => ((line += e.parts.length), line - e.parts.length)));
      for (const r of recs) expect([r.host, r.component]).toEqual([undefined, undefined]);
    }),
  );
});

test('cri: interleaved streams each join their own parts', () => {
  fc.assert(
    fc.property(entry, entry, (a0, b0) => {
      const a = { ...a0, stream: 'stdout' as const };
      const b = { ...b0, stream: 'stderr' as const };
      const [la, lb] = [formatCri(a), formatCri(b)];
      // a's parts up to its F, with all of b between a's first part and the rest.
      const lines = [...la.slice(0, 1), ...lb, ...la.slice(1)];
      const recs = recordsOf(runBlock(cri, path, lines));
      const byStream = Object.fromEntries(recs.map((r) => [r.fields['stream'], r.message]));
      expect(byStream).toEqual({ stdout: a.parts.join(''), stderr: b.parts.join('') });
    }),
  );
});

test('cri: any lines give records or counted skips, never a throw', () => {
  const run = (lines: string[]): void => {
    for (const p of runBlock(cri, path, lines)) expect(['record', 'skip']).toContain(p.result.kind);
  };
  fc.assert(fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 5 }), run));
  fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 5 }), (bs) => run(bs.map((b) => Buffer.from(b).toString('utf8')))));
  fc.assert(
    fc.property(entry, fc.nat(), (e, cut) => {
      const lines = formatCri(e);
      run(lines.map((l) => l.slice(0, cut % (l.length + 1))));
    }),
  );
  run(hostileLines(['2024-04-01T12:13:41.801997123Z stderr P x', '2024-04-01T12:13:41.801997123Z stderr F x']));
});
