// Syslog lines the way rsyslog writes them (RSYSLOG_TraditionalFileFormat, RSYSLOG_FileFormat,
// RSYSLOG_SyslogProtocol23Format), for round-trip property tests. Only tests use it.
import { formatInstant, type Instant } from '../../src/model/time.js';
import { C_MONTH_ABBR } from '../../src/parse/month-names.js';
import { renderPrefix, type JournalPrefix } from './render-journal.js';

const p2 = (n: number): string => String(n).padStart(2, '0');
const pri = (value: number | undefined): string => (value === undefined ? '' : `<${value}>`);

/** `Apr  1 12:13:41 host tag[pid]: msg`: the day padded with a space, as %e and rsyslog do. */
export function renderRfc3164(
  t: { readonly month: number; readonly day: number; readonly secOfDay: number },
  p: JournalPrefix,
  priValue?: number,
): string {
  const hms = `${p2(Math.floor(t.secOfDay / 3600))}:${p2(Math.floor((t.secOfDay % 3600) / 60))}:${p2(t.secOfDay % 60)}`;
  return `${pri(priValue)}${C_MONTH_ABBR[t.month - 1]} ${String(t.day).padStart(2, ' ')} ${hms}${renderPrefix(p)}`;
}

/** RFC 3339 as rsyslog's date-rfc3339 writes it: microseconds, `+hh:mm` (`Z` never). */
export function rfc3339(at: Instant, offsetMin: number): string {
  const local = formatInstant({ sec: at.sec + offsetMin * 60, nsec: at.nsec }, 'us').slice(0, -1);
  const a = Math.abs(offsetMin);
  return `${local}${offsetMin < 0 ? '-' : '+'}${p2(Math.floor(a / 60))}:${p2(a % 60)}`;
}

/** RSYSLOG_FileFormat: `2024-04-01T12:13:41.801997+07:00 host tag[pid]: msg`. */
export function renderRfc3164Precise(at: Instant, offsetMin: number, p: JournalPrefix, priValue?: number): string {
  return `${pri(priValue)}${rfc3339(at, offsetMin)}${renderPrefix(p)}`;
}

export interface Rfc5424 {
  readonly pri: number;
  /** undefined: the NILVALUE. */
  readonly timestamp?: string;
  readonly host?: string;
  readonly app?: string;
  readonly procid?: string;
  readonly msgid?: string;
  readonly sd: readonly { readonly id: string; readonly params: readonly (readonly [string, string])[] }[];
  readonly msg?: string;
  readonly bom?: boolean;
}

const nil = (v: string | undefined): string => v ?? '-';
const escape = (v: string): string => v.replace(/["\\\]]/g, (c) => `\\${c}`);

export function renderRfc5424(r: Rfc5424): string {
  const sd = r.sd.length === 0
    ? '-'
    : r.sd.map((e) => `[${e.id}${e.params.map(([k, v]) => ` ${k}="${escape(v)}"`).join('')}]`).join('');
  const msg = r.msg === undefined ? '' : ` ${r.bom === true ? '\uFEFF' : ''}${r.msg}`;
  return `<${r.pri}>1 ${nil(r.timestamp)} ${nil(r.host)} ${nil(r.app)} ${nil(r.procid)} ${nil(r.msgid)} ${sd}${msg}`;
}
