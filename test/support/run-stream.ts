// Feeding bytes to a StreamParser the way ingest does: an async iterable of Buffers, cut at any
// size (a chunk may end inside a UTF-8 sequence or a JSON token). Only tests use it.
import type { ParsedRecord } from '../../src/model/event.js';
import { Tally } from '../../src/model/tally.js';
import type { StreamParser } from '../../src/parse/line-parser.js';

export async function* chunksOf(bytes: Buffer | string, size = 64 * 1024): AsyncGenerator<Buffer> {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  for (let i = 0; i < buf.length; i += Math.max(1, size)) yield buf.subarray(i, i + Math.max(1, size));
}

export interface StreamRun {
  readonly records: ParsedRecord[];
  readonly tally: Tally;
}

export async function runStream(parser: StreamParser, path: string, bytes: Buffer | string, chunkSize?: number): Promise<StreamRun> {
  const tally = new Tally();
  const records: ParsedRecord[] = [];
  for await (const r of parser.parse(chunksOf(bytes, chunkSize), path, tally)) records.push(r);
  return { records, tally };
}
