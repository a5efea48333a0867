// Which format a member holds, decided from its first lines (content first, the name only to
// break ties). Each rule is a cheap test on one line; the format whose rule most head lines
// pass wins.
import type { FormatId } from '../model/format.js';
import { detectPaste, stripPaste, type PastePrefix } from './paste.js';
import { sniffConfig } from './sniff-config.js';

export interface Sniffed {
  readonly format: FormatId;
  readonly paste: PastePrefix;
}

export type SniffResult = { readonly kind: 'text'; readonly sniffed: Sniffed } | { readonly kind: 'binary'; readonly reason: string };

const MON = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const LOCAL_MON = '(?:\\d{1,2}月|[A-Za-zÀ-ÿА-я]{3,5}\\.?)';
const ISO = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?';

/** Line tests per format. A format scores the share of head lines its test accepts. */
const LINE_RULES: readonly (readonly [FormatId, RegExp])[] = [
  ['journal-json', /^\{.*"__REALTIME_TIMESTAMP"/],
  ['audit', /^\{.*"auditID"\s*:/],
  ['klog-json', /^\{"ts":\d/],
  ['docker-json', /^\{"log":".*"stream":"(?:stdout|stderr)"/],
  ['cri', new RegExp(`^${ISO}(?:Z|[+-]\\d\\d:\\d\\d) (?:stdout|stderr) [FP] `)],
  ['syslog-rfc5424', /^<\d{1,3}>1 /],
  ['journal-short-monotonic', /^\[\s*\d+\.\d+\] \S+ /],
  ['journal-short-full', /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+ \S+ /],
  ['journal-short-iso', new RegExp(`^${ISO}(?:[+-]\\d\\d:?\\d\\d|Z) \\S+ [^\\s:]+: `)],
  ['journal-short', new RegExp(`^(?:${MON} \\d\\d|${LOCAL_MON} ?[ \\d]\\d) \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)? \\S+ [^\\s:]+: |^-- (?:Logs begin|Journal begins|Boot [0-9a-f]+|Reboot|No entries)`)],
  ['syslog-rfc3164', new RegExp(`^(?:<\\d{1,3}>)?${MON} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\S+ [^\\s:]+: `)],
  ['klog', /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ [^ :\]]+:\d+\] /],
  ['prom-text', /^# (?:HELP|TYPE) [a-zA-Z_:]|^[a-zA-Z_:][a-zA-Z0-9_:]*(?:\{.*\})? -?(?:[0-9.eE+-]+|NaN|[+-]?Inf)(?: -?\d+)?$/],
];

/** Formats recognised by a header or a shape spread over several lines. */
function sniffDocument(lines: readonly string[], head: string): FormatId | undefined {
  const first = lines.find((l) => l.trim() !== '') ?? '';
  if (/^\s*(?:NAMESPACE\s+)?(?:LAST SEEN\s+TYPE\s+REASON|LASTSEEN\s+FIRSTSEEN\s+COUNT)/.test(first)) return 'k8s-events-table';
  if (/^\s*NAME\s+AGE\s+(?:SIGNERNAME\s+)?REQUESTOR/.test(first)) return 'csr-table';
  if (/^Name:\s+\S/m.test(head) && /^(?:Roles|Conditions):/m.test(head)) return 'describe-node';
  if (/^\s*[●○×*] \S+\.(?:service|socket|scope) - |^\s+Loaded: (?:loaded|not-found|masked)/m.test(head) && /^\s+Active: /m.test(head)) {
    return 'systemctl-status';
  }
  if (/^\s*[{[]/.test(first)) {
    if (/"__REALTIME_TIMESTAMP"\s+:/.test(head) && first.trim() === '{') return 'journal-json-pretty';
    if (/"kind"\s*:\s*"(?:List|EventList|Event)"/.test(head) && /"(?:involvedObject|regarding)"\s*:/.test(head) && !/"auditID"/.test(head)) {
      return 'k8s-events-json';
    }
  }
  return undefined;
}

/** More than this share of control bytes (or any NUL) in the head means a binary file. */
const MAX_CONTROL_SHARE = 0.1;

/** 1 for a control byte that text does not hold (newline, CR, tab and ESC are text). */
const CONTROL = Uint8Array.from({ length: 256 }, (_, b) => (b < 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0x1b ? 1 : 0));

/** How many control bytes: a branch-free loop of its own, so sniff's optimized code stays stable. */
function controlBytes(head: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < head.length; i++) n += CONTROL[head[i] as number] as number;
  return n;
}

export function sniff(head: Buffer, path: string): SniffResult {
  if (head.indexOf(0) !== -1) return { kind: 'binary', reason: 'binary content (NUL bytes)' };
  if (head.length > 0 && controlBytes(head) / head.length > MAX_CONTROL_SHARE) return { kind: 'binary', reason: 'binary content (control bytes)' };

  const text = head.toString('utf8');
  // The last line of the head may be cut mid-way: leave it out unless it is the whole member.
  const raw = text.split('\n');
  if (raw.length > 1) raw.pop();
  const rawLines = raw.slice(0, 200).map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const paste = detectPaste(rawLines);
  const lines = rawLines.map((l) => stripPaste(l, paste));
  const doc = sniffDocument(lines, lines.join('\n'));
  if (doc !== undefined) return { kind: 'text', sniffed: { format: doc, paste } };
  const config = sniffConfig(lines, lines.join('\n'), path);
  if (config !== undefined) return { kind: 'text', sniffed: { format: config, paste } };
  return { kind: 'text', sniffed: { format: bestLineFormat(lines, path), paste } };
}

function bestLineFormat(lines: readonly string[], path: string): FormatId {
  const sample = lines.filter((l) => l.trim() !== '').slice(0, 100);
  if (sample.length === 0) return 'plain';
  let best: FormatId = 'plain';
  let bestScore = 0;
  for (const [format, re] of LINE_RULES) {
    let hits = 0;
    for (const l of sample) if (re.test(l)) hits++;
    const score = hits / sample.length;
    if (score > bestScore) {
      best = format;
      bestScore = score;
    }
  }
  if (bestScore < 0.3) return 'plain';
  // journal short and classic syslog look alike; syslog pads the day with a space, and the
  // name /var/log/messages, syslog or kern.log says which tool wrote it.
  if (best === 'journal-short' && /(?:^|\/)(?:messages|syslog|kern\.log|daemon\.log)(?:[.-]\d+)?$/.test(path)) return 'syslog-rfc3164';
  if (best === 'journal-short' && sample.filter((l) => new RegExp(`^${MON}  \\d `).test(l)).length > sample.length / 2) return 'syslog-rfc3164';
  return best;
}
