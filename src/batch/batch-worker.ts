// Worker thread of a batch: analyzes one bundle at a time with the catalog it loaded once.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { analyze, loadCatalogFor, type AnalyzeOptions } from '../analyze.js';
import { summarize, type BundleResult } from './result.js';

export interface BatchJob {
  readonly seq: number;
  readonly path: string;
  readonly sha256: string;
}

export type WorkerAnalyzeOptions = Pick<AnalyzeOptions, 'patternDirs' | 'year' | 'tz' | 'limits'>;

const options = workerData as WorkerAnalyzeOptions;
const catalog = loadCatalogFor(options);

parentPort?.on('message', (job: BatchJob) => {
  const t0 = performance.now();
  // One thread per bundle already keeps the cores busy: no nested scan workers.
  analyze({ ...options, catalog, inputs: [job.path], workers: 1 })
    .then((d): BundleResult => summarize(job.path, job.sha256, Math.round(performance.now() - t0), d))
    .catch((e: unknown): BundleResult => ({ path: job.path, sha256: job.sha256, durationMs: Math.round(performance.now() - t0), ok: false, error: e instanceof Error ? e.message : String(e) }))
    .then((r) => parentPort?.postMessage({ seq: job.seq, result: r }));
});
