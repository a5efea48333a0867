// A big plain file read by several worker threads at once: it is cut into line-aligned byte
// ranges, each range is scanned with the gate in its own thread, and the candidate lines come
// back in file order with their real line numbers. The scan is the hot part (every byte); the
// few candidate lines are parsed on the main thread, as they arrive, range by range.
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { GateSpec } from '../model/gate.js';
import type { NumberedLine } from './numbered-line.js';
import type { PastePrefix } from './paste.js';
import type { LineCounts } from './read-lines.js';
import { workerScript } from './worker-script.js';

export interface RangeJob {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly spec: GateSpec;
  readonly maxLineBytes: number;
  readonly paste: PastePrefix;
  readonly chunkBytes: number;
  readonly emitFirst: boolean;
  readonly emitLast: boolean;
}

export interface ParallelOptions {
  readonly workers: number;
  readonly spec: GateSpec;
  readonly maxLineBytes: number;
  readonly paste: PastePrefix;
  readonly chunkBytes: number;
}

/** Range starts moved forward to just after a newline, so every range holds whole lines. */
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
    const cuts = await lineAlignedCuts(path, size, opts.workers);
    const script = workerScript('./scan-worker.js', import.meta.url);
    const results = cuts.slice(0, -1).map((start, i) => {
      const job: RangeJob = {
        path, start, end: cuts[i + 1] as number, spec: opts.spec, maxLineBytes: opts.maxLineBytes, paste: opts.paste,
        chunkBytes: opts.chunkBytes, emitFirst: i === 0, emitLast: i === cuts.length - 2,
      };
      return new Promise<{ lines: NumberedLine[]; counts: LineCounts }>((resolve, reject) => {
        const w = new Worker(script, { workerData: job });
        w.once('message', resolve);
        w.once('error', reject);
        w.once('exit', (code) => (code !== 0 ? reject(new Error(`scan worker exited with ${code}`)) : undefined));
      });
    });
    for (const r of results) r.catch(() => undefined); // awaited in order below; no unhandled rejection meanwhile
    // Ranges are merged in file order, never in completion order.
    for (const r of results) {
      const { lines, counts: c } = await r;
      const before = counts.lines;
      const base = counts.bytes;
      counts.lines += c.lines;
      counts.bytes += c.bytes;
      counts.truncated += c.truncated;
      counts.passedOver += c.passedOver;
      if (lines.length > 0) yield lines.map((l) => ({ no: l.no + before, text: l.text, offset: l.offset + base }));
    }
  }
  return { batches: batches(), counts };
}
