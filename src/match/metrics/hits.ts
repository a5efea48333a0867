// Metric hits join the log hits: each becomes hits in the (matcher, host) buckets findIncidents
// reads, so a rising get_token_fail_count and the kubelet's token errors on the same node make one
// incident of one entry. A hit is cited where the condition first held and where it last held,
// each citing a sample of that snapshot; the structured evidence rides along on the citation.
import type { TimelineEvent } from '../../model/event.js';
import type { HitBucket } from '../collect.js';
import type { Cited } from '../incidents.js';
import type { Matcher } from '../pattern.js';
import { evaluateMetricMatchers } from './conditions.js';
import type { MetricHit } from './metric-hit.js';
import { figureText, metricEvidence, type MetricEvidence } from './evidence.js';
import { buildSeries, seriesKey, type SnapshotTime } from './series.js';
import type { StoredSample } from './store.js';

/**
 * The whole metric step, once the bundle is read: stored samples → series per target → every
 * metric matcher evaluated → buckets for findIncidents. Also the files left out for want of a time.
 */
export function evaluateMetrics<H, P>(
  matchers: readonly Matcher[],
  samples: readonly StoredSample<H>[],
  timeOf: (s: StoredSample<H>) => SnapshotTime | undefined,
  wrap: (c: Cited) => P,
): { readonly buckets: HitBucket<P>[]; readonly undatedPaths: readonly string[] } {
  if (samples.length === 0) return { buckets: [], undatedPaths: [] };
  const set = buildSeries(samples, timeOf);
  return { buckets: metricBuckets(evaluateMetricMatchers(matchers, set.targets), wrap), undatedPaths: set.undatedPaths };
}

/** The citations of one hit: where it first held and, if later, where it last held. */
export function citeMetricHit(hit: MetricHit, evidence: MetricEvidence = metricEvidence(hit)): Cited[] {
  const at = hit.first === hit.last ? [hit.last] : [hit.first, hit.last];
  return at.flatMap((snapshot) => {
    const event = sampleEvent(hit, snapshot, evidence.summary);
    if (event === undefined) return [];
    const raw = snapshot === hit.last ? evidence.summary : `${evidence.expression} ${evidence.compare} ${figureText(evidence.threshold)} first held at this snapshot: ${sampleText(event)}`;
    return [{ event, raw, matcherId: hit.matcher.id, metric: evidence }];
  });
}

/** Hits as the buckets findIncidents reads, one bucket per (matcher, host). */
export function metricBuckets<P>(hits: readonly MetricHit[], wrap: (c: Cited) => P): HitBucket<P>[] {
  const buckets = new Map<string, HitBucket<P>>();
  for (const hit of hits) {
    const host = hit.target.target.host;
    const key = `${hit.matcher.patternId}\u0000${hit.matcher.id}\u0000${host}`;
    let b = buckets.get(key);
    if (b === undefined) {
      b = { matcher: hit.matcher, host, kept: [], overflow: 0 };
      buckets.set(key, b);
    }
    for (const c of citeMetricHit(hit)) b.kept.push({ matcher: hit.matcher, host, item: wrap(c), captures: {} });
  }
  return [...buckets.values()];
}

/** The event a citation points at: the most telling series' sample at that snapshot. */
function sampleEvent(hit: MetricHit, snapshot: number, message: string): (TimelineEvent & { kind: 'metric' }) | undefined {
  const t = hit.target;
  const snap = t.snapshots[snapshot];
  if (snap === undefined) return undefined;
  for (const s of hit.series) {
    const p = s.points.find((x) => x.snapshot === snapshot);
    if (p === undefined) continue;
    return {
      kind: 'metric',
      metric: { name: s.name, type: s.type, labels: s.labels, value: p.value },
      severity: 'info',
      message,
      fields: {},
      source: p.source,
      time: snap.time,
      host: t.target.host,
      component: t.target.job,
      format: 'prom-text',
    };
  }
  return undefined;
}

function sampleText(e: TimelineEvent & { kind: 'metric' }): string {
  const key = seriesKey(e.metric.name, e.metric.labels);
  return `${key.endsWith('{}') ? key.slice(0, -2) : key} ${e.metric.value}`;
}
