// Worker thread: scan line-aligned byte ranges of one file with the gate, as the main thread
// would, and send back each range's candidate lines (numbered within the range) and counts.
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { gateFromSpec } from './literal-gate.js';
import type { RangeJob, ScanSetup } from './parallel-lines.js';
import { readLines } from './read-lines.js';
import type { NumberedLine } from './numbered-line.js';

const setup = workerData as ScanSetup;

/**
 * The range's bytes through two buffers used in turn: no allocation per chunk (which, freed by a
 * thread's own malloc arena, made the process grow with the file). Two suffice because
 * readLines keeps at most the previous chunk's tail and copies it when it joins it to the next.
 */
async function* chunks(start: number, end: number): AsyncGenerator<Buffer> {
  const fh = await open(setup.path, 'r');
  try {
    const bufs = [Buffer.allocUnsafe(setup.chunkBytes), Buffer.allocUnsafe(setup.chunkBytes)];
    let turn = 0;
    for (let pos = start; pos < end; ) {
      const b = bufs[turn] as Buffer;
      turn ^= 1;
      const { bytesRead } = await fh.read(b, 0, Math.min(b.length, end - pos), pos);
      if (bytesRead <= 0) return;
      pos += bytesRead;
      yield b.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}
const gate = gateFromSpec(setup.spec);

parentPort?.on('message', (job: RangeJob) => {
  void (async () => {
    const { batches, counts } = readLines(chunks(job.start, job.end), {
      maxLineBytes: setup.maxLineBytes,
      paste: setup.paste,
      gate,
      emitFirst: job.emitFirst,
      emitLast: job.emitLast,
    });
    const lines: NumberedLine[] = [];
    for await (const b of batches) for (const l of b) lines.push(l);
    parentPort?.postMessage({ index: job.index, lines, counts });
  })();
});
