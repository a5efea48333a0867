import { readFileSync } from 'node:fs';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { describe, expect, test } from 'vitest';
import type { ParsedRecord } from '../../src/model/event.js';
import { Tally } from '../../src/model/tally.js';
import { civilToInstant } from '../../src/model/time.js';
import { promText, readCapped } from '../../src/parse/prom-text.js';
import { chunksOf, runStream } from '../support/run-stream.js';

const excerpt = (file: string) => readFileSync(`test/parse/excerpts/prom-text/${file}`);
const metric = (r: ParsedRecord | undefined) => (r?.kind === 'metric' ? r.metric : undefined);

describe('prom-text: the header example (seed 001: curl https://…:10250/metrics | head)', () => {
  test('one record per sample line, with its family type, the line as message and its line number', async () => {
    const { records, tally } = await runStream(promText, 'node-a/kubelet-metrics.txt', excerpt('seed-001-apiserver-head.txt'));
    expect(records.map((r) => [metric(r)?.name, metric(r)?.type, metric(r)?.value, metric(r)?.labels, r.source.line])).toEqual([
      ['apiserver_audit_event_total', 'counter', 0, {}, 3],
      ['apiserver_audit_requests_rejected_total', 'counter', 0, {}, 6],
      ['apiserver_client_certificate_expiration_seconds_bucket', 'histogram', 0, { le: '0' }, 9],
      ['apiserver_client_certificate_expiration_seconds_bucket', 'histogram', 0, { le: '1800' }, 10],
    ]);
    const [first, , bucket] = records;
    expect(first?.message).toBe('apiserver_audit_event_total 0');
    expect(first?.severity).toBe('info');
    expect(first?.stamp).toEqual({ kind: 'none' });
    expect(first?.fields).toEqual({ timeSource: 'none' });
    expect(bucket?.fields).toEqual({ timeSource: 'none', family: 'apiserver_client_certificate_expiration_seconds' });
    expect(first?.host).toBeUndefined();
    expect(tally.diagnosticList()).toEqual([]);
    expect(tally.skipCounts()).toEqual([]);
  });

  test('a time in the file name stamps every sample', async () => {
    const { records } = await runStream(promText, 'node-a/kubelet-metrics-2024-04-01T12-13-41Z.prom', excerpt('seed-001-apiserver-head.txt'));
    expect(new Set(records.map((r) => JSON.stringify([r.stamp, r.fields['timeSource']])))).toEqual(
      new Set([JSON.stringify([{ kind: 'utc', at: civilToInstant(2024, 4, 1, 44_021), precision: 's' }, 'file-name'])]),
    );
  });
});

describe('prom-text: a whole kubelet scrape (netdata/go.d.plugin modules/k8s_kubelet/testdata/metrics.txt)', () => {
  const text = excerpt('kubelet-metrics-netdata.txt');
  const sampleLines = text.toString('utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#')).length;

  test('every sample line is a record and nothing is skipped', async () => {
    const { records, tally } = await runStream(promText, 'node-a/metrics.txt', text, 4096);
    expect(records).toHaveLength(sampleLines);
    expect(tally.skipCounts()).toEqual([]);
    expect(tally.diagnosticList()).toEqual([]);
  });

  test('labelled summary series keep their own labels; _sum and _count carry the family type', async () => {
    const { records } = await runStream(promText, 'node-a/metrics.txt', text);
    const cgroup = records.filter((r) => metric(r)?.name.startsWith('kubelet_cgroup_manager_latency_microseconds'));
    expect(cgroup.map((r) => [metric(r)?.name, metric(r)?.labels, metric(r)?.type])).toEqual([
      ['kubelet_cgroup_manager_latency_microseconds', { operation_type: 'create', quantile: '0.5' }, 'summary'],
      ['kubelet_cgroup_manager_latency_microseconds', { operation_type: 'create', quantile: '0.9' }, 'summary'],
      ['kubelet_cgroup_manager_latency_microseconds', { operation_type: 'create', quantile: '0.99' }, 'summary'],
      ['kubelet_cgroup_manager_latency_microseconds_sum', { operation_type: 'create' }, 'summary'],
      ['kubelet_cgroup_manager_latency_microseconds_count', { operation_type: 'create' }, 'summary'],
      ['kubelet_cgroup_manager_latency_microseconds', { operation_type: 'update', quantile: '0.5' }, 'summary'],
      ['kubelet_cgroup_manager_latency_microseconds', { operation_type: 'update', quantile: '0.9' }, 'summary'],
      ['kubelet_cgroup_manager_latency_microseconds', { operation_type: 'update', quantile: '0.99' }, 'summary'],
      ['kubelet_cgroup_manager_latency_microseconds_sum', { operation_type: 'update' }, 'summary'],
      ['kubelet_cgroup_manager_latency_microseconds_count', { operation_type: 'update' }, 'summary'],
    ]);
    expect(Number.isNaN(metric(cgroup[0])?.value)).toBe(true);
    expect(metric(cgroup[3])?.value).toBe(96_365);
  });

  test('the Token() counters of seed 000 are there', async () => {
    const { records } = await runStream(promText, 'node-a/metrics.txt', text);
    expect(records.filter((r) => /^get_token_(fail_)?count$/.test(metric(r)?.name ?? '')).map((r) => [r.message, metric(r)?.type])).toEqual([
      ['get_token_count 0', 'counter'],
      ['get_token_fail_count 0', 'counter'],
    ]);
  });

  test('why samples are read per line: the library folds labelled histogram series into one bucket map', () => {
    const scrape = '# TYPE h histogram\nh_bucket{verb="GET",le="1"} 1\nh_bucket{verb="GET",le="+Inf"} 2\nh_sum{verb="GET"} 3\nh_count{verb="GET"} 2\nh_bucket{verb="PUT",le="1"} 5\nh_bucket{verb="PUT",le="+Inf"} 6\nh_sum{verb="PUT"} 7\nh_count{verb="PUT"} 6\n';
    expect(parsePrometheusTextFormat(scrape)).toEqual([{ name: 'h', help: '', type: 'HISTOGRAM', metrics: [{ buckets: { 1: '5', '+Inf': '6' } }] }]);
  });

  test('the same histogram read by prom-text keeps all eight samples', async () => {
    const scrape = '# TYPE h histogram\nh_bucket{verb="GET",le="1"} 1\nh_bucket{verb="GET",le="+Inf"} 2\nh_sum{verb="GET"} 3\nh_count{verb="GET"} 2\nh_bucket{verb="PUT",le="1"} 5\nh_bucket{verb="PUT",le="+Inf"} 6\nh_sum{verb="PUT"} 7\nh_count{verb="PUT"} 6\n';
    const { records } = await runStream(promText, 'm.txt', scrape);
    expect(records.map((r) => [metric(r)?.labels['verb'], metric(r)?.value, metric(r)?.type])).toEqual([
      ['GET', 1, 'histogram'], ['GET', 2, 'histogram'], ['GET', 3, 'histogram'], ['GET', 2, 'histogram'],
      ['PUT', 5, 'histogram'], ['PUT', 6, 'histogram'], ['PUT', 7, 'histogram'], ['PUT', 6, 'histogram'],
    ]);
  });
});

describe('prom-text: time', () => {
  test('a sample timestamp (ms since the epoch) wins over every other time', async () => {
    const { records } = await runStream(promText, 'metrics-20200101T000000Z.txt', '# timestamp: 2021-01-01T00:00:00Z\nhttp_requests_total{code="200"} 1027 1711973621801\nup 1\n');
    expect(records.map((r) => [r.stamp, r.fields['timeSource']])).toEqual([
      [{ kind: 'utc', at: { sec: 1_711_973_621, nsec: 801_000_000 }, precision: 'ms' }, 'sample-timestamp'],
      [{ kind: 'utc', at: civilToInstant(2021, 1, 1, 0), precision: 's' }, 'comment'],
    ]);
  });

  test('a time comment counts only above the first sample', async () => {
    const { records } = await runStream(promText, 'metrics.txt', 'up 1\n# timestamp: 2021-01-01T00:00:00Z\nup 2\n');
    expect(records.map((r) => r.fields['timeSource'])).toEqual(['none', 'none']);
  });
});

describe('prom-text: bad input is counted or reported, never thrown', () => {
  test('a line the library refuses is reported with its line; types come from the TYPE lines; the rest is read', async () => {
    const scrape = '# TYPE a counter\na 1\nfoo{a=b} 1\n# TYPE b gauge\nb 2';
    const { records, tally } = await runStream(promText, 'node-a/metrics.txt', scrape);
    expect(records.map((r) => [metric(r)?.name, metric(r)?.type])).toEqual([['a', 'counter'], ['b', 'gauge']]);
    expect(tally.diagnosticList()).toEqual([
      { path: 'node-a/metrics.txt', line: 3, severity: 'warning', message: 'parse-prometheus-text-format: Encountered invalid line: foo{a=b} 1; types read from the TYPE lines' },
    ]);
    expect(tally.skipCounts()).toEqual([{ path: 'node-a/metrics.txt', format: 'prom-text', reason: 'malformed labels', intentional: false, count: 1, firstLines: [3] }]);
  });

  test('an empty HELP (`# HELP name ` as expfmt writes it) is valid and reports nothing (found by the round-trip property)', async () => {
    const { records, tally } = await runStream(promText, 'm.txt', '# HELP a_m0 \n# TYPE a_m0 counter\na_m0 1\n');
    expect(records.map((r) => metric(r)?.type)).toEqual(['counter']);
    expect(tally.diagnosticList()).toEqual([]);
  });

  test('a family that starts on a last line without a newline keeps its type', async () => {
    const { records } = await runStream(promText, 'm.txt', '# TYPE a counter\na 1\n# TYPE b gauge\nb 2');
    expect(records.map((r) => metric(r)?.type)).toEqual(['counter', 'gauge']);
  });

  test('CRLF line ends, an empty file, broken UTF-8', async () => {
    expect((await runStream(promText, 'm.txt', '# TYPE a gauge\r\na 1\r\n')).records.map((r) => [r.message, metric(r)?.type])).toEqual([['a 1', 'gauge']]);
    expect((await runStream(promText, 'm.txt', '')).records).toEqual([]);
    const broken = Buffer.concat([Buffer.from('a{x="'), Buffer.from([0xff, 0xc3]), Buffer.from('"} 1\n')]);
    expect((await runStream(promText, 'm.txt', broken, 3)).records.map((r) => metric(r)?.labels['x'])).toEqual(['\uFFFD\uFFFD']);
  });

  test('over the byte cap: the whole lines before it are read and the cut is reported', async () => {
    const tally = new Tally();
    const text = await readCapped(chunksOf('a 1\nbb 2\nccc 3\n', 5), 'm.txt', tally, 10);
    expect(text).toBe('a 1\nbb 2\n');
    expect(tally.diagnosticList()).toEqual([{ path: 'm.txt', severity: 'warning', message: 'larger than 10 bytes; read the first 10 only' }]);
  });

  test('a failing byte source is reported', async () => {
    const tally = new Tally();
    async function* broken(): AsyncGenerator<Buffer> {
      yield Buffer.from('a 1\n');
      throw new Error('EIO: i/o error');
    }
    const out = [];
    for await (const r of promText.parse(broken(), 'm.txt', tally)) out.push(r);
    expect(out).toEqual([]);
    expect(tally.diagnosticList()).toMatchObject([{ severity: 'error', message: expect.stringContaining('EIO') }]);
  });
});
