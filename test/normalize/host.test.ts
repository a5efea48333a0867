import { describe, expect, test } from 'vitest';
import { canonicalHost, componentFromPath, hostFromPath } from '../../src/normalize/host.js';

describe('host from the bundle layout', () => {
  test.each([
    ['kubeadm-style node dump', 'node-b/var/log/kubelet.log', 'node-b'],
    ['several node dumps side by side, in an archive', 'bundle.tar.gz/worker-2/journal/kubelet.txt', 'worker-2'],
    ['must-gather', 'must-gather.local.5123/quay-io-openshift-release-dev-ocp-v4-0-art-dev-sha256-1a2b/nodes/ip-10-0-1-23.ec2.internal/ip-10-0-1-23.ec2.internal_kubelet.log', 'ip-10-0-1-23'],
    ['troubleshoot host collectors per node', 'support-bundle-2024-04-01T12_00_00/host-collectors/hosts/node-c/journald/kubelet.txt', 'node-c'],
    ['sosreport', 'sosreport-worker-1-01234567-2024-04-01-abcdef/var/log/messages', 'worker-1'],
    ['sosreport without case id', 'sosreport-node-a-2024-04-01-xyzabc/sos_commands/logs/journalctl_--no-pager', 'node-a'],
    ['flat folder', 'kubelet.log', undefined],
    ['cluster-level folder', 'cluster-resources/events/default.json', undefined],
    ['the folder an archive wraps everything in is the bundle, not a host', 'csr-forbidden.tar.gz/csr-forbidden/node-b/kubelet.log', 'node-b'],
    ['a wrapped bundle\'s cluster-level file has no host', 'csr-forbidden.tar.gz/csr-forbidden/cluster/events.json', undefined],
    ['troubleshoot bundle wrapped in its timestamped folder', 'support-bundle-2024-04-01T12_00_00.tar.gz/support-bundle-2024-04-01T12_00_00/cluster-resources/events/default.json', undefined],
    ['a renamed troubleshoot bundle', 'case-4711.tar.gz/support-bundle-2024-04-01T12_00_00/host-collectors/run-host/kubelet.txt', undefined],
    ['a folder named like the archive but deeper is still a host', 'node-a.tar.gz/var/node-a/kubelet.log', 'node-a'],
    ['pod log folder is no host', 'var/log/pods/kube-system_kube-apiserver-cp-1_0c8e2a6f-5a5b-4c59-9a8f-2f9b3c1d4e5f/kube-apiserver/0.log', undefined],
  ])('%s', (_name, path, host) => {
    expect(hostFromPath(path)).toBe(host);
  });

  test('host names are compared lowercase and short, IPs kept whole', () => {
    expect(canonicalHost('Node-A.example.com')).toBe('node-a');
    expect(canonicalHost('10.0.1.23')).toBe('10.0.1.23');
  });

  test.each([
    ['control-plane-1/kube-apiserver.log', 'kube-apiserver'],
    ['var/log/pods/kube-system_kube-controller-manager-cp-1_0c8e2a6f-5a5b-4c59-9a8f-2f9b3c1d4e5f/kube-controller-manager/0.log', 'kube-controller-manager'],
    ['var/log/containers/kube-scheduler-cp-1_kube-system_kube-scheduler-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.log', 'kube-scheduler'],
    ['node-a/journal/kubelet.txt', 'kubelet'],
    ['node-a/notes.txt', undefined],
  ])('component of %s', (path, component) => {
    expect(componentFromPath(path)).toBe(component);
  });
});
