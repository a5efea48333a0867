// Bytes → numbered lines, in batches per chunk. Ingest numbers lines itself (before any filter)
// so evidence always points at the real line. With a gate, only candidate lines are decoded;
// the rest are counted, never turned into strings or objects: this is the hot path.
import type { LineGate } from '../model/gate.js';
import type { NumberedLine } from './numbered-line.js';
import { stripPaste, type PastePrefix } from './paste.js';

export interface ReadOptions {
  readonly maxLineBytes: number;
  readonly paste: PastePrefix;
  /** Without a gate every line is decoded; with one, only its candidates plus the first and last line. */
  readonly gate?: LineGate;
  /**
   * With a gate: hand over the first / last line even when no candidate (for time bounds). A
   * range of a file read in parallel sets these only where it holds the file's first / last line.
   */
  readonly emitFirst?: boolean;
  readonly emitLast?: boolean;
}

export interface LineCounts {
  lines: number;
  bytes: number;
  /** Lines cut at maxLineBytes. */
  truncated: number;
  /** Lines the gate passed over (counted, not decoded). */
  passedOver: number;
}

const NL = 0x0a;

export function readLines(bytes: AsyncIterable<Buffer>, opts: ReadOptions): { batches: AsyncGenerator<NumberedLine[]>; counts: LineCounts } {
  const counts: LineCounts = { lines: 0, bytes: 0, truncated: 0, passedOver: 0 };
  return { batches: batchesOf(bytes, opts, counts), counts };
}

async function* batchesOf(bytes: AsyncIterable<Buffer>, opts: ReadOptions, counts: LineCounts): AsyncGenerator<NumberedLine[]> {
  // The tail of the previous chunk (a line not yet ended) and its offset in the member. Chunks are
  // processed in place: only the one line that straddles two chunks is copied.
  let carry: Buffer | undefined;
  let carryBase = 0;
  let chunkBase = 0;
  let discarding = false; // inside an overlong line, dropping bytes until its end
  let lastLine: NumberedLine | undefined; // gated mode: the last line, so time bounds see it
  let lastEmitted = 0;
  const decoder = new LineDecoder(opts, counts);
  /** Lines of buf[start, lastNl] (lastNl is a newline), as the gate or a full read picks them. */
  const region = (buf: Buffer, bufBase: number, start: number, lastNl: number): NumberedLine[] => {
    decoder.base = bufBase;
    const out = opts.gate === undefined ? allLines(buf, start, lastNl, counts, decoder) : gatedLines(buf, start, lastNl, counts, decoder, opts.gate, opts.emitFirst !== false);
    if (opts.gate !== undefined) {
      const lineStart = buf.lastIndexOf(NL, lastNl - 1) + 1;
      lastLine = decoder.decode(buf, Math.max(lineStart, start), lastNl, counts.lines);
    }
    if (out.length > 0) lastEmitted = out[out.length - 1]?.no ?? lastEmitted;
    return out;
  };
  /** A line longer than the cap with no end in sight: cut it, count it, drop the rest of it. */
  const overlong = (buf: Buffer, bufBase: number): NumberedLine[] => {
    decoder.base = bufBase;
    counts.lines++;
    const line = decoder.decode(buf, 0, buf.length, counts.lines);
    lastLine = line;
    discarding = true;
    carry = undefined;
    if (opts.gate === undefined || (counts.lines === 1 && opts.emitFirst !== false)) {
      lastEmitted = line.no;
      return [line];
    }
    return [];
  };

  for await (const chunk of bytes) {
    counts.bytes += chunk.length;
    const thisBase = chunkBase;
    chunkBase += chunk.length;
    let start = 0;
    if (discarding) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) continue;
      discarding = false;
      start = nl + 1;
    } else if (carry !== undefined && carry.length > 0) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        carry = Buffer.concat([carry, chunk]);
        if (carry.length > opts.maxLineBytes) {
          const out = overlong(carry, carryBase);
          if (out.length > 0) yield out;
        }
        continue;
      }
      const joined = Buffer.concat([carry, chunk.subarray(0, nl + 1)]);
      carry = undefined;
      const out = region(joined, carryBase, 0, joined.length - 1);
      if (out.length > 0) yield out;
      start = nl + 1;
    }
    const lastNl = chunk.lastIndexOf(NL);
    if (lastNl < start) {
      carry = chunk.subarray(start);
      carryBase = thisBase + start;
      if (carry.length > opts.maxLineBytes) {
        const out = overlong(carry, carryBase);
        if (out.length > 0) yield out;
      }
      continue;
    }
    const out = region(chunk, thisBase, start, lastNl);
    if (out.length > 0) yield out;
    carry = chunk.subarray(lastNl + 1);
    carryBase = thisBase + lastNl + 1;
  }
  if (carry !== undefined && carry.length > 0 && !discarding) {
    decoder.base = carryBase;
    counts.lines++;
    const line = decoder.decode(carry, 0, carry.length, counts.lines);
    const wanted = opts.gate === undefined || opts.emitLast !== false || [...opts.gate.candidates(carry, 0, carry.length)].length > 0;
    if (wanted) yield [line];
    else counts.passedOver++;
    return;
  }
  if (opts.emitLast !== false && lastLine !== undefined && lastLine.no > lastEmitted) yield [lastLine];
}

/**
 * Turns a line's bytes into a NumberedLine. An object with a method, not a closure made per member:
 * the per-chunk loops below keep calling the same method, where a new closure per member was a new
 * call target that threw their optimized code away (a deoptimization and a recompile per member).
 */
class LineDecoder {
  /** Offset in the member of the buffer being decoded. */
  base = 0;
  constructor(
    private readonly opts: ReadOptions,
    private readonly counts: LineCounts,
  ) {}

  decode(buf: Buffer, start: number, end: number, no: number): NumberedLine {
    let e = end;
    if (e > start && buf[e - 1] === 0x0d) e--;
    if (e - start > this.opts.maxLineBytes) {
      e = start + this.opts.maxLineBytes;
      this.counts.truncated++;
    }
    return { no, text: stripPaste(buf.toString('utf8', start, e), this.opts.paste), offset: this.base + start };
  }
}

function allLines(buf: Buffer, from: number, lastNl: number, counts: LineCounts, decoder: LineDecoder): NumberedLine[] {
  const out: NumberedLine[] = [];
  let pos = from;
  while (pos <= lastNl) {
    const nl = buf.indexOf(NL, pos);
    counts.lines++;
    out.push(decoder.decode(buf, pos, nl, counts.lines));
    pos = nl + 1;
  }
  return out;
}

function gatedLines(buf: Buffer, from: number, lastNl: number, counts: LineCounts, decoder: LineDecoder, gate: LineGate, emitFirst: boolean): NumberedLine[] {
  const out: NumberedLine[] = [];
  let pos = from; // first byte not yet counted
  let lineNo = counts.lines; // lines counted before pos
  const firstLineOfMember = counts.lines === 0;
  if (firstLineOfMember && emitFirst) {
    const nl = buf.indexOf(NL, pos);
    lineNo++;
    out.push(decoder.decode(buf, pos, nl, lineNo));
    pos = nl + 1;
  }
  for (const at of gate.candidates(buf, from, lastNl + 1)) {
    if (at < pos) continue;
    while (pos < at) {
      const nl = buf.indexOf(NL, pos);
      if (nl < 0 || nl >= at) break;
      lineNo++;
      counts.passedOver++;
      pos = nl + 1;
    }
    const nl = buf.indexOf(NL, at);
    lineNo++;
    out.push(decoder.decode(buf, at, nl, lineNo));
    pos = nl + 1;
  }
  while (pos <= lastNl) {
    const nl = buf.indexOf(NL, pos);
    lineNo++;
    counts.passedOver++;
    pos = nl + 1;
  }
  counts.lines = lineNo;
  return out;
}
