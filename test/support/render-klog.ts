// Writers for the klog property tests: a header as k8s.io/klog/v2 internal/buffer FormatHeader
// writes it, and a structured message as klog.go printS + internal/serialize/keyvalues.go do.
// Only tests use these.

export interface KlogHeaderParts {
  readonly level: 'I' | 'W' | 'E' | 'F';
  readonly month: number;
  readonly day: number;
  readonly secOfDay: number;
  readonly micros: number;
  /** klog pads the thread id to 7 columns and keeps only 7 digits. */
  readonly tid: number;
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

const p2 = (n: number): string => String(n).padStart(2, '0');

export function formatKlog(h: KlogHeaderParts): string {
  const hh = Math.floor(h.secOfDay / 3600);
  const mm = Math.floor((h.secOfDay % 3600) / 60);
  const ss = h.secOfDay % 60;
  const tid = String(h.tid % 10_000_000).padStart(7, ' ');
  return `${h.level}${p2(h.month)}${p2(h.day)} ${p2(hh)}:${p2(mm)}:${p2(ss)}.${String(h.micros).padStart(6, '0')} ${tid} ${h.file}:${h.line}] ${h.message}`;
}

const SIMPLE: Readonly<Record<string, string>> = {
  '"': '\\"', '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v',
};
// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** strconv.Quote: Go's double-quoted literal, non-printable runes escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const simple = SIMPLE[ch];
    const cp = ch.codePointAt(0) ?? 0;
    if (simple !== undefined) out += simple;
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out + '"';
}

export type KvValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'json'; readonly value: unknown };

/** One ` key=value` as keyvalues.go KVFormat writes it. */
function formatValue(v: KvValue): string {
  switch (v.kind) {
    case 'int':
      return `=${v.value}`;
    case 'json':
      return `=${JSON.stringify(v.value)}`;
    case 'string': {
      if (!v.value.includes('\n')) return `=${goQuote(v.value)}`;
      // writeStringValue: tab-indented lines, closed by " >" on its own line.
      const body = v.value.endsWith('\n') ? v.value.slice(0, -1) : v.value;
      return `=<\n${body.split('\n').map((l) => `\t${l}\n`).join('')} >`;
    }
    default: {
      const never: never = v;
      return never;
    }
  }
}

/** `"msg" k1=v1 k2=v2`, the text klog.InfoS writes after the header. */
export function formatKlogKv(msg: string, pairs: readonly (readonly [string, KvValue])[]): string {
  return goQuote(msg) + pairs.map(([k, v]) => ` ${k}${formatValue(v)}`).join('');
}

/** What parseKlogKv should give back for a value. */
export function expectedKvValue(v: KvValue): string {
  switch (v.kind) {
    case 'int':
      return String(v.value);
    case 'json':
      return JSON.stringify(v.value);
    case 'string':
      // A multi-line value cannot say whether it ended in a newline (keyvalues.go says so too).
      return v.value.includes('\n') && v.value.endsWith('\n') ? v.value.slice(0, -1) : v.value;
    default: {
      const never: never = v;
      return never;
    }
  }
}
