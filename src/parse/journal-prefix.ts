// The `host ident[pid]: message` part that journalctl's short outputs (logs-show.c output_short)
// and syslog daemons write after the time:
//   idc-k8s-01 kubelet[128468]: E0526 12:13:41.801997  128468 certificate_manager.go:385] Failed …
// journalctl omits the host with --no-hostname or when the entry has none, writes the pid only
// when it knows one (`kernel: …`), and writes "unknown" when the entry has neither
// SYSLOG_IDENTIFIER nor _COMM. Idents hold `/`, `.`, `-`, `(…)`: `postfix/pickup[7274]`,
// `r710_fan_controller.sh[20911]`, `(kubelet)[5123]` (systemd names a forked child so until exec).
import type { Fields, ParsedRecord, Severity, SourceRef } from '../model/event.js';
import type { Stamp } from '../model/time.js';

/** What the part after the time says. Absent parts were not written. */
export interface SyslogPrefix {
  readonly host?: string;
  readonly ident?: string;
  readonly pid?: number;
  /** Everything after `ident[pid]: ` (or after the host when there is no tag), verbatim. */
  readonly message: string;
}

// `ident[pid]: ` with a pid, where the brackets bound the ident (`kworker/0:1[12]: ` is fine);
// without one the ident stops at the first colon. The tag ends in ": " or at the end of the line
// (an empty message, its trailing space lost). Anchored, no nested quantifiers: this is the hot path.
const TAG_WITH_PID = /^([^\s[\]]+)\[(\d{1,10})\]:(?: |$)/;
const TAG_WITHOUT_PID = /^([^\s[\]:]+):(?: |$)/;

interface Tag {
  readonly ident: string;
  readonly pid?: number;
  readonly length: number;
}

function readTag(text: string): Tag | undefined {
  const withPid = TAG_WITH_PID.exec(text);
  if (withPid !== null) {
    return { ident: withPid[1] ?? '', pid: Number(withPid[2]), length: withPid[0].length };
  }
  const bare = TAG_WITHOUT_PID.exec(text);
  return bare === null ? undefined : { ident: bare[1] ?? '', length: bare[0].length };
}

// Plain literals, one per shape: spreading `cond && {…}` here cost microseconds a line.
function fromTag(tag: Tag, text: string, host: string | undefined): SyslogPrefix {
  const message = text.slice(tag.length);
  const { ident, pid } = tag;
  if (host === undefined) return pid === undefined ? { ident, message } : { ident, pid, message };
  return pid === undefined ? { host, ident, message } : { host, ident, pid, message };
}

/** Read `host ident[pid]: message`; never fails, an unrecognised shape is all message. */
export function readPrefix(rest: string): SyslogPrefix {
  // A first word that is already a tag means no host was written (a host never ends in ':').
  const first = readTag(rest);
  if (first !== undefined) return fromTag(first, rest, undefined);
  const space = rest.indexOf(' ');
  // One word alone, or a leading space: nothing says which part is a host, so none is claimed.
  if (space <= 0) return { message: rest };
  const host = rest.slice(0, space);
  const afterHost = rest.slice(space + 1);
  const tag = readTag(afterHost);
  // No tag: BSD syslog's "host last message repeated 3 times", rsyslog's "host app01 text".
  return tag === undefined ? { host, message: afterHost } : fromTag(tag, afterHost, host);
}

type LogRecord = Extract<ParsedRecord, { readonly kind: 'log' }>;
/**
 * A log record still being built: optional parts are assigned, not spread in, because spreading
 * `cond && {…}` into a literal is a slow path in V8 (µs a line; the per-line path is hot).
 */
export type LogRecordDraft = { -readonly [K in keyof LogRecord]: LogRecord[K] };

/**
 * A log record named by what the prefix wrote: host, component (the ident) and pid. An ident
 * equal to `placeholder` (journalctl's "unknown") names nothing.
 */
export function recordFromPrefix(
  p: SyslogPrefix, stamp: Stamp, severity: Severity, fields: Fields, source: SourceRef, placeholder?: string,
): ParsedRecord {
  const r: LogRecordDraft = { kind: 'log', stamp, severity, message: p.message, fields, source };
  if (p.host !== undefined) r.host = p.host;
  if (p.ident !== undefined && p.ident !== placeholder) r.component = p.ident;
  if (p.pid !== undefined) r.pid = p.pid;
  return r;
}
