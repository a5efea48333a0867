// Text pasted into tickets: `> ` quote prefixes (mail, Markdown) and `grep -n` prefixes
// (`123:` for a match, `123-` for context). Sniffing decides whether a member has them;
// the line reader strips them before any parser sees the line.

export type PastePrefix = 'none' | 'quote' | 'grep-n' | 'grep-n-quote';

const QUOTE = /^> ?/;
const GREP_N = /^\d{1,9}[:-]/;

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
  if (share(GREP_N) >= 0.8) return share(QUOTE, (l) => l.replace(GREP_N, '')) >= 0.8 ? 'grep-n-quote' : 'grep-n';
  if (share(QUOTE) >= 0.8) return 'quote';
  return 'none';
}
