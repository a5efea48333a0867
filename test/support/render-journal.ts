// journalctl's outputs, written the way systemd's logs-show.c writes them, for round-trip
// property tests. Only tests use it.
import { civilFromDays, formatInstant, SEC_PER_DAY, type Instant } from '../../src/model/time.js';
import { C_MONTH_ABBR } from '../../src/parse/month-names.js';

const p2 = (n: number): string => String(n).padStart(2, '0');
const us6 = (nsec: number): string => String(Math.floor(nsec / 1000)).padStart(6, '0');

/** The part after the time: ` host ident[pid]: message` (host and pid only when given). */
export interface JournalPrefix {
  readonly host?: string;
  readonly ident: string;
  readonly pid?: number;
  readonly message: string;
}

export function renderPrefix(p: JournalPrefix): string {
  return `${p.host === undefined ? '' : ` ${p.host}`} ${p.ident}${p.pid === undefined ? '' : `[${p.pid}]`}: ${p.message}`;
}

/** -o short / short-precise: strftime("%b %d %H:%M:%S") with `monthName` as the locale's %b. */
export function renderShort(
  t: { readonly month: number; readonly day: number; readonly secOfDay: number; readonly usec?: number },
  p: JournalPrefix,
  monthName: (month: number) => string = (m) => C_MONTH_ABBR[m - 1] ?? '',
): string {
  const hms = `${p2(Math.floor(t.secOfDay / 3600))}:${p2(Math.floor((t.secOfDay % 3600) / 60))}:${p2(t.secOfDay % 60)}`;
  const precise = t.usec === undefined ? '' : `.${String(t.usec).padStart(6, '0')}`;
  return `${monthName(t.month)} ${p2(t.day)} ${hms}${precise}${renderPrefix(p)}`;
}

/** Local wall time of `at` at `offsetMin`, as `YYYY-MM-DDTHH:MM:SS` plus `.uuuuuu` when precise. */
function localIso(at: Instant, offsetMin: number, precise: boolean): string {
  const local = formatInstant({ sec: at.sec + offsetMin * 60, nsec: at.nsec }, precise ? 'us' : 's');
  return local.slice(0, -1); // drop the Z
}

function offset(min: number, colon: boolean): string {
  const a = Math.abs(min);
  return `${min < 0 ? '-' : '+'}${p2(Math.floor(a / 60))}${colon ? ':' : ''}${p2(a % 60)}`;
}

/** -o short-iso / short-iso-precise; `colon`: systemd v255+ (+07:00), else %z (+0700). */
export function renderShortIso(at: Instant, offsetMin: number, precise: boolean, colon: boolean, p: JournalPrefix): string {
  return `${localIso(at, offsetMin, precise)}${offset(offsetMin, colon)}${renderPrefix(p)}`;
}

const WEEKDAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'] as const; // 1970-01-01 was a Thursday

/** format_timestamp(): `Mon 2024-04-01 12:13:41 CEST`, the wall time of `at` at `offsetMin`. */
export function renderFullTimestamp(at: Instant, offsetMin: number, zone: string): string {
  const sec = at.sec + offsetMin * 60;
  const days = Math.floor(sec / SEC_PER_DAY);
  const { year, month, day } = civilFromDays(days);
  const sod = sec - days * SEC_PER_DAY;
  const weekday = WEEKDAYS[((days % 7) + 7) % 7] ?? '';
  return `${weekday} ${String(year).padStart(4, '0')}-${p2(month)}-${p2(day)} ${p2(Math.floor(sod / 3600))}:${p2(Math.floor((sod % 3600) / 60))}:${p2(sod % 60)} ${zone}`;
}

/** -o short-full. */
export function renderShortFull(at: Instant, offsetMin: number, zone: string, p: JournalPrefix): string {
  return `${renderFullTimestamp(at, offsetMin, zone)}${renderPrefix(p)}`;
}

/** -o short-monotonic: "[%5llu.%06llu]". */
export function renderShortMonotonic(sinceBoot: Instant, p: JournalPrefix): string {
  return `[${String(sinceBoot.sec).padStart(5, ' ')}.${us6(sinceBoot.nsec)}]${renderPrefix(p)}`;
}

/** A journal entry's fields, as -o json prints them: each value a string or a byte array. */
export type JsonEntry = readonly (readonly [string, string | readonly number[] | null])[];

// json_variant_new_stringn vs _array_bytes: values that are not printable UTF-8 (control
// characters other than newline) go out as byte arrays.
export function journalValue(text: string): string | readonly number[] {
  return /[\u0000-\u0009\u000b-\u001f\u007f]/.test(text) ? [...Buffer.from(text, 'utf8')] : text;
}

/** -o json: compact since systemd v240, `{ "KEY" : "value", … }` before. */
export function renderJson(entry: JsonEntry, oldStyle = false): string {
  if (!oldStyle) return JSON.stringify(Object.fromEntries(entry));
  return `{ ${entry.map(([k, v]) => `"${k}" : ${JSON.stringify(v)}`).join(', ')} }`;
}

/** -o json-pretty: `{`, one tab-indented `"KEY" : value` per line, arrays one element a line, `}`. */
export function renderJsonPretty(entry: JsonEntry): string[] {
  return [
    '{',
    ...entry.flatMap(([k, v], i) => {
      const comma = i < entry.length - 1 ? ',' : '';
      if (!Array.isArray(v)) return [`\t"${k}" : ${JSON.stringify(v)}${comma}`];
      const items = v as readonly number[];
      return [`\t"${k}" : [`, ...items.map((x, j) => `\t\t${x}${j < items.length - 1 ? ',' : ''}`), `\t]${comma}`];
    }),
    '}',
  ];
}
