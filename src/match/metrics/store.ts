// The metric samples a catalog's conditions need, kept while the bundle streams. A scrape of a
// busy API server has tens of thousands of samples; only those whose name some condition reads are
// kept (plain data, a few fields each), up to MAX_SAMPLES, beyond which they are counted.
import type { Fields, MetricDetail, ParsedRecord, SourceRef } from '../../model/event.js';
import type { Stamp } from '../../model/time.js';
import { canonicalHost } from '../../normalize/host.js';

/** Where samples come from: one scraped process, as Prometheus would label it. */
export interface Target {
  readonly host: string;
  /** The sample's `job` label, else the component the file name says, else the file name without its time. */
  readonly job: string;
  /** The sample's `instance` label, when it has one (a federated or re-exported dump). */
  readonly instance: string;
}

export interface StoredSample<H> {
  readonly target: Target;
  readonly name: string;
  readonly type: MetricDetail['type'];
  readonly labels: Fields;
  readonly value: number;
  readonly stamp: Stamp;
  /** prom-text's `fields.timeSource`: sample-timestamp, comment, file-name or none. */
  readonly timeSource: string;
  readonly source: SourceRef;
  /** The caller's handle on the file (analyze keeps the member index there). */
  readonly handle: H;
}

export const MAX_SAMPLES = 1_000_000;

export class MetricStore<H> {
  private readonly kept: StoredSample<H>[] = [];
  private readonly targets = new Map<string, Target>();
  /** Samples of wanted names beyond MAX_SAMPLES: counted, not kept. */
  overflow = 0;

  constructor(readonly names: ReadonlySet<string>) {}

  /** Keep the record if it is a sample some condition reads; true when kept. */
  offer(r: ParsedRecord, where: { readonly host: string; readonly job: string }, handle: H): boolean {
    if (r.kind !== 'metric' || !this.names.has(r.metric.name)) return false;
    if (this.kept.length >= MAX_SAMPLES) {
      this.overflow++;
      return false;
    }
    const labels = r.metric.labels;
    const target = this.target(canonicalHost(where.host), labels['job'] ?? where.job, labels['instance'] ?? '');
    this.kept.push({
      target,
      name: r.metric.name,
      type: r.metric.type,
      labels,
      value: r.metric.value,
      stamp: r.stamp,
      timeSource: r.fields['timeSource'] ?? 'none',
      source: r.source,
      handle,
    });
    return true;
  }

  samples(): readonly StoredSample<H>[] {
    return this.kept;
  }

  private target(host: string, job: string, instance: string): Target {
    const key = `${host}\u0000${job}\u0000${instance}`;
    let t = this.targets.get(key);
    if (t === undefined) {
      t = { host, job, instance };
      this.targets.set(key, t);
    }
    return t;
  }
}

/**
 * The job of a scrape file that names none: the component its path names (`kubelet-metrics-….prom`
 * → kubelet), else the file name without extension, time and counters (`metrics-20240401T1213Z.txt`
 * → metrics), so that snapshots of one process taken minutes apart share a target.
 */
export function scrapeJob(path: string, component: string | undefined): string {
  if (component !== undefined) return component;
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const stem = base
    .replace(/(?:\.(?:prom|txt|metrics|out|log|gz))+$/, '')
    .replace(/(?<!\d)\d{10,13}(?!\d)/g, '')
    .replace(/\d{4}-?\d\d-?\d\d(?:[t_ ]?\d\d[-:_.]?\d\d(?:[-:_.]?\d\d)?(?:[.,]\d+)?)?(?:z|[+-]\d\d:?\d\d)?/g, '')
    .replace(/[-_.]+$|^[-_.]+/g, '')
    .replace(/[-_.]\d{1,4}$/, '') // metrics-1.txt, metrics-2.txt: numbered scrapes of one process
    .replace(/[-_.]{2,}/g, '-');
  return stem === '' ? 'metrics' : stem;
}
