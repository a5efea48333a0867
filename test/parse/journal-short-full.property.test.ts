import fc from 'fast-check';
import { expect, test } from 'vitest';
import { journalShortFull } from '../../src/parse/journal-short-full.js';
import { anyText, instantUs, prefix } from '../support/journal-arbitraries.js';
import { renderShortFull } from '../support/render-journal.js';
import { excerptLines, hostileLines } from '../support/run-parser.js';

const at = { path: 'node-a/journal.txt', line: 1 };

/** A zone as tm_zone names it, its offset, and whether the name alone says the offset. */
const zone = fc.oneof(
  fc.constantFrom({ name: 'UTC', offsetMin: 0, resolvable: true }, { name: 'GMT', offsetMin: 0, resolvable: true }),
  // tzdata's numeric abbreviations: +07, -03, +0530, +0545.
  fc.integer({ min: -48, max: 56 }).map((q) => {
    const m = q * 15;
    const a = Math.abs(m);
    const hh = String(Math.floor(a / 60)).padStart(2, '0');
    const name = `${m < 0 ? '-' : '+'}${hh}${a % 60 === 0 ? '' : String(a % 60).padStart(2, '0')}`;
    return { name, offsetMin: m, resolvable: true };
  }),
  fc.constantFrom(
    { name: 'CET', offsetMin: 60, resolvable: false }, { name: 'CEST', offsetMin: 120, resolvable: false },
    { name: 'ICT', offsetMin: 420, resolvable: false }, { name: 'PST', offsetMin: -480, resolvable: false },
    { name: 'IST', offsetMin: 330, resolvable: false }, { name: 'ChST', offsetMin: 600, resolvable: false },
  ),
);

test('journal-short-full: rendering then parsing gives the time (UTC when the zone says so), host, ident, pid and message back', () => {
  fc.assert(
    fc.property(instantUs, zone, prefix, (t, z, p) => {
      const whole = { sec: t.sec, nsec: 0 };
      const line = renderShortFull(whole, z.offsetMin, z.name, p.prefix);
      const r = journalShortFull.parseLine(line, at);
      if (r.kind !== 'record') throw new Error(`skipped ${JSON.stringify(line)}: ${r.reason}`);
      expect(r.record).toEqual({
        kind: 'log',
        stamp: z.resolvable
          ? { kind: 'utc', at: whole, precision: 's' }
          : { kind: 'wall', at: { sec: t.sec + z.offsetMin * 60, nsec: 0 }, precision: 's' },
        severity: 'unknown',
        message: p.prefix.message,
        fields: z.resolvable ? {} : { tz: z.name },
        source: at,
        ...p.names,
      });
    }),
  );
});

test('journal-short-full: any text is a record or a counted skip, never a throw', () => {
  fc.assert(fc.property(anyText, (s) => {
    expect(['record', 'skip']).toContain(journalShortFull.parseLine(s, at).kind);
  }));
  for (const s of hostileLines(excerptLines('journal', 'journalctl-252-short-full.cet.txt'))) {
    expect(['record', 'skip']).toContain(journalShortFull.parseLine(s, at).kind);
  }
});
