// systemd's format_timestamp() (src/basic/time-util.c), as `journalctl -o short-full` and the
// "-- Logs begin at …" header print it: an English weekday (never localized), the date, the time
// and tm_zone, or "UTC" with --utc:
//   Sun 2026-11-22 17:38:51 UTC        Fri 2019-11-29 03:46:43 PST        Mon 2026-11-23 00:38:51 +07
// Only UTC-like names and numeric zones say an offset; "CEST" or "CST" could be several, so such a
// time stays wall clock and the abbreviation travels in `fields.tz` for normalize to weigh.
import { wallFromFields, type Stamp } from '../model/time.js';

const FULL =
  /^(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))? ([A-Za-z]{1,6}|[+-]\d\d(?:\d\d)?)(?= |$)/;
const UTC_NAMES: ReadonlySet<string> = new Set(['UTC', 'GMT', 'UT', 'Z']);

export interface FullTimestamp {
  readonly stamp: Extract<Stamp, { kind: 'utc' | 'wall' }>;
  /** The zone abbreviation, set only when it could not be resolved (stamp is then 'wall'). */
  readonly tz?: string;
  /** Characters the timestamp took from the start of the text. */
  readonly length: number;
}

function offsetSec(zone: string): number | undefined {
  if (UTC_NAMES.has(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : zone.startsWith('+') ? 1 : 0;
  if (sign === 0) return undefined;
  return sign * (Number(zone.slice(1, 3)) * 3600 + Number(zone.slice(3, 5) || '0') * 60);
}

/** The format_timestamp() text at the start of `text`, or undefined. */
export function readFullTimestamp(text: string): FullTimestamp | undefined {
  const m = FULL.exec(text);
  if (m === null) return undefined;
  const [whole, y, mo, d, h, mi, s, frac, zone = ''] = m;
  const fields = wallFromFields(y, mo, d, h, mi, s, frac);
  if (fields === undefined) return undefined;
  const { precision, at: wall } = fields;
  const offset = offsetSec(zone);
  if (offset === undefined) return { stamp: { kind: 'wall', at: wall, precision }, tz: zone, length: whole.length };
  return { stamp: { kind: 'utc', at: { sec: wall.sec - offset, nsec: wall.nsec }, precision }, length: whole.length };
}
