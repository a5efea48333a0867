// A LineGate from a GateSpec: one Aho-Corasick pass over raw bytes finds the literals; a line
// holding one is a candidate when a regex that needs that literal matches the line (read as
// latin1, byte = char), so a literal common in chatter costs a regex test, not a parse. Regexes
// with no literal run as one combined regex over the chunk. When every literal shares a long
// substring (the audit gate's `"code":`), the literals run as one regex instead of the automaton:
// irregexp's native code skips ahead by that substring: over a 256 MiB audit log, 140 ms on one
// core against 390 ms hopping between occurrences with Buffer.indexOf (a binding call per line).
import type { GateSpec, LineGate } from '../model/gate.js';
import { buildAutomaton, scan, type Automaton } from './aho-corasick.js';

const NL = 0x0a;

interface Literal {
  readonly bytes: Uint8Array;
  readonly verify: readonly RegExp[];
}

/** Shortest shared substring worth it: below this, irregexp's skips are too short to pay. */
const MIN_ANCHOR_BYTES = 4;

/**
 * The longest byte string that occurs in every literal (searched among the shortest literal's
 * substrings), or undefined when there is none of MIN_ANCHOR_BYTES. The apiserver audit gate's
 * literals all hold `"code":`; the journal catalog's have nothing in common.
 */
export function commonAnchor(literals: readonly Uint8Array[]): Buffer | undefined {
  if (literals.length === 0) return undefined;
  const shortest = [...literals].sort((a, b) => a.length - b.length)[0] as Uint8Array;
  const bufs = literals.map((l) => Buffer.from(l.buffer, l.byteOffset, l.length));
  for (let len = shortest.length; len >= MIN_ANCHOR_BYTES; len--) {
    for (let start = 0; start + len <= shortest.length; start++) {
      const cand = Buffer.from(shortest.subarray(start, start + len));
      if (bufs.every((b) => b.indexOf(cand) >= 0)) return cand;
    }
  }
  return undefined;
}

/**
 * Bytes handed to the regex at a time, as a latin1 string. Small enough that V8 copies them into a
 * young-generation string: a 1 MiB one is allocated outside the heap, on fresh pages every chunk,
 * and the copy then cost more than the search.
 */
const REGEX_WINDOW = 32 * 1024;

/** A regex matching any of the literals' bytes in text read as latin1 (byte = char). */
function literalsRegex(literals: readonly Literal[]): RegExp {
  const esc = (l: Literal): string => Buffer.from(l.bytes).toString('latin1').replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  return new RegExp(literals.map(esc).join('|'), 'g');
}

export function gateFromSpec(spec: GateSpec): LineGate {
  return new LiteralGate(spec);
}

/** Whether literal `l` ends at `end` in `buf`. */
function endsAt(buf: Uint8Array, end: number, l: Literal): boolean {
  const n = l.bytes.length;
  if (end - n < 0) return false;
  for (let k = 0; k < n; k++) if (buf[end - n + k] !== l.bytes[k]) return false;
  return true;
}

/**
 * A class, not closures made per gate: an analysis makes a gate per log format and a batch worker
 * makes them again for every bundle, and the hot loops that call them keep meeting the same
 * methods instead of new call targets (each a deoptimization and a recompile of the caller).
 */
class LiteralGate implements LineGate {
  private readonly literals: readonly Literal[];
  /** The literals as one regex, when they share an anchor worth irregexp's skipping. */
  private readonly asRegex: RegExp | undefined;
  private readonly automaton: Automaton;
  /** Literals by their last byte: at an automaton hit, only these can have ended there. */
  private readonly byLastByte = new Map<number, Literal[]>();
  /** Literals by their first byte: at a regex match, only these can start there. */
  private readonly byFirstByte = new Map<number, Literal[]>();
  /** The regexes with no literal, as one. */
  private readonly rest: RegExp | undefined;

  constructor(spec: GateSpec) {
    // Literals and lines are compared as bytes: a literal's UTF-8 bytes are what the file holds.
    const literals: Literal[] = spec.literals.map((l, i) => ({ bytes: Buffer.from(l, 'utf8'), verify: (spec.verify[i] ?? []).map((s) => new RegExp(s)) }));
    this.literals = literals;
    const oneLine = literals.every((l) => !l.bytes.includes(NL));
    this.asRegex = !oneLine || commonAnchor(literals.map((l) => l.bytes)) === undefined ? undefined : literalsRegex(literals);
    this.automaton = buildAutomaton(this.asRegex === undefined ? literals.map((l) => l.bytes) : []);
    for (const l of literals) {
      const last = l.bytes[l.bytes.length - 1] as number;
      this.byLastByte.set(last, [...(this.byLastByte.get(last) ?? []), l]);
      const first = l.bytes[0] as number;
      this.byFirstByte.set(first, [...(this.byFirstByte.get(first) ?? []), l]);
    }
    this.rest = spec.residual.length === 0 ? undefined : new RegExp(spec.residual.map((s) => `(?:${s})`).join('|'), 'g');
  }

  candidates(buf: Uint8Array, from: number, to: number): Iterable<number> {
    const starts = this.asRegex === undefined ? this.automatonCandidates(buf, from, to) : this.regexCandidates(buf, from, to, this.asRegex);
    const rest = this.rest;
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
  }

  /**
   * The line around `hit` when a literal of `ls` that is there is confirmed by one of its regexes,
   * else undefined. A literal is there when it ends at `hit` (`endsAtHit`: an automaton hit) or
   * starts at `hit - 1` (a regex match). A flag, not a predicate closure: a closure made per chunk
   * is a new call target each time, and optimized code that inlined the last one is thrown away.
   * The per-hit path allocates nothing until a literal is there.
   */
  private confirmedLine(buf: Uint8Array, from: number, to: number, hit: number, ls: readonly Literal[], endsAtHit: boolean): { start: number; eol: number } | undefined {
    let line: { start: number; eol: number } | undefined;
    let text: string | undefined;
    for (let i = 0; i < ls.length; i++) {
      const l = ls[i] as Literal;
      const end = endsAtHit ? hit : hit - 1 + l.bytes.length;
      if (end > to || !endsAt(buf, end, l)) continue;
      if (line === undefined) {
        const eol = buf.indexOf(NL, hit - 1);
        line = { start: Math.max(buf.lastIndexOf(NL, hit - 1) + 1, from), eol: eol < 0 || eol >= to ? to : eol };
      }
      if (l.verify.length === 0) return line;
      const t = (text ??= Buffer.from(buf.buffer, buf.byteOffset + line.start, line.eol - line.start).toString('latin1'));
      if (l.verify.some((r) => r.test(t))) return line;
    }
    return undefined;
  }

  /** One Aho-Corasick pass: every literal found wherever it ends. */
  private automatonCandidates(buf: Uint8Array, from: number, to: number): number[] {
    const starts: number[] = [];
    let pos = from;
    const resume = { state: 0 };
    while (this.literals.length > 0 && pos < to) {
      const hit = scan(this.automaton, buf, pos, to, resume);
      if (hit < 0) break;
      const line = this.confirmedLine(buf, from, to, hit, this.byLastByte.get(buf[hit - 1] as number) ?? [], true);
      if (line !== undefined) {
        starts.push(line.start);
        pos = line.eol + 1; // one candidate per line is enough
        resume.state = 0;
      } else {
        pos = hit; // another literal may still end later on this line: keep the automaton's state
      }
    }
    return starts;
  }

  /**
   * The literals as one regex: it stops only where some literal starts. Every literal that starts
   * there is then compared (alternation would report only the first), and an unconfirmed match
   * resumes one byte on, as the automaton would find a literal overlapping it. The text goes to
   * the regex a window of whole lines at a time (no literal holds a newline, so none spans two).
   */
  private regexCandidates(buf: Uint8Array, from: number, to: number, re: RegExp): number[] {
    const view = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
    const starts: number[] = [];
    for (let w = from; w < to; ) {
      let end = w + REGEX_WINDOW >= to ? to : view.lastIndexOf(NL, w + REGEX_WINDOW - 1) + 1;
      if (end <= w) {
        const nl = view.indexOf(NL, w + REGEX_WINDOW);
        end = nl < 0 || nl >= to ? to : nl + 1;
      }
      const text = view.toString('latin1', w, end);
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const begin = w + m.index;
        const line = this.confirmedLine(buf, from, to, begin + 1, this.byFirstByte.get(buf[begin] as number) ?? [], false);
        if (line !== undefined) {
          starts.push(line.start);
          re.lastIndex = line.eol + 1 - w; // one candidate per line is enough
        } else {
          re.lastIndex = m.index + 1;
        }
      }
      w = end;
    }
    return starts;
  }
}
