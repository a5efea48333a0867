// Sorted runs of prepared records, in memory while small and spilled to the temp dir when the
// bundle is large: the timeline of a 2 GiB journal needs bounded memory, not 2 GiB.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Prepared } from '../normalize/normalize.js';
import { civilToInstant } from '../model/time.js';

export interface RunItem {
  readonly member: number;
  readonly prepared: Prepared;
  readonly raw: string;
}

/**
 * Order within one member, before its base year is known: stated instants, or year-less stamps
 * placed in a leap year shifted by their relative year. Undated records sort last, in file order.
 */
export function memberKey(p: Prepared): number {
  const s = p.record.stamp;
  switch (s.kind) {
    case 'utc':
    case 'wall':
      return s.at.sec + s.at.nsec / 1e9;
    case 'yearless':
      return civilToInstant(2000 + p.yearDelta * 4, s.month, s.day, s.secOfDay).sec + s.nsec / 1e9;
    case 'monotonic':
    case 'none':
      return Number.POSITIVE_INFINITY;
  }
}

export type Run = { readonly kind: 'memory'; readonly items: readonly RunItem[] } | { readonly kind: 'file'; readonly path: string };

export class RunStore {
  private readonly runs: Run[] = [];
  private buffer: RunItem[] = [];
  private dir: string | undefined;

  constructor(private readonly maxBuffered: number) {}

  add(item: RunItem): void {
    this.buffer.push(item);
    if (this.buffer.length >= this.maxBuffered) this.seal(true);
  }

  /** End the current run (at a member's end, or when the buffer is full). */
  seal(spill = false): void {
    if (this.buffer.length === 0) return;
    // Stable sort: equal keys keep file order. Local disorder (and `journalctl -r`) is absorbed here.
    const sorted = this.buffer.map((it, i) => ({ it, i, k: memberKey(it.prepared) })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.it);
    this.buffer = [];
    if (!spill && this.runs.every((r) => r.kind === 'memory')) {
      this.runs.push({ kind: 'memory', items: sorted });
      return;
    }
    this.dir ??= mkdtempSync(join(tmpdir(), 'kube-forensics-'));
    const path = join(this.dir, `run-${this.runs.length}.ndjson`);
    writeFileSync(path, sorted.map((x) => JSON.stringify(x)).join('\n') + '\n');
    this.runs.push({ kind: 'file', path });
  }

  all(): readonly Run[] {
    return this.runs;
  }

  dispose(): void {
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function* readRun(run: Run): AsyncGenerator<RunItem> {
  if (run.kind === 'memory') {
    yield* run.items;
    return;
  }
  const rl = createInterface({ input: createReadStream(run.path), crlfDelay: Infinity });
  for await (const line of rl) if (line !== '') yield JSON.parse(line) as RunItem;
}
