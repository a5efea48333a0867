import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { ParsedRecord } from '../../src/model/event.js';
import { syslogRfc5424 } from '../../src/parse/syslog-rfc5424.js';
import { anyText, instantUs } from '../support/journal-arbitraries.js';
import { renderRfc5424, type Rfc5424 } from '../support/render-syslog.js';
import { excerptLines, hostileLines } from '../support/run-parser.js';
import { formatInstant, type Precision } from '../../src/model/time.js';

const at = { path: 'collector/syslog.log', line: 1 };
const severities = ['critical', 'critical', 'critical', 'error', 'warning', 'notice', 'info', 'debug'] as const;
const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });

// PRINTUSASCII words; a lone "-" would be the NILVALUE.
const word = (max: number): fc.Arbitrary<string> => fc.stringMatching(new RegExp(`^[!-~]{1,${max}}$`)).filter((s) => s !== '-');
const sdName = fc.stringMatching(/^[!#-<>-\\^-~]{1,32}$/); // printable, no '=', ']', '"' or space
const paramValue = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', ']', '[', '=', ' '), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) });
const oneLine = (s: string): boolean => !/[\r\n]/.test(s);

/** TIME-SECFRAC has 1–6 digits; no fraction is 's'. */
const timestamp = fc.record({ at: instantUs, digits: fc.integer({ min: 0, max: 6 }), offsetMin: fc.integer({ min: -48, max: 56 }).map((q) => q * 15), z: fc.boolean() })
  .map(({ at: t, digits, offsetMin, z }) => {
    const off = z ? 0 : offsetMin;
    const precision: Precision = digits === 0 ? 's' : digits <= 3 ? 'ms' : 'us';
    const keptNs = Math.floor(t.nsec / 10 ** (9 - digits)) * 10 ** (9 - digits);
    const local = formatInstant({ sec: t.sec + off * 60, nsec: 0 }, 's').slice(0, -1);
    const frac = digits === 0 ? '' : `.${String(t.nsec).padStart(9, '0').slice(0, digits)}`;
    const a = Math.abs(off);
    const zone = z ? 'Z' : `${off < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
    return { text: `${local}${frac}${zone}`, stamp: { kind: 'utc', at: { sec: t.sec, nsec: keptNs }, precision } as const };
  });

const message = fc.record({
  pri: fc.integer({ min: 0, max: 191 }),
  ts: opt(timestamp),
  host: opt(word(255)), app: opt(word(48)),
  procid: opt(fc.oneof(fc.integer({ min: 0, max: 4_194_304 }).map(String), word(128))),
  msgid: opt(word(32)),
  sd: fc.array(fc.record({ id: sdName, params: fc.array(fc.tuple(sdName, paramValue.filter(oneLine)), { maxLength: 3 }) }), { maxLength: 3 }),
  msg: opt(fc.string({ unit: 'grapheme' }).filter((s) => oneLine(s) && !s.startsWith('\uFEFF'))),
  bom: fc.boolean(),
});

test('syslog-rfc5424: rendering then parsing gives every header field, structured data and message back', () => {
  fc.assert(
    fc.property(message, (m) => {
      const r: Rfc5424 = {
        pri: m.pri, sd: m.sd, bom: m.bom,
        ...(m.ts !== undefined && { timestamp: m.ts.text }),
        ...(m.host !== undefined && { host: m.host }),
        ...(m.app !== undefined && { app: m.app }),
        ...(m.procid !== undefined && { procid: m.procid }),
        ...(m.msgid !== undefined && { msgid: m.msgid }),
        ...(m.msg !== undefined && { msg: m.msg }),
      };
      const line = renderRfc5424(r);
      const numeric = m.procid !== undefined && /^\d{1,10}$/.test(m.procid);
      const expected: ParsedRecord = {
        kind: 'log',
        stamp: m.ts?.stamp ?? { kind: 'none' },
        severity: severities[m.pri % 8] ?? 'unknown',
        message: m.msg ?? '',
        fields: {
          facility: String(m.pri >> 3),
          ...(m.msgid !== undefined && { msgid: m.msgid }),
          ...(m.procid !== undefined && !numeric && { procid: m.procid }),
          ...Object.fromEntries(m.sd.flatMap((e) => e.params.map(([k, v]) => [`${e.id}.${k}`, v]))),
        },
        source: at,
        ...(m.host !== undefined && { host: m.host }),
        ...(m.app !== undefined && { component: m.app }),
        ...(numeric && { pid: Number(m.procid) }),
      };
      expect(syslogRfc5424.parseLine(line, at)).toEqual({ kind: 'record', record: expected });
    }),
  );
});

test('syslog-rfc5424: any text is a record or a counted skip, never a throw', () => {
  fc.assert(fc.property(anyText, (s) => {
    expect(['record', 'skip']).toContain(syslogRfc5424.parseLine(s, at).kind);
  }));
  for (const s of hostileLines(excerptLines('syslog', 'rfc5424-section-6.5-examples.txt'))) {
    expect(['record', 'skip']).toContain(syslogRfc5424.parseLine(s, at).kind);
  }
});
