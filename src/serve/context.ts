// The server's state and an analysis's life: admitted → received into its own temp dir →
// queued → run on a worker → recorded in the store → temp dir removed (or the bundle kept).
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { WorkerAnalyzeOptions } from '../batch/batch-worker.js';
import type { AnalysisJob } from './analysis-worker.js';
import { AnalysisQueue, type Outcome, type Progress, type Ticket } from './analysis-queue.js';
import type { ServeMetrics } from './metrics.js';
import type { AnalysisRecord, AnalysisStore } from './store.js';
import { receiveUpload } from './upload.js';

export interface ServeLimits {
  readonly maxUploadBytes: number;
  readonly maxConcurrent: number;
  readonly maxQueue: number;
  readonly analysisTimeoutMs: number;
  readonly workerHeapMb?: number;
}

/** How an analysis ended, for a client waiting on it (?wait=true). */
export type Settled = { readonly ok: true; readonly reportJson: string } | { readonly ok: false; readonly error: string };

export class ServeContext {
  readonly queue: AnalysisQueue;
  private readonly waiters = new Map<string, ((s: Settled) => void)[]>();
  private readonly uploadDirs = new Map<string, string>();

  constructor(
    readonly store: AnalysisStore,
    readonly metrics: ServeMetrics,
    readonly limits: ServeLimits,
    analyzeOpts: WorkerAnalyzeOptions,
    /** This server's private temp dir; every upload gets a folder inside it. */
    readonly tempRoot: string,
    /** Where --keep-bundles puts bundles (under --data); pruning and delete clean it either way. */
    readonly keptDir: string,
    readonly keepBundles: boolean,
  ) {
    if (keepBundles) mkdirSync(keptDir, { recursive: true });
    this.queue = new AnalysisQueue({
      maxConcurrent: limits.maxConcurrent,
      maxQueue: limits.maxQueue,
      timeoutMs: limits.analysisTimeoutMs,
      analyze: analyzeOpts,
      ...(limits.workerHeapMb !== undefined ? { workerHeapMb: limits.workerHeapMb } : {}),
      onStart: (id) => {
        this.store.started(id, new Date().toISOString());
        this.gauges();
      },
      onFinish: (job, outcome, ms) => this.finish(job, outcome, ms),
    });
  }

  admit(): Ticket | undefined {
    const t = this.queue.admit();
    this.gauges();
    return t;
  }

  /**
   * Receives an admitted upload and queues its analysis. Throws (UploadTooLarge, UploadEmpty, a
   * stream error) with the temp folder already removed and the ticket released.
   */
  async accept(ticket: Ticket, body: Readable, name: string): Promise<AnalysisRecord> {
    const dir = await mkdtemp(join(this.tempRoot, 'upload-'));
    const file = join(dir, 'bundle');
    try {
      const got = await receiveUpload(body, file, this.limits.maxUploadBytes, (n) => this.metrics.bytesReceived.inc(n));
      const id = randomUUID();
      this.store.create({ id, name, sizeBytes: got.sizeBytes, sha256: got.sha256, createdAt: new Date().toISOString() });
      this.uploadDirs.set(id, dir);
      this.queue.enqueue(ticket, { id, input: file, name });
      this.gauges();
      return this.store.get(id) as AnalysisRecord;
    } catch (e) {
      ticket.release();
      this.gauges();
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
  }

  progress(id: string): Progress | undefined {
    return this.queue.progress(id);
  }

  /** Resolves when the analysis is recorded (at once if it already is). */
  settled(id: string): Promise<Settled> {
    const a = this.store.get(id);
    if (a?.status === 'done') return Promise.resolve({ ok: true, reportJson: this.store.report(id, 'json') ?? '' });
    if (a === undefined || a.status === 'failed') return Promise.resolve({ ok: false, error: a?.error ?? 'no such analysis' });
    return new Promise((resolve) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), resolve]));
  }

  private async finish(job: AnalysisJob, outcome: Outcome, ms: number): Promise<void> {
    const at = new Date().toISOString();
    const dir = this.uploadDirs.get(job.id);
    this.uploadDirs.delete(job.id);
    let settled: Settled;
    try {
      if (outcome.type === 'done') {
        this.store.finished(job.id, { finishedAt: at, durationMs: ms, hosts: outcome.hosts, findings: outcome.findings, reportJson: outcome.reportJson, reportHtml: outcome.reportHtml });
        for (const f of outcome.findings) this.metrics.findings.inc({ pattern: f.pattern });
        settled = { ok: true, reportJson: outcome.reportJson };
      } else {
        // Messages may name the temp file: show the upload's name instead.
        const error = outcome.error.split(job.input).join(job.name).split(this.tempRoot).join('');
        this.store.failed(job.id, at, ms, error);
        settled = { ok: false, error };
      }
      this.metrics.duration.observe({ outcome: outcome.type }, ms / 1000);
      this.metrics.analyses.inc({ outcome: outcome.type });
      if (this.keepBundles && dir !== undefined) {
        const kept = `${job.id}.bundle`;
        await rename(job.input, join(this.keptDir, kept)).then(() => this.store.keptBundle(job.id, kept), () => undefined);
      }
    } finally {
      if (dir !== undefined) await rm(dir, { recursive: true, force: true });
      this.gauges();
    }
    for (const w of this.waiters.get(job.id) ?? []) w(settled);
    this.waiters.delete(job.id);
  }

  /** Removes a kept bundle file named in the store (a name the server made, never the client). */
  removeKept(a: AnalysisRecord): void {
    if (a.keptBundle !== null && /^[0-9a-f-]{36}\.bundle$/.test(a.keptBundle)) rmSync(join(this.keptDir, a.keptBundle), { force: true });
  }

  /** Forgets analyses created more than `retainMs` ago. */
  prune(retainMs: number): number {
    const gone = this.store.prune(new Date(Date.now() - retainMs).toISOString());
    for (const a of gone) this.removeKept(a);
    return gone.length;
  }

  gauges(): void {
    const c = this.queue.counts();
    this.metrics.inProgress.set(c.running);
    this.metrics.queued.set(c.queued);
    this.metrics.receiving.set(c.receiving);
  }

  /** Shutting down: the queue admits nothing more. */
  get closing(): boolean {
    return this.queue.closing;
  }

  async close(graceMs: number): Promise<void> {
    await this.queue.close(graceMs);
  }
}
