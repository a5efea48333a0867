// Many bundles on a pool of worker threads. Results are written in input order, never in
// completion order, so the output is the same whatever the number of workers (durations aside).
import { Worker } from 'node:worker_threads';
import { workerScript } from '../ingest/worker-script.js';
import type { BatchJob, WorkerAnalyzeOptions } from './batch-worker.js';
import { bundleHash } from './bundles.js';
import type { BundleResult } from './result.js';

export interface BatchProgress {
  readonly done: number;
  readonly total: number;
  readonly failed: number;
  readonly bytes: number;
}

export interface BatchOptions {
  readonly bundles: readonly string[];
  readonly jobs: number;
  readonly analyze: WorkerAnalyzeOptions;
  /** Bundles whose hash is here are skipped (--resume). */
  readonly skipHashes?: ReadonlySet<string>;
  /** Called with each result, in input order, as soon as it and all before it are done. */
  readonly onResult: (r: BundleResult) => void | Promise<void>;
  readonly onProgress?: (p: BatchProgress) => void;
  /** Stop after this many results (tests simulate a killed batch). */
  readonly stopAfter?: number;
}

export async function runBatch(opts: BatchOptions): Promise<{ written: number; skipped: number }> {
  const script = workerScript('./batch-worker.js', import.meta.url);
  const pending = new Map<number, BundleResult>();
  const queue: BatchJob[] = [];
  let skipped = 0;
  for (const path of opts.bundles) {
    const sha256 = await bundleHash(path).catch(() => `unreadable:${path}`);
    if (opts.skipHashes?.has(sha256) === true) skipped++;
    else queue.push({ seq: queue.length, path, sha256 });
  }
  const total = queue.length;
  let next = 0; // next job to hand out
  let flushed = 0; // next seq to write
  let failed = 0;
  let stopped = false;
  const workers = Math.max(1, Math.min(opts.jobs, total));

  await new Promise<void>((resolve, reject) => {
    if (total === 0) return resolve();
    let live = 0;
    const flush = async (): Promise<void> => {
      while (!stopped && pending.has(flushed)) {
        const r = pending.get(flushed) as BundleResult;
        pending.delete(flushed);
        flushed++;
        if (!r.ok) failed++;
        await opts.onResult(r);
        opts.onProgress?.({ done: flushed, total, failed, bytes: 0 });
        if (opts.stopAfter !== undefined && flushed >= opts.stopAfter) stopped = true;
      }
    };
    const start = (): void => {
      const w = new Worker(script, { workerData: opts.analyze });
      live++;
      let current: BatchJob | undefined;
      const feed = (): void => {
        if (stopped || next >= total) {
          current = undefined;
          void w.terminate();
          return;
        }
        current = queue[next++] as BatchJob;
        w.postMessage(current);
      };
      w.on('message', (m: { seq: number; result: BundleResult }) => {
        pending.set(m.seq, m.result);
        flush().then(feed, reject);
      });
      // A bundle that takes its worker down is reported in its line; the batch goes on.
      let crash: Error | undefined;
      w.on('error', (e) => {
        crash = e;
      });
      w.on('exit', (code) => {
        live--;
        const lost = current;
        current = undefined;
        if (lost !== undefined && !pending.has(lost.seq)) {
          pending.set(lost.seq, { path: lost.path, sha256: lost.sha256, durationMs: 0, ok: false, error: `analysis crashed: ${crash?.message ?? `worker exited with code ${code}`}` });
        }
        flush().then(() => {
          if (lost !== undefined && next < total && !stopped) start();
          if (live === 0) resolve();
        }, reject);
      });
      feed();
    };
    for (let i = 0; i < workers; i++) start();
  });
  return { written: flushed, skipped };
}
