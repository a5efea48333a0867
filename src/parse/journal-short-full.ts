// journalctl -o short-full (systemd v232+): format_timestamp() before the usual prefix, see
// journal-timestamp.ts for the time itself:
//   Sun 2026-11-22 17:38:51 UTC vm kubelet[7592]: I0401 12:13:41.798230  128468 certificate_manager.go:366] Rotating certificates   (journalctl 252 --utc)
// UTC, GMT and numeric zones (+07) give a 'utc' stamp; an abbreviation such as CET or ICT gives
// 'wall' with the abbreviation in fields.tz.
import { readFullTimestamp } from './journal-timestamp.js';
import { journalTextParser, type TimeReading } from './journal-text.js';

function readShortFullTime(text: string): TimeReading {
  const t = readFullTimestamp(text);
  if (t === undefined || text.charAt(t.length) !== ' ') return { kind: 'skip', reason: 'no journal short-full timestamp' };
  const rest = text.slice(t.length + 1);
  return t.tz === undefined ? { kind: 'time', stamp: t.stamp, rest } : { kind: 'time', stamp: t.stamp, rest, fields: { tz: t.tz } };
}

export const journalShortFull = journalTextParser('journal-short-full', readShortFullTime);
