// BSD syslog as rsyslog and syslog-ng write /var/log/messages, /var/log/syslog and kern.log
// (RFC 3164 §4.1.2, rsyslog's RSYSLOG_TraditionalFileFormat), with the `<PRI>` a network sender
// puts first when one was kept, or rsyslog's high-precision RSYSLOG_FileFormat (the default on
// Debian 12 and Ubuntu 24.04, and on RHEL/SLES when enabled):
//   Jan  5 02:12:02 iZbp153spuk45ulvkwxf34Z kernel: memory: usage 1048576kB, limit 1048576kB, failcnt 189
//   2020-05-31T00:00:45.738158+00:00 localhost systemd[1]: Reloaded System Logging Service.
//   <15>2014-03-14T03:03:01.219558+02:00 host user: test 123
// Syslog daemons never localize month names. The classic time has no year and no zone
// ('yearless'); the RFC 3339 one has both ('utc').
import type { Fields } from '../model/event.js';
import { isValidDate, precisionOfDigits, type Stamp } from '../model/time.js';
import { readPrefix, recordFromPrefix } from './journal-prefix.js';
import type { LineParser, LineResult } from './line-parser.js';
import { C_MONTH_ABBR } from './month-names.js';
import { stampFromIso } from './stamp-iso.js';
import { severityOfLevel, splitPri } from './syslog-severity.js';

const PRI = /^<(\d{1,3})>/;
// The day is space-padded ("Jan  5"); accept journalctl's zero padding too.
// Only the time is matched; the rest is sliced off (cheaper than a capture, and keeps U+2028).
const CLASSIC = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))? /;
const RFC3339 = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?) /;

type Timed = { readonly stamp: Stamp; readonly rest: string } | { readonly skip: string };

function readClassic(m: RegExpExecArray, text: string): Timed {
  const [time, mon = '', dd, h, mi, s, frac] = m;
  const month = (C_MONTH_ABBR as readonly string[]).indexOf(mon) + 1;
  const day = Number(dd);
  const hour = Number(h);
  const min = Number(mi);
  const sec = Number(s);
  if (month === 0) return { skip: 'unknown month name' };
  if (!isValidDate(2000, month, day) || hour > 23 || min > 59 || sec > 60) return { skip: 'impossible date or time' };
  return {
    stamp: {
      kind: 'yearless', month, day, secOfDay: hour * 3600 + min * 60 + sec,
      nsec: Number((frac ?? '').padEnd(9, '0')), precision: precisionOfDigits(frac?.length ?? 0),
    },
    rest: text.slice(time.length),
  };
}

function readTime(text: string): Timed {
  const classic = CLASSIC.exec(text);
  if (classic !== null) return readClassic(classic, text);
  const rfc3339 = RFC3339.exec(text);
  if (rfc3339 === null) return { skip: 'no syslog timestamp' };
  const stamp = stampFromIso(rfc3339[1]);
  return stamp === undefined ? { skip: 'impossible date or time' } : { stamp, rest: text.slice(rfc3339[0].length) };
}

export const syslogRfc3164: LineParser = {
  kind: 'line',
  format: 'syslog-rfc3164',
  // A message the sender split over lines leaves the later ones without a header.
  continuation: true,
  parseLine(text, source): LineResult {
    const pri = PRI.exec(text);
    const split = pri === null ? undefined : splitPri(Number(pri[1]));
    if (pri !== null && split === undefined) return { kind: 'skip', reason: 'PRI out of range' };
    const time = readTime(pri === null ? text : text.slice(pri[0].length));
    if ('skip' in time) return { kind: 'skip', reason: time.skip };
    const fields: Fields = split === undefined ? {} : { facility: String(split.facility) };
    const severity = split === undefined ? 'unknown' : severityOfLevel(split.level);
    return { kind: 'record', record: recordFromPrefix(readPrefix(time.rest), time.stamp, severity, fields, source) };
  },
};
