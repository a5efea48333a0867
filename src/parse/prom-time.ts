// When a saved Prometheus scrape was taken, if the file says so. The exposition format has no
// scrape time; collectors write one into a comment at the top or into the file name:
//   # timestamp: 2024-04-01T12:13:41Z          # scraped at Mon Apr  1 12:13:41 UTC 2024
//   metrics-20240401T121341Z.txt   kubelet-metrics-2024-04-01T12-13-41Z.prom   1711973621.prom
// A written zone (Z, +0700, UTC) gives a true UTC instant; without one, only a wall clock.
import { civilToInstant, instantFromMs, isValidDate, precisionOfDigits, type Stamp } from '../model/time.js';
import { stampFromRfc1123 } from './go-time.js';
import { stampFromIso } from './stamp-iso.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// Epoch seconds from 2001-09-09 to 2286 have ten digits; milliseconds thirteen.
const EPOCH_SECONDS = /^(\d{10})(?:\.(\d{1,9}))?$/;
const EPOCH_MS = /^\d{13}$/;
const COMMENT = /^#[ \t]*(?:timestamp|scraped at|scrape time|collected at|date)[ \t]*[:=]?[ \t]*(.+?)[ \t]*$/i;
/** `date` with no arguments: `Mon Apr  1 12:13:41 UTC 2024`. */
const DATE_CMD = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\d{1,2}) (\d\d):(\d\d):(\d\d) ([A-Z]{1,5}) (\d{4})$/;

/** The time a `# timestamp: …` or `# scraped at …` comment states, if `line` is one. */
export function stampFromComment(line: string): Stamp | undefined {
  const text = COMMENT.exec(line.trim())?.[1];
  return text === undefined ? undefined : stampFromText(text);
}

/** The time in a file's name (not its directories), or none. */
export function stampFromFileName(path: string): Stamp {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const basic = /(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(?:[.,](\d{1,9}))?(Z|[+-]\d{4})?/.exec(base);
  const extended = /(\d{4})-(\d\d)-(\d\d)[T_ ](\d\d)[-:_.](\d\d)[-:_.](\d\d)(?:[.,](\d{1,9}))?(Z|[+-]\d\d:?\d\d)?/.exec(base);
  for (const m of [basic, extended]) {
    if (m === null) continue;
    const [, y, mo, d, h, mi, s, frac, zone] = m;
    const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac === undefined ? '' : `.${frac}`}${zone ?? ''}`;
    const stamp = stampFromIso(iso);
    if (stamp !== undefined) return stamp;
  }
  const epoch = /(?:^|\D)(\d{13}|\d{10})(?:\D|$)/.exec(base)?.[1];
  return (epoch === undefined ? undefined : epochStamp(epoch)) ?? { kind: 'none' };
}

function stampFromText(text: string): Stamp | undefined {
  return stampFromIso(text) ?? epochStamp(text) ?? stampFromRfc1123(text) ?? dateCommand(text);
}

function epochStamp(text: string): Stamp | undefined {
  const s = EPOCH_SECONDS.exec(text);
  if (s !== null) {
    const frac = s[2] ?? '';
    return { kind: 'utc', at: { sec: Number(s[1]), nsec: Number(frac.padEnd(9, '0')) }, precision: precisionOfDigits(frac.length) };
  }
  return EPOCH_MS.test(text) ? { kind: 'utc', at: instantFromMs(Number(text)), precision: 'ms' } : undefined;
}

function dateCommand(text: string): Stamp | undefined {
  const m = DATE_CMD.exec(text);
  if (m === null) return undefined;
  const [, mon = '', dd, hh, mi, ss, zone = '', yyyy] = m;
  const [year, month, day] = [Number(yyyy), MONTHS.indexOf(mon) + 1, Number(dd)];
  const [h, min, sec] = [Number(hh), Number(mi), Number(ss)];
  if (!isValidDate(year, month, day) || h > 23 || min > 59 || sec > 60) return undefined;
  const at = civilToInstant(year, month, day, h * 3600 + min * 60 + sec);
  return { kind: zone === 'UTC' || zone === 'GMT' ? 'utc' : 'wall', at, precision: 's' };
}
