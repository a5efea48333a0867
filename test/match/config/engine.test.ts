// The configuration engine's parts on small cases: systemd's command line, three-valued checks,
// the kubelet's start-up log lines, drift, and how a fired check joins an incident.
import { describe, expect, test } from 'vitest';
import type { Setting, Sourced, UnitFile } from '../../../src/model/config.js';
import type { ParsedRecord } from '../../../src/model/event.js';
import { evaluate, type Condition } from '../../../src/match/config/check.js';
import { commandLine, parseFlags } from '../../../src/match/config/command-line.js';
import { drift } from '../../../src/match/config/drift.js';
import type { Fact } from '../../../src/match/config/facts.js';
import { KubeletLogCollector } from '../../../src/match/config/kubelet-log.js';
import { nodePathMatches } from '../../../src/match/config/node-path.js';
import { nodeConfigs, type FragmentAt } from '../../../src/match/config/nodes.js';
import { readEnvFile } from '../../../src/parse/config/env-file.js';
import { BUILTIN_PATTERNS, loadCatalog } from '../../../src/match/catalog.js';
import type { Cited, MatchResult } from '../../../src/match/incidents.js';
import { joinCheckHits } from '../../../src/match/config/join.js';
import { readKubeletConfig } from '../../../src/parse/config/kubelet-config.js';
import { readSystemdUnit } from '../../../src/parse/config/systemd-unit.js';

function unit(path: string, text: string): { bundlePath: string; file: UnitFile } {
  const f = readSystemdUnit(text, path).fragment;
  if (f?.kind !== 'systemd-unit' || f.files[0] === undefined) throw new Error('not a unit');
  return { bundlePath: path, file: f.files[0] };
}
function env(path: string, text: string): { bundlePath: string; vars: readonly Setting[] } {
  const f = readEnvFile(text, path).fragment;
  if (f?.kind !== 'env-file') throw new Error('not an env file');
  return { bundlePath: path, vars: f.vars };
}
const w = (value: string, line = 1): Sourced<string> => ({ value, source: { path: 'u', line }, text: value });

describe('command line', () => {
  test('drop-ins after the unit, ExecStart= clears, EnvironmentFile= overrides Environment=, $VAR splits', () => {
    const cl = commandLine(
      [
        unit('n/lib/systemd/system/kubelet.service', '[Service]\nExecStart=/usr/bin/kubelet --v=9\n'),
        unit('n/etc/systemd/system/kubelet.service.d/20-extra.conf', '[Service]\nEnvironment="KUBELET_EXTRA_ARGS=--max-pods=50 --v=4"\n'),
        unit('n/etc/systemd/system/kubelet.service.d/10-kubeadm.conf', '[Service]\nEnvironment="KUBELET_KUBEADM_ARGS=--cgroup-driver=cgroupfs"\nEnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env\nEnvironmentFile=-/etc/default/kubelet\nExecStart=\nExecStart=/usr/bin/kubelet $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS ${KUBELET_NAME}\n'),
      ],
      [env('n/var/lib/kubelet/kubeadm-flags.env', 'KUBELET_KUBEADM_ARGS="--cgroup-driver=systemd --node-ip=10.0.1.5"\n')],
      nodePathMatches,
    );
    expect(cl?.binary.value).toBe('/usr/bin/kubelet');
    expect(cl?.flags.map((f) => `${f.name}=${f.value}@${f.source.path}:${f.source.line}`)).toEqual([
      'cgroup-driver=systemd@n/var/lib/kubelet/kubeadm-flags.env:1',
      'node-ip=10.0.1.5@n/var/lib/kubelet/kubeadm-flags.env:1',
      'max-pods=50@n/etc/systemd/system/kubelet.service.d/20-extra.conf:2',
      'v=4@n/etc/systemd/system/kubelet.service.d/20-extra.conf:2',
    ]);
    expect(cl?.missingEnvFiles).toEqual(['/etc/default/kubelet']);
  });

  test('a drop-in in /etc hides the same name in /usr/lib', () => {
    const cl = commandLine(
      [
        unit('n/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf', '[Service]\nExecStart=\nExecStart=/usr/bin/kubelet --cgroup-driver=cgroupfs\n'),
        unit('n/etc/systemd/system/kubelet.service.d/10-kubeadm.conf', '[Service]\nExecStart=\nExecStart=/usr/bin/kubelet --cgroup-driver=systemd\n'),
      ],
      [],
      nodePathMatches,
    );
    expect(cl?.flags.map((f) => f.value)).toEqual(['systemd']);
  });

  test('pflag: --name value, bare bools, a later flag repeats', () => {
    expect(parseFlags([w('--kubeconfig'), w('/etc/kubernetes/kubelet.conf'), w('--fail-swap-on'), w('--v=2')]).map((f) => [f.name, f.value])).toEqual([
      ['kubeconfig', '/etc/kubernetes/kubelet.conf'],
      ['fail-swap-on', 'true'],
      ['v', '2'],
    ]);
  });
});

describe('check evaluation is three-valued', () => {
  const fact = (value: Fact['value']): Fact => ({ value, cites: [{ source: { path: 'f', line: 1 }, text: String(value), component: 'kubelet' }] });
  const facts = new Map<string, Fact>([['kubelet.failSwapOn', fact(true)], ['swap.active', fact(false)], ['kubelet.clusterDNS', fact(['10.96.0.10'])], ['cluster.dnsIP', fact('10.96.0.10')]]);
  const all = (...of: Condition[]): Condition => ({ kind: 'all', of });
  test('a false part decides all, an unknown one leaves it open', () => {
    expect(evaluate(all({ kind: 'is', fact: 'kubelet.failSwapOn', value: true }, { kind: 'is', fact: 'swap.active', value: true }), facts).truth).toBe('false');
    const open = evaluate(all({ kind: 'is', fact: 'kubelet.failSwapOn', value: true }, { kind: 'is', fact: 'runtime.cgroupDriver', value: 'systemd' }), facts);
    expect(open).toMatchObject({ truth: 'unknown', missing: ['runtime.cgroupDriver'] });
  });
  test('differsFrom: a list holding the value does not differ', () => {
    expect(evaluate({ kind: 'differs', fact: 'kubelet.clusterDNS', other: 'cluster.dnsIP' }, facts).truth).toBe('false');
    expect(evaluate({ kind: 'differs', fact: 'kubelet.clusterDNS', other: 'cluster.dnsDomain' }, facts).truth).toBe('unknown');
  });
  test('removedIn: by the version fact, citing the flag', () => {
    const f = new Map<string, Fact>([
      ['kubelet.flagsGiven', { value: ['network-plugin', 'v'], cites: [], items: [{ value: 'network-plugin', cite: { source: { path: 'env', line: 1 }, text: '--network-plugin=cni', component: 'kubelet' } }] }],
      ['kubelet.version', fact('v1.24.17')],
    ]);
    const r = evaluate({ kind: 'removed', fact: 'kubelet.flagsGiven', version: 'kubelet.version', table: [{ flag: 'network-plugin', removedIn: '1.24' }] }, f);
    expect(r.truth).toBe('true');
    expect(r.cites.map((c) => c.text)).toEqual(['--network-plugin=cni', 'v1.24.17']);
    f.set('kubelet.version', fact('v1.23.9'));
    expect(evaluate({ kind: 'removed', fact: 'kubelet.flagsGiven', version: 'kubelet.version', table: [{ flag: 'network-plugin', removedIn: '1.24' }] }, f).truth).toBe('false');
  });
});

describe("the kubelet's start-up log", () => {
  const rec = (message: string, line: number): ParsedRecord => ({ kind: 'log', severity: 'info', message, fields: {}, source: { path: 'n/kubelet.log', line }, stamp: { kind: 'none' } });
  test('FLAG lines: a legacy default is not a given flag; plain flags and other values are', () => {
    const c = new KubeletLogCollector();
    c.offer(rec('FLAG: --anonymous-auth="true"', 1), 'kubelet', 'n', 'l1');
    c.offer(rec('FLAG: --cgroup-driver="systemd"', 2), 'kubelet', 'n', 'l2');
    c.offer(rec('FLAG: --kubeconfig="/etc/kubernetes/kubelet.conf"', 3), 'kubelet', 'n', 'l3');
    c.offer(rec('FLAG: --cluster-dns="[]"', 4), 'kubelet', 'n', 'l4');
    c.offer(rec('FLAG: --cgroup-driver="cgroupfs"', 5), 'kube-apiserver', 'n', 'l5');
    expect([...(c.flags.get('n')?.keys() ?? [])]).toEqual(['cgroup-driver', 'kubeconfig', 'cluster-dns']);
  });
  test('versions, structured and before v1.21', () => {
    const c = new KubeletLogCollector();
    c.offer(rec('"Kubelet version" kubeletVersion="v1.28.4"', 1), 'kubelet', 'a', 'x');
    c.offer(rec('Version: v1.16.6', 2), 'kubelet', 'b', 'y');
    expect([c.versions.get('a')?.value, c.versions.get('b')?.value]).toEqual(['v1.28.4', 'v1.16.6']);
  });
});

describe('drift', () => {
  const node = (host: string, yaml: string): FragmentAt => ({ path: `${host}/var/lib/kubelet/config.yaml`, format: 'kubelet-config', host, fragment: readKubeletConfig(`kind: KubeletConfiguration\n${yaml}`, `${host}/var/lib/kubelet/config.yaml`).fragment! });
  test('node-specific keys are left out; names and dates compare equal; a key one node lacks is (not set)', () => {
    const { nodes } = nodeConfigs(
      [
        node('node-a', 'address: 10.0.1.1\ncgroupDriver: systemd\ntlsCertFile: /var/lib/kubelet/pki/kubelet-server-2024-04-01-14-16-12.pem\nproviderID: aws:///node-a\nstaticPodPath: /etc/node-a/manifests\n'),
        node('node-b', 'address: 10.0.1.2\ncgroupDriver: systemd\ntlsCertFile: /var/lib/kubelet/pki/kubelet-server-2024-05-02-10-00-00.pem\nproviderID: aws:///node-b\nstaticPodPath: /etc/node-b/manifests\nmaxPods: 250\n'),
      ],
      new KubeletLogCollector(),
    );
    const d = drift(nodes);
    expect(d.nodes).toEqual(['node-a', 'node-b']);
    expect(d.rows.map((r) => [r.key, r.values.map((v) => `${v.value}=${v.nodes.join('+')}`)])).toEqual([['maxPods', ['110=node-a', '250=node-b']]]);
  });
});

describe('a fired check joins its entry on its node', () => {
  const catalog = loadCatalog(BUILTIN_PATTERNS());
  const check = { id: 'swap-on-with-fail-swap-on', title: 't', severity: 'critical', pattern: 'kubelet-swap-enabled', summary: 's', when: { kind: 'empty', fact: 'x' }, references: [], dir: '', file: '' } as const;
  const cite = { source: { path: 'n/proc/swaps', line: 2 }, text: '/swap.img file 2097148 0 -2', component: 'kernel' };
  const logLine = (sec: number): Cited => ({
    event: { kind: 'log', severity: 'error', message: 'running with swap on is not supported', fields: {}, source: { path: 'n/j', line: sec }, time: { kind: 'stated', at: { sec, nsec: 0 }, precision: 's' }, host: 'n', component: 'kubelet', format: 'journal-short' },
    raw: 'x',
    matcherId: 'swap-not-supported',
  });
  test('a below-threshold transient of the entry becomes an incident with the configuration first', () => {
    const match: MatchResult = {
      incidents: [],
      transients: [{ patternId: 'kubelet-swap-enabled', host: 'n', count: 1, reason: 'below threshold (1 in 0s; needs 2 matches over 0s)' }],
      evidence: (p, m, h) => (p === 'kubelet-swap-enabled' && m === 'swap-not-supported' && h === 'n' ? [logLine(100)] : []),
    };
    const joined = joinCheckHits(catalog, match, [{ check, host: 'n', cites: [cite] }], () => 'proc-swaps');
    expect(joined.transients).toEqual([]);
    expect(joined.incidents).toHaveLength(1);
    expect(joined.incidents[0]).toMatchObject({ patternId: 'kubelet-swap-enabled', host: 'n', count: 2, onset: { sec: 100, nsec: 0 } });
    expect(joined.incidents[0]?.evidence.map((e) => e.matcherId)).toEqual(['check:swap-on-with-fail-swap-on', 'swap-not-supported']);
    expect(joined.evidence('kubelet-swap-enabled', 'check:swap-on-with-fail-swap-on', 'n').map((e) => e.raw)).toEqual(['/swap.img file 2097148 0 -2']);
  });
  test('alone, the configuration makes an incident with no time', () => {
    const joined = joinCheckHits(catalog, { incidents: [], transients: [], evidence: () => [] }, [{ check, host: 'n', cites: [cite] }], () => 'proc-swaps');
    expect(joined.incidents[0]).toMatchObject({ count: 1, onset: undefined, resolution: { kind: 'active' } });
  });
});
