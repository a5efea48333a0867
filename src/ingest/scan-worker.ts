// Worker thread: scan one line-aligned byte range of a file with the gate, as the main thread
// would, and send back the candidate lines (numbered within the range) and the counts.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { gateFromSpec } from './literal-gate.js';
import type { RangeJob } from './parallel-lines.js';
import { readLines } from './read-lines.js';
import type { NumberedLine } from './numbered-line.js';

const job = workerData as RangeJob;
const { batches, counts } = readLines(createReadStream(job.path, { start: job.start, end: job.end - 1, highWaterMark: job.chunkBytes }), {
  maxLineBytes: job.maxLineBytes,
  paste: job.paste,
  gate: gateFromSpec(job.spec),
  emitFirst: job.emitFirst,
  emitLast: job.emitLast,
});
const lines: NumberedLine[] = [];
for await (const b of batches) for (const l of b) lines.push(l);
parentPort?.postMessage({ lines, counts });
