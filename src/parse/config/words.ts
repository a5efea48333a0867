// Words of a command line or a systemd value, split as systemd splits ExecStart= and Environment=
// (and as a shell splits an env file's value): whitespace separates, "double" and 'single' quotes
// group, a backslash escapes the next character. Each word keeps the physical line it starts on,
// so a flag on the fifth line of a continued ExecStart is cited at that line.
import type { Sourced } from '../../model/config.js';

/** A piece of a value and the line it came from (a continued directive has one per line). */
export interface Piece {
  readonly text: string;
  readonly line: number;
}

export function splitWords(pieces: readonly Piece[], path: string, lineText: (n: number) => string): Sourced<string>[] {
  const out: Sourced<string>[] = [];
  let word = '';
  let started = false;
  let startLine = 0;
  let quote: '"' | "'" | undefined;
  const flush = (): void => {
    if (started) out.push({ value: word, source: { path, line: startLine }, text: lineText(startLine) });
    word = '';
    started = false;
  };
  for (const p of pieces) {
    const s = p.text;
    for (let i = 0; i < s.length; i++) {
      const c = s[i] as string;
      if (!started && quote === undefined && /\s/.test(c)) continue;
      if (!started) {
        started = true;
        startLine = p.line;
      }
      if (quote !== undefined) {
        if (c === quote) quote = undefined;
        else if (c === '\\' && quote === '"' && i + 1 < s.length) word += s[++i];
        else word += c;
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '\\' && i + 1 < s.length) word += s[++i];
      else if (/\s/.test(c)) flush();
      else word += c;
    }
    // A continued line ends a word unless a quote is still open.
    if (quote === undefined) flush();
    else word += ' ';
  }
  flush();
  return out;
}
