import { describe, expect, test } from 'vitest';
import { evaluateCondition } from '../../../src/match/metrics/conditions.js';
import { figureText } from '../../../src/match/metrics/evidence.js';
import { citeMetricHit, metricBuckets } from '../../../src/match/metrics/hits.js';
import type { MetricCondition } from '../../../src/match/pattern.js';
import { matcherOf, snapshots } from './notation.js';

const ttlBelowADay: MetricCondition = { aggregate: { kind: 'value', select: { name: 'kubelet_certificate_manager_client_ttl_seconds', matchers: [] } }, compare: '<', threshold: 86400 };

describe('a metric hit as citations', () => {
  const t = snapshots(['11:50', '12:00', '12:10'], { kubelet_certificate_manager_client_ttl_seconds: '1199 599 -1' }, 'gauge');
  const hit = evaluateCondition(matcherOf(ttlBelowADay), ttlBelowADay, t);
  if (hit === undefined) throw new Error('no hit');

  test('cited where it first held and where it last held, one evidence object for both', () => {
    const cites = citeMetricHit(hit);
    expect(cites.map((c) => [c.event.time.kind === 'none' ? null : c.event.time.at.sec, c.event.source.path, c.event.kind, c.event.host, c.event.component])).toEqual([
      [Date.UTC(2024, 3, 1, 11, 50) / 1000, 'node-a/metrics/kubelet-metrics-11:50.prom', 'metric', 'node-a', 'kubelet'],
      [Date.UTC(2024, 3, 1, 12, 10) / 1000, 'node-a/metrics/kubelet-metrics-12:10.prom', 'metric', 'node-a', 'kubelet'],
    ]);
    expect(cites[0]?.raw).toBe('kubelet_certificate_manager_client_ttl_seconds < 86400 first held at this snapshot: kubelet_certificate_manager_client_ttl_seconds 1199');
    expect(cites[1]?.raw).toBe('kubelet_certificate_manager_client_ttl_seconds = -1 < 86400 from 2024-04-01T11:50:00Z to 2024-04-01T12:10:00Z');
    expect(cites[0]?.metric).toBe(cites[1]?.metric);
    expect(cites[1]?.metric?.series[0]?.values.map((v) => v.value)).toEqual([1199, 599, -1]);
  });

  test('buckets per (matcher, host), as findIncidents reads log hits', () => {
    const buckets = metricBuckets([hit], (c) => c.raw);
    expect(buckets.map((b) => [b.matcher.id, b.host, b.kept.length, b.overflow])).toEqual([['test-condition', 'node-a', 2, 0]]);
  });

  test.each([
    [0.011, '0.011'], [27, '27'], [2 / 3, '0.6667'], [1e21, '1e+21'], [Infinity, '+Inf'], [-Infinity, '-Inf'], [NaN, 'NaN'],
  ])('figureText(%s) = %s', (n, text) => {
    expect(figureText(n)).toBe(text);
  });
});
