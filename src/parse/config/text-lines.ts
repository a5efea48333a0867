// A configuration file as numbered lines: the text of line n (1-based) as shipped, without its
// line end. Shared by the configuration readers, which cite values by file:line.
import type { SourceRef } from '../../model/event.js';
import type { Sourced } from '../../model/config.js';

export interface TextLines {
  readonly path: string;
  readonly lines: readonly string[];
  /** The text of 1-based line n, '' past the end. */
  at(n: number): string;
  /** 1-based line of a character offset in the whole text. */
  lineOf(offset: number): number;
  sourced<T>(value: T, line: number): Sourced<T>;
  ref(line: number): SourceRef;
}

export function textLines(text: string, path: string): TextLines {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const starts: number[] = [];
  let off = 0;
  for (const l of text.split('\n')) {
    starts.push(off);
    off += l.length + 1;
  }
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const at = (n: number): string => lines[n - 1] ?? '';
  return {
    path,
    lines,
    at,
    lineOf,
    sourced: (value, line) => ({ value, source: { path, line }, text: at(line) }),
    ref: (line) => ({ path, line }),
  };
}

/** Lines that carry content: not blank, not a comment with one of the given leaders. */
export function significant(lines: readonly string[], comment = /^\s*[#;]/): { readonly no: number; readonly text: string }[] {
  const out: { no: number; text: string }[] = [];
  lines.forEach((text, i) => {
    if (text.trim() !== '' && !comment.test(text)) out.push({ no: i + 1, text });
  });
  return out;
}
