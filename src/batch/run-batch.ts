// Many bundles on a pool of worker threads. Results are written in input order, never in
// completion order, so the output is the same whatever the number of workers (durations aside).
import { Worker } from 'node:worker_threads';
import { loadCatalogFor } from '../analyze.js';
import { workerScript } from '../ingest/worker-script.js';
import { derivedOf } from '../match/catalog-snapshot.js';
import type { BatchAnswer, BatchJob, BatchRequest, WorkerAnalyzeOptions, WorkerSetup } from './batch-worker.js';
import type { BundleResult } from './result.js';

type CatalogRequest = Extract<BatchRequest, { kind: 'catalog' }>;

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
  const setup: WorkerSetup = { analyze: opts.analyze, skipHashes: [...(opts.skipHashes ?? [])] };
  const answers = new Map<number, BatchAnswer>();
  const jobs: BatchJob[] = opts.bundles.map((path, seq) => ({ seq, path }));
  const total = jobs.length;
  let next = 0; // next job to hand out
  let flushed = 0; // next seq to write
  let written = 0;
  let skipped = 0;
  let failed = 0;
  let stopped = false;

  await new Promise<void>((resolve, reject) => {
    if (total === 0) return resolve();
    let live = 0;
    /** Results are written by one flush at a time, in order. */
    let flushing = Promise.resolve();
    const flush = async (): Promise<void> => {
      while (!stopped && answers.has(flushed)) {
        const a = answers.get(flushed) as BatchAnswer;
        answers.delete(flushed);
        flushed++;
        if ('skipped' in a) {
          skipped++;
          continue;
        }
        if (!a.result.ok) failed++;
        written++;
        await opts.onResult(a.result);
        opts.onProgress?.({ done: flushed, total, failed, bytes: 0 });
        if (opts.stopAfter !== undefined && written >= opts.stopAfter) stopped = true;
      }
    };
    /** The catalog and what is derived from it, as sent to every worker: computed once, below. */
    let rules: CatalogRequest | undefined;
    const beginWhenLoaded: ((r: CatalogRequest) => void)[] = [];
    const pool = new Set<Worker>();
    const start = (): void => {
      const w = new Worker(script, { workerData: setup });
      pool.add(w);
      live++;
      let current: BatchJob | undefined;
      const feed = (): void => {
        if (stopped || next >= total) {
          current = undefined;
          void w.terminate();
          return;
        }
        current = jobs[next++] as BatchJob;
        w.postMessage({ kind: 'job', job: current } satisfies BatchRequest);
      };
      w.on('message', (a: BatchAnswer) => {
        answers.set(a.seq, a);
        // The next bundle goes out before this result is written: the worker never waits on our disk.
        feed();
        flushing = flushing.then(flush).catch(reject);
      });
      // A bundle that takes its worker down is reported in its line; the batch goes on.
      let crash: Error | undefined;
      w.on('error', (e) => {
        crash = e;
      });
      w.on('exit', (code) => {
        live--;
        pool.delete(w);
        const lost = current;
        current = undefined;
        if (lost !== undefined && !answers.has(lost.seq)) {
          const error = `analysis crashed: ${crash?.message ?? `worker exited with code ${code}`}`;
          answers.set(lost.seq, { seq: lost.seq, result: { path: lost.path, sha256: `unknown:${lost.path}`, durationMs: 0, ok: false, error } });
        }
        flushing = flushing.then(flush);
        flushing.then(() => {
          if (lost !== undefined && next < total && !stopped) start();
          if (live === 0) resolve();
        }, reject);
      });
      const begin = (r: CatalogRequest): void => {
        w.postMessage(r);
        feed();
      };
      if (rules === undefined) beginWhenLoaded.push(begin);
      else begin(rules);
    };
    for (let i = 0; i < Math.max(1, Math.min(opts.jobs, total)); i++) start();
    // The catalog is loaded and validated once, here, while the workers load their modules: not
    // once per worker, where the loads of two workers would compete for the same cores.
    try {
      const catalog = loadCatalogFor(opts.analyze);
      rules = { kind: 'catalog', catalog, derived: derivedOf(catalog) };
    } catch (e) {
      stopped = true;
      for (const w of pool) void w.terminate();
      reject(e as Error);
      return;
    }
    for (const begin of beginWhenLoaded) begin(rules);
  });
  return { written, skipped };
}
