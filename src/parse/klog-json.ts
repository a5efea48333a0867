// Kubernetes components' JSON logging (`--logging-format=json`), as k8s.io/component-base
// logs/json writes it through zap and zapr:
//   {"ts":1631610094233.7605,"caller":"app/server.go:276","msg":"Failed to construct kubelet dependencies","err":"error reading /var/lib/kubelet/pki/kubelet.key, certificate and key must be supplied as a pair"}
// (kubernetes/kubernetes#104997). `ts` is float *milliseconds* since the epoch
// (json.go epochMillisTimeEncoder; its test expects `"ts":0.000123` for 123 ns). There is no
// level key: zapr writes `v` (verbosity) on every Info and never on Error, so a line without
// `v` is an error whether or not it carries `err` (klog.Error without an error has no `err`).
// klog's printf-style calls end `msg` with "\n"; one trailing newline is dropped.
// Other keys go to `fields`, strings as they are and anything else as JSON text.
import type { Severity } from '../model/event.js';
import { instantFromMs, precisionOfDigits, type Instant, type Precision } from '../model/time.js';
import type { LineParser, LineResult } from './line-parser.js';

// component-base's encoder writes `ts` first; reading its digits from the text keeps them
// exact (a float64 of ~1.7e12 ms keeps only about 100 ns).
const LEADING_TS = /^\s*\{\s*"ts"\s*:\s*(\d+)(?:\.(\d+))?\s*[,}]/;

export const klogJson: LineParser = {
  kind: 'line',
  format: 'klog-json',
  continuation: false,
  parseLine(text, source): LineResult {
    const obj = parseObject(text);
    if (obj === undefined) return { kind: 'skip', reason: 'not a JSON object' };
    const { ts, msg } = obj;
    if (typeof ts !== 'number' || typeof msg !== 'string') {
      return { kind: 'skip', reason: `not component JSON: ${foreignShape(obj)}` };
    }
    if (!Number.isFinite(ts) || ts < 0) return { kind: 'skip', reason: 'ts out of range' };
    if ('level' in obj) return { kind: 'skip', reason: 'not component JSON: has "level" (another zap encoder, ts unit unknown)' };
    const { at, precision } = stampOf(text, ts);
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'ts' || k === 'msg') continue;
      Object.defineProperty(fields, k, { value: typeof v === 'string' ? v : JSON.stringify(v), enumerable: true, writable: true, configurable: true });
    }
    const severity: Severity = 'v' in obj ? 'info' : 'error';
    return {
      kind: 'record',
      record: {
        kind: 'log',
        stamp: { kind: 'utc', at, precision },
        severity,
        message: msg.endsWith('\n') ? msg.slice(0, -1) : msg,
        fields,
        source,
      },
    };
  },
};

function parseObject(text: string): Record<string, unknown> | undefined {
  if (!text.trimStart().startsWith('{')) return undefined; // cheap reject before JSON.parse
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // truncated or not JSON: a skip, never a throw
  }
}

/** Name the JSON neighbours that must stay skips here, so the tally says what the file really is. */
function foreignShape(obj: Record<string, unknown>): string {
  if ('__REALTIME_TIMESTAMP' in obj) return 'a journal JSON entry';
  if ('log' in obj && 'stream' in obj) return 'a docker json-file line';
  if ('auditID' in obj) return 'an audit event';
  return 'no numeric "ts" and string "msg"';
}

function stampOf(text: string, ts: number): { at: Instant; precision: Precision } {
  const m = LEADING_TS.exec(text);
  if (m === null) return { at: instantFromMs(ts), precision: 'us' }; // ts not first: the float is all we have
  const ms = Number(m[1]);
  const frac = m[2] ?? '';
  const sec = Math.floor(ms / 1000);
  const nsec = (ms - sec * 1000) * 1e6 + Number(frac.slice(0, 6).padEnd(6, '0'));
  return { at: { sec, nsec }, precision: precisionOfDigits(3 + frac.length) };
}
