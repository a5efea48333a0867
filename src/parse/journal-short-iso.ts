// journalctl -o short-iso and -o short-iso-precise (logs-show.c). systemd before v255 wrote the
// offset with strftime %z, v255 on (systemd/systemd#29134) with a colon:
//   2023-09-08T17:20:30+0200 tarta r710_fan_controller.sh[20911]: Highest drive temperature: 43 Celcius.
//   2023-09-08T17:20:30.655028+02:00 tarta r710_fan_controller.sh[20911]: …   (the same entry, -precise, as v255+ writes it)
// The offset is written, so the stamp is true UTC. (v255's "%+03d:%02d" prints -00:30 as +00:30;
// no zone in use today has such an offset.)
import { journalTextParser, type TimeReading } from './journal-text.js';
import { stampFromIso } from './stamp-iso.js';

const SHORT_ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:[+-]\d\d:?\d\d|Z)) /;

function readIsoTime(text: string): TimeReading {
  const m = SHORT_ISO.exec(text);
  if (m === null) return { kind: 'skip', reason: 'no journal short-iso timestamp' };
  // The regex demands a zone, so a readable time is always 'utc'.
  const stamp = stampFromIso(m[1]);
  return stamp === undefined ? { kind: 'skip', reason: 'impossible date or time' } : { kind: 'time', stamp, rest: text.slice(m[0].length) };
}

export const journalShortIso = journalTextParser('journal-short-iso', readIsoTime);
