// journalctl -o short-monotonic (logs-show.c: "[%5llu.%06llu]", seconds since boot, then the usual
// prefix; systemd/systemd#30054):
//   [   20.888224] localhost systemd[1]: Hostname set to <localhost>.
// The time is since boot, not a calendar time: the stamp is 'monotonic'.
import { precisionOfDigits } from '../model/time.js';
import { journalTextParser, type TimeReading } from './journal-text.js';

const MONOTONIC = /^\[ *(\d{1,12})\.(\d{1,9})\] /;

function readMonotonicTime(text: string): TimeReading {
  const m = MONOTONIC.exec(text);
  if (m === null) return { kind: 'skip', reason: 'no journal short-monotonic timestamp' };
  const [time, sec, frac = ''] = m;
  const sinceBoot = { sec: Number(sec), nsec: Number(frac.padEnd(9, '0')) };
  return { kind: 'time', stamp: { kind: 'monotonic', sinceBoot, precision: precisionOfDigits(frac.length) }, rest: text.slice(time.length) };
}

export const journalShortMonotonic = journalTextParser('journal-short-monotonic', readMonotonicTime);
