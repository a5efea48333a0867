import { describe, expect, test } from 'vitest';
import { evaluateCondition, evaluateMetricMatchers } from '../../../src/match/metrics/conditions.js';
import { metricEvidence } from '../../../src/match/metrics/evidence.js';
import type { MetricCondition } from '../../../src/match/pattern.js';
import { catalogMatcher, matcherOf, snapshots } from './notation.js';

const clientErrors = catalogMatcher('kube-client-errors', 'client-5xx-share');

/**
 * A kubelet scraped every 5 minutes from 12:05 to 12:20 making 3000 requests in those 15 minutes,
 * `errors` of them answered 503, spread over the span.
 */
function kubeletScrapes(errors: number) {
  const ok = 3000 - errors;
  return snapshots(['12:05', '12:10', '12:15', '12:20'], {
    'rest_client_requests_total{code="200",method="GET"}': `412377 ${412377 + ok / 3} ${412377 + (2 * ok) / 3} ${412377 + ok}`,
    'rest_client_requests_total{code="201",method="POST"}': '11077 11077 11077 11077',
    'rest_client_requests_total{code="404",method="GET"}': '31 31 31 31',
    'rest_client_requests_total{code="503",method="GET"}': `2 ${2 + Math.round(errors / 3)} ${2 + Math.round(errors / 2)} ${2 + errors}`,
  });
}

describe('the KubeClientErrors rule: 5xx share of rest_client_requests_total above 1% over 15 minutes', () => {
  test('1.1% over 15 minutes (33 of 3000) holds', () => {
    const hit = evaluateCondition(clientErrors, clientErrors.test.condition, kubeletScrapes(33));
    expect(hit?.figure).toBeCloseTo(0.011, 12);
    expect(hit?.parts).toEqual({ part: 33, whole: 3000 });
    expect(hit?.basis).toEqual({ kind: 'window', from: 0, to: 3 });
    expect([hit?.first, hit?.last]).toEqual([3, 3]);
  });

  test('0.9% over 15 minutes (27 of 3000) does not', () => {
    expect(evaluateCondition(clientErrors, clientErrors.test.condition, kubeletScrapes(27))).toBeUndefined();
  });

  test('exactly 1% does not: the rule is "above"', () => {
    expect(evaluateCondition(clientErrors, clientErrors.test.condition, kubeletScrapes(30))).toBeUndefined();
  });

  test('a 5xx series that appears only in later scrapes counts from zero where it was missing', () => {
    const t = snapshots(['12:05', '12:20'], {
      'rest_client_requests_total{code="200"}': '1000 3967',
      'rest_client_requests_total{code="503"}': '_ 33',
    });
    expect(evaluateCondition(clientErrors, clientErrors.test.condition, t)?.parts).toEqual({ part: 33, whole: 3000 });
  });

  test('a restart between scrapes: every counter drops and counts from zero', () => {
    const t = snapshots(['12:00', '12:10', '12:20'], {
      'rest_client_requests_total{code="200"}': '50000 50600 420',
      'rest_client_requests_total{code="503"}': '_ 40 25',
    });
    const hit = evaluateCondition(clientErrors, clientErrors.test.condition, t);
    expect(hit?.parts).toEqual({ part: 65, whole: 600 + 420 + 65 });
    expect(hit?.resets).toBe(2);
    expect(hit?.basis).toEqual({ kind: 'window', from: 0, to: 2 });
  });

  test('one scrape only: the lifetime share, marked as such', () => {
    const t = snapshots(['12:20'], { 'rest_client_requests_total{code="200"}': '9500', 'rest_client_requests_total{code="503"}': '260' });
    const hit = evaluateCondition(clientErrors, clientErrors.test.condition, t);
    expect(hit?.figure).toBeCloseTo(260 / 9760, 12);
    expect(hit?.basis).toEqual({ kind: 'lifetime', at: 0, why: 'one-snapshot' });
    const e = hit === undefined ? undefined : metricEvidence(hit);
    expect(e?.summary).toContain('a lifetime figure, not a recent rate (one snapshot)');
  });

  test('scrapes closer than 15 minutes: no window fits, so the lifetime share decides (here below 1%)', () => {
    const t = snapshots(['12:05', '12:15'], {
      'rest_client_requests_total{code="200"}': '412377 413377',
      'rest_client_requests_total{code="503"}': '2 30',
    });
    expect(evaluateCondition(clientErrors, clientErrors.test.condition, t)).toBeUndefined();
    const anyShare: MetricCondition = { ...clientErrors.test.condition, threshold: 0 };
    expect(evaluateCondition(matcherOf(anyShare), anyShare, t)?.basis).toEqual({ kind: 'lifetime', at: 1, why: 'span-below-window' });
  });

  test('evaluated at every scrape, over the latest 15 minutes: it holds where the errors were', () => {
    const times = ['12:05', '12:20', '12:35', '12:50'];
    // errors only between 12:20 and 12:35
    const burst = snapshots(times, {
      'rest_client_requests_total{code="200"}': '0 3000 6000 9000',
      'rest_client_requests_total{code="503"}': '0 0 300 300',
    });
    const once = evaluateCondition(clientErrors, clientErrors.test.condition, burst);
    expect([once?.first, once?.last]).toEqual([2, 2]);
    expect(once?.basis).toEqual({ kind: 'window', from: 1, to: 2 });
    expect(once?.parts).toEqual({ part: 300, whole: 3300 });
    // errors from 12:20 on: first held at 12:35, still at 12:50
    const lasting = snapshots(times, {
      'rest_client_requests_total{code="200"}': '0 3000 6000 9000',
      'rest_client_requests_total{code="503"}': '0 0 300 600',
    });
    const still = evaluateCondition(clientErrors, clientErrors.test.condition, lasting);
    expect([still?.first, still?.last]).toEqual([2, 3]);
    expect(still?.basis).toEqual({ kind: 'window', from: 2, to: 3 });
  });
});

const select = (name: string) => ({ name, matchers: [] });

describe('increase, rate and value', () => {
  test('increase without a window spans the first to the last snapshot', () => {
    const c: MetricCondition = { aggregate: { kind: 'increase', select: select('get_token_fail_count') }, compare: '>', threshold: 0 };
    const t = snapshots(['12:05', '12:35'], { get_token_fail_count: '0 27' });
    expect(evaluateCondition(matcherOf(c), c, t)?.figure).toBe(27);
    expect(evaluateCondition(matcherOf(c), c, snapshots(['12:05', '12:35'], { get_token_fail_count: '3 3' }))).toBeUndefined();
  });

  test('rate divides by the span; with one snapshot, by the time since process_start_time_seconds', () => {
    const c: MetricCondition = { aggregate: { kind: 'rate', select: select('apiserver_flowcontrol_rejected_requests_total') }, compare: '>=', threshold: 0 };
    const two = snapshots(['10:00', '10:06'], { apiserver_flowcontrol_rejected_requests_total: '3030 3107' });
    expect(evaluateCondition(matcherOf(c), c, two)?.figure).toBeCloseTo(77 / 360, 12);
    const startedAt = (at('10:00').sec - 3600).toString();
    const one = snapshots(['10:00'], { apiserver_flowcontrol_rejected_requests_total: '720', process_start_time_seconds: startedAt });
    expect(evaluateCondition(matcherOf(c), c, one)?.figure).toBeCloseTo(720 / 3600, 12);
    const unknownStart = snapshots(['10:00'], { apiserver_flowcontrol_rejected_requests_total: '720' });
    expect(evaluateCondition(matcherOf(c), c, unknownStart)).toBeUndefined();
  });

  test('value: each series on its own; the most extreme holding value is the figure', () => {
    const c: MetricCondition = { aggregate: { kind: 'value', select: select('kubelet_certificate_manager_client_ttl_seconds') }, compare: '<=', threshold: 0 };
    const t = snapshots(['11:50', '12:00', '12:10'], { kubelet_certificate_manager_client_ttl_seconds: '1199 599 -1' }, 'gauge');
    const hit = evaluateCondition(matcherOf(c), c, t);
    expect(hit?.figure).toBe(-1);
    expect(hit?.basis).toEqual({ kind: 'state', from: 2, to: 2 });
    expect(evaluateCondition(matcherOf(c), c, snapshots(['12:00'], { kubelet_certificate_manager_client_ttl_seconds: '+Inf' }, 'gauge'))).toBeUndefined();
  });

  test('value with a window: the comparison must hold at consecutive snapshots that span it', () => {
    const c: MetricCondition = { aggregate: { kind: 'value', select: select('kubelet_node_config_error') }, compare: '==', threshold: 1, windowSec: 600 };
    const held = snapshots(['12:00', '12:05', '12:10', '12:15'], { kubelet_node_config_error: '0 1 1 1' }, 'gauge');
    expect(evaluateCondition(matcherOf(c), c, held)?.basis).toEqual({ kind: 'state', from: 1, to: 3 });
    const brief = snapshots(['12:00', '12:05', '12:10', '12:15'], { kubelet_node_config_error: '1 0 1 0' }, 'gauge');
    expect(evaluateCondition(matcherOf(c), c, brief)).toBeUndefined();
  });
});

describe('evaluateMetricMatchers', () => {
  test('one hit per matcher and target; non-metric matchers are skipped', () => {
    const c: MetricCondition = { aggregate: { kind: 'increase', select: select('get_token_fail_count') }, compare: '>', threshold: 0 };
    const log = { id: 'log', patternId: 'x', role: 'signal' as const, test: { kind: 'log' as const, message: /x/ } };
    const t = snapshots(['12:05', '12:35'], { get_token_fail_count: '0 27' });
    expect(evaluateMetricMatchers([log, matcherOf(c)], [t]).map((h) => [h.matcher.id, h.target.target.host, h.figure])).toEqual([['test-condition', 'node-a', 27]]);
  });
});

function at(hhmm: string) {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return { sec: Date.UTC(2024, 3, 1, h, m) / 1000, nsec: 0 };
}
