// Worker thread of a batch: analyzes one bundle at a time with the catalog the main thread sent.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { analyze, type AnalyzeOptions } from '../analyze.js';
import { bundleHash, ContentHash } from '../ingest/content-hash.js';
import { rememberDerived, type CatalogDerived } from '../match/catalog-snapshot.js';
import type { Catalog } from '../match/pattern.js';
import { summarize, type BundleResult } from './result.js';

export interface BatchJob {
  readonly seq: number;
  readonly path: string;
}

/** What the pool sends: the catalog once, first, then one job at a time. */
export type BatchRequest =
  | { readonly kind: 'catalog'; readonly catalog: Catalog; readonly derived: CatalogDerived }
  | { readonly kind: 'job'; readonly job: BatchJob };

/** What a worker answers: a result, or that the bundle's hash was already done (--resume). */
export type BatchAnswer = { readonly seq: number; readonly result: BundleResult } | { readonly seq: number; readonly skipped: string };

export type WorkerAnalyzeOptions = Pick<AnalyzeOptions, 'patternDirs' | 'year' | 'tz' | 'limits'>;

export interface WorkerSetup {
  readonly analyze: WorkerAnalyzeOptions;
  readonly skipHashes: readonly string[];
}

const setup = workerData as WorkerSetup;
const skip = new Set(setup.skipHashes);
let catalog: Catalog | undefined;

const hashOf = (path: string): Promise<string> => bundleHash(path).catch(() => `unreadable:${path}`);

async function run(job: BatchJob, cat: Catalog): Promise<BatchAnswer> {
  const t0 = performance.now();
  // The hash is computed here, in parallel, not on the main thread before the work starts. With
  // --resume it is needed first, to skip; otherwise it is taken from the analysis's own reads, and
  // the bundle is read a second time only when those did not cover it whole (a zip, say).
  const early = skip.size > 0 ? await hashOf(job.path) : undefined;
  if (early !== undefined && skip.has(early)) return { seq: job.seq, skipped: early };
  const tap = early === undefined ? new ContentHash(job.path) : undefined;
  const ms = (): number => Math.round(performance.now() - t0);
  const hash = async (): Promise<string> => early ?? (await tap?.digest()) ?? (await hashOf(job.path));
  try {
    // One thread per bundle already keeps the cores busy: no nested scan workers.
    const d = await analyze({ ...setup.analyze, catalog: cat, inputs: [job.path], workers: 1, blockingReads: true, ...(tap !== undefined ? { contentHash: tap } : {}) });
    return { seq: job.seq, result: summarize(job.path, await hash(), ms(), d) };
  } catch (e) {
    return { seq: job.seq, result: { path: job.path, sha256: await hash(), durationMs: ms(), ok: false, error: e instanceof Error ? e.message : String(e) } };
  }
}

// Messages arrive in the order they were sent, so the catalog is here before the first job.
parentPort?.on('message', (m: BatchRequest) => {
  if (m.kind === 'catalog') {
    catalog = m.catalog;
    // The worker parses no YAML and extracts no literals: the main thread did, once.
    rememberDerived(m.catalog, m.derived);
    return;
  }
  if (catalog === undefined) throw new Error('batch worker: a job arrived before the catalog');
  void run(m.job, catalog).then((a) => parentPort?.postMessage(a));
});
