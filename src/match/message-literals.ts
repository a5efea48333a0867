// Which of the catalog's message literals a record's message holds, found in one pass. A log
// record is offered to ~150 log matchers, each needing one of its literals before its regex runs;
// asking `includes` per matcher was a tenth of a warm batch worker's time.
import { buildAutomaton, type Automaton } from '../ingest/aho-corasick.js';

/** A literal the automaton finds: only code units below 256, compared as latin1 bytes. */
const BYTE_SIZED = /^[\u0000-\u00ff]*$/;

export class MessageLiterals {
  /** Distinct literals; a literal's id is its index. */
  private readonly literals: readonly string[];
  private readonly automaton: Automaton;
  /** Literal ids by their last code unit: at an automaton hit only these can have ended there. */
  private readonly byLast = new Map<number, number[]>();
  /** Literals with a code unit of 256 or more (none in today's catalog): looked up with includes. */
  private readonly wide: number[] = [];
  /** Per message: 1 where the literal with that id is in it. Reused; valid until the next `find`. */
  private readonly found: Uint8Array;

  constructor(literals: readonly string[]) {
    this.literals = [...new Set(literals)];
    this.found = new Uint8Array(this.literals.length);
    const narrow: Uint8Array[] = [];
    this.literals.forEach((l, id) => {
      if (l.length === 0 || !BYTE_SIZED.test(l)) {
        this.wide.push(id);
        return;
      }
      narrow.push(Buffer.from(l, 'latin1'));
      const last = l.charCodeAt(l.length - 1);
      this.byLast.set(last, [...(this.byLast.get(last) ?? []), id]);
    });
    this.automaton = buildAutomaton(narrow);
  }

  /** The id of a literal given to the constructor. */
  idOf(literal: string): number {
    return this.literals.indexOf(literal);
  }

  /** Marks the literals `message` holds; ask `hasAny` until the next call (one record at a time: no await between). */
  find(message: string): void {
    const found = this.found;
    found.fill(0);
    const { classOf, table } = this.automaton;
    let s = 0;
    for (let i = 0; i < message.length; i++) {
      const c = message.charCodeAt(i);
      const t = table[s + (c < 256 ? (classOf[c] as number) : 0)] as number;
      if (t >= 0) {
        s = t;
        continue;
      }
      s = ~t;
      for (const id of this.byLast.get(c) ?? []) {
        const l = this.literals[id] as string;
        if (found[id] === 0 && message.startsWith(l, i + 1 - l.length)) found[id] = 1;
      }
    }
    for (const id of this.wide) if (message.includes(this.literals[id] as string)) found[id] = 1;
  }

  /** Whether the last `find` saw any of these literals. */
  hasAny(ids: readonly number[]): boolean {
    for (const id of ids) if (this.found[id] === 1) return true;
    return false;
  }
}
