import fc from 'fast-check';
import { expect, test } from 'vitest';
import { journalShortMonotonic } from '../../src/parse/journal-short-monotonic.js';
import { anyText, prefix } from '../support/journal-arbitraries.js';
import { renderShortMonotonic } from '../support/render-journal.js';
import { excerptLines, hostileLines } from '../support/run-parser.js';

const at = { path: 'node-a/journal.txt', line: 1 };
const sinceBoot = fc.record({
  sec: fc.oneof(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 999_999_999 })),
  nsec: fc.integer({ min: 0, max: 999_999 }).map((us) => us * 1000),
});

test('journal-short-monotonic: rendering then parsing gives seconds since boot, host, ident, pid and message back', () => {
  fc.assert(
    fc.property(sinceBoot, prefix, (t, p) => {
      const line = renderShortMonotonic(t, p.prefix);
      const r = journalShortMonotonic.parseLine(line, at);
      if (r.kind !== 'record') throw new Error(`skipped ${JSON.stringify(line)}: ${r.reason}`);
      expect(r.record).toEqual({
        kind: 'log',
        stamp: { kind: 'monotonic', sinceBoot: t, precision: 'us' },
        severity: 'unknown',
        message: p.prefix.message,
        fields: {},
        source: at,
        ...p.names,
      });
    }),
  );
});

test('journal-short-monotonic: any text is a record or a counted skip, never a throw', () => {
  fc.assert(fc.property(anyText, (s) => {
    expect(['record', 'skip']).toContain(journalShortMonotonic.parseLine(s, at).kind);
  }));
  for (const s of hostileLines(excerptLines('journal', 'journalctl-252-short-monotonic.txt'))) {
    expect(['record', 'skip']).toContain(journalShortMonotonic.parseLine(s, at).kind);
  }
});
