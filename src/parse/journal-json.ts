// journalctl -o json (logs-show.c output_json): one object per line. A value is a string; null
// when it is 4096 bytes or more and --all was not given; an array of byte values when it is not
// printable UTF-8; an array of such values when the field repeats in the entry:
//   {"_SOURCE_REALTIME_TIMESTAMP":"1795369131119287","_NAMESPACE":"kfx",…,"PRIORITY":"2","_TRANSPORT":"journal","MESSAGE":[98,121,116,101,115,32,255,254,32,110,111,116,32,117,116,102,45,56],…,"SYSLOG_IDENTIFIER":"kernel",…}
//   (journalctl 252, test/parse/excerpts/journal/journalctl-252-json.txt line 6, keys elided)
// systemd before v240 wrote the same objects with spaces ({ "__CURSOR" : "s=…", … }).
// The time is _SOURCE_REALTIME_TIMESTAMP when the entry has one, as the short outputs show it
// (logs-show.c get_display_timestamp), else __REALTIME_TIMESTAMP: microseconds since the epoch.
import type { Fields, SourceRef } from '../model/event.js';
import type { Stamp } from '../model/time.js';
import { readJournalMarker } from './journal-marker.js';
import type { LogRecordDraft } from './journal-prefix.js';
import { isRecord, type JsonRecord } from './json-value.js';
import type { LineParser, LineResult } from './line-parser.js';
import { severityOfLevel } from './syslog-severity.js';

// Not fatal: bytes that are not UTF-8 become U+FFFD, as a terminal would show them. ignoreBOM
// keeps a leading U+FEFF: it is part of what the process logged.
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
const USEC = /^\d{1,19}$/;
const DIGITS = /^\d{1,10}$/;
const LEVEL = /^[0-7]$/;

const isByte = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 255;
const isBytes = (v: unknown): v is number[] => Array.isArray(v) && v.every(isByte);

function valueText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  return isBytes(v) ? UTF8.decode(Uint8Array.from(v)) : undefined;
}

/** Every value of a field as text; null values (too long to print) are left out. */
function texts(v: unknown): string[] {
  const values = Array.isArray(v) && !isBytes(v) ? v : [v];
  return values.flatMap((x) => {
    const t = valueText(x);
    return t === undefined ? [] : [t];
  });
}

const first = (entry: JsonRecord, key: string): string | undefined => texts(entry[key])[0];

function usec(entry: JsonRecord, key: string): Stamp | undefined {
  const raw = entry[key];
  const t = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : first(entry, key);
  if (t === undefined || !USEC.test(t) || /^0+$/.test(t)) return undefined;
  const sec = t.length > 6 ? Number(t.slice(0, -6)) : 0;
  return { kind: 'utc', at: { sec, nsec: Number(t.slice(-6)) * 1000 }, precision: 'us' };
}

function component(entry: JsonRecord): string | undefined {
  const unit = first(entry, '_SYSTEMD_UNIT');
  return first(entry, 'SYSLOG_IDENTIFIER') ?? first(entry, '_COMM') ?? unit?.replace(/\.service$/, '');
}

function pid(entry: JsonRecord): number | undefined {
  const t = first(entry, '_PID') ?? first(entry, 'SYSLOG_PID');
  return t !== undefined && DIGITS.test(t) ? Number(t) : undefined;
}

// A few keys worth keeping; the rest of an entry (cursor, cmdline, capabilities …) is not.
const KEPT: readonly (readonly [string, string])[] = [['_SYSTEMD_UNIT', 'unit'], ['_BOOT_ID', 'bootId'], ['_TRANSPORT', 'transport']];

function fields(entry: JsonRecord, messageOmitted: boolean): Fields {
  const kept: Record<string, string> = {};
  for (const [key, name] of KEPT) {
    const t = first(entry, key);
    if (t !== undefined) kept[name] = t;
  }
  if (messageOmitted) kept['messageOmitted'] = 'true';
  return kept;
}

/** One journal entry, as json and json-pretty print it, to a record. */
export function recordFromEntry(entry: unknown, source: SourceRef): LineResult {
  if (!isRecord(entry)) return { kind: 'skip', reason: 'not a JSON object' };
  if (!('__REALTIME_TIMESTAMP' in entry) && !('_SOURCE_REALTIME_TIMESTAMP' in entry)) return { kind: 'skip', reason: 'no __REALTIME_TIMESTAMP' };
  const stamp = usec(entry, '_SOURCE_REALTIME_TIMESTAMP') ?? usec(entry, '__REALTIME_TIMESTAMP');
  if (stamp === undefined) return { kind: 'skip', reason: 'bad __REALTIME_TIMESTAMP' };
  const message = texts(entry['MESSAGE']);
  const priority = first(entry, 'PRIORITY');
  const r: LogRecordDraft = {
    kind: 'log',
    stamp,
    severity: priority !== undefined && LEVEL.test(priority) ? severityOfLevel(Number(priority)) : 'unknown',
    message: message.join('\n'),
    fields: fields(entry, 'MESSAGE' in entry && message.length === 0),
    source,
  };
  const host = first(entry, '_HOSTNAME');
  const comp = component(entry);
  const p = pid(entry);
  if (host !== undefined) r.host = host;
  if (comp !== undefined) r.component = comp;
  if (p !== undefined) r.pid = p;
  return { kind: 'record', record: r };
}

/** JSON.parse without the throw: undefined for text that is not JSON. */
export function parseJson(text: string): { readonly value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

export const journalJson: LineParser = {
  kind: 'line',
  format: 'journal-json',
  continuation: false,
  parseLine(text, source) {
    if (!text.trimStart().startsWith('{')) return readJournalMarker(text, source) ?? { kind: 'skip', reason: 'not a JSON object' };
    const parsed = parseJson(text);
    return parsed === undefined ? { kind: 'skip', reason: 'invalid JSON' } : recordFromEntry(parsed.value, source);
  },
};
