// The syslog protocol of RFC 5424 §6, as rsyslog's RSYSLOG_SyslogProtocol23Format and syslog-ng
// write it: <PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG], where
// `-` is the NILVALUE and MSG may start with a UTF-8 BOM (RFC 5424 §6.5, example 3):
//   <165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"] An application event log entry...
// Each SD-PARAM becomes fields["<SD-ID>.<name>"]; MSGID and a non-numeric PROCID are kept too.
import type { SourceRef } from '../model/event.js';
import type { Stamp } from '../model/time.js';
import type { LogRecordDraft } from './journal-prefix.js';
import type { LineParser, LineResult } from './line-parser.js';
import { stampFromIso } from './stamp-iso.js';
import { severityOfLevel, splitPri } from './syslog-severity.js';

const HEADER = /^<(\d{1,3})>([1-9]\d{0,2}) (\S+) (\S+) (\S+) (\S+) (\S+) /;
const DIGITS = /^\d{1,10}$/;
const NIL = '-';

// SD-NAME: printable US-ASCII except '=', ' ', ']' and '"' (RFC 5424 §6.3.3).
const isNameChar = (c: number): boolean => c > 32 && c < 127 && c !== 61 && c !== 93 && c !== 34;

interface StructuredData {
  readonly params: readonly (readonly [string, string])[];
  /** Index just past the structured data. */
  readonly end: number;
}

function readName(text: string, at: number): number {
  let i = at;
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  return i;
}

/** `-` or one or more `[id name="value" …]`, read by hand: values escape `"`, `\` and `]`. */
function readStructuredData(text: string): StructuredData | undefined {
  if (text.startsWith(NIL)) return { params: [], end: 1 };
  const params: [string, string][] = [];
  let i = 0;
  while (text[i] === '[') {
    const idEnd = readName(text, i + 1);
    if (idEnd === i + 1) return undefined;
    const id = text.slice(i + 1, idEnd);
    i = idEnd;
    while (text[i] === ' ') {
      const nameEnd = readName(text, i + 1);
      if (nameEnd === i + 1 || text[nameEnd] !== '=' || text[nameEnd + 1] !== '"') return undefined;
      const name = text.slice(i + 1, nameEnd);
      let value = '';
      for (i = nameEnd + 2; i < text.length && text[i] !== '"'; i++) {
        const next = text[i + 1];
        if (text[i] === '\\' && (next === '"' || next === '\\' || next === ']')) i++;
        value += text[i];
      }
      if (i >= text.length) return undefined;
      params.push([`${id}.${name}`, value]);
      i++;
    }
    if (text[i] !== ']') return undefined;
    i++;
  }
  return i === 0 ? undefined : { params, end: i };
}

const readStamp = (ts: string): Stamp | undefined => (ts === NIL ? { kind: 'none' } : stampFromIso(ts));

function parse(text: string, source: SourceRef): LineResult {
  const m = HEADER.exec(text);
  if (m === null) return { kind: 'skip', reason: 'no RFC 5424 header' };
  const [header, pri, , ts = '', host = NIL, app = NIL, procid = NIL, msgid = NIL] = m;
  const split = splitPri(Number(pri));
  if (split === undefined) return { kind: 'skip', reason: 'PRI out of range' };
  const stamp = readStamp(ts);
  if (stamp === undefined) return { kind: 'skip', reason: 'bad TIMESTAMP' };
  const rest = text.slice(header.length);
  const sd = readStructuredData(rest);
  if (sd === undefined || (sd.end < rest.length && rest[sd.end] !== ' ')) return { kind: 'skip', reason: 'bad STRUCTURED-DATA' };
  const msg = rest.slice(sd.end + 1);
  const numeric = DIGITS.test(procid);
  const fields: Record<string, string> = { facility: String(split.facility) };
  if (msgid !== NIL) fields['msgid'] = msgid;
  if (procid !== NIL && !numeric) fields['procid'] = procid;
  for (const [key, value] of sd.params) fields[key] = value;
  const r: LogRecordDraft = { kind: 'log', stamp, severity: severityOfLevel(split.level), message: msg.startsWith('\uFEFF') ? msg.slice(1) : msg, fields, source };
  if (host !== NIL) r.host = host;
  if (app !== NIL) r.component = app;
  if (numeric) r.pid = Number(procid);
  return { kind: 'record', record: r };
}

export const syslogRfc5424: LineParser = {
  kind: 'line',
  format: 'syslog-rfc5424',
  continuation: false,
  parseLine: parse,
};
