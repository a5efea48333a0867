// Times in Go's RFC1123Z layout, as kubectl describe prints them (also `date -R`):
//   Thu, 17 Feb 2022 17:13:52 -0500
// and RFC1123 with a zone name (`... 17:13:52 UTC`), which older kubectl printed. A numeric offset
// or UTC/GMT gives a true UTC instant; any other zone name is only a wall clock. Go's zero time
// (`Mon, 01 Jan 0001 00:00:00 +0000`) means "never" and reads as no time.
import { civilToInstant, isValidDate, type Stamp } from '../model/time.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC1123 =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d\d):(\d\d):(\d\d) ([+-]\d{4}|[A-Z]{1,5})$/;

export function stampFromRfc1123(text: string): Stamp | undefined {
  const m = RFC1123.exec(text.trim());
  if (m === null) return undefined;
  const [, dd, mon, yyyy, hh, mi, ss, zone = ''] = m;
  const year = Number(yyyy);
  const month = MONTHS.indexOf(mon ?? '') + 1;
  const day = Number(dd);
  const [h, min, sec] = [Number(hh), Number(mi), Number(ss)];
  if (!isValidDate(year, month, day) || h > 23 || min > 59 || sec > 60) return undefined;
  if (year <= 1) return { kind: 'none' };
  const wall = civilToInstant(year, month, day, h * 3600 + min * 60 + sec);
  if (/^[+-]/.test(zone)) {
    const offsetSec = (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 3600 + Number(zone.slice(3, 5)) * 60);
    return { kind: 'utc', at: { sec: wall.sec - offsetSec, nsec: 0 }, precision: 's' };
  }
  if (zone === 'UTC' || zone === 'GMT' || zone === 'Z') return { kind: 'utc', at: wall, precision: 's' };
  return { kind: 'wall', at: wall, precision: 's' };
}
