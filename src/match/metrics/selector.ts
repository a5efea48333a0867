// A PromQL instant-vector selector, the part of PromQL catalog conditions use to name series:
//   rest_client_requests_total{code=~"5..", method!="WATCH"}
// The metric name is required (the store keeps only named metrics); matchers are =, !=, =~, !~ on a
// quoted value ("…" or '…', with \" \' \\ \n \t escapes). As in PromQL, a regex must match the whole
// value (it is anchored), and a label a series does not have reads as the empty string.
import type { Fields } from '../../model/event.js';

export type LabelMatcher =
  | { readonly label: string; readonly op: '=' | '!='; readonly value: string }
  | { readonly label: string; readonly op: '=~' | '!~'; readonly value: string; readonly regex: RegExp };

export interface Selector {
  readonly name: string;
  readonly matchers: readonly LabelMatcher[];
}

export type SelectorParse =
  | { readonly kind: 'selector'; readonly selector: Selector }
  | { readonly kind: 'error'; readonly at: number; readonly message: string };

const NAME = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const LABEL = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const OP = /=~|!~|!=|=/y;
const SPACE = /[ \t]*/y;

/** Parse `name{label op "value", …}`; errors carry the 0-based offset in `text`. */
export function parseSelector(text: string): SelectorParse {
  let at = 0;
  const skip = (): void => {
    SPACE.lastIndex = at;
    SPACE.exec(text);
    at = SPACE.lastIndex;
  };
  const token = (re: RegExp): string | undefined => {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) return undefined;
    at = re.lastIndex;
    return m[0];
  };
  const fail = (message: string): SelectorParse => ({ kind: 'error', at, message });
  skip();
  const name = token(NAME);
  if (name === undefined) return fail('expected a metric name');
  skip();
  const matchers: LabelMatcher[] = [];
  if (text[at] === '{') {
    at++;
    skip();
    while (text[at] !== '}') {
      const label = token(LABEL);
      if (label === undefined) return fail('expected a label name');
      skip();
      const op = token(OP) as LabelMatcher['op'] | undefined;
      if (op === undefined) return fail(`expected =, !=, =~ or !~ after "${label}"`);
      skip();
      const quoted = readQuoted(text, at);
      if (quoted === undefined) return fail('expected a quoted value');
      const valueAt = at;
      at = quoted.end;
      if (op === '=~' || op === '!~') {
        let regex: RegExp;
        try {
          regex = new RegExp(`^(?:${quoted.value})$`);
        } catch (e) {
          return { kind: 'error', at: valueAt, message: `invalid regex: ${(e as Error).message}` };
        }
        matchers.push({ label, op, value: quoted.value, regex });
      } else matchers.push({ label, op, value: quoted.value });
      skip();
      if (text[at] === ',') {
        at++;
        skip();
      } else if (text[at] !== '}') return fail('expected , or }');
    }
    at++;
    skip();
  }
  if (at < text.length) return fail('unexpected text after the selector');
  return { kind: 'selector', selector: { name, matchers } };
}

function readQuoted(text: string, at: number): { value: string; end: number } | undefined {
  const quote = text[at];
  if (quote !== '"' && quote !== "'") return undefined;
  let value = '';
  for (let i = at + 1; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === quote) return { value, end: i + 1 };
    if (ch === '\\') {
      const next = text[++i];
      if (next === undefined) return undefined;
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
    } else value += ch;
  }
  return undefined;
}

/** Do the labels satisfy every matcher? (The name is compared by the caller.) */
export function labelsMatch(s: Selector, labels: Fields): boolean {
  for (const m of s.matchers) {
    const v = labels[m.label] ?? '';
    switch (m.op) {
      case '=':
        if (v !== m.value) return false;
        break;
      case '!=':
        if (v === m.value) return false;
        break;
      case '=~':
        if (!m.regex.test(v)) return false;
        break;
      case '!~':
        if (m.regex.test(v)) return false;
        break;
      default: {
        const never: never = m;
        return never;
      }
    }
  }
  return true;
}

/** The selector as PromQL writes it, for evidence and summaries. */
export function selectorText(s: Selector): string {
  if (s.matchers.length === 0) return s.name;
  return `${s.name}{${s.matchers.map((m) => `${m.label}${m.op}"${quote(m.value)}"`).join(',')}}`;
}

/** Escape a label value for a double-quoted PromQL string (readQuoted reads it back). */
function quote(value: string): string {
  return value.replace(/[\\"\n\t]/g, (ch) => (ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : `\\${ch}`));
}
