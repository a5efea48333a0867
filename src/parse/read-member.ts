// One member of the bundle → its format and a stream of records. Shared by analyze (gated) and
// timeline (every line).
import type { IngestLimits } from '../ingest/limits.js';
import type { Member } from '../ingest/member.js';
import { peek } from '../ingest/peek.js';
import { readLines, type LineCounts } from '../ingest/read-lines.js';
import { sniff } from '../ingest/sniff.js';
import type { NodeConfigFragment } from '../model/config.js';
import type { FormatId } from '../model/format.js';
import type { GateSpec, LineGate } from '../model/gate.js';
import { parallelLines } from '../ingest/parallel-lines.js';
import type { Tally } from '../model/tally.js';
import { newReadCounts, readRecords, type ReadCounts, type ReadRecord } from './read-records.js';
import { PARSERS } from './registry.js';
import { noRecords, readDocument } from './read-document.js';

/** Bytes sniffed from the front of each member. */
export const SNIFF_BYTES = 64 * 1024;

export interface MemberReadOptions {
  readonly limits: IngestLimits;
  readonly tally: Tally;
  /** The gate to scan this format's raw lines with, if any (analyze passes the catalog's). */
  readonly gateFor?: (format: FormatId) => LineGate | undefined;
  /** Scan big files on disk in parallel ranges (worker threads) with this format's gate spec. */
  readonly parallel?: {
    readonly workers: number;
    readonly minBytes: number;
    readonly chunkBytes: number;
    readonly specFor: (format: FormatId) => GateSpec | undefined;
  };
}

export type OpenedMember =
  | { readonly kind: 'binary'; readonly reason: string; readonly drain: () => Promise<number> }
  | {
      readonly kind: 'text';
      readonly format: FormatId;
      readonly records: AsyncGenerator<ReadRecord[]>;
      /** Filled in as records stream; final once `records` is done. */
      readonly lineCounts: () => LineCounts;
      readonly readCounts: ReadCounts;
      /** A configuration member (kubelet config, unit file, kubeconfig, …): what it says, read whole; it has no records. */
      readonly config?: NodeConfigFragment;
    };

export async function openMember(member: Member, opts: MemberReadOptions): Promise<OpenedMember> {
  const { head, rest, close } = await peek(member.bytes, SNIFF_BYTES);
  // The first read may be a whole 1 MiB chunk: sniff exactly SNIFF_BYTES, whatever the read size.
  const sniffed = sniff(head.subarray(0, SNIFF_BYTES), member.path);
  if (sniffed.kind === 'binary') {
    return {
      kind: 'binary',
      reason: sniffed.reason,
      drain: async () => {
        let n = 0;
        for await (const c of rest) n += c.length;
        return n;
      },
    };
  }
  const format = sniffed.sniffed.format;
  const parser = PARSERS[format];
  const readCounts = newReadCounts();
  if (parser.kind === 'document') {
    const doc = await readDocument(parser, member.path, rest, opts.tally, readCounts);
    return { kind: 'text', format, records: noRecords(), lineCounts: () => doc.lineCounts, readCounts, ...(doc.fragment !== undefined ? { config: doc.fragment } : {}) };
  }
  if (parser.kind === 'stream') {
    const lc: LineCounts = { lines: 0, bytes: 0, truncated: 0, passedOver: 0 };
    const counted = (async function* () {
      for await (const c of rest) {
        lc.bytes += c.length;
        yield c;
      }
    })();
    const records = (async function* () {
      for await (const rec of parser.parse(counted, member.path, opts.tally)) {
        readCounts.records++;
        lc.lines++;
        yield [{ record: rec, raw: rec.message }];
      }
    })();
    return { kind: 'text', format, records, lineCounts: () => lc, readCounts };
  }
  const par = opts.parallel;
  const spec = parser.kind === 'line' && opts.gateFor !== undefined && par !== undefined ? par.specFor(format) : undefined;
  if (spec !== undefined && par !== undefined && par.workers > 1 && member.file !== undefined && member.file.size >= par.minBytes && parser.kind === 'line') {
    await close(); // stop the sequential read: the workers read the file themselves
    const { batches, counts } = parallelLines(member.file.path, member.file.size, {
      workers: par.workers, spec, maxLineBytes: opts.limits.maxLineBytes, paste: sniffed.sniffed.paste, chunkBytes: par.chunkBytes,
    });
    const records = readRecords(parser, batches, { path: member.path, tally: opts.tally, gated: true, counts: readCounts });
    return { kind: 'text', format, records, lineCounts: () => counts, readCounts };
  }
  // Asked for only now: a file the workers scan needs no gate on this thread.
  const gate = parser.kind === 'line' ? opts.gateFor?.(format) : undefined;
  const { batches, counts } = readLines(rest, { maxLineBytes: opts.limits.maxLineBytes, paste: sniffed.sniffed.paste, ...(gate ? { gate } : {}) });
  const records = readRecords(parser, batches, { path: member.path, tally: opts.tally, gated: gate !== undefined, counts: readCounts });
  return { kind: 'text', format, records, lineCounts: () => counts, readCounts };
}
