// The gate: which raw lines deserve a full parse. Every log matcher's regex contributes the
// literals it cannot match without (literals.ts); one Aho-Corasick automaton finds them all in a
// single pass over raw bytes. Regexes with no usable literal are run as one combined regex on
// the chunk instead. The gate only says "maybe here": the full matcher runs later, on the
// parsed message, so a false candidate costs a parse, never a wrong finding.
import type { LineGate } from '../model/gate.js';
import { buildAutomaton, scan } from './aho-corasick.js';
import { requiredLiterals } from './literals.js';
import type { Catalog } from './pattern.js';

export interface GateOptions {
  /** Lines are JSON (klog-json, docker-json, journal-json): a `"` in a regex may appear as `\"`. */
  readonly jsonEscaped: boolean;
}

/** The regex sources of all log matchers, for the gate and for `patterns export`. */
export function logRegexSources(catalog: Catalog): string[] {
  const out: string[] = [];
  for (const m of catalog.matchers) if (m.test.kind === 'log') out.push(m.test.message.source);
  return [...new Set(out)];
}

export function plainGroups(source: string): string {
  return source.replace(/\(\?<[A-Za-z_]\w*>/g, '(');
}

/** The literals to search for, and the regexes that have none (run as a regex instead). */
export function gateLiterals(sources: readonly string[], opts: GateOptions): { literals: string[]; residual: string[] } {
  const literals = new Set<string>();
  const residual: string[] = [];
  for (const s of sources) {
    let lits = requiredLiterals(s);
    // In JSON text a quote or backslash is escaped: search for the longest piece without them.
    if (lits !== undefined && opts.jsonEscaped) {
      lits = lits.map((l) => l.split(/["\\\n\t]/).reduce((a, b) => (b.length > a.length ? b : a), ''));
      if (lits.some((l) => l.length < 4)) lits = undefined;
    }
    if (lits === undefined) residual.push(s);
    else for (const l of lits) literals.add(l);
  }
  return { literals: [...literals].sort(), residual };
}

const NL = 0x0a;

export function buildGate(catalog: Catalog, opts: GateOptions): LineGate {
  const { literals, residual } = gateLiterals(logRegexSources(catalog), opts);
  // Literals and lines are compared as bytes: a literal's UTF-8 bytes are what the file holds.
  const automaton = buildAutomaton(literals.map((l) => Buffer.from(l, 'utf8')));
  const rest = residual.length === 0 ? undefined : new RegExp(residual.map((s) => `(?:${jsonify(plainGroups(s), opts)})`).join('|'), 'g');
  return {
    candidates(buf, from, to) {
      const starts: number[] = [];
      let pos = from;
      while (pos < to) {
        const hit = literals.length === 0 ? -1 : scan(automaton, buf, pos, to);
        if (hit < 0) break;
        const lineStart = hit - 1 < from ? from : buf.lastIndexOf(NL, hit - 1) + 1;
        starts.push(Math.max(lineStart, from));
        const eol = buf.indexOf(NL, hit - 1);
        if (eol < 0 || eol >= to) break;
        pos = eol + 1;
      }
      if (rest === undefined) return starts;
      // Regexes without a literal: one combined regex over the chunk, read as latin1 (byte = char).
      const text = Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString('latin1');
      const extra: number[] = [];
      rest.lastIndex = 0;
      for (let m = rest.exec(text); m !== null; m = rest.exec(text)) {
        extra.push(from + text.lastIndexOf('\n', m.index) + 1);
        const eol = text.indexOf('\n', m.index);
        if (eol < 0) break;
        rest.lastIndex = eol + 1;
      }
      return [...new Set([...starts, ...extra])].sort((a, b) => a - b);
    },
  };
}

function jsonify(source: string, opts: GateOptions): string {
  return opts.jsonEscaped ? source.replace(/(^|[^\\])"/g, '$1\\\\?"') : source;
}
