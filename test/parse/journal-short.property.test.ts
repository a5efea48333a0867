import fc from 'fast-check';
import { expect, test } from 'vitest';
import { journalShort } from '../../src/parse/journal-short.js';
import { anyText, monthDay, prefix } from '../support/journal-arbitraries.js';
import { renderShort } from '../support/render-journal.js';
import { excerptLines, hostileLines } from '../support/run-parser.js';

const at = { path: 'node-a/journal.txt', line: 1 };

// `%b` of 15 glibc locales with its pad (ja_JP " 4月"), as `date` printed it: see SOURCES.md.
const MONTHS = new Map<string, string[]>();
for (const row of excerptLines('journal', 'strftime-b-d-glibc-2.36.tsv')) {
  const [locale = '', , printed = ''] = row.split('\t');
  MONTHS.set(locale, [...(MONTHS.get(locale) ?? []), printed.slice(0, -' 01 12:13:41'.length)]);
}

test('journal-short: rendering then parsing gives time, host, ident, pid and message back, in every locale', () => {
  const usec = fc.option(fc.integer({ min: 0, max: 999_999 }), { nil: undefined });
  fc.assert(
    fc.property(monthDay, usec, prefix, fc.constantFrom(...MONTHS.keys()), (t, us, p, locale) => {
      const line = renderShort({ ...t, ...(us !== undefined && { usec: us }) }, p.prefix, (m) => MONTHS.get(locale)?.[m - 1] ?? '');
      const r = journalShort.parseLine(line, at);
      if (r.kind !== 'record') throw new Error(`skipped ${JSON.stringify(line)}: ${r.reason}`);
      expect(r.record).toEqual({
        kind: 'log',
        stamp: { kind: 'yearless', ...t, nsec: (us ?? 0) * 1000, precision: us === undefined ? 's' : 'us' },
        severity: 'unknown',
        message: p.prefix.message,
        fields: {},
        source: at,
        ...p.names,
      });
    }),
  );
});

test('journal-short: any text is a record or a counted skip, never a throw', () => {
  fc.assert(fc.property(anyText, (s) => {
    expect(['record', 'skip']).toContain(journalShort.parseLine(s, at).kind);
  }));
  const valid = excerptLines('journal', 'journalctl-252-short.ja_JP.txt');
  for (const s of hostileLines(valid)) expect(['record', 'skip']).toContain(journalShort.parseLine(s, at).kind);
});
