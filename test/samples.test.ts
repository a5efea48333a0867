// The sample bundles in samples/ and the diagnosis each must produce: which entries are found, in
// which order, root cause or symptom, on which hosts, active or resolved, and which known
// transients stay transients. Each sample's JSON report is kept in test/golden/<name>.json so that
// any change of a report shows in review; after reading a changed report, accept it with
// `npx vitest run test/samples.test.ts -u`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../src/analyze.js';
import type { Diagnosis, FindingReport } from '../src/diagnose/diagnosis.js';
import { renderReport, type ReportFormat } from '../src/report/render.js';

const SAMPLES = fileURLToPath(new URL('../samples/', import.meta.url));
const FORMATS: readonly ReportFormat[] = ['text', 'json', 'markdown'];

interface ExpectedFinding {
  readonly pattern: string;
  readonly rootCause: boolean;
  readonly status: 'active' | 'resolved';
  readonly hosts: readonly string[];
  /** For a symptom, the causes it is linked to, as `pattern@host`. */
  readonly causedBy?: readonly string[];
}

interface Sample {
  readonly name: string;
  /** Every finding, in rank order. */
  readonly findings: readonly ExpectedFinding[];
  /** Every transient, as `pattern@host`. */
  readonly transients: readonly string[];
  /** Entries that must not become findings here. */
  readonly absent: readonly string[];
  /** Files the tool cannot read line by line yet, with why (each is a report for the lead, not a sample error). */
  readonly unreadable?: Readonly<Record<string, string>>;
}

const SAMPLE_LIST: readonly Sample[] = [
  {
    // seed 001: the bootstrap token of node-b is valid, its group may not create CSRs.
    name: 'csr-forbidden',
    findings: [
      // The audit log's refusals name node-b through the bootstrap token's per-node group.
      { pattern: 'kubelet-csr-forbidden', rootCause: true, status: 'active', hosts: ['node-b'] },
      { pattern: 'kubelet-node-registration-failed', rootCause: false, status: 'active', hosts: ['node-b'], causedBy: ['kubelet-csr-forbidden@node-b'] },
    ],
    transients: [
      'kube-client-errors@node-b',
      'kubelet-node-registration-failed@node-a',
      'pleg-unhealthy@node-a',
      'pleg-unhealthy@node-b',
    ],
    absent: ['kubelet-bootstrap-token-invalid', 'kubelet-csr-unauthorized', 'kubelet-server-csr-pending', 'pleg-unhealthy', 'apiserver-unreachable'],
  },
  {
    // seed 000: TokenRequests of node-a's kubelet fail (service account gone, then bound to a deleted pod).
    name: 'token-request-failures',
    findings: [{ pattern: 'kubelet-token-request-failures', rootCause: true, status: 'active', hosts: ['node-a'] }],
    transients: [],
    absent: ['apiserver-unreachable', 'stale-serviceaccount-token', 'kube-client-errors'],
  },
  {
    // seed 002: node-c loses its path to the API server; node-b shows two known transients.
    name: 'node-not-ready',
    findings: [
      { pattern: 'apiserver-unreachable', rootCause: true, status: 'active', hosts: ['node-c'] },
      { pattern: 'node-stopped-posting-status', rootCause: false, status: 'active', hosts: ['node-c'], causedBy: ['apiserver-unreachable@node-c'] },
      { pattern: 'kube-client-errors', rootCause: false, status: 'active', hosts: ['node-c'], causedBy: ['apiserver-unreachable@node-c'] },
    ],
    transients: ['apiserver-unreachable@control-plane-1', 'apiserver-unreachable@node-b', 'pleg-unhealthy@node-b'],
    absent: ['pleg-unhealthy', 'node-rebooted', 'container-runtime-unavailable'],
  },
  {
    // seed 003: API Priority and Fairness answers 429; the control plane's clients fail and throttle.
    name: 'kube-client-errors',
    findings: [
      { pattern: 'apiserver-rate-limited', rootCause: true, status: 'active', hosts: ['control-plane-1', 'node-b'] },
      { pattern: 'kube-client-errors', rootCause: false, status: 'active', hosts: ['control-plane-1'], causedBy: ['apiserver-rate-limited@control-plane-1'] },
      { pattern: 'client-side-throttling', rootCause: false, status: 'active', hosts: ['control-plane-1'], causedBy: ['apiserver-rate-limited@control-plane-1'] },
    ],
    transients: [],
    absent: ['apiserver-unreachable', 'stale-serviceaccount-token', 'client-certificate-expired'],
  },
  {
    // seed 004: three workers, three start-up problems, each on its own node.
    name: 'kubelet-startup',
    findings: [
      { pattern: 'kubelet-x509-unknown-authority', rootCause: true, status: 'active', hosts: ['node-b'] },
      { pattern: 'kubelet-config-invalid', rootCause: true, status: 'active', hosts: ['node-a'] },
      { pattern: 'dns-config-invalid', rootCause: true, status: 'active', hosts: ['node-c'] },
      { pattern: 'kubelet-node-registration-failed', rootCause: false, status: 'active', hosts: ['node-b'], causedBy: ['kubelet-x509-unknown-authority@node-b'] },
    ],
    transients: ['cni-not-ready@node-c', 'kube-client-errors@node-b', 'pleg-unhealthy@node-b', 'pleg-unhealthy@node-c'],
    absent: ['cni-not-ready', 'pleg-unhealthy', 'apiserver-unreachable'],
  },
];

/** The fake service account token planted in the exporter's log of kube-client-errors. */
const EXPORTER_LOG = 'kube-client-errors/node-b/var/log/pods/reporting_kube-state-exporter-6d8f7b9c5-x2kqp_5c2e8a1f-7b3d-4e69-a0c4-d81f2b6e9a37/kube-state-exporter/0.log';

function plantedToken(): string {
  const m = /Authorization:\[Bearer (eyJ[\w.-]+)\]/.exec(readFileSync(join(SAMPLES, EXPORTER_LOG), 'utf8'));
  if (m === null || m[1] === undefined) throw new Error(`no bearer token in ${EXPORTER_LOG}`);
  return m[1];
}

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

const finding = (d: Diagnosis, pattern: string): FindingReport => {
  const f = d.findings.find((x) => x.pattern === pattern);
  if (f === undefined) throw new Error(`no finding ${pattern}; found ${d.findings.map((x) => x.pattern).join(', ')}`);
  return f;
};

describe.each(SAMPLE_LIST.map((s) => [s.name, s] as const))('samples/%s', (name, sample) => {
  const dir = join(SAMPLES, name);
  let d: Diagnosis;
  beforeAll(async () => {
    d = await analyze({ inputs: [dir] });
  });

  test('is a small bundle with a README', () => {
    const files = filesOf(dir);
    expect(files.map((f) => f.slice(dir.length + 1))).toContain('README.md');
    expect(files.reduce((n, f) => n + statSync(f).size, 0)).toBeLessThan(200_000);
  });

  test('every file is read, every line is understood', () => {
    expect(d.diagnostics).toEqual([]);
    expect(d.inputs.every((i) => i.format !== 'binary' && i.format !== 'unreadable')).toBe(true);
    const known = Object.keys(sample.unreadable ?? {});
    const skippedIn = [...new Set(d.skipped.filter((s) => !s.intentional).map((s) => s.path))];
    for (const path of skippedIn) expect(known, `unparsed lines in ${path}`).toContain(path);
  });

  test('finds the expected entries, ranked', () => {
    expect(d.findings.map((f) => f.pattern)).toEqual(sample.findings.map((f) => f.pattern));
    expect(d.findings.map((f) => f.rank)).toEqual(sample.findings.map((_, i) => i + 1));
    expect(d.findings[0]?.rootCause).toBe(true);
  });

  test.each(sample.findings.map((f) => [f.pattern, f] as const))('%s: root cause or symptom, status, hosts', (pattern, want) => {
    const f = finding(d, pattern);
    expect({ rootCause: f.rootCause, status: f.status, hosts: f.hosts }).toEqual({ rootCause: want.rootCause, status: want.status, hosts: want.hosts });
    expect(f.causedBy.map((l) => `${l.pattern}@${l.host}`)).toEqual(want.causedBy ?? []);
    // every incident is timed, and a symptom starts after its cause
    for (const i of f.incidents) expect(i.firstSeen).not.toBeNull();
    for (const l of f.causedBy) expect(l.lagSec).toBeGreaterThanOrEqual(0);
  });

  test('known transients stay transients', () => {
    expect(d.transients.map((t) => `${t.pattern}@${t.host}`).sort()).toEqual([...sample.transients].sort());
    const found = new Set(d.findings.map((f) => f.pattern));
    for (const p of sample.absent) expect(found.has(p), `${p} must not be a finding`).toBe(false);
  });

  test('reports the same bytes on a second run', async () => {
    const again = await analyze({ inputs: [dir] });
    expect(renderReport(again, { format: 'json' })).toBe(renderReport(d, { format: 'json' }));
  });

  test('the planted secret never leaves the tool', () => {
    const token = plantedToken();
    const [header = '', payload = '', signature = ''] = token.split('.');
    for (const format of FORMATS) {
      const out = renderReport(d, { format });
      for (const part of [token, header, payload, signature]) expect(out, `${format} report`).not.toContain(part);
    }
  });

  test('JSON report matches test/golden', async () => {
    await expect(renderReport(d, { format: 'json' })).toMatchFileSnapshot(`./golden/${name}.json`);
  });
});

describe('the planted secret', () => {
  test('is in the kube-client-errors bundle and is cited, redacted, as evidence', async () => {
    const token = plantedToken();
    expect(token.split('.')).toHaveLength(3);
    const d = await analyze({ inputs: [join(SAMPLES, 'kube-client-errors')] });
    const rateLimited = finding(d, 'apiserver-rate-limited');
    expect(rateLimited.evidence.some((e) => e.file.endsWith('kube-state-exporter/0.log') && e.text.includes(token))).toBe(true);
    const json = JSON.parse(renderReport(d, { format: 'json' })) as { redactions: number; findings: FindingReport[] };
    expect(json.redactions).toBeGreaterThan(0);
    const cited = json.findings.flatMap((f) => f.evidence).filter((e) => e.file.endsWith('kube-state-exporter/0.log'));
    expect(cited.length).toBeGreaterThan(0);
    for (const e of cited) expect(e.text).toContain('Authorization:[Bearer <redacted');
  });
});
