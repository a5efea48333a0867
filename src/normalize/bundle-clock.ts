// Phase two of year inference: once every member has been read, choose each member's base year
// from (in order) --year, a year another source in the bundle states, the archive entry's time,
// the file's mtime.
import type { Instant } from '../model/time.js';
import { compareInstant, instantFromMs } from '../model/time.js';
import type { MemberNormalizer } from './normalize.js';
import { chooseBaseYear, type YearChoice } from './year.js';

export function chooseYears(members: readonly MemberNormalizer[], yearFlag: number | undefined): YearChoice[] {
  let bundleLatest: Instant | undefined;
  for (const m of members) {
    if (m.latestStated !== undefined && (bundleLatest === undefined || compareInstant(m.latestStated, bundleLatest) > 0)) {
      bundleLatest = m.latestStated;
    }
  }
  return members.map((m): YearChoice => {
    if (!m.years.sawYearless) return { baseYear: 1970, source: 'stated' };
    if (yearFlag !== undefined) return { baseYear: yearFlag - (m.years.latest?.delta ?? 0), source: 'flag' };
    if (bundleLatest !== undefined) return chooseBaseYear(m.years, bundleLatest, 'bundle');
    if (m.info.mtime !== undefined) {
      return chooseBaseYear(m.years, instantFromMs(m.info.mtime.getTime()), m.info.mtimeSource === 'archive-entry' ? 'archive-entry' : 'file-mtime');
    }
    return { baseYear: 1970, source: 'none' };
  });
}
