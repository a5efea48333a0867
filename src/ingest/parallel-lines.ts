// A big plain file read by several worker threads at once: it is cut into line-aligned byte
// ranges of at most RANGE_BYTES, a pool of workers scans them with the gate, and the candidate
// lines come back in file order with their real line numbers. Only a few ranges are in flight
// at a time, so memory does not grow with the file. The scan is the hot part (every byte); the
// few candidate lines are parsed on the main thread as their range comes back.
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { GateSpec } from '../model/gate.js';
import type { NumberedLine } from './numbered-line.js';
import { unpackLines, type PackedLines } from './packed-lines.js';
import type { PastePrefix } from './paste.js';
import type { LineCounts } from './read-lines.js';
import { workerScript } from './worker-script.js';

/** What every worker of one file needs. */
export interface ScanSetup {
  readonly path: string;
  readonly spec: GateSpec;
  readonly maxLineBytes: number;
  readonly paste: PastePrefix;
  readonly chunkBytes: number;
}

export interface RangeJob {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly emitFirst: boolean;
  readonly emitLast: boolean;
}

export interface RangeResult {
  readonly index: number;
  readonly lines: PackedLines;
  readonly counts: LineCounts;
}

export interface ParallelOptions {
  readonly workers: number;
  readonly spec: GateSpec;
  readonly maxLineBytes: number;
  readonly paste: PastePrefix;
  readonly chunkBytes: number;
  /** Largest range (default 16 MiB); smaller in tests. */
  readonly rangeBytes?: number;
}

/**
 * Ranges are small enough that, at the end of a file, one worker does not scan alone for long
 * while the others wait, and large enough that messages stay rare (16 per 256 MiB).
 */
const RANGE_BYTES = 16 * 1024 * 1024;
/** Ranges scanned or waiting to be merged, per worker, ahead of the one being merged. */
const AHEAD_PER_WORKER = 2;
/** Lines handed on per batch: a range's candidates are unpacked a few hundred at a time. */
const BATCH_LINES = 512;

/** Cut points moved forward to just after a newline, so every range holds whole lines. */
async function lineAlignedCuts(path: string, size: number, parts: number): Promise<number[]> {
  const fh = await open(path, 'r');
  try {
    const cuts = [0];
    const buf = Buffer.alloc(64 * 1024);
    for (let i = 1; i < parts; i++) {
      let pos = Math.max(Math.floor((size * i) / parts), cuts[cuts.length - 1] as number);
      let found = -1;
      while (found < 0 && pos < size) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, pos - 1);
        if (bytesRead <= 0) break;
        const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
        if (nl >= 0) found = pos - 1 + nl + 1;
        else pos += bytesRead;
      }
      if (found < 0 || found >= size) break;
      if (found > (cuts[cuts.length - 1] as number)) cuts.push(found);
    }
    cuts.push(size);
    return cuts;
  } finally {
    await fh.close();
  }
}

export function parallelLines(path: string, size: number, opts: ParallelOptions): { batches: AsyncGenerator<NumberedLine[]>; counts: LineCounts } {
  const counts: LineCounts = { lines: 0, bytes: 0, truncated: 0, passedOver: 0 };
  async function* batches(): AsyncGenerator<NumberedLine[]> {
    const parts = Math.max(opts.workers, Math.ceil(size / (opts.rangeBytes ?? RANGE_BYTES)));
    const cuts = await lineAlignedCuts(path, size, parts);
    const ranges: RangeJob[] = cuts.slice(0, -1).map((start, index) => ({
      index, start, end: cuts[index + 1] as number, emitFirst: index === 0, emitLast: index === cuts.length - 2,
    }));
    const setup: ScanSetup = { path, spec: opts.spec, maxLineBytes: opts.maxLineBytes, paste: opts.paste, chunkBytes: opts.chunkBytes };
    const script = workerScript('./scan-worker.js', import.meta.url);
    // A scan worker holds one range's candidates at most: a small heap keeps its memory from drifting up.
    const pool = Array.from({ length: Math.min(opts.workers, ranges.length) }, () => new Worker(script, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 } }));
    const waiting = new Map<number, { resolve: (r: RangeResult) => void; reject: (e: Error) => void }>();
    const results = new Map<number, Promise<RangeResult>>();
    const idle = [...pool];
    let nextToSend = 0;
    let merging = 0;
    const send = (): void => {
      // A worker that finishes early takes the next range at once, but never more than a few
      // ranges run ahead of the one being merged: memory stays bounded.
      while (idle.length > 0 && nextToSend < ranges.length && nextToSend - merging < pool.length * AHEAD_PER_WORKER) {
        const w = idle.pop() as Worker;
        const job = ranges[nextToSend++] as RangeJob;
        results.set(job.index, new Promise<RangeResult>((resolve, reject) => waiting.set(job.index, { resolve, reject })));
        results.get(job.index)?.catch(() => undefined); // awaited in order below
        w.postMessage(job);
      }
    };
    for (const w of pool) {
      w.on('message', (r: RangeResult) => {
        waiting.get(r.index)?.resolve(r);
        waiting.delete(r.index);
        idle.push(w);
        send();
      });
      w.on('error', (e) => {
        for (const p of waiting.values()) p.reject(e);
        waiting.clear();
      });
    }
    try {
      send();
      for (let i = 0; i < ranges.length; i++) {
        const { lines, counts: c } = await (results.get(i) as Promise<RangeResult>);
        results.delete(i);
        merging = i + 1;
        send();
        const before = counts.lines;
        const base = counts.bytes;
        counts.lines += c.lines;
        counts.bytes += c.bytes;
        counts.truncated += c.truncated;
        counts.passedOver += c.passedOver;
        // Ranges are merged in file order, never in completion order.
        yield* unpackLines(lines, before, base, BATCH_LINES);
      }
    } finally {
      await Promise.all(pool.map((w) => w.terminate()));
    }
  }
  return { batches: batches(), counts };
}
