import fc from 'fast-check';
import { expect, test } from 'vitest';
import { journalShortIso } from '../../src/parse/journal-short-iso.js';
import { anyText, instantUs, prefix } from '../support/journal-arbitraries.js';
import { renderShortIso } from '../support/render-journal.js';
import { excerptLines, hostileLines } from '../support/run-parser.js';

const at = { path: 'node-a/journal.txt', line: 1 };
const offsetMin = fc.integer({ min: -48, max: 56 }).map((q) => q * 15); // -12:00 … +14:00

test('journal-short-iso: rendering then parsing gives the UTC instant, host, ident, pid and message back', () => {
  fc.assert(
    fc.property(instantUs, offsetMin, fc.boolean(), fc.boolean(), prefix, (t, off, precise, colon, p) => {
      const line = renderShortIso(t, off, precise, colon, p.prefix);
      const r = journalShortIso.parseLine(line, at);
      if (r.kind !== 'record') throw new Error(`skipped ${JSON.stringify(line)}: ${r.reason}`);
      expect(r.record).toEqual({
        kind: 'log',
        stamp: { kind: 'utc', at: precise ? t : { sec: t.sec, nsec: 0 }, precision: precise ? 'us' : 's' },
        severity: 'unknown',
        message: p.prefix.message,
        fields: {},
        source: at,
        ...p.names,
      });
    }),
  );
});

test('journal-short-iso: any text is a record or a counted skip, never a throw', () => {
  fc.assert(fc.property(anyText, (s) => {
    expect(['record', 'skip']).toContain(journalShortIso.parseLine(s, at).kind);
  }));
  for (const s of hostileLines(excerptLines('journal', 'journalctl-252-short-iso-precise.ict.txt'))) {
    expect(['record', 'skip']).toContain(journalShortIso.parseLine(s, at).kind);
  }
});
