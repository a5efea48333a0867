// Aho-Corasick as a byte DFA, the way grep's kwset finds many literals in one pass: one table
// lookup per input byte, no regex engine on the hot path. Bytes that occur in no literal share one
// class, so the table is states × classes 16-bit entries (about half a MiB for the catalog): small
// enough to stay in cache when two threads scan at once.

export interface Automaton {
  /** Byte → class; class 0 is "in no literal". */
  readonly classOf: Uint8Array;
  readonly classes: number;
  /** next state, by (state × classes + class). */
  readonly table: Uint16Array | Uint32Array;
  /** 1 where a state ends a literal. */
  readonly accepts: Uint8Array;
}

export function buildAutomaton(words: readonly Uint8Array[]): Automaton {
  const classOf = new Uint8Array(256);
  let classes = 1;
  for (const w of words) for (const b of w) if (classOf[b] === 0) classOf[b] = classes++;
  const next: Int32Array[] = [new Int32Array(classes).fill(-1)];
  const fail: number[] = [0];
  const out: number[] = [0];
  for (const w of words) {
    let s = 0;
    for (const b of w) {
      const c = classOf[b] as number;
      const row = next[s] as Int32Array;
      if (row[c] === -1) {
        row[c] = next.length;
        next.push(new Int32Array(classes).fill(-1));
        fail.push(0);
        out.push(0);
      }
      s = row[c] as number;
    }
    out[s] = 1;
  }
  const queue: number[] = [];
  const root = next[0] as Int32Array;
  for (let c = 0; c < classes; c++) {
    const t = root[c] as number;
    if (t === -1) root[c] = 0;
    else queue.push(t);
  }
  for (let q = 0; q < queue.length; q++) {
    const r = queue[q] as number;
    const row = next[r] as Int32Array;
    const failRow = next[fail[r] as number] as Int32Array;
    for (let c = 0; c < classes; c++) {
      const u = row[c] as number;
      if (u === -1) row[c] = failRow[c] as number;
      else {
        fail[u] = failRow[c] as number;
        out[u] = (out[u] as number) | (out[fail[u] as number] as number);
        queue.push(u);
      }
    }
  }
  const table = next.length <= 0xffff ? new Uint16Array(next.length * classes) : new Uint32Array(next.length * classes);
  next.forEach((row, s) => table.set(row, s * classes));
  return { classOf, classes, table, accepts: Uint8Array.from(out) };
}

/** A scan position that survives across calls: resuming keeps the automaton's state. */
export interface ScanState {
  state: number;
}

/**
 * Offset just past the next literal found in buf[from, to), or -1. With `resume`, the automaton
 * continues from where the previous hit left it, so literals that overlap the last one are found.
 */
export function scan(a: Automaton, buf: Uint8Array, from: number, to: number, resume?: ScanState): number {
  const { classOf, classes, table, accepts } = a;
  let s = resume?.state ?? 0;
  for (let i = from; i < to; i++) {
    s = table[s * classes + (classOf[buf[i] as number] as number)] as number;
    if (accepts[s] === 1) {
      if (resume !== undefined) resume.state = s;
      return i + 1;
    }
  }
  if (resume !== undefined) resume.state = s;
  return -1;
}
