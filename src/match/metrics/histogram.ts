// Histogram buckets → a quantile, as PromQL's histogram_quantile does it (promql/quantile.go,
// bucketQuantile): buckets sorted by upper bound, the last must be +Inf; the rank q·count falls
// into a bucket and the quantile is interpolated linearly inside it (from 0 for the first bucket
// if its bound is positive). A rank in the +Inf bucket gives the highest finite bound.

export interface Bucket {
  /** Upper bound (`le`), +Inf for the last. */
  readonly le: number;
  /** Cumulative count of observations ≤ le (or its increase over a span). */
  readonly count: number;
}

/** `le="0.005"`, `le="2.592e+06"`, `le="+Inf"` → the bound; undefined when it is no number. */
export function parseLe(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (/^\+?inf$/i.test(t)) return Infinity;
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** The q-quantile of the buckets; NaN without observations or without a +Inf bucket. */
export function bucketQuantile(q: number, unsorted: readonly Bucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const buckets = [...unsorted].sort((a, b) => a.le - b.le);
  const last = buckets[buckets.length - 1];
  if (buckets.length < 2 || last === undefined || last.le !== Infinity) return NaN;
  // Counts must not fall as bounds rise; scrape races can break that, and Prometheus evens them out.
  const counts: number[] = [];
  for (const b of buckets) counts.push(Math.max(b.count, counts[counts.length - 1] ?? -Infinity));
  const observations = counts[counts.length - 1] as number;
  if (!(observations > 0)) return NaN;
  let rank = q * observations;
  let b = counts.findIndex((c) => c >= rank);
  if (b < 0) b = counts.length - 1;
  if (b === buckets.length - 1) return (buckets[buckets.length - 2] as Bucket).le;
  const first = buckets[0] as Bucket;
  if (b === 0 && first.le <= 0) return first.le;
  let start = 0;
  const end = (buckets[b] as Bucket).le;
  let count = counts[b] as number;
  if (b > 0) {
    start = (buckets[b - 1] as Bucket).le;
    count -= counts[b - 1] as number;
    rank -= counts[b - 1] as number;
  }
  return start + (end - start) * (rank / count);
}
