// Text pasted into tickets: `> ` quote prefixes (mail, Markdown) and `grep -n` prefixes
// (`123:` for a match, `123-` for context). Sniffing decides whether a member has them;
// the line reader strips them before any parser sees the line.

export type PastePrefix = 'none' | 'quote' | 'grep-n' | 'grep-n-quote';

const QUOTE = /^> ?/;
// A line number and `:` or `-`, but not the start of a date or time (`2024-04-01`, `12:13:41`).
const GREP_N = /^\d{1,9}[:-](?!\d\d[-:T])/;

export function stripPaste(line: string, prefix: PastePrefix): string {
  switch (prefix) {
    case 'none':
      return line;
    case 'quote':
      return line.replace(QUOTE, '');
    case 'grep-n':
      return line.replace(GREP_N, '');
    case 'grep-n-quote':
      return line.replace(GREP_N, '').replace(QUOTE, '');
  }
}

/** Which prefix most non-empty lines of a head carry, if any (a majority vote, so one odd line does not decide). */
export function detectPaste(lines: readonly string[]): PastePrefix {
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  if (nonEmpty.length === 0) return 'none';
  const share = (re: RegExp, pre: (l: string) => string = (l) => l): number =>
    nonEmpty.filter((l) => re.test(pre(l))).length / nonEmpty.length;
  if (share(GREP_N) >= 0.8 && ascending(nonEmpty)) return share(QUOTE, (l) => l.replace(GREP_N, '')) >= 0.8 ? 'grep-n-quote' : 'grep-n';
  if (share(QUOTE) >= 0.8) return 'quote';
  return 'none';
}

/** grep -n numbers only grow: a column of numbers that does not is part of the log itself. */
function ascending(lines: readonly string[]): boolean {
  let prev = 0;
  for (const l of lines) {
    const m = GREP_N.exec(l);
    if (m === null) continue;
    const n = Number.parseInt(l, 10);
    if (n < prev) return false;
    prev = n;
  }
  return true;
}
