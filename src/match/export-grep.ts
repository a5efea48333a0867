// A catalog regex as POSIX ERE, for `patterns export --format grep` and the benchmark's grep
// baseline. The loader already rejected what ERE cannot say (lookarounds, backreferences).

const OUTSIDE: Readonly<Record<string, string>> = {
  d: '[0-9]', D: '[^0-9]', s: '[[:space:]]', S: '[^[:space:]]', w: '[[:alnum:]_]', W: '[^[:alnum:]_]', t: '\t', b: '\\b',
};
const INSIDE: Readonly<Record<string, string>> = { d: '0-9', s: '[:space:]', w: '[:alnum:]_', t: '\t' };

export function toEre(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      i++;
      if (inClass) {
        // ERE has no escapes inside brackets: a literal `]` must come first, `-` last; keep the rest literal.
        out += INSIDE[next] ?? (next === ']' || next === '\\' ? `\\${next}` : next);
      } else if (OUTSIDE[next] !== undefined) out += OUTSIDE[next];
      else if (/[.[\]()*+?{}|^$\\]/.test(next)) out += `\\${next}`;
      else out += next; // \" \/ \- \: are plain characters
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      if (source[i + 1] === '^') out += source[++i];
      if (source[i + 1] === ']') out += source[++i];
      continue;
    }
    if (ch === '(' && source[i + 1] === '?') {
      // (?:x) and (?<name>x) are plain groups in ERE.
      const close = source[i + 2] === ':' ? i + 2 : source.indexOf('>', i);
      i = close;
      out += '(';
      continue;
    }
    if ((ch === '*' || ch === '+' || ch === '?' || ch === '}') && source[i + 1] === '?') {
      out += ch; // lazy quantifiers: same lines match
      i++;
      continue;
    }
    out += ch;
  }
  return out;
}
