// Year inference for formats that do not write one (journal short, syslog, klog). Phase one
// watches a member's stamps in file order and notes each stamp's year relative to the first
// (Dec→Jan rollover, or Jan→Dec in `journalctl -r` output). Phase two, once the whole bundle has
// been read, picks each member's base year from the best reference available.
import type { Instant, Stamp } from '../model/time.js';
import { civilFromDays, civilToInstant, SEC_PER_DAY } from '../model/time.js';

type Yearless = Extract<Stamp, { kind: 'yearless' }>;

/** Where a member's year came from, as the inventory reports it. */
export type YearSource = 'stated' | 'flag' | 'bundle' | 'archive-entry' | 'file-mtime' | 'none';

/** Phase one, per member: relative years in file order. */
export class YearTracker {
  private last: Yearless | undefined;
  private delta = 0;
  /** The latest yearless stamp seen (by delta, then date): the one closest to collection time. */
  latest: { stamp: Yearless; delta: number } | undefined;
  sawYearless = false;

  /** The stamp's year relative to the member's first yearless stamp. */
  observe(s: Yearless): number {
    this.sawYearless = true;
    if (this.last !== undefined) {
      const jump = s.month - this.last.month;
      if (jump <= -6) this.delta++;
      else if (jump >= 6) this.delta--;
    }
    this.last = s;
    if (this.latest === undefined || this.delta > this.latest.delta || (this.delta === this.latest.delta && later(s, this.latest.stamp))) {
      this.latest = { stamp: s, delta: this.delta };
    }
    return this.delta;
  }
}

function later(a: Yearless, b: Yearless): boolean {
  return a.month !== b.month ? a.month > b.month : a.day !== b.day ? a.day > b.day : a.secOfDay > b.secOfDay;
}

export interface YearChoice {
  readonly baseYear: number;
  readonly source: YearSource;
}

/**
 * The base year such that the member's latest stamp falls at or before the reference (plus a
 * day of slack for zones), and as close to it as possible.
 */
export function chooseBaseYear(tracker: YearTracker, reference: Instant, source: YearSource): YearChoice {
  const refYear = civilFromDays(Math.floor(reference.sec / SEC_PER_DAY)).year;
  const latest = tracker.latest;
  if (latest === undefined) return { baseYear: refYear, source };
  const { month, day, secOfDay } = latest.stamp;
  let year = refYear;
  // 29 February in a non-leap reference year: step back to the last leap year.
  const at = (y: number): number => civilToInstant(y, month, day, secOfDay).sec;
  if (at(year) > reference.sec + SEC_PER_DAY) year--;
  return { baseYear: year - latest.delta, source };
}
