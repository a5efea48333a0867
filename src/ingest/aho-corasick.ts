// Aho-Corasick as a byte DFA (a full 256-way table per state), the way grep's kwset finds many
// literals in one pass. One table lookup per input byte; no regex engine on the hot path.

export interface Automaton {
  /** next state × 256, by (state × 256 + byte). */
  readonly table: Int32Array;
  /** 1 where a state ends a literal. */
  readonly accepts: Uint8Array;
}

export function buildAutomaton(words: readonly Uint8Array[]): Automaton {
  const next: Int32Array[] = [new Int32Array(256).fill(-1)];
  const fail: number[] = [0];
  const out: number[] = [0];
  for (const w of words) {
    let s = 0;
    for (const b of w) {
      const row = next[s] as Int32Array;
      if (row[b] === -1) {
        row[b] = next.length;
        next.push(new Int32Array(256).fill(-1));
        fail.push(0);
        out.push(0);
      }
      s = row[b] as number;
    }
    out[s] = 1;
  }
  const queue: number[] = [];
  const root = next[0] as Int32Array;
  for (let c = 0; c < 256; c++) {
    const t = root[c] as number;
    if (t === -1) root[c] = 0;
    else queue.push(t);
  }
  for (let q = 0; q < queue.length; q++) {
    const r = queue[q] as number;
    const row = next[r] as Int32Array;
    const failRow = next[fail[r] as number] as Int32Array;
    for (let c = 0; c < 256; c++) {
      const u = row[c] as number;
      if (u === -1) row[c] = failRow[c] as number;
      else {
        fail[u] = failRow[c] as number;
        out[u] = (out[u] as number) | (out[fail[u] as number] as number);
        queue.push(u);
      }
    }
  }
  const table = new Int32Array(next.length * 256);
  next.forEach((row, s) => table.set(row, s * 256));
  return { table, accepts: Uint8Array.from(out) };
}

/** Offset just past the first literal found in buf[from, to), or -1. */
export function scan(a: Automaton, buf: Uint8Array, from: number, to: number): number {
  const { table, accepts } = a;
  let s = 0;
  for (let i = from; i < to; i++) {
    s = table[(s << 8) | (buf[i] as number)] as number;
    if (accepts[s] === 1) return i + 1;
  }
  return -1;
}
