// One streaming wrapper for every parser: numbered lines (or bytes) in, records out in batches.
// Skips are counted in the Tally with their reason; continuation lines are joined to the record
// they continue; lines of another format mixed into pasted text are recovered by fallbacks.
import type { ParsedRecord } from '../model/event.js';
import type { Tally } from '../model/tally.js';
import type { LineParser, LineResult, NumberedLine, Parser } from './line-parser.js';
import { TEXT_FALLBACKS } from './registry.js';

/** A record and the line it came from, exactly as shipped (evidence quotes it). */
export interface ReadRecord {
  readonly record: ParsedRecord;
  readonly raw: string;
}

export interface ReadCounts {
  records: number;
  /** Lines joined to the record before them. */
  continued: number;
  /** Lines read by another format's parser than the member's. */
  recovered: number;
}

export interface ReadInput {
  readonly path: string;
  readonly tally: Tally;
  /** Gated reading hands over scattered lines: nothing may be joined across them. */
  readonly gated: boolean;
  readonly counts: ReadCounts;
}

export function newReadCounts(): ReadCounts {
  return { records: 0, continued: 0, recovered: 0 };
}

/** Records from a member whose parser reads lines (line and block parsers). */
export async function* readRecords(
  parser: Exclude<Parser, { kind: 'stream' } | { kind: 'document' }>,
  batches: AsyncIterable<readonly NumberedLine[]>,
  input: ReadInput,
): AsyncGenerator<ReadRecord[]> {
  if (parser.kind === 'block') {
    const reader = parser.open(input.path);
    for await (const batch of batches) {
      const out: ReadRecord[] = [];
      for (const line of batch) take(reader.push(line), line, parser.format, input, out);
      if (out.length > 0) yield out;
    }
    const out: ReadRecord[] = [];
    take(reader.end(), undefined, parser.format, input, out);
    if (out.length > 0) yield out;
    return;
  }
  yield* readLineRecords(parser, batches, input);
}

function take(results: readonly LineResult[], line: NumberedLine | undefined, format: Parser['format'], input: ReadInput, out: ReadRecord[]): void {
  for (const r of results) {
    if (r.kind === 'record') {
      input.counts.records++;
      out.push({ record: r.record, raw: line !== undefined && line.no === r.record.source.line ? line.text : r.record.message });
    } else {
      input.tally.skip({ path: input.path, line: line?.no ?? 0 }, format, r.reason, r.intentional === true);
    }
  }
}

async function* readLineRecords(parser: LineParser, batches: AsyncIterable<readonly NumberedLine[]>, input: ReadInput): AsyncGenerator<ReadRecord[]> {
  // The latest record is held back while following lines may still continue it.
  let pending: { rec: ReadRecord; more: string[] } | undefined;
  const flush = (out: ReadRecord[]): void => {
    if (pending === undefined) return;
    const { rec, more } = pending;
    out.push(more.length === 0 ? rec : { record: { ...rec.record, message: rec.record.message + more.join('') }, raw: rec.raw });
    pending = undefined;
  };
  for await (const batch of batches) {
    const out: ReadRecord[] = [];
    for (const line of batch) {
      const source = { path: input.path, line: line.no, offset: line.offset };
      const r = parser.parseLine(line.text, source);
      if (r.kind === 'record') {
        flush(out);
        input.counts.records++;
        pending = { rec: { record: r.record, raw: line.text }, more: [] };
        continue;
      }
      if (r.intentional === true) {
        input.tally.skip(source, parser.format, r.reason, true);
        continue;
      }
      const recovered = fallback(parser, line.text, source);
      if (recovered !== undefined) {
        flush(out);
        input.counts.records++;
        input.counts.recovered++;
        pending = { rec: { record: recovered, raw: line.text }, more: [] };
        continue;
      }
      if (parser.continuation && pending !== undefined && !input.gated && line.text.trim() !== '') {
        // Indented: a multi-line message (journal, klog values). Not indented: wrapped at terminal width.
        pending.more.push(/^\s/.test(line.text) ? '\n' + line.text.trim() : line.text);
        input.counts.continued++;
        continue;
      }
      input.tally.skip(source, parser.format, r.reason, line.text.trim() === '');
    }
    flush(out);
    if (out.length > 0) yield out;
  }
}

function fallback(primary: LineParser, text: string, source: { path: string; line: number; offset: number }): ParsedRecord | undefined {
  if (text.length < 16) return undefined;
  for (const p of TEXT_FALLBACKS) {
    if (p === primary) continue;
    const r = p.parseLine(text, source);
    if (r.kind === 'record') return r.record;
  }
  return undefined;
}
