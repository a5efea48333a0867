// The literal strings a regex cannot match without: for `Failed to ensure (?:node )?lease exists`
// that is "lease exists" (the longest run every match contains). The gate searches raw bytes
// for these with one automaton instead of running every regex at every position.

type Atom =
  | { readonly kind: 'char'; readonly ch: string }
  | { readonly kind: 'other' } // ., a class, \d…: matches something, nothing literal to search for
  | { readonly kind: 'group'; readonly alts: Seq[] };
interface Piece {
  readonly atom: Atom;
  /** false when the quantifier allows zero (`?`, `*`, `{0,}`). */
  readonly required: boolean;
  /** true when it may repeat (`+`, `{2,}`): a literal run ends after it. */
  readonly repeats: boolean;
}
type Seq = Piece[];

/** Parse the subset the loader admits (no lookarounds, no backreferences). */
function parse(src: string): Seq[] {
  let i = 0;
  const alternation = (): Seq[] => {
    const alts: Seq[] = [[]];
    while (i < src.length && src[i] !== ')') {
      if (src[i] === '|') {
        i++;
        alts.push([]);
        continue;
      }
      const atom = parseAtom();
      const { required, repeats } = quantifier();
      (alts[alts.length - 1] as Seq).push({ atom, required, repeats });
    }
    return alts;
  };
  const parseAtom = (): Atom => {
    const c = src[i++] as string;
    if (c === '\\') {
      const e = src[i++] ?? '';
      if (/[dDsSwWbB]/.test(e)) return { kind: 'other' };
      if (e === 'n') return { kind: 'char', ch: '\n' };
      if (e === 't') return { kind: 'char', ch: '\t' };
      if (e === 'u' || e === 'x') {
        const len = e === 'u' ? 4 : 2;
        const hex = src.slice(i, i + len);
        i += len;
        return { kind: 'char', ch: String.fromCharCode(Number.parseInt(hex, 16)) };
      }
      return { kind: 'char', ch: e };
    }
    if (c === '[') {
      if (src[i] === '^') i++;
      if (src[i] === ']') i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      i++;
      return { kind: 'other' };
    }
    if (c === '.') return { kind: 'other' };
    if (c === '(') {
      if (src[i] === '?') {
        if (src[i + 1] === ':') i += 2;
        else if (src[i + 1] === '<') i = src.indexOf('>', i) + 1;
      }
      const alts = alternation();
      i++; // ')'
      return { kind: 'group', alts };
    }
    return { kind: 'char', ch: c };
  };
  const quantifier = (): { required: boolean; repeats: boolean } => {
    const c = src[i];
    let q = { required: true, repeats: false };
    if (c === '?' || c === '*') {
      i++;
      q = { required: false, repeats: c === '*' };
    } else if (c === '+') {
      i++;
      q = { required: true, repeats: true };
    } else if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(src.slice(i))) {
      const m = /^\{(\d+)(,?)(\d*)\}/.exec(src.slice(i)) as RegExpExecArray;
      i += m[0].length;
      const min = Number(m[1]);
      q = { required: min > 0, repeats: m[2] === ',' || Number(m[3] || m[1]) > 1 };
    }
    if (src[i] === '?' && (c === '?' || c === '*' || c === '+' || c === '{')) i++; // lazy
    return q;
  };
  return alternation();
}

/** Strings of which every match contains at least one; undefined when none is worth searching for. */
function requiredOf(alts: readonly Seq[], minLength: number): string[] | undefined {
  const sets: string[][] = [];
  for (const seq of alts) {
    const s = requiredOfSeq(seq, minLength);
    if (s === undefined) return undefined;
    sets.push(s);
  }
  return [...new Set(sets.flat())];
}

function requiredOfSeq(seq: Seq, minLength: number): string[] | undefined {
  const options: string[][] = [];
  let run = '';
  const endRun = (): void => {
    if (run.length >= minLength) options.push([run]);
    run = '';
  };
  for (const p of seq) {
    if (!p.required) {
      endRun();
      continue;
    }
    if (p.atom.kind === 'char') {
      run += p.atom.ch;
      if (p.repeats) endRun();
      continue;
    }
    endRun();
    if (p.atom.kind === 'group') {
      const inner = requiredOf(p.atom.alts, minLength);
      if (inner !== undefined) options.push(inner);
    }
  }
  endRun();
  if (options.length === 0) return undefined;
  // The best option: the longest shortest string, then the fewest strings.
  const score = (o: string[]): number => Math.min(...o.map((s) => s.length)) * 100 - o.length;
  return options.reduce((a, b) => (score(b) > score(a) ? b : a));
}

export function requiredLiterals(source: string, minLength = 4): string[] | undefined {
  try {
    return requiredOf(parse(source), minLength);
  } catch {
    return undefined;
  }
}
