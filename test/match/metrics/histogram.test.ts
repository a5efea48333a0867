import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bucketQuantile, parseLe, type Bucket } from '../../../src/match/metrics/histogram.js';
import { evaluateCondition } from '../../../src/match/metrics/conditions.js';
import type { MetricCondition } from '../../../src/match/pattern.js';
import { matcherOf, snapshots, targetsOfFiles } from './notation.js';

const b = (pairs: readonly (readonly [number, number])[]): Bucket[] => pairs.map(([le, count]) => ({ le, count }));

describe('bucketQuantile: histogram_quantile as promql/quantile.go computes it', () => {
  test('linear interpolation inside the bucket the rank falls in', () => {
    // 100 observations: 50 ≤ 1, 80 ≤ 2, 100 ≤ 4. p90: rank 90 falls in (2, 4] with 20 in it → 2 + 2·10/20.
    const buckets = b([[1, 50], [2, 80], [4, 100], [Infinity, 100]]);
    expect(bucketQuantile(0.9, buckets)).toBe(3);
    expect(bucketQuantile(0.5, buckets)).toBe(1);
    expect(bucketQuantile(0.25, buckets)).toBe(0.5); // first bucket interpolates from 0
  });

  test('a rank in the +Inf bucket gives the highest finite bound', () => {
    expect(bucketQuantile(0.99, b([[5, 90], [10, 97], [Infinity, 100]]))).toBe(10);
  });

  test('no observations, no +Inf bucket, or a single bucket: NaN', () => {
    expect(bucketQuantile(0.5, b([[1, 0], [Infinity, 0]]))).toBeNaN();
    expect(bucketQuantile(0.5, b([[1, 3], [2, 4]]))).toBeNaN();
    expect(bucketQuantile(0.5, b([[Infinity, 4]]))).toBeNaN();
  });

  test('q outside [0, 1] gives ±Inf; a first bound ≤ 0 is returned as is', () => {
    expect(bucketQuantile(-0.1, b([[1, 1], [Infinity, 1]]))).toBe(-Infinity);
    expect(bucketQuantile(1.5, b([[1, 1], [Infinity, 1]]))).toBe(Infinity);
    expect(bucketQuantile(0.1, b([[0, 5], [1800, 6], [Infinity, 10]]))).toBe(0);
  });

  test('buckets in any order; counts that fall as bounds rise are evened out', () => {
    expect(bucketQuantile(0.9, b([[Infinity, 100], [4, 100], [1, 50], [2, 80]]))).toBe(3);
    expect(bucketQuantile(0.5, b([[1, 50], [2, 40], [Infinity, 100]]))).toBe(1);
  });

  test.each([
    ['0.005', 0.005], ['2.592e+06', 2_592_000], ['+Inf', Infinity], ['Inf', Infinity], ['10', 10], ['x', undefined], [undefined, undefined],
  ])('parseLe(%j)', (text, le) => {
    expect(parseLe(text)).toBe(le);
  });
});

const pleg = (q: number, compare: MetricCondition['compare'], threshold: number, windowSec?: number): MetricCondition => ({
  aggregate: { kind: 'quantile', select: { name: 'kubelet_pleg_relist_duration_seconds', matchers: [] }, q },
  compare,
  threshold,
  ...(windowSec === undefined ? {} : { windowSec }),
});

describe('quantile conditions read bucket increases between snapshots', () => {
  const bucket = (le: string): string => `kubelet_pleg_relist_duration_seconds_bucket{le="${le}"}`;

  test('the buckets\' increases, not their lifetime counts, make the quantile', () => {
    // Lifetime: a million fast relists. Between the two scrapes: 240 relists, 5 past 10 s.
    const t = snapshots(['12:00', '12:05'], {
      [bucket('0.1')]: '1000000 1000000',
      [bucket('1')]: '1000000 1000200',
      [bucket('10')]: '1000000 1000235',
      [bucket('+Inf')]: '1000000 1000240',
    }, 'histogram');
    const hit = evaluateCondition(matcherOf(pleg(0.99, '>=', 10, 300)), pleg(0.99, '>=', 10, 300), t);
    expect(hit?.figure).toBe(10);
    expect(hit?.basis).toEqual({ kind: 'window', from: 0, to: 1 });
    // p50 of the increases: rank 120 in (0.1, 1] holding 200 → 0.1 + 0.9·120/200
    const p50 = evaluateCondition(matcherOf(pleg(0.5, '>=', 0)), pleg(0.5, '>=', 0), t);
    expect(p50?.figure).toBeCloseTo(0.64, 10);
  });

  test('a bucket that resets (kubelet restart) counts from zero in its own series', () => {
    const t = snapshots(['12:00', '12:05', '12:10'], {
      [bucket('1')]: '500 600 50',
      [bucket('10')]: '500 600 60',
      [bucket('+Inf')]: '500 600 100',
    }, 'histogram');
    // increases: le=1 100+50=150, le=10 100+60=160, +Inf 100+100=200 → p90 rank 180 in +Inf → 10
    const hit = evaluateCondition(matcherOf(pleg(0.9, '>=', 0)), pleg(0.9, '>=', 0), t);
    expect(hit?.figure).toBe(10);
    expect(hit?.resets).toBe(3);
  });

  test('the real EKS v1.21 scrape: one snapshot, so the lifetime p99 (0.089 s) and p50 (0.019 s)', async () => {
    const text = readFileSync('test/match/metrics/excerpts/kubelet-metrics-datadog-v1.21.txt', 'utf8');
    const [t] = await targetsOfFiles([{ path: 'ip-172-29-240-188/metrics/kubelet-metrics.txt', text }]);
    if (t === undefined) throw new Error('no target');
    const p99 = evaluateCondition(matcherOf(pleg(0.99, '>=', 0)), pleg(0.99, '>=', 0), t);
    // rank 0.99·1671950 = 1655230.5 in (0.05, 0.1]: 0.05 + 0.05·(1655230.5 − 1599946)/(1670263 − 1599946)
    expect(p99?.figure).toBeCloseTo(0.05 + (0.05 * (1655230.5 - 1599946)) / (1670263 - 1599946), 12);
    expect(p99?.figure).toBeCloseTo(0.0893, 4);
    expect(p99?.basis).toEqual({ kind: 'lifetime', at: 0, why: 'one-snapshot' });
    const p50 = evaluateCondition(matcherOf(pleg(0.5, '>=', 0)), pleg(0.5, '>=', 0), t);
    expect(p50?.figure).toBeCloseTo(0.0189, 4);
    // and the catalog's rule (p99 ≥ 10 s) does not hold
    expect(evaluateCondition(matcherOf(pleg(0.99, '>=', 10, 300)), pleg(0.99, '>=', 10, 300), t)).toBeUndefined();
  });
});
