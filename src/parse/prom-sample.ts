// One sample line of the Prometheus text exposition format (0.0.4), as client_golang writes it for
// kubelet and apiserver /metrics:
//   apiserver_client_certificate_expiration_seconds_bucket{le="1800"} 0
// name, optional {labels} with \\ \" \n escapes, a Go float (NaN, +Inf, -Inf too), an optional
// timestamp in milliseconds since the epoch. A line that is none of that is a reason, not a throw.

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
  readonly timestampMs?: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /[ \t]*([a-zA-Z_][a-zA-Z0-9_]*)[ \t]*=[ \t]*"((?:[^"\\]|\\.)*)"[ \t]*(,|\})/y;
const NUMBER = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|0[xX][0-9a-fA-F]+|[Ii]nf|[Ii]nfinity|NaN)$/;
const TIMESTAMP = /^-?\d{1,19}$/;

/** The sample on `line`, or why it is not one. */
export function readSample(line: string): Sample | string {
  const text = line.trim();
  const name = NAME.exec(text)?.[0];
  if (name === undefined) return 'no metric name';
  let at = name.length;
  const labels: Record<string, string> = {};
  if (text[at] === '{') {
    at++;
    if (/^[ \t]*\}/.test(text.slice(at, at + 64))) at = text.indexOf('}', at) + 1;
    else {
      for (;;) {
        LABEL.lastIndex = at;
        const m = LABEL.exec(text);
        if (m === null) return 'malformed labels';
        labels[m[1] ?? ''] = unescape(m[2] ?? '');
        at = LABEL.lastIndex;
        if (m[3] === '}') break;
        if (/^[ \t]*\}/.test(text.slice(at, at + 64))) { at = text.indexOf('}', at) + 1; break; } // trailing comma
      }
    }
  }
  const rest = text.slice(at);
  if (!/^[ \t]/.test(rest)) return 'no value after the metric name';
  const [valueText = '', timestampText, extra] = rest.trim().split(/[ \t]+/);
  if (extra !== undefined) return 'extra text after the timestamp';
  if (!NUMBER.test(valueText)) return 'value is not a number';
  if (timestampText !== undefined && !TIMESTAMP.test(timestampText)) return 'timestamp is not an integer';
  const value = goFloat(valueText);
  return timestampText === undefined ? { name, labels, value } : { name, labels, value, timestampMs: Number(timestampText) };
}

function goFloat(text: string): number {
  const lower = text.toLowerCase();
  if (lower.endsWith('inf') || lower.endsWith('infinity')) return text.startsWith('-') ? -Infinity : Infinity;
  if (lower === 'nan') return NaN;
  return Number(text);
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, (_, ch: string) => (ch === 'n' ? '\n' : ch === '\\' ? '\\' : ch === '"' ? '"' : `\\${ch}`));
}
