// A LineGate from a GateSpec: one Aho-Corasick pass over raw bytes for the literals, plus one
// combined regex (over the chunk read as latin1, byte = char) for regexes with no literal.
import type { GateSpec, LineGate } from '../model/gate.js';
import { buildAutomaton, scan } from './aho-corasick.js';

const NL = 0x0a;

export function gateFromSpec(spec: GateSpec): LineGate {
  // Literals and lines are compared as bytes: a literal's UTF-8 bytes are what the file holds.
  const automaton = buildAutomaton(spec.literals.map((l) => Buffer.from(l, 'utf8')));
  const rest = spec.residual.length === 0 ? undefined : new RegExp(spec.residual.map((s) => `(?:${s})`).join('|'), 'g');
  const hasLiterals = spec.literals.length > 0;
  return {
    candidates(buf, from, to) {
      const starts: number[] = [];
      let pos = from;
      while (hasLiterals && pos < to) {
        const hit = scan(automaton, buf, pos, to);
        if (hit < 0) break;
        starts.push(Math.max(buf.lastIndexOf(NL, hit - 1) + 1, from));
        const eol = buf.indexOf(NL, hit - 1);
        if (eol < 0 || eol >= to) break;
        pos = eol + 1;
      }
      if (rest === undefined) return starts;
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
