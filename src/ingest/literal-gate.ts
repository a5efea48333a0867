// A LineGate from a GateSpec: one Aho-Corasick pass over raw bytes finds the literals; a line
// holding one is a candidate when a regex that needs that literal matches the line (read as
// latin1, byte = char), so a literal common in chatter costs a regex test, not a parse. Regexes
// with no literal run as one combined regex over the chunk.
import type { GateSpec, LineGate } from '../model/gate.js';
import { buildAutomaton, scan } from './aho-corasick.js';

const NL = 0x0a;

interface Literal {
  readonly bytes: Uint8Array;
  readonly verify: readonly RegExp[];
}

export function gateFromSpec(spec: GateSpec): LineGate {
  // Literals and lines are compared as bytes: a literal's UTF-8 bytes are what the file holds.
  const literals: Literal[] = spec.literals.map((l, i) => ({ bytes: Buffer.from(l, 'utf8'), verify: (spec.verify[i] ?? []).map((s) => new RegExp(s)) }));
  const automaton = buildAutomaton(literals.map((l) => l.bytes));
  // Literals by their last byte: at a hit, only these can have ended there.
  const byLastByte = new Map<number, Literal[]>();
  for (const l of literals) {
    const last = l.bytes[l.bytes.length - 1] as number;
    byLastByte.set(last, [...(byLastByte.get(last) ?? []), l]);
  }
  const rest = spec.residual.length === 0 ? undefined : new RegExp(spec.residual.map((s) => `(?:${s})`).join('|'), 'g');
  const endsAt = (buf: Uint8Array, end: number, l: Literal): boolean => {
    const n = l.bytes.length;
    if (end - n < 0) return false;
    for (let k = 0; k < n; k++) if (buf[end - n + k] !== l.bytes[k]) return false;
    return true;
  };
  return {
    candidates(buf, from, to) {
      const starts: number[] = [];
      let pos = from;
      const resume = { state: 0 };
      while (literals.length > 0 && pos < to) {
        const hit = scan(automaton, buf, pos, to, resume);
        if (hit < 0) break;
        const lineStart = Math.max(buf.lastIndexOf(NL, hit - 1) + 1, from);
        let eol = buf.indexOf(NL, hit - 1);
        if (eol < 0 || eol >= to) eol = to;
        let line: string | undefined;
        const confirmed = (byLastByte.get(buf[hit - 1] as number) ?? []).some((l) => {
          if (!endsAt(buf, hit, l)) return false;
          line ??= Buffer.from(buf.buffer, buf.byteOffset + lineStart, eol - lineStart).toString('latin1');
          const text = line;
          return l.verify.length === 0 || l.verify.some((r) => r.test(text));
        });
        if (confirmed) {
          starts.push(lineStart);
          pos = eol + 1; // one candidate per line is enough
          resume.state = 0;
        } else {
          pos = hit; // another literal may still end later on this line: keep the automaton's state
        }
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
