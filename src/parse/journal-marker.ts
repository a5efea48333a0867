// Lines journalctl prints itself, between entries, in every text output (journalctl-show.c, and
// print_catalog() in logs-show.c for -x):
//   -- Logs begin at Fri 2019-11-29 03:46:43 PST, end at Wed 2020-02-05 09:21:06 PST. --
//   -- Journal begins at Fri 2021-09-03 05:27:23 CST, ends at Tue 2021-11-23 21:58:15 CST. --   (v246+)
//   -- Boot <32 hex digits> --   -- Reboot -- (older)   -- No entries --
//   -- Subject: Unit kubelet.service has begun start-up     ░░ Subject: … (-x catalog, UTF-8 locale)
// Markers become records; catalog text is an intentional skip, so it never joins a message.
import type { Fields, MarkerKind, SourceRef } from '../model/event.js';
import type { Stamp } from '../model/time.js';
import { readFullTimestamp } from './journal-timestamp.js';
import type { LineResult } from './line-parser.js';

const LOGS_BEGIN = /^-- (?:Logs begin|Journal begins) at (.+?)(?:, ends? at (.+?))?\.? --$/;
const BOOT = /^-- Boot ([0-9a-f]{32}) --$/;

function marker(marker: MarkerKind, text: string, source: SourceRef, stamp: Stamp, fields: Fields): LineResult {
  return { kind: 'record', record: { kind: 'marker', marker, stamp, severity: 'unknown', message: text, fields, source } };
}

function logsBegin(text: string, source: SourceRef, begins: string, ends: string | undefined): LineResult {
  const t = readFullTimestamp(begins);
  const whole = t !== undefined && t.length === begins.length;
  const fields: Fields = {
    begins,
    ...(ends !== undefined && { ends }),
    ...(whole && t.tz !== undefined && { tz: t.tz }),
  };
  return marker('logs-begin', text, source, whole ? t.stamp : { kind: 'none' }, fields);
}

/** A journalctl line of its own, or undefined when `text` is not one (then it may be an entry). */
export function readJournalMarker(text: string, source: SourceRef): LineResult | undefined {
  if (text.startsWith('░░')) return { kind: 'skip', reason: 'journalctl -x catalog text', intentional: true };
  if (!text.startsWith('-- ') && text !== '--') return undefined;
  const begin = LOGS_BEGIN.exec(text);
  if (begin !== null) return logsBegin(text, source, begin[1] ?? '', begin[2]);
  const boot = BOOT.exec(text);
  if (boot !== null) return marker('boot', text, source, { kind: 'none' }, { bootId: boot[1] ?? '' });
  if (text === '-- Reboot --') return marker('reboot', text, source, { kind: 'none' }, {});
  if (text === '-- No entries --') return marker('no-entries', text, source, { kind: 'none' }, {});
  if (text.startsWith('-- cursor: ')) return { kind: 'skip', reason: 'journalctl --show-cursor line', intentional: true };
  return { kind: 'skip', reason: 'journalctl -x catalog text', intentional: true };
}
