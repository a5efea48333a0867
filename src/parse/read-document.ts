// A configuration member read whole: bytes up to the cap, one parse into a NodeConfigFragment,
// its unreadable lines counted in the Tally. The member yields no records.
import type { LineCounts } from '../ingest/read-lines.js';
import type { NodeConfigFragment } from '../model/config.js';
import type { Tally } from '../model/tally.js';
import type { DocumentParser } from './line-parser.js';
import type { ReadCounts, ReadRecord } from './read-records.js';

/** Configuration files are small; anything larger is not one (or not one worth holding whole). */
export const CONFIG_MAX_BYTES = 4 * 1024 * 1024;

export interface ReadDocument {
  readonly fragment: NodeConfigFragment | undefined;
  readonly lineCounts: LineCounts;
}

export async function readDocument(parser: DocumentParser, path: string, bytes: AsyncIterable<Buffer>, tally: Tally, counts: ReadCounts): Promise<ReadDocument> {
  const parts: Buffer[] = [];
  let size = 0;
  let lines = 0;
  for await (const c of bytes) {
    size += c.length;
    for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) lines++;
    if (size <= CONFIG_MAX_BYTES) parts.push(c);
  }
  const all = Buffer.concat(parts);
  if (all.length > 0 && all[all.length - 1] !== 10 && size <= CONFIG_MAX_BYTES) lines++;
  const lineCounts: LineCounts = { lines, bytes: size, truncated: 0, passedOver: 0 };
  if (size > CONFIG_MAX_BYTES) {
    tally.report({ path, severity: 'warning', message: `${parser.format} file larger than ${CONFIG_MAX_BYTES / 1024 / 1024} MiB; not read` });
    return { fragment: undefined, lineCounts };
  }
  let result;
  try {
    result = parser.read(all.toString('utf8'), path);
  } catch (e) {
    // Parsers do not throw; a library that does is reported like any unreadable member.
    tally.report({ path, severity: 'error', message: `${parser.format}: ${(e as Error).message}` });
    return { fragment: undefined, lineCounts };
  }
  for (const s of result.skips) tally.skip({ path, line: s.line }, parser.format, s.reason);
  counts.records = result.values;
  return { fragment: result.fragment, lineCounts };
}

export async function* noRecords(): AsyncGenerator<ReadRecord[]> {
  // A configuration member's content is its fragment.
}
