// Bundles as users upload them: each accepted layout, a multi-node bundle with three different
// problems, and a hostile set. Each gives its clear message and the rest is still analyzed.
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { analyze } from '../src/analyze.js';
import type { Diagnosis } from '../src/diagnose/diagnosis.js';
import { renderReport } from '../src/report/render.js';
import { tarBuffer, tempDir, writeTar, writeTarGz, writeZip, type Entry } from './support/archive.js';

/** klog lines as a kubelet writes them to a file: no host in the line, so the layout must say. */
const klog = (lines: string[], from = 0): string =>
  lines.map((m, i) => `E0401 12:${String(13 + from + i).padStart(2, '0')}:41.801997    2211 ${m}`).join('\n') + '\n';
const CSR = klog(Array(3).fill('certificate_manager.go:562] "Unhandled Error" err="kubernetes.io/kube-apiserver-client-kubelet: Failed while requesting a signed certificate from the control plane: cannot create certificate signing request: certificatesigningrequests.certificates.k8s.io is forbidden: User \\"system:bootstrap:9x2kqd\\" cannot create resource \\"certificatesigningrequests\\" in API group \\"certificates.k8s.io\\" at the cluster scope" logger="UnhandledError"'));
const SWAP = klog(Array(3).fill('run.go:72] "command failed" err="failed to run Kubelet: running with swap on is not supported, please disable swap or set --fail-swap-on flag to false"'));
const DNS = klog(Array(4).fill('dns.go:156] "Nameserver limits exceeded" err="Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.0.0.2 10.0.0.3 10.0.0.4"'));

const hostsOf = (d: Diagnosis, pattern: string): readonly string[] | undefined => d.findings.find((f) => f.pattern === pattern)?.hosts;
const problems = (d: Diagnosis): string => d.diagnostics.map((x) => `${x.path}: ${x.message}`).join('\n');

describe('accepted layouts: the host comes from where the file sits', () => {
  test.each([
    ['kubeadm-style node dump', 'node-a/var/log/kubelet.log'],
    ['flat folder of node dumps', 'node-a/kubelet.log'],
    ['troubleshoot support bundle', 'support-bundle-2024-04-01T12_30_00/host-collectors/hosts/node-a/kubelet.log'],
    ['sosreport', 'sosreport-node-a-0123456-2024-04-01-qwerty/var/log/kubelet.log'],
    ['must-gather', 'must-gather.local.4242/quay-io-openshift-release-dev-sha256-abc/nodes/node-a/node-a_kubelet.log'],
  ])('%s (%s)', async (_name, path) => {
    const bundle = await writeTarGz(tempDir(), 'bundle.tar.gz', [{ name: path, body: CSR }]);
    const d = await analyze({ inputs: [bundle], year: 2024 });
    expect(hostsOf(d, 'kubelet-csr-forbidden')).toEqual(['node-a']);
  });
});

test('a multi-node bundle: three nodes, three problems, each on its node', async () => {
  const bundle = await writeTarGz(tempDir(), 'cluster.tar.gz', [
    { name: 'nodes/node-a/kubelet.log', body: CSR },
    { name: 'nodes/node-b/kubelet.log', body: SWAP },
    { name: 'nodes/node-c/kubelet.log', body: DNS },
  ]);
  const d = await analyze({ inputs: [bundle], year: 2024 });
  expect(hostsOf(d, 'kubelet-csr-forbidden')).toEqual(['node-a']);
  expect(hostsOf(d, 'kubelet-swap-enabled')).toEqual(['node-b']);
  expect(hostsOf(d, 'dns-config-invalid')).toEqual(['node-c']);
  expect(d.stats.hosts).toEqual(expect.arrayContaining(['node-a', 'node-b', 'node-c']));
});

describe('a hostile set: each problem named, the rest analyzed', () => {
  test('traversal, a link out, a binary blob named kubelet.log and a nested gzip bomb', async () => {
    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024, 'a'));
    const entries: Entry[] = [
      { name: '../../etc/cron.d/evil', body: 'x\n' },
      { name: 'node-b/passwd', symlinkTo: '/etc/passwd' },
      { name: 'node-b/kubelet.log', body: CSR },
      { name: 'node-c/kubelet.log', body: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0]) },
      { name: 'node-d/huge.log.gz', body: bomb },
    ];
    const d = await analyze({ inputs: [await writeTarGz(tempDir(), 'hostile.tar.gz', entries)], year: 2024 });
    expect(hostsOf(d, 'kubelet-csr-forbidden')).toEqual(['node-b']);
    const p = problems(d);
    expect(p).toMatch(/hostile\.tar\.gz\/\.\.\/\.\.\/etc\/cron\.d\/evil: entry path escapes the bundle/);
    expect(p).toMatch(/node-b\/passwd: symbolic link not followed/);
    expect(p).toMatch(/node-c\/kubelet\.log: binary content/);
    expect(p).toMatch(/node-d\/huge\.log: decompression ratio passed 200:1/);
  });

  test('a truncated tar.gz gives the findings of what was readable and names the problem', async () => {
    const whole = gzipSync(await tarBuffer([{ name: 'node-a/kubelet.log', body: CSR }, { name: 'node-a/big.log', body: randomBytes(300_000).toString('base64') }]));
    const dir = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${dir}/cut.tar.gz`, whole.subarray(0, whole.length - 100_000));
    const d = await analyze({ inputs: [`${dir}/cut.tar.gz`], year: 2024 });
    expect(hostsOf(d, 'kubelet-csr-forbidden')).toEqual(['node-a']);
    expect(problems(d)).toMatch(/truncated/);
  });

  test('a zip with absolute paths: the entries are skipped, the rest analyzed', async () => {
    const zip = await writeZip(tempDir(), 'b.zip', [{ name: '/etc/shadow', body: 'x\n' }, { name: 'node-a/kubelet.log', body: CSR }]);
    const d = await analyze({ inputs: [zip], year: 2024 });
    expect(hostsOf(d, 'kubelet-csr-forbidden')).toEqual(['node-a']);
    expect(problems(d)).toMatch(/\/etc\/shadow: entry path escapes the bundle/);
  });

  test('nothing is written next to the input, and secrets in evidence are masked in every format', async () => {
    const dir = tempDir();
    const secretLine = 'certificate_manager.go:562] Failed while requesting a signed certificate from the control plane: cannot create certificate signing request: certificatesigningrequests.certificates.k8s.io is forbidden: User "system:bootstrap:9x2kqd" cannot create resource; bootstrap token 9x2kqd.0123456789abcdef Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const tar = await writeTar(dir, 'b.tar', [{ name: 'node-a/kubelet.log', body: klog([secretLine, secretLine, secretLine]) }]);
    const { readdirSync } = await import('node:fs');
    const before = readdirSync(dir);
    const d = await analyze({ inputs: [tar], year: 2024 });
    expect(readdirSync(dir)).toEqual(before);
    for (const format of ['text', 'json', 'markdown'] as const) {
      const out = renderReport(d, { format });
      expect(out).toContain('kubelet-csr-forbidden');
      expect(out).not.toContain('0123456789abcdef');
      expect(out).not.toContain('eyJzdWIiOiJ4In0');
      expect(out).toContain('9x2kqd.<redacted>');
    }
  });
});
