// Metric conditions through the whole pipeline (analyze), on the catalog's fixtures and on real
// scrapes: the figures the findings carry, their evidence, how snapshots are timed, and that a
// metric hit joins the log hits of the same entry and host as one incident.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { fixturesOf } from '../../../src/check-fixtures.js';
import { allMatchers, BUILTIN_PATTERNS, loadCatalog } from '../../../src/match/catalog.js';
import type { Diagnosis, FindingReport, MetricEvidenceReport } from '../../../src/diagnose/diagnosis.js';
import { jsonNumber } from '../../../src/diagnose/metric-evidence.js';
import { renderReport } from '../../../src/report/render.js';
import { tempDir, writeTarGz } from '../../support/archive.js';

const FIXTURES = 'patterns';
const run = (path: string): Promise<Diagnosis> => analyze({ inputs: [path], year: 2024 });
const finding = (d: Diagnosis, id: string): FindingReport | undefined => d.findings.find((f) => f.pattern === id);
const metricsOf = (d: Diagnosis, id: string): readonly MetricEvidenceReport[] => finding(d, id)?.metrics ?? [];

describe('kube-client-errors: the 1%/15-minute rule on four kubelet scrapes', () => {
  test('1.1%: a finding, with the samples and the figure as evidence', async () => {
    const d = await run(`${FIXTURES}/kube-client-errors/fixtures/positive/kubelet-5xx-share-1.1pct-over-15m`);
    const [m] = metricsOf(d, 'kube-client-errors');
    expect(m).toMatchObject({
      matcher: 'client-5xx-share',
      host: 'node-a',
      job: 'kubelet',
      instance: null,
      aggregate: 'ratio',
      figure: 0.011,
      compare: '>',
      threshold: 0.01,
      window: '15m',
      basis: 'window',
      lifetime: false,
      lifetimeReason: null,
      from: '2024-04-01T12:05:00Z',
      to: '2024-04-01T12:20:00Z',
      parts: { part: 33, whole: 3000 },
      resets: 0,
      omittedSeries: 0,
    });
    // the 5xx series first, with its value at each snapshot, where it is and how it was timed
    expect(m?.series[0]).toEqual({
      metric: 'rest_client_requests_total',
      labels: { code: '503', host: '10.0.0.10:6443', method: 'GET' },
      values: ['12-05', '12-10', '12-15', '12-20'].map((t, i) => ({
        file: `node-a/metrics/kubelet-metrics-2024-04-01T${t}-00Z.prom`,
        line: 11,
        time: `2024-04-01T${t.replace('-', ':')}:00Z`,
        timeSource: 'the file name',
        value: [2, 12, 25, 35][i],
      })),
    });
    expect(m?.series).toHaveLength(6);
    const f = finding(d, 'kube-client-errors');
    expect(f?.evidence.map((e) => [e.file, e.line, e.time, e.timeBasis])).toEqual([
      ['node-a/metrics/kubelet-metrics-2024-04-01T12-20-00Z.prom', 11, '2024-04-01T12:20:00Z', 'stated; snapshot time from the file name'],
    ]);
    expect(f?.evidence[0]?.text).toBe(
      'increase(rest_client_requests_total{code=~"5.."}) / increase(rest_client_requests_total) = 0.011 (33 of 3000, 1.1%) > 0.01 over 15m from 2024-04-01T12:05:00Z to 2024-04-01T12:20:00Z',
    );
    expect(d.inputs.map((i) => i.timeSource)).toEqual(Array(4).fill('stated from the file name'));
  });

  test('0.9%: no finding and no transient', async () => {
    const d = await run(`${FIXTURES}/kube-client-errors/fixtures/negative/kubelet-5xx-share-0.9pct-over-15m`);
    expect(d.findings).toEqual([]);
    expect(d.transients).toEqual([]);
  });

  test('a restart between scrapes: 65 of 1300 (5%), four counter resets counted from zero', async () => {
    const d = await run(`${FIXTURES}/kube-client-errors/fixtures/positive/controller-manager-restart-between-scrapes`);
    expect(metricsOf(d, 'kube-client-errors').map((m) => [m.job, m.figure, m.parts, m.resets, m.from, m.to])).toEqual([
      ['kube-controller-manager', 0.05, { part: 65, whole: 1300 }, 4, '2024-04-01T12:00:00Z', '2024-04-01T12:20:00Z'],
    ]);
  });

  test('one scheduler scrape: the lifetime share, and the finding says so', async () => {
    const d = await run(`${FIXTURES}/kube-client-errors/fixtures/positive/scheduler-one-scrape-lifetime-share`);
    const [m] = metricsOf(d, 'kube-client-errors');
    expect([m?.basis, m?.lifetime, m?.lifetimeReason, m?.parts]).toEqual(['lifetime', true, 'one-snapshot', { part: 272, whole: 9772 }]);
    expect(finding(d, 'kube-client-errors')?.evidence[0]?.text).toContain('a lifetime figure, not a recent rate');
    expect(renderReport(d, { format: 'text' })).toContain('; a lifetime figure, not a recent rate');
  });
});

describe('kubelet-token-request-failures: get_token_fail_count rising beside the journal\'s token errors', () => {
  test('is one incident on the node, not two, and cites both', async () => {
    const d = await run(`${FIXTURES}/kubelet-token-request-failures/fixtures/positive/gce-journal-and-metrics`);
    const f = finding(d, 'kubelet-token-request-failures');
    expect(f?.incidents.map((i) => [i.host, i.firstSeen, i.lastSeen])).toEqual([['gke-pool-1-7f3a', '2024-04-01T12:10:02.100812Z', '2024-04-01T12:35:00Z']]);
    expect(f?.evidence.map((e) => e.file.split('/').pop())).toContain('journalctl-u-kubelet.txt');
    expect(f?.evidence.map((e) => e.file.split('/').pop())).toContain('kubelet-metrics-2024-04-01T12-35-00Z.prom');
    expect(metricsOf(d, 'kubelet-token-request-failures').map((m) => [m.matcher, m.figure])).toEqual([
      ['alt-token-source-failures', 27],
      ['alt-token-source-failure-share', 27 / 31],
    ]);
    // the playbook's counter step is confirmed by the metric matchers
    expect(f?.playbook.find((s) => s.step.includes('failed token request counter'))?.status).toBe('confirmed');
  });
});

describe('real scrapes', () => {
  test('minikube v1.13 (netdata test data): kubelet_node_config_error 1 is a finding; its PLEG p99 (31 ms) and clean client counts are not', async () => {
    const d = await run(`${FIXTURES}/kubelet-config-invalid/fixtures/positive/minikube-v1.13-node-config-error`);
    expect(d.findings.map((f) => f.pattern)).toEqual(['kubelet-config-invalid']);
    const [m] = metricsOf(d, 'kubelet-config-invalid');
    expect([m?.matcher, m?.basis, m?.figure, m?.series[0]?.values[0]?.timeSource]).toEqual(['node-config-error', 'state', 1, 'the file mtime']);
    // undated: the snapshot is timed by the file's mtime, which the inventory and the evidence say
    expect(d.inputs[0]?.timeSource).toBe('none; snapshots timed by the file mtime');
    expect(finding(d, 'kubelet-config-invalid')?.evidence[0]?.timeBasis).toBe('inferred; snapshot time from the file mtime');
  });

  test('EKS v1.21 (DataDog test data): nothing holds', async () => {
    const d = await run(`${FIXTURES}/pleg-unhealthy/fixtures/negative/eks-v1.21-relists-fast`);
    expect(d.findings).toEqual([]);
  });
});

describe('snapshot times', () => {
  const scrape = (fails: number, header = ''): string =>
    `${header}# HELP get_token_fail_count [ALPHA] Counter of failed Token() requests to the alternate token source\n# TYPE get_token_fail_count counter\nget_token_fail_count ${fails}\n`;

  test('from a time comment, ordered by it whatever the file names say', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'node-a'), { recursive: true });
    writeFileSync(join(dir, 'node-a/kubelet-metrics-1.txt'), scrape(9, '# timestamp: 2024-04-01T12:30:00Z\n'));
    writeFileSync(join(dir, 'node-a/kubelet-metrics-2.txt'), scrape(4, '# timestamp: 2024-04-01T12:00:00Z\n'));
    const d = await run(dir);
    const [m] = metricsOf(d, 'kubelet-token-request-failures');
    expect([m?.figure, m?.from, m?.to, m?.series[0]?.values.map((v) => v.timeSource)]).toEqual([5, '2024-04-01T12:00:00Z', '2024-04-01T12:30:00Z', ['a time comment', 'a time comment']]);
    expect(d.inputs.map((i) => i.timeSource)).toEqual(['stated from a time comment', 'stated from a time comment']);
  });

  test('from sample timestamps', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'node-a'), { recursive: true });
    writeFileSync(join(dir, 'node-a/kubelet-metrics.txt'), `${scrape(4).replace(/ 4\n$/, ' 4 1711972800000\n')}`);
    writeFileSync(join(dir, 'node-a/kubelet-metrics.2.txt'), `${scrape(6).replace(/ 6\n$/, ' 6 1711974600000\n')}`);
    const [m] = metricsOf(await run(dir), 'kubelet-token-request-failures');
    expect([m?.figure, m?.from, m?.to, m?.series[0]?.values[0]?.timeSource]).toEqual([2, '2024-04-01T12:00:00Z', '2024-04-01T12:30:00Z', 'sample timestamps']);
  });

  test('from the archive entries\' mtimes when the files say nothing', async () => {
    const dir = tempDir();
    const tgz = await writeTarGz(dir, 'bundle.tar.gz', [
      { name: 'node-a/kubelet-metrics.1.txt', body: scrape(2), mtime: new Date('2024-04-01T12:40:00Z') },
      { name: 'node-a/kubelet-metrics.2.txt', body: scrape(1), mtime: new Date('2024-04-01T12:10:00Z') },
    ]);
    const d = await run(tgz);
    const [m] = metricsOf(d, 'kubelet-token-request-failures');
    expect([m?.figure, m?.from, m?.to, m?.series[0]?.values.map((v) => v.timeSource)]).toEqual([1, '2024-04-01T12:10:00Z', '2024-04-01T12:40:00Z', ["the archive entry's mtime", "the archive entry's mtime"]]);
    expect(d.inputs.map((i) => i.timeSource)).toEqual(["none; snapshots timed by the archive entry's mtime", "none; snapshots timed by the archive entry's mtime"]);
  });
});

describe('reports', () => {
  test('text and Markdown print the metric evidence briefly; JSON carries it in full, non-finite values as text', async () => {
    const d = await run(`${FIXTURES}/kubelet-certificate-expired/fixtures/positive/kubelet-client-ttl-runs-out`);
    const text = renderReport(d, { format: 'text' });
    expect(text).toContain('   metrics:\n     client-cert-ttl-expired on node-b [kubelet]: kubelet_certificate_manager_client_ttl_seconds = -1 <= 0\n');
    expect(text).toContain('       kubelet_certificate_manager_client_ttl_seconds: 1199 @2024-04-01T11:50:00Z, 599 @2024-04-01T12:00:00Z, -1 @2024-04-01T12:10:00Z');
    expect(renderReport(d, { format: 'markdown' })).toContain('### Metrics');
    const json = JSON.parse(renderReport(d, { format: 'json' })) as Diagnosis;
    expect(json.findings[0]?.metrics?.map((m) => m.matcher)).toEqual(['client-cert-ttl-expired', 'client-cert-ttl-below-one-day']);
    expect([jsonNumber(Infinity), jsonNumber(-Infinity), jsonNumber(NaN), jsonNumber(0.5)]).toEqual(['+Inf', '-Inf', 'NaN', 0.5]);
  });

  test('a finding without metric conditions has no metrics field', async () => {
    const d = await run(`${FIXTURES}/kube-client-errors/fixtures/positive/journal-kubelet-after-reboot-v1.11.log`);
    expect(finding(d, 'kube-client-errors')).toBeDefined();
    expect(finding(d, 'kube-client-errors')).not.toHaveProperty('metrics');
  });

  test('the same bundle gives the same bytes twice', async () => {
    const path = `${FIXTURES}/kube-client-errors/fixtures/positive/controller-manager-restart-between-scrapes`;
    expect(renderReport(await run(path), { format: 'json' })).toBe(renderReport(await run(path), { format: 'json' }));
    expect(readFileSync(join(path, 'control-plane-1/metrics/kube-controller-manager-metrics-2024-04-01T12-20-00Z.prom'), 'utf8')).toContain('process_start_time_seconds 1711973520');
  });
});

describe('no dead metric matcher: each holds on some positive fixture of its entry', () => {
  const catalog = loadCatalog(BUILTIN_PATTERNS());
  const withMetrics = catalog.patterns.filter((p) => allMatchers(p).some((m) => m.test.kind === 'metric'));
  test.each(withMetrics.map((p) => [p.id, p] as const))('%s', async (_id, p) => {
    const held = new Set<string>();
    for (const f of fixturesOf(p, 'positive')) for (const m of metricsOf(await analyze({ inputs: [f.path], catalog, year: 2024 }), p.id)) held.add(m.matcher);
    expect([...held].sort()).toEqual(allMatchers(p).filter((m) => m.test.kind === 'metric').map((m) => m.id).sort());
  });
});
