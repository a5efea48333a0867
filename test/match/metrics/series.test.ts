import { describe, expect, test } from 'vitest';
import { buildSeries } from '../../../src/match/metrics/series.js';
import { MetricStore, scrapeJob, type StoredSample } from '../../../src/match/metrics/store.js';
import type { ParsedRecord } from '../../../src/model/event.js';
import type { Stamp } from '../../../src/model/time.js';
import { at } from './notation.js';

const record = (name: string, value: number, labels: Record<string, string>, path: string, stamp: Stamp = { kind: 'none' }): ParsedRecord => ({
  kind: 'metric',
  metric: { name, type: 'counter', labels, value },
  stamp,
  severity: 'info',
  message: `${name} ${value}`,
  fields: { timeSource: stamp.kind === 'none' ? 'none' : 'file-name' },
  source: { path, line: 3 },
});
const fileName = (hhmm: string): Stamp => ({ kind: 'utc', at: at(hhmm), precision: 's' });
const timeOf = (s: StoredSample<number>) => (s.stamp.kind === 'utc' ? { time: { kind: 'stated' as const, at: s.stamp.at, precision: 's' as const }, source: 'file-name' as const } : undefined);

describe('MetricStore keeps only what conditions read', () => {
  test('samples of other names, and records of other kinds, are not kept', () => {
    const store = new MetricStore<number>(new Set(['get_token_fail_count']));
    expect(store.offer(record('get_token_fail_count', 1, {}, 'node-a/m.prom'), { host: 'Node-A.example.com', job: 'kubelet' }, 0)).toBe(true);
    expect(store.offer(record('go_goroutines', 1, {}, 'node-a/m.prom'), { host: 'node-a', job: 'kubelet' }, 0)).toBe(false);
    expect(store.samples().map((s) => [s.name, s.target])).toEqual([['get_token_fail_count', { host: 'node-a', job: 'kubelet', instance: '' }]]);
  });

  test('job and instance labels of a federated dump name the target', () => {
    const store = new MetricStore<number>(new Set(['up']));
    store.offer(record('up', 1, { job: 'apiserver', instance: '10.0.0.10:6443' }, 'cp-1/federate.txt'), { host: 'cp-1', job: 'federate' }, 0);
    store.offer(record('up', 1, { job: 'apiserver', instance: '10.0.0.11:6443' }, 'cp-1/federate.txt'), { host: 'cp-1', job: 'federate' }, 0);
    expect(store.samples().map((s) => s.target.instance)).toEqual(['10.0.0.10:6443', '10.0.0.11:6443']);
    expect(store.samples()[0]?.target.job).toBe('apiserver');
  });
});

describe('scrapeJob: snapshots of one process share a job', () => {
  test.each([
    ['node-a/metrics/kubelet-metrics-2024-04-01T12-05-00Z.prom', 'kubelet', 'kubelet'],
    ['cp-1/metrics/apiserver-metrics-2024-04-15T10-06-00Z.prom', undefined, 'apiserver-metrics'],
    ['cp-1/metrics-20240401T121341Z.txt', undefined, 'metrics'],
    ['cp-1/scrape_1711973621.prom', undefined, 'scrape'],
    ['cp-1/2024-04-01T12:00:00Z.prom', undefined, 'metrics'],
    ['cp-1/controller-manager.metrics', undefined, 'controller-manager'],
    ['cp-1/metrics-2.txt', undefined, 'metrics'],
    ['cp-1/scrape.003.prom', undefined, 'scrape'],
  ])('%s', (path, component, job) => {
    expect(scrapeJob(path, component)).toBe(job);
  });
});

describe('buildSeries', () => {
  const store = (): MetricStore<number> => new MetricStore<number>(new Set(['c']));

  test('snapshots are ordered by time, not by the order files were read in', () => {
    const s = store();
    s.offer(record('c', 30, {}, 'n/m-12-20.prom', fileName('12:20')), { host: 'n', job: 'kubelet' }, 2);
    s.offer(record('c', 10, {}, 'n/m-12-05.prom', fileName('12:05')), { host: 'n', job: 'kubelet' }, 0);
    s.offer(record('c', 20, {}, 'n/m-12-10.prom', fileName('12:10')), { host: 'n', job: 'kubelet' }, 1);
    const [t] = buildSeries(s.samples(), timeOf).targets;
    expect(t?.snapshots.map((x) => x.file)).toEqual(['n/m-12-05.prom', 'n/m-12-10.prom', 'n/m-12-20.prom']);
    expect(t?.series[0]?.points.map((p) => [p.snapshot, p.value])).toEqual([[0, 10], [1, 20], [2, 30]]);
  });

  test('one series per label set, whatever the label order; a scrape copied twice counts once', () => {
    const s = store();
    s.offer(record('c', 1, { a: '1', b: '2' }, 'n/x.prom', fileName('12:00')), { host: 'n', job: 'j' }, 0);
    s.offer(record('c', 1, { b: '2', a: '1' }, 'n/y.prom', fileName('12:00')), { host: 'n', job: 'j' }, 1);
    s.offer(record('c', 5, { a: '1', b: '2' }, 'n/z.prom', fileName('12:05')), { host: 'n', job: 'j' }, 2);
    const [t] = buildSeries(s.samples(), timeOf).targets;
    expect(t?.series).toHaveLength(1);
    expect(t?.series[0]?.points.map((p) => [p.snapshot, p.source.path])).toEqual([[0, 'n/x.prom'], [1, 'n/z.prom']]);
  });

  test('targets are kept apart by host and job', () => {
    const s = store();
    s.offer(record('c', 1, {}, 'a/k.prom', fileName('12:00')), { host: 'node-a', job: 'kubelet' }, 0);
    s.offer(record('c', 1, {}, 'b/k.prom', fileName('12:00')), { host: 'node-b', job: 'kubelet' }, 1);
    s.offer(record('c', 1, {}, 'b/p.prom', fileName('12:00')), { host: 'node-b', job: 'kube-proxy' }, 2);
    expect(buildSeries(s.samples(), timeOf).targets.map((t) => `${t.target.host}/${t.target.job}`)).toEqual(['node-a/kubelet', 'node-b/kube-proxy', 'node-b/kubelet']);
  });

  test('an undated scrape is one snapshot when it is its target\'s only file, and left out (reported) beside dated ones', () => {
    const alone = store();
    alone.offer(record('c', 7, {}, 'n/metrics.txt'), { host: 'n', job: 'kubelet' }, 0);
    const one = buildSeries(alone.samples(), timeOf);
    expect(one.targets[0]?.snapshots).toEqual([{ time: { kind: 'none' }, source: 'none', file: 'n/metrics.txt' }]);
    expect(one.undatedPaths).toEqual([]);
    const mixed = store();
    mixed.offer(record('c', 7, {}, 'n/metrics.txt'), { host: 'n', job: 'kubelet' }, 0);
    mixed.offer(record('c', 9, {}, 'n/m-12-05.prom', fileName('12:05')), { host: 'n', job: 'kubelet' }, 1);
    const set = buildSeries(mixed.samples(), timeOf);
    expect(set.targets[0]?.snapshots.map((x) => x.file)).toEqual(['n/m-12-05.prom']);
    expect(set.undatedPaths).toEqual(['n/metrics.txt']);
  });
});
