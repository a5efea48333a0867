// Time as the bundle states it (Stamp) and as the timeline relies on it (EventTime).
// A parser records what the line *says*; normalize decides what it *means*, so a year we guessed
// can never look like a year the line stated.

export type Precision = 's' | 'ms' | 'us' | 'ns';

/** A UTC instant as whole seconds plus nanoseconds: exact for RFC3339Nano, cheap to compare. */
export interface Instant {
  readonly sec: number;
  readonly nsec: number;
}

/** What a line itself says about time. Parsers produce this; normalize resolves it. */
export type Stamp =
  /** Zone written (Z, +0700, UTC, epoch): `at` is the true UTC instant. */
  | { readonly kind: 'utc'; readonly at: Instant; readonly precision: Precision }
  /** Full date, zone not written: `at` is the wall clock read as if it were UTC. */
  | { readonly kind: 'wall'; readonly at: Instant; readonly precision: Precision }
  /** Month and day but no year (syslog, journal short, klog), zone not written either. */
  | {
      readonly kind: 'yearless';
      readonly month: number;
      readonly day: number;
      readonly secOfDay: number;
      readonly nsec: number;
      readonly precision: Precision;
    }
  /** Seconds since boot (journalctl -o short-monotonic): no calendar time at all. */
  | { readonly kind: 'monotonic'; readonly sinceBoot: Instant; readonly precision: Precision }
  | { readonly kind: 'none' };

/** What normalize inferred to turn a Stamp into an instant. */
export type Assumption = 'year' | 'zone';

/** What the timeline may rely on. `assumed` says which parts normalize had to infer. */
export type EventTime =
  | { readonly kind: 'stated'; readonly at: Instant; readonly precision: Precision }
  | {
      readonly kind: 'inferred';
      readonly at: Instant;
      readonly precision: Precision;
      readonly assumed: readonly Assumption[];
    }
  | { readonly kind: 'none' };

export const SEC_PER_DAY = 86_400;

export function compareInstant(a: Instant, b: Instant): number {
  return a.sec - b.sec || a.nsec - b.nsec;
}

export function instantFromMs(ms: number): Instant {
  const sec = Math.floor(ms / 1000);
  return { sec, nsec: Math.round((ms - sec * 1000) * 1e6) };
}

/** Seconds since the epoch as a float: for arithmetic on windows, never for printing. */
export function toSeconds(at: Instant): number {
  return at.sec + at.nsec / 1e9;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date of a day number: inverse of daysFromCivil. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** A calendar time read as UTC. Valid for any month/day the formats can write. */
export function civilToInstant(
  year: number,
  month: number,
  day: number,
  secOfDay: number,
  nsec = 0,
): Instant {
  return { sec: daysFromCivil(year, month, day) * SEC_PER_DAY + secOfDay, nsec };
}

/** Is this a real calendar date (no 31 April, 29 February only in leap years)? */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return false;
  const c = civilFromDays(daysFromCivil(year, month, day));
  return c.month === month && c.day === day;
}

const FRACTION_DIGITS: Record<Precision, number> = { s: 0, ms: 3, us: 6, ns: 9 };

/** RFC 3339 in UTC with exactly as many fraction digits as the source had: `2024-04-01T12:13:41.801997Z`. */
export function formatInstant(at: Instant, precision: Precision = 'ns'): string {
  const days = Math.floor(at.sec / SEC_PER_DAY);
  const sod = at.sec - days * SEC_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const hh = Math.floor(sod / 3600);
  const mm = Math.floor((sod % 3600) / 60);
  const ss = sod % 60;
  const digits = FRACTION_DIGITS[precision];
  const frac = digits === 0 ? '' : '.' + String(at.nsec).padStart(9, '0').slice(0, digits);
  const y = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : String(year);
  return `${y}-${p2(month)}-${p2(day)}T${p2(hh)}:${p2(mm)}:${p2(ss)}${frac}Z`;
}

/** Parse RFC 3339 / ISO 8601 with a zone (`Z`, `+07:00`, `+0700`), keeping nanoseconds exactly. */
const RFC3339 =
  /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?\d*(Z|z|[+-]\d\d:?\d\d)?$/;

export interface ParsedIso {
  readonly at: Instant;
  readonly precision: Precision;
  /** false when the text carried no zone: `at` is then wall clock read as UTC. */
  readonly zoned: boolean;
}

export function parseIso(text: string): ParsedIso | undefined {
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const wall = wallFromFields(y, mo, d, h, mi, s, frac);
  if (wall === undefined) return undefined;
  const { precision } = wall;
  let offsetSec = 0;
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetSec = sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4)) * 60);
  }
  const at = wall.at;
  return { at: { sec: at.sec - offsetSec, nsec: at.nsec }, precision, zoned: zone !== undefined };
}

/**
 * A date and time written as decimal fields (a fraction of 0-9 digits optional) read as UTC
 * wall clock, or undefined when it is no real date or time.
 */
export function wallFromFields(
  y: string | undefined, mo: string | undefined, d: string | undefined,
  h: string | undefined, mi: string | undefined, s: string | undefined, frac: string | undefined,
): { at: Instant; precision: Precision } | undefined {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const min = Number(mi);
  const sec = Number(s);
  if (!isValidDate(year, month, day) || hour > 23 || min > 59 || sec > 60) return undefined;
  const digits = frac?.length ?? 0;
  return { at: civilToInstant(year, month, day, hour * 3600 + min * 60 + sec, frac === undefined ? 0 : Number(frac.slice(0, 9).padEnd(9, '0'))), precision: precisionOfDigits(digits) };
}

/** Precision of a fraction with `digits` digits. */
export function precisionOfDigits(digits: number): Precision {
  return digits === 0 ? 's' : digits <= 3 ? 'ms' : digits <= 6 ? 'us' : 'ns';
}
