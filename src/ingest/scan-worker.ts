// Worker thread: scan line-aligned byte ranges of one file with the gate, as the main thread
// would, and send back each range's candidate lines (numbered within the range, packed) and counts.
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { gateFromSpec } from './literal-gate.js';
import { LinePacker } from './packed-lines.js';
import type { RangeJob, RangeResult, ScanSetup } from './parallel-lines.js';
import { readLines } from './read-lines.js';

const setup = workerData as ScanSetup;

/**
 * The range's bytes through two buffers used in turn, allocated once per worker: no allocation
 * per chunk or per range (which, freed by a thread's own malloc arena, made the process grow with
 * the file). Two suffice because readLines keeps at most the previous chunk's tail and copies it
 * when it joins it to the next. Reads block: this thread has nothing else to do, and a read through
 * the thread pool left it idle for a round trip per chunk (a fifth of its time on a cached file).
 */
const bufs = [Buffer.allocUnsafeSlow(setup.chunkBytes), Buffer.allocUnsafeSlow(setup.chunkBytes)];
async function* chunks(start: number, end: number): AsyncGenerator<Buffer> {
  const fd = openSync(setup.path, 'r');
  try {
    let turn = 0;
    for (let pos = start; pos < end; ) {
      const b = bufs[turn] as Buffer;
      turn ^= 1;
      const bytesRead = readSync(fd, b, 0, Math.min(b.length, end - pos), pos);
      if (bytesRead <= 0) return;
      pos += bytesRead;
      yield b.subarray(0, bytesRead);
    }
  } finally {
    closeSync(fd);
  }
}
const gate = gateFromSpec(setup.spec);
const packer = new LinePacker();

async function scan(job: RangeJob): Promise<void> {
  const { batches, counts } = readLines(chunks(job.start, job.end), {
    maxLineBytes: setup.maxLineBytes,
    paste: setup.paste,
    gate,
    emitFirst: job.emitFirst,
    emitLast: job.emitLast,
  });
  for await (const b of batches) for (const l of b) packer.add(l);
  const lines = packer.finish();
  const result: RangeResult = { index: job.index, lines, counts };
  parentPort?.postMessage(result, [lines.bytes.buffer as ArrayBuffer, lines.meta.buffer as ArrayBuffer]);
}

// One range at a time, in the order sent: the read buffers and the packer are shared.
let queue = Promise.resolve();
parentPort?.on('message', (job: RangeJob) => {
  queue = queue.then(() => scan(job));
});
