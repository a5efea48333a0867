import { describe, expect, test } from 'vitest';
import type { ParsedRecord } from '../../src/model/event.js';
import { civilToInstant } from '../../src/model/time.js';
import { describeNode } from '../../src/parse/describe-node.js';
import { excerptLines, recordsOf, runBlock, skipsOf } from '../support/run-parser.js';

const path = 'nodes/describe-nodes.txt';
const read = (file: string) => runBlock(describeNode, path, excerptLines('describe-node', file));
const ofKind = <K extends ParsedRecord['kind']>(records: readonly ParsedRecord[], kind: K) =>
  records.filter((r): r is Extract<ParsedRecord, { kind: K }> => r.kind === kind);
const utc = (y: number, mo: number, d: number, h: number, mi: number, s: number) => ({ kind: 'utc', at: civilToInstant(y, mo, d, h * 3600 + mi * 60 + s), precision: 's' });

describe('describe-node: the header example, a node that stopped posting status (kubernetes/website debug-cluster)', () => {
  const pushed = read('kube-worker-1-not-ready.txt');
  const records = recordsOf(pushed);
  const conditions = ofKind(records, 'condition');

  test('one condition record per row, host = the Name, stamped with LastTransitionTime in true UTC', () => {
    expect(conditions.map((c) => [c.condition.type, c.condition.status, c.condition.reason])).toEqual([
      ['NetworkUnavailable', 'False', 'WeaveIsUp'],
      ['MemoryPressure', 'Unknown', 'NodeStatusUnknown'],
      ['DiskPressure', 'Unknown', 'NodeStatusUnknown'],
      ['PIDPressure', 'Unknown', 'NodeStatusUnknown'],
      ['Ready', 'Unknown', 'NodeStatusUnknown'],
    ]);
    const ready = conditions[4];
    expect(ready?.host).toBe('kube-worker-1');
    expect(ready?.stamp).toEqual(utc(2022, 2, 17, 22, 13, 52)); // 17:13:52 -0500
    expect(ready?.message).toBe('Kubelet stopped posting node status.');
    expect(ready?.fields).toEqual({ lastTransitionTime: 'Thu, 17 Feb 2022 17:13:52 -0500', lastHeartbeatTime: 'Thu, 17 Feb 2022 17:12:40 -0500' });
    expect(ready?.source).toMatchObject({ path, line: 26 });
  });

  test('Ready not True is an error; pressure Unknown is info', () => {
    expect(conditions.map((c) => c.severity)).toEqual(['info', 'info', 'info', 'info', 'error']);
  });

  test('one log record for the node carries System Info, addresses, lease, taints, allocated resources', () => {
    const [node] = ofKind(records, 'log');
    expect(node?.host).toBe('kube-worker-1');
    expect(node?.source).toMatchObject({ line: 1 });
    expect(node?.stamp).toEqual(utc(2022, 2, 17, 21, 46, 30));
    expect(node?.message).toBe('node kube-worker-1: kubelet v1.23.3, containerd://1.5.9, Ubuntu 21.10, kernel 5.13.0-28-generic');
    expect(node?.fields).toMatchObject({
      kubeletVersion: 'v1.23.3', containerRuntimeVersion: 'containerd://1.5.9', kubeProxyVersion: 'v1.23.3', osImage: 'Ubuntu 21.10',
      machineId: '9384e2927f544209b5d7b67474bbf92b', systemUuid: 'aa829ca9-73d7-064d-9019-df07404ad448', operatingSystem: 'linux',
      'address.InternalIP': '192.168.0.113', 'address.Hostname': 'kube-worker-1', 'lease.RenewTime': 'Thu, 17 Feb 2022 17:13:09 -0500',
      taints: 'node.kubernetes.io/unreachable:NoExecute,node.kubernetes.io/unreachable:NoSchedule', unschedulable: 'false',
      'allocated.cpu.requests': '1100m (55%)', 'allocated.cpu.limits': '1 (50%)', 'allocated.memory.limits': '256Mi (13%)',
      'capacity.memory': '2025188Ki', 'allocatable.pods': '110',
      labels: 'beta.kubernetes.io/arch=amd64,beta.kubernetes.io/os=linux,kubernetes.io/arch=amd64,kubernetes.io/hostname=kube-worker-1,kubernetes.io/os=linux',
    });
    expect(node?.fields['roles']).toBeUndefined(); // <none>
  });

  test('the doc\'s "..." under Events is the only line not understood; unread sections are intentional skips', () => {
    expect(skipsOf(pushed).filter((s) => !s.intentional)).toEqual([{ line: 69, reason: 'not part of kubectl describe node output', intentional: false }]);
    expect(new Set(skipsOf(pushed).filter((s) => s.intentional).map((s) => s.reason))).toEqual(
      new Set(['section not read: Annotations', 'section not read: Non-terminated Pods', 'table header', 'table rule', 'note line']),
    );
  });
});

describe('describe-node: real excerpts', () => {
  test('Events rows become k8s-events about the node; ages, repeat counts and the From component kept (farinazgh/k8s-LFS258)', () => {
    const records = recordsOf(read('ip-172-31-40-74-events.txt'));
    const events = ofKind(records, 'k8s-event');
    expect(events).toHaveLength(33);
    const [proxy, , , kubelet] = events;
    expect(proxy?.message).toBe(''); // kube-proxy's Starting carries no message, and the paste trimmed the line
    expect(proxy?.component).toBe('kube-proxy');
    expect(kubelet?.event).toEqual({ reason: 'Starting', type: 'Normal', involvedKind: 'Node', involvedName: 'ip-172-31-40-74', count: 1, reportingComponent: 'kubelet' });
    expect(kubelet).toMatchObject({ host: 'ip-172-31-40-74', component: 'kubelet', message: 'Starting kubelet.', stamp: { kind: 'none' }, severity: 'info' });
    expect(kubelet?.fields).toEqual({ age: '19h', node: 'ip-172-31-40-74' });
    const repeated = events.find((e) => e.fields['age'] === '5m20s' && e.event.reason === 'NodeHasSufficientMemory');
    expect(repeated?.event.count).toBe(8);
    expect(repeated?.fields).toEqual({ age: '5m20s', firstSeen: '5m20s', node: 'ip-172-31-40-74' });
    expect(events.filter((e) => e.severity === 'warning').map((e) => e.event.reason)).toEqual(['InvalidDiskCapacity', 'InvalidDiskCapacity', 'InvalidDiskCapacity', 'InvalidDiskCapacity']);
  });

  test('two nodes in a row, Events <none>, a shell prompt between them (inquisitivefrog/kubernetes)', () => {
    const pushed = read('two-nodes-events-none.txt');
    const records = recordsOf(pushed);
    expect(ofKind(records, 'log').map((r) => [r.host, r.source.line, r.fields['roles'], r.fields['unschedulable']])).toEqual([
      ['k8s-node-01', 1, undefined, 'false'],
      ['k8s-controller-01', 80, 'control-plane', 'true'],
    ]);
    expect(ofKind(records, 'condition').map((c) => c.host)).toEqual([...Array(5).fill('k8s-node-01'), ...Array(5).fill('k8s-controller-01')]);
    expect(ofKind(records, 'k8s-event')).toEqual([]);
    expect(skipsOf(pushed).filter((s) => !s.intentional).map((s) => s.line)).toEqual([77, 79]);
  });

  test('the tab-padded layout of kubectl 1.5 reads too (vmware-archive/kubernetes-archived#113)', () => {
    const records = recordsOf(read('node1-tabs-2017.txt'));
    const conditions = ofKind(records, 'condition');
    expect(conditions.map((c) => [c.condition.type, c.severity])).toEqual([['OutOfDisk', 'info'], ['MemoryPressure', 'info'], ['DiskPressure', 'info'], ['Ready', 'error']]);
    expect(conditions[3]?.stamp).toEqual(utc(2017, 3, 4, 7, 14, 12));
    expect(conditions[3]?.message).toBe('Kubelet stopped posting node status.');
    const [node] = ofKind(records, 'log');
    expect(node?.fields['labels']).toBe('alpha.kubernetes.io/fluentd-ds-ready=true,beta.kubernetes.io/arch=amd64,beta.kubernetes.io/os=linux,kubernetes.io/hostname=node1');
    expect(node?.message).toBe('node node1');
  });

  test('k3s: trailing spaces after an empty message, annotations with JSON values (dmitrymailk/k3s_pod_network_issue)', () => {
    const pushed = read('k3s-master-deindented.txt');
    const records = recordsOf(pushed);
    const events = ofKind(records, 'k8s-event');
    expect(events).toHaveLength(45);
    expect(events.find((e) => e.event.reason === 'Rebooted')?.message).toBe('Node k3s-master-01 has been rebooted, boot id: 295b3fb4-a371-48db-b38d-c99c8d100818');
    expect(skipsOf(pushed).filter((s) => !s.intentional)).toEqual([]);
    expect(ofKind(records, 'log')[0]?.fields).toMatchObject({ providerID: 'k3s://k3s-master-01', podCIDRs: '10.42.0.0/24', kubeletVersion: 'v1.25.6+k3s1' });
  });
});

describe('describe-node: conditions and odd lines', () => {
  const node = (rows: string[]) => [
    'Name:               node-b',
    'Conditions:',
    '  Type                 Status    LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
    '  ----                 ------    -----------------                 ------------------                ------                       -------',
    ...rows,
  ];

  test.each([
    ['Ready', 'True', 'info'], ['Ready', 'False', 'error'], ['Ready', 'Unknown', 'error'],
    ['MemoryPressure', 'True', 'warning'], ['DiskPressure', 'True', 'warning'], ['PIDPressure', 'True', 'warning'],
    ['NetworkUnavailable', 'True', 'warning'], ['KernelDeadlock', 'True', 'warning'], ['MemoryPressure', 'False', 'info'],
  ])('%s %s is %s', (type, status, severity) => {
    const row = `  ${type.padEnd(21)}${status.padEnd(10)}Mon, 01 Apr 2024 12:13:41 +0700   Mon, 01 Apr 2024 12:13:41 +0700   SomeReason                   text`;
    const [c] = ofKind(recordsOf(runBlock(describeNode, path, node([row]))), 'condition');
    expect(c?.severity).toBe(severity);
    expect(c?.stamp).toEqual(utc(2024, 4, 1, 5, 13, 41));
  });

  test('an empty Message says the type and status; Go\'s zero time is no time', () => {
    const row = '  NetworkUnavailable   False     Mon, 01 Jan 0001 00:00:00 +0000   Mon, 01 Jan 0001 00:00:00 +0000   RouteCreated';
    const [c] = ofKind(recordsOf(runBlock(describeNode, path, node([row]))), 'condition');
    expect(c?.message).toBe('NetworkUnavailable is False (RouteCreated)');
    expect(c?.stamp).toEqual({ kind: 'none' });
  });

  test('a row that is no condition is skipped with a reason', () => {
    const pushed = runBlock(describeNode, path, node(['  something else entirely']));
    expect(skipsOf(pushed).at(-1)).toEqual({ line: 5, reason: 'not a row of the conditions table', intentional: false });
  });

  test('text before the first Name line is outside any node', () => {
    const pushed = runBlock(describeNode, path, ['$ kubectl describe node node-b', 'Roles:  <none>', '  indented', 'Name:  node-b']);
    expect(skipsOf(pushed)).toEqual([
      { line: 1, reason: 'not part of kubectl describe node output', intentional: false },
      { line: 2, reason: 'outside a node description', intentional: false },
      { line: 3, reason: 'outside a node description', intentional: false },
    ]);
    expect(recordsOf(pushed).map((r) => r.host)).toEqual(['node-b']);
  });

  test('CreationTimestamp with a zone name other than UTC is a wall clock', () => {
    const [n] = recordsOf(runBlock(describeNode, path, ['Name:  old', 'CreationTimestamp:  Mon, 23 Mar 2015 14:46:27 PDT']));
    expect(n?.stamp).toEqual({ kind: 'wall', at: civilToInstant(2015, 3, 23, 14 * 3600 + 46 * 60 + 27), precision: 's' });
  });
});
