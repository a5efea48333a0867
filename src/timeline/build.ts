// Every member read in full, then one k-way merge of all sorted runs in UTC order (ties by path,
// then line), with each member's year resolved once the whole bundle has been read.
import { ByteBudget, BudgetExceeded } from '../ingest/counted.js';
import { DEFAULT_LIMITS, type IngestLimits } from '../ingest/limits.js';
import { openInputs } from '../ingest/open-inputs.js';
import type { TimelineEvent } from '../model/event.js';
import type { FormatId } from '../model/format.js';
import { cmp, Tally } from '../model/tally.js';
import { chooseYears } from '../normalize/bundle-clock.js';
import { MemberNormalizer, type TimeOptions } from '../normalize/normalize.js';
import type { YearChoice } from '../normalize/year.js';
import { openMember } from '../parse/read-member.js';
import { Heap } from './heap.js';
import { readRun, RunStore, type RunItem } from './runs.js';

export interface TimelineOptions {
  readonly inputs: readonly string[];
  readonly time: TimeOptions;
  readonly year?: number;
  readonly limits?: IngestLimits;
  /** Records held in memory before runs are spilled to the temp dir. */
  readonly maxBuffered?: number;
  /** Called as members are read, for a progress line (the cli shows it on a terminal only). */
  readonly onProgress?: (p: { readonly path: string; readonly bytesRead: number }) => void;
}

export interface TimelineMember {
  readonly path: string;
  readonly format: FormatId | 'binary';
  readonly records: number;
  readonly year: YearChoice;
}

export interface Timeline {
  readonly events: AsyncGenerator<{ readonly event: TimelineEvent; readonly raw: string }>;
  readonly members: readonly TimelineMember[];
  readonly tally: Tally;
}

export async function buildTimeline(opts: TimelineOptions): Promise<Timeline> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const tally = new Tally();
  const budget = new ByteBudget(limits);
  const store = new RunStore(opts.maxBuffered ?? 200_000);
  const normalizers: MemberNormalizer[] = [];
  const formats: (FormatId | 'binary')[] = [];
  const counts: number[] = [];
  let bytesRead = 0;
  try {
    for await (const member of openInputs(opts.inputs, { limits, tally, budget })) {
      const opened = await openMember(member, { limits, tally });
      const info = { path: member.path, ...(member.mtime ? { mtime: member.mtime } : {}), ...(member.mtimeSource ? { mtimeSource: member.mtimeSource } : {}) };
      const index = normalizers.length;
      if (opened.kind === 'binary') {
        await opened.drain();
        tally.report({ path: member.path, severity: 'warning', message: `${opened.reason}; skipped` });
        normalizers.push(new MemberNormalizer({ ...info, format: 'plain' }));
        formats.push('binary');
        counts.push(0);
        continue;
      }
      const n = new MemberNormalizer({ ...info, format: opened.format });
      normalizers.push(n);
      formats.push(opened.format);
      try {
        for await (const batch of opened.records) for (const rr of batch) store.add({ member: index, prepared: n.prepare(rr.record), raw: rr.raw });
      } catch (e) {
        if (e instanceof BudgetExceeded) throw e;
        tally.report({ path: member.path, severity: 'error', message: `read failed after ${opened.readCounts.records} records: ${(e as Error).message}` });
      }
      counts.push(opened.readCounts.records);
      store.seal();
      bytesRead += opened.lineCounts().bytes;
      opts.onProgress?.({ path: member.path, bytesRead });
    }
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    tally.report({ path: opts.inputs.join(' '), severity: 'error', message: `${e.message}; the rest of the bundle was not read` });
  }
  store.seal();
  const years = chooseYears(normalizers, opts.year);
  const resolve = (it: RunItem) => ({
    event: (normalizers[it.member] as MemberNormalizer).resolve(it.prepared, years[it.member] as YearChoice, opts.time),
    raw: it.raw,
  });
  return {
    events: merge(store, resolve),
    members: normalizers.map((n, i) => ({ path: n.info.path, format: formats[i] ?? 'binary', records: counts[i] ?? 0, year: years[i] as YearChoice })),
    tally,
  };
}

type Resolved = { readonly event: TimelineEvent; readonly raw: string };

/** Dated events in time order, then undated ones by path and line: never lost, kept aside. */
export function before(a: TimelineEvent, b: TimelineEvent): boolean {
  const ta = a.time;
  const tb = b.time;
  if (ta.kind !== 'none' && tb.kind !== 'none') {
    const d = ta.at.sec - tb.at.sec || ta.at.nsec - tb.at.nsec;
    if (d !== 0) return d < 0;
  } else if (ta.kind !== tb.kind) return tb.kind === 'none';
  return (cmp(a.source.path, b.source.path) || a.source.line - b.source.line) < 0;
}

async function* merge(store: RunStore, resolve: (it: RunItem) => Resolved): AsyncGenerator<Resolved> {
  const heads = new Heap<{ ev: Resolved; it: AsyncGenerator<RunItem> }>((a, b) => before(a.ev.event, b.ev.event));
  try {
    for (const run of store.all()) {
      const it = readRun(run);
      const first = await it.next();
      if (first.done !== true) heads.push({ ev: resolve(first.value), it });
    }
    for (let h = heads.pop(); h !== undefined; h = heads.pop()) {
      yield h.ev;
      const next = await h.it.next();
      if (next.done !== true) heads.push({ ev: resolve(next.value), it: h.it });
    }
  } finally {
    store.dispose();
  }
}
