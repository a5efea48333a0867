// fast-check arbitraries for journal and syslog lines: the `host ident[pid]: message` part, one
// line of message text, and text no parser should throw on. Only tests use it.
import fc from 'fast-check';
import type { JournalPrefix } from './render-journal.js';

export const host = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,30}$/);

// What idents hold in the wild: kubelet, systemd-journald, postfix/pickup, (kubelet), r710.sh.
// No ':' (a tag without pid ends at the first one) and not journalctl's "unknown" placeholder.
export const ident = fc.stringMatching(/^[A-Za-z0-9_./()@+-]{1,24}$/).filter((s) => s !== 'unknown');

export const pid = fc.integer({ min: 1, max: 4_194_304 });

/** One line of message: the characters that break naive regexes are drawn often. */
export const messageLine = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom('\u2028', '\u0085', '\t', ']', '[', ':', ': ', ' ', '-- ', '░', '\uFEFF', '"', '\\'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    ),
  })
  .filter((s) => !/[\r\n]/.test(s));

export interface PrefixCase {
  readonly prefix: JournalPrefix;
  /** What the parser should name: host, component and pid, only when written. */
  readonly names: { readonly host?: string; readonly component?: string; readonly pid?: number };
}

export const prefix: fc.Arbitrary<PrefixCase> = fc
  .record({ host: fc.option(host, { nil: undefined }), ident, pid: fc.option(pid, { nil: undefined }), message: messageLine })
  .map((r) => ({
    prefix: {
      ident: r.ident, message: r.message,
      ...(r.host !== undefined && { host: r.host }),
      ...(r.pid !== undefined && { pid: r.pid }),
    },
    names: {
      component: r.ident,
      ...(r.host !== undefined && { host: r.host }),
      ...(r.pid !== undefined && { pid: r.pid }),
    },
  }));

/** Month, day (29 February included) and second of day that a yearless stamp can hold. */
export const monthDay = fc.integer({ min: 1, max: 12 }).chain((month) =>
  fc.record({
    month: fc.constant(month),
    day: fc.integer({ min: 1, max: [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 28 }),
    secOfDay: fc.integer({ min: 0, max: 86_399 }),
  }),
);

/** An instant between 1970 and 2100, to the microsecond as journald keeps it. */
export const instantUs = fc.record({
  sec: fc.integer({ min: 0, max: 4_102_444_799 }),
  nsec: fc.integer({ min: 0, max: 999_999 }).map((us) => us * 1000),
});

/** Text no parser may throw on: raw binary, bytes that are not UTF-8, NULs. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('utf8')),
  fc.string({ unit: fc.constantFrom('\u0000', '-', ' ', '[', ']', ':', '{', '}', '"', '<', '>', '1', 'A', '月', '░') }),
);
