// Structured klog messages (klog.InfoS / ErrorS), the text after the header, as k8s.io/klog/v2
// writes it (klog.go printS, internal/serialize/keyvalues.go):
//   "Failed to get the info of the filesystem with mountpoint" err="unable to find data in memory cache" mountpoint="/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs"
// (kubernetes/kubernetes#21248). The message is strconv.Quote'd. A value is Go-quoted
// (strings, errors, Stringers, KObj), JSON (`count=3`, `pods=[…]`, `data={…}`), a multi-line
// block (`key=<` newline, tab-indented lines, ` >`), or, from klogs before v2.30 that used %+v,
// bare text such as `nodeConfig={RuntimeCgroupsName: SystemCgroupsName:}`.
//
// Strict on the quoted message and the first key, lenient after: text that starts like a
// structured message keeps the pairs read before anything unreadable. An open `key=<` block at
// the end (a line parser sees only its first line) yields the lines read so far.

/** The quoted message and the key/values of a structured klog message. */
export interface KlogKv {
  readonly msg: string;
  readonly fields: Readonly<Record<string, string>>;
}

export function parseKlogKv(text: string): KlogKv | undefined {
  if (text.charCodeAt(0) !== QUOTE) return undefined;
  const head = readGoQuoted(text, 0);
  if (head === undefined) return undefined;
  const fields: Record<string, string> = {};
  let i = head.end;
  for (let first = true; ; first = false) {
    let j = i;
    while (text.charCodeAt(j) === SPACE) j++;
    // The end, or a newline the wrapper joined on (a stack trace after an ErrorS line): done.
    if (j >= text.length || text.charCodeAt(j) === NEWLINE) break;
    const pair = j > i ? readPair(text, j) : undefined;
    if (pair === undefined) {
      if (first) return undefined; // `"quoted" and then prose`: not structured
      break;
    }
    put(fields, pair.key, pair.value);
    i = pair.end;
  }
  return { msg: head.value, fields };
}

const QUOTE = 0x22;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;

interface Read {
  readonly value: string;
  readonly end: number;
}

const KEY_END = /[ ="]/g;
const BARE_END = /[ \n]/g;
const QUOTED_SPECIAL = /["\\]/g;

function readPair(text: string, start: number): (Read & { readonly key: string }) | undefined {
  KEY_END.lastIndex = start;
  const m = KEY_END.exec(text);
  if (m === null || m[0] !== '=' || m.index === start) return undefined;
  const key = text.slice(start, m.index);
  const v = readValue(text, m.index + 1);
  if (v === undefined) return undefined;
  const next = text.charCodeAt(v.end);
  if (v.end < text.length && next !== SPACE && next !== NEWLINE) return undefined; // `a="x"y` is not klog's
  return { key, ...v };
}

function readValue(text: string, start: number): Read | undefined {
  const c = text[start];
  if (c === '"') return readGoQuoted(text, start);
  if (c === '<' && (start + 1 === text.length || text[start + 1] === '\n')) return readBlock(text, start + 2);
  if (c === '{' || c === '[') {
    const end = balancedEnd(text, start);
    return { value: text.slice(start, end), end };
  }
  BARE_END.lastIndex = start;
  const end = BARE_END.exec(text)?.index ?? text.length;
  return end > start ? { value: text.slice(start, end), end } : undefined;
}

/**
 * `key=<` block (keyvalues.go writeStringValue): lines that start with a tab, closed by ` >`.
 * Also read once a wrapper trimmed the joined lines: tabs gone, the closer a bare `>`.
 */
function readBlock(text: string, start: number): Read {
  const lines: string[] = [];
  let i = start;
  while (i < text.length) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    const line = text.slice(i, nl);
    const close = BLOCK_CLOSE.exec(line);
    if (close !== null) return { value: lines.join('\n'), end: i + close[0].length };
    lines.push(line.startsWith('\t') ? line.slice(1) : line);
    i = nl + 1;
  }
  return { value: lines.join('\n'), end: text.length };
}

const BLOCK_CLOSE = /^ ?>(?= |$)/;

/** End of a JSON array/object starting at `start`, skipping strings; the text's end if unbalanced. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) return i + 1;
  }
  return text.length;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'",
};
// After the backslash: \xHH and \OOO are bytes, \uHHHH and \UHHHHHHHH code points.
const HEX_ESCAPE: Readonly<Record<string, RegExp>> = { x: /[0-9a-fA-F]{2}/y, u: /[0-9a-fA-F]{4}/y, U: /[0-9a-fA-F]{8}/y };
const OCTAL_ESCAPE = /[0-7]{3}/y;

/** A Go double-quoted string literal at `start` (strconv.Quote output), unescaped. */
export function readGoQuoted(text: string, start: number): Read | undefined {
  const special = QUOTED_SPECIAL;
  let out = '';
  let i = start + 1;
  for (;;) {
    special.lastIndex = i;
    const m = special.exec(text);
    if (m === null) return undefined; // unterminated
    out += text.slice(i, m.index);
    if (m[0] === '"') return { value: out, end: m.index + 1 };
    const e = text[m.index + 1] ?? '';
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i = m.index + 2;
      continue;
    }
    const octal = e >= '0' && e <= '7';
    const digits = octal ? OCTAL_ESCAPE : HEX_ESCAPE[e];
    if (digits === undefined) return undefined; // not an escape Go writes
    digits.lastIndex = octal ? m.index + 1 : m.index + 2;
    const d = digits.exec(text);
    if (d === null) return undefined;
    const code = parseInt(d[0], octal ? 8 : 16);
    if (octal || e === 'x') {
      // Go writes a byte this way only when it is not valid UTF-8, so one past ASCII stands
      // for a broken sequence.
      out += code < 0x80 ? String.fromCharCode(code) : '\uFFFD';
    } else if (code > 0x10ffff) {
      return undefined;
    } else {
      out += String.fromCodePoint(code);
    }
    i = digits.lastIndex;
  }
}

/** Keys are whatever klog printed; `__proto__` must stay an ordinary key. */
function put(fields: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(fields, key, { value, enumerable: true, writable: true, configurable: true });
}
