// samples/node-config-drift: three kubeadm workers that differ in cgroupDriver (node-b) and
// clusterDNS (node-c), node-a with swap on. analyze names the right node for each, the
// configuration joins the log incidents as their cause evidence, and the drift table shows
// exactly the keys that differ.
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Diagnosis } from '../../src/diagnose/diagnosis.js';
import { renderConfig } from '../../src/report/render-config.js';
import { renderReport } from '../../src/report/render.js';

let d: Diagnosis;
beforeAll(async () => {
  d = await analyze({ inputs: ['samples/node-config-drift'] });
}, 60_000);

describe('samples/node-config-drift', () => {
  test('each finding on its node, each a root cause', () => {
    expect(d.findings.map((f) => [f.pattern, f.hosts.join(','), f.rootCause])).toEqual([
      ['kubelet-cgroup-driver-mismatch', 'node-b', true],
      ['kubelet-swap-enabled', 'node-a', true],
      ['dns-config-invalid', 'node-c', true],
    ]);
  });

  test("the swap check and the kubelet's exit are one incident, the configuration its cause evidence", () => {
    const swap = d.findings.find((f) => f.pattern === 'kubelet-swap-enabled');
    expect(swap?.incidents).toHaveLength(1);
    const files = swap?.evidence.map((e) => `${e.file}:${e.line}`) ?? [];
    expect(files).toContain('node-a/proc/swaps:2');
    expect(files).toContain('node-a/journalctl-u-kubelet.txt:8');
    const step = swap?.playbook.find((s) => s.step.startsWith('Find which swap device'));
    expect(step?.status).toBe('confirmed');
  });

  test('configuration steps are confirmed or ruled out from the configuration', () => {
    const cg = d.findings.find((f) => f.pattern === 'kubelet-cgroup-driver-mismatch');
    const compare = cg?.playbook.find((s) => s.step.startsWith('Compare the two settings'));
    expect(compare?.status).toBe('confirmed');
    expect(compare?.evidence.map((e) => e.text.trim())).toEqual(['SystemdCgroup = true', 'cgroupDriver: cgroupfs']);
    const dns = d.findings.find((f) => f.pattern === 'dns-config-invalid');
    expect(dns?.playbook.find((s) => s.step.startsWith("Check the kubelet's resolvConf"))?.status).toBe('ruled-out');
    expect(dns?.playbook.find((s) => s.step.startsWith('Check clusterDNS and clusterDomain'))?.status).toBe('confirmed');
  });

  test('the checks that fire, and on which node', () => {
    expect((d.config?.checks ?? []).filter((c) => c.status === 'fired').map((c) => `${c.check}@${c.host}`)).toEqual([
      'swap-on-with-fail-swap-on@node-a',
      'cgroup-driver-mismatch@node-b',
      'cluster-dns-mismatch@node-c',
    ]);
  });

  test('the drift table shows exactly cgroupDriver and clusterDNS', () => {
    expect(d.drift).toEqual({
      nodes: ['node-a', 'node-b', 'node-c'],
      partial: [],
      keys: [
        {
          key: 'cgroupDriver',
          values: [
            { value: 'cgroupfs', nodes: ['node-b'], sources: ['node-b/var/lib/kubelet/config.yaml:15'] },
            { value: 'systemd', nodes: ['node-a', 'node-c'], sources: ['node-a/var/lib/kubelet/config.yaml:15', 'node-c/var/lib/kubelet/config.yaml:15'] },
          ],
        },
        {
          key: 'clusterDNS',
          values: [
            { value: '10.96.0.10', nodes: ['node-a', 'node-b'], sources: ['node-a/var/lib/kubelet/config.yaml:16', 'node-b/var/lib/kubelet/config.yaml:16'] },
            { value: '10.96.0.53', nodes: ['node-c'], sources: ['node-c/var/lib/kubelet/config.yaml:16'] },
          ],
        },
      ],
    });
  });

  test('each value says where it came from', () => {
    const a = d.config?.nodes.find((n) => n.host === 'node-a');
    expect(a?.kubeletVersion?.value).toBe('v1.28.4');
    const get = (k: string) => a?.settings.find((s) => s.key === k);
    expect(get('cgroupDriver')).toEqual({ key: 'cgroupDriver', value: 'systemd', origin: 'file', source: 'node-a/var/lib/kubelet/config.yaml:15' });
    expect(get('containerRuntimeEndpoint')).toMatchObject({ origin: 'flag', flag: '--container-runtime-endpoint', source: 'node-a/var/lib/kubelet/kubeadm-flags.env:1' });
    expect(get('failSwapOn')).toEqual({ key: 'failSwapOn', value: 'true', origin: 'default', source: null });
  });

  test('every output format carries the configuration and the drift', () => {
    expect(renderReport(d, { format: 'text' })).toMatch(/Drift between 3 nodes[\s\S]*cgroupDriver\s+cgroupfs on node-b \| systemd on node-a, node-c/);
    expect(renderReport(d, { format: 'markdown' })).toContain('| clusterDNS | 10.96.0.10 | 10.96.0.10 | 10.96.0.53 |');
    const json = JSON.parse(renderReport(d, { format: 'json' })) as Diagnosis;
    expect(json.drift?.keys.map((k) => k.key)).toEqual(['cgroupDriver', 'clusterDNS']);
    const full = renderConfig(d, { format: 'text' });
    expect(full).toContain('cgroupDriver                               = cgroupfs  [file node-b/var/lib/kubelet/config.yaml:15]');
    expect(full).not.toMatch(/BEGIN CERTIFICATE|LS0tLS1CRUdJT/);
  });
});
