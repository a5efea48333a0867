// `metric:` matchers as the loader takes them: checked against the schema, selectors parsed, the
// union on `aggregate` built, and every mistake named at its file:line:col.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CatalogError, loadCatalog } from '../../../src/match/catalog.js';
import { metricSampleNames } from '../../../src/match/metrics/compile.js';
import { tempDir } from '../../support/archive.js';

function entry(metric: string): string {
  return `id: test-entry
title: A test entry
source: catalog
severity: warning
summary: An entry written by the metric compile test.
signals:
  - id: the-condition
    metric:
${metric
  .trim()
  .split('\n')
  .map((l) => `      ${l.trim()}`)
  .join('\n')}
playbook:
  - step: Look at the metric.
    confirmedBy: [the-condition]
`;
}

function load(metric: string) {
  const dir = tempDir();
  mkdirSync(join(dir, 'test-entry'));
  writeFileSync(join(dir, 'test-entry', 'pattern.yaml'), entry(metric));
  return loadCatalog(dir);
}

function problems(metric: string): readonly string[] {
  try {
    load(metric);
  } catch (e) {
    if (e instanceof CatalogError) return e.problems.map((p) => p.replace(/^.*pattern\.yaml:/, 'pattern.yaml:'));
    throw e;
  }
  return [];
}

describe('compiling metric matchers', () => {
  test('a ratio compiles into its union member, window in seconds', () => {
    const c = load(`
      select: 'rest_client_requests_total{code=~"5.."}'
      of: rest_client_requests_total
      aggregate: ratio
      compare: '>'
      threshold: 0.01
      window: 15m`);
    const m = c.matchers[0];
    expect(m?.test.kind).toBe('metric');
    if (m?.test.kind !== 'metric') return;
    expect(m.test.condition).toMatchObject({ compare: '>', threshold: 0.01, windowSec: 900, aggregate: { kind: 'ratio', select: { name: 'rest_client_requests_total' }, of: { name: 'rest_client_requests_total', matchers: [] } } });
    expect([...metricSampleNames(c.matchers)]).toEqual(['rest_client_requests_total']);
  });

  test('the store keeps the names each aggregate reads: _bucket for a quantile, the process start for a rate', () => {
    const q = load(`
      select: kubelet_pleg_relist_duration_seconds
      aggregate: quantile
      quantile: 0.99
      compare: '>='
      threshold: 10`);
    expect([...metricSampleNames(q.matchers)]).toEqual(['kubelet_pleg_relist_duration_seconds_bucket']);
    const r = load(`
      select: apiserver_flowcontrol_rejected_requests_total
      aggregate: rate
      compare: '>'
      threshold: 1`);
    expect([...metricSampleNames(r.matchers)]).toEqual(['apiserver_flowcontrol_rejected_requests_total', 'process_start_time_seconds']);
  });

  test.each([
    [
      'a selector that does not parse, with the offset in it',
      `select: 'rest_client_requests_total{code=5}'
       aggregate: increase
       compare: '>'
       threshold: 0`,
      'pattern.yaml:9:15: matcher "the-condition": selector "rest_client_requests_total{code=5}" at offset 32: expected a quoted value',
    ],
    [
      'ratio without of (schema)',
      `select: get_token_fail_count
       aggregate: ratio
       compare: '>'
       threshold: 0.5`,
      'must have required property \'of\'',
    ],
    [
      'of without ratio (schema)',
      `select: get_token_fail_count
       of: get_token_count
       aggregate: increase
       compare: '>'
       threshold: 0`,
      'must NOT be valid',
    ],
    [
      'quantile without quantile (schema)',
      `select: kubelet_pleg_relist_duration_seconds
       aggregate: quantile
       compare: '>'
       threshold: 10`,
      'must have required property \'quantile\'',
    ],
    [
      'a quantile over one bucket',
      `select: 'kubelet_pleg_relist_duration_seconds{le="10"}'
       aggregate: quantile
       quantile: 0.99
       compare: '>'
       threshold: 10`,
      'a quantile selector must not match on "le"',
    ],
    [
      'an unknown comparison (schema)',
      `select: get_token_fail_count
       aggregate: increase
       compare: '=>'
       threshold: 0`,
      'must be equal to one of the allowed values',
    ],
  ])('rejects %s', (_name, metric, problem) => {
    expect(problems(metric).join('\n')).toContain(problem);
  });
});
