// A worker thread of the server: analyzes one upload at a time with the catalog it loaded once,
// and renders the JSON and HTML reports. A bundle that exhausts its heap or runs past the time
// limit takes down this thread only; the server replaces it.
import { parentPort, workerData } from 'node:worker_threads';
import { analyze, loadCatalogFor } from '../analyze.js';
import type { WorkerAnalyzeOptions } from '../batch/batch-worker.js';
import { renderReport } from '../report/render.js';

export interface AnalysisJob {
  readonly id: string;
  /** The upload's temp file: a path the server made, never one the client named. */
  readonly input: string;
  /** The name the report's paths start with (the client's file name, cleaned). */
  readonly name: string;
}

export type Stage = 'queued' | 'reading' | 'rendering' | 'done' | 'failed';

export type WorkerMessage =
  | { readonly id: string; readonly type: 'progress'; readonly stage: Stage; readonly bytesRead: number; readonly path: string | null }
  | {
      readonly id: string;
      readonly type: 'done';
      readonly reportJson: string;
      readonly reportHtml: string;
      readonly hosts: readonly string[];
      readonly findings: readonly { readonly pattern: string; readonly rank: number; readonly rootCause: boolean }[];
    }
  | { readonly id: string; readonly type: 'failed'; readonly error: string };

const setup = workerData as { readonly analyze: WorkerAnalyzeOptions };
const catalog = loadCatalogFor(setup.analyze);
const PROGRESS_EVERY_MS = 100;

async function run(job: AnalysisJob): Promise<WorkerMessage> {
  let last = 0;
  const post = (m: WorkerMessage): void => parentPort?.postMessage(m);
  post({ id: job.id, type: 'progress', stage: 'reading', bytesRead: 0, path: null });
  try {
    const d = await analyze({
      ...setup.analyze,
      catalog,
      inputs: [job.input],
      inputNames: [job.name],
      // Several analyses run side by side: one thread each, no nested scan workers.
      workers: 1,
      onProgress: (p) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS) return;
        last = now;
        post({ id: job.id, type: 'progress', stage: 'reading', bytesRead: p.bytesRead, path: p.path });
      },
    });
    post({ id: job.id, type: 'progress', stage: 'rendering', bytesRead: d.stats.bytes, path: null });
    return {
      id: job.id,
      type: 'done',
      reportJson: renderReport(d, { format: 'json' }),
      reportHtml: renderReport(d, { format: 'html' }),
      hosts: d.stats.hosts,
      findings: d.findings.map((f) => ({ pattern: f.pattern, rank: f.rank, rootCause: f.rootCause })),
    };
  } catch (e) {
    return { id: job.id, type: 'failed', error: e instanceof Error ? e.message : String(e) };
  }
}

parentPort?.on('message', (job: AnalysisJob) => {
  void run(job).then((m) => parentPort?.postMessage(m));
});
