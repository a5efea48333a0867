// Admission and scheduling of analyses. Slots are taken when an upload *starts* (so a full
// server answers 429 before receiving a gigabyte, not after); at most `maxConcurrent` analyses
// run, each on its own worker thread, and at most `maxQueue` more wait. A worker that runs past
// the time limit, exhausts its heap or crashes is terminated and replaced; its analysis fails.
import { Worker } from 'node:worker_threads';
import type { WorkerAnalyzeOptions } from '../batch/batch-worker.js';
import { workerScript } from '../ingest/worker-script.js';
import type { AnalysisJob, Stage, WorkerMessage } from './analysis-worker.js';

export interface Progress {
  readonly stage: Stage;
  readonly bytesRead: number;
  readonly path: string | null;
  /** 1-based place in the queue while queued. */
  readonly position?: number;
}

export type Outcome = Extract<WorkerMessage, { type: 'done' | 'failed' }>;

export interface QueueOptions {
  readonly maxConcurrent: number;
  readonly maxQueue: number;
  readonly timeoutMs: number;
  readonly analyze: WorkerAnalyzeOptions;
  /** Heap of each analysis worker, MB: a pathological bundle hits it and fails alone. */
  readonly workerHeapMb?: number;
  readonly onStart: (id: string) => void;
  /** Called once per job, whatever happened to it (the server cleans up and records it here). */
  readonly onFinish: (job: AnalysisJob, outcome: Outcome, durationMs: number) => Promise<void> | void;
}

/** An admitted upload: holds a slot until it is queued or released. */
export interface Ticket {
  release(): void;
}

interface Running {
  readonly job: AnalysisJob;
  readonly startedMs: number;
  readonly timer: NodeJS.Timeout;
}

class Slot {
  worker: Worker | undefined;
  running: Running | undefined;
}

export class AnalysisQueue {
  private readonly waiting: AnalysisJob[] = [];
  private readonly slots: Slot[];
  private readonly progressById = new Map<string, Progress>();
  private admitted = 0; // uploads being received
  private isClosing = false;
  private idle: (() => void) | undefined;
  private readonly script = workerScript('./analysis-worker.js', import.meta.url);
  private recentMs: number[] = [];

  constructor(private readonly opts: QueueOptions) {
    this.slots = Array.from({ length: Math.max(1, opts.maxConcurrent) }, () => new Slot());
  }

  /** True once `close` has begun: nothing more is admitted. */
  get closing(): boolean {
    return this.isClosing;
  }

  /** A slot for an upload about to be received, or undefined when the server is full. */
  admit(): Ticket | undefined {
    if (this.isClosing) return undefined;
    const busy = this.runningCount() + this.waiting.length + this.admitted;
    if (busy >= this.slots.length + this.opts.maxQueue) return undefined;
    this.admitted++;
    let held = true;
    return {
      release: () => {
        if (held) this.admitted--;
        held = false;
      },
    };
  }

  /** Turns an admitted upload into a queued analysis. */
  enqueue(ticket: Ticket, job: AnalysisJob): void {
    ticket.release();
    if (this.isClosing) {
      void this.finish(job, { id: job.id, type: 'failed', error: 'the server shut down before this analysis started' }, 0);
      return;
    }
    this.waiting.push(job);
    this.progressById.set(job.id, { stage: 'queued', bytesRead: 0, path: null });
    this.pump();
  }

  progress(id: string): Progress | undefined {
    const p = this.progressById.get(id);
    if (p?.stage !== 'queued') return p;
    return { ...p, position: this.waiting.findIndex((j) => j.id === id) + 1 };
  }

  counts(): { running: number; queued: number; receiving: number } {
    return { running: this.runningCount(), queued: this.waiting.length, receiving: this.admitted };
  }

  /** Seconds a refused client should wait: about one analysis, from recent durations. */
  retryAfterSec(): number {
    const avg = this.recentMs.length === 0 ? 5000 : this.recentMs.reduce((a, b) => a + b, 0) / this.recentMs.length;
    return Math.max(1, Math.ceil(avg / 1000));
  }

  /**
   * Stops admitting; waiting analyses fail at once ("server shutting down"); running ones may
   * finish within `graceMs`, then are terminated and fail. Resolves when every job is recorded.
   */
  async close(graceMs: number): Promise<void> {
    this.isClosing = true;
    for (const job of this.waiting.splice(0)) await this.finish(job, { id: job.id, type: 'failed', error: 'the server shut down before this analysis started' }, 0);
    if (this.runningCount() > 0) {
      await new Promise<void>((resolve) => {
        this.idle = resolve;
        setTimeout(() => {
          for (const s of this.slots) if (s.running !== undefined) void this.stop(s, 'the server shut down while this analysis ran');
        }, graceMs).unref();
      });
    }
    await Promise.all(this.slots.map((s) => s.worker?.terminate()));
  }

  private runningCount(): number {
    return this.slots.filter((s) => s.running !== undefined).length;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.waiting.length === 0) return;
      if (slot.running === undefined) this.start(slot, this.waiting.shift() as AnalysisJob);
    }
  }

  private start(slot: Slot, job: AnalysisJob): void {
    const worker = slot.worker ?? this.spawn(slot);
    const timer = setTimeout(() => void this.stop(slot, `the analysis ran past the server's time limit of ${Math.round(this.opts.timeoutMs / 1000)} s`), this.opts.timeoutMs);
    slot.running = { job, startedMs: Date.now(), timer };
    this.progressById.set(job.id, { stage: 'reading', bytesRead: 0, path: null });
    this.opts.onStart(job.id);
    worker.postMessage(job);
  }

  private spawn(slot: Slot): Worker {
    const heap = this.opts.workerHeapMb ?? 2048;
    const w = new Worker(this.script, { workerData: { analyze: this.opts.analyze }, resourceLimits: { maxOldGenerationSizeMb: heap } });
    slot.worker = w;
    w.on('message', (m: WorkerMessage) => {
      const r = slot.worker === w ? slot.running : undefined;
      if (r === undefined || m.id !== r.job.id) return;
      if (m.type === 'progress') this.progressById.set(m.id, { stage: m.stage, bytesRead: m.bytesRead, path: m.path });
      else void this.settle(slot, m);
    });
    let crash: Error | undefined;
    w.on('error', (e) => {
      crash = e;
    });
    w.on('exit', (code) => {
      // A worker stopped on purpose was detached first: its exit settles nothing.
      if (slot.worker !== w) return;
      slot.worker = undefined;
      if (slot.running !== undefined) {
        const why = crash?.message ?? `worker exited with code ${code}`;
        void this.settle(slot, { id: slot.running.job.id, type: 'failed', error: `the analysis crashed: ${why}` });
      }
    });
    return w;
  }

  private async stop(slot: Slot, error: string): Promise<void> {
    const r = slot.running;
    if (r === undefined) return;
    const w = slot.worker;
    slot.worker = undefined; // its exit must not settle the job a second time
    await this.settle(slot, { id: r.job.id, type: 'failed', error });
    await w?.terminate();
  }

  private async settle(slot: Slot, outcome: Outcome): Promise<void> {
    const r = slot.running;
    if (r === undefined) return;
    slot.running = undefined;
    clearTimeout(r.timer);
    const ms = Date.now() - r.startedMs;
    if (outcome.type === 'done') this.recentMs = [...this.recentMs.slice(-19), ms];
    await this.finish(r.job, outcome, ms);
    if (!this.isClosing) this.pump();
    if (this.isClosing && this.runningCount() === 0) this.idle?.();
  }

  private async finish(job: AnalysisJob, outcome: Outcome, ms: number): Promise<void> {
    this.progressById.set(job.id, { stage: outcome.type, bytesRead: 0, path: null });
    try {
      await this.opts.onFinish(job, outcome, ms);
    } finally {
      this.progressById.delete(job.id);
    }
  }
}
