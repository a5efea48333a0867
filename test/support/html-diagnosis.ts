// A diagnosis written by hand for the HTML report's tests: a root cause on two hosts, a resolved
// symptom linked to it with metric evidence, an untimed finding, and log lines that try to
// break out of the page (`<script>`, `</script>`, quotes, ampersands).
import type { Diagnosis, EvidenceLine, FindingReport } from '../../src/diagnose/diagnosis.js';

export const HOSTILE_LINE = 'E0401 12:10:41.000001 1 x.go:1] </script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"> & "quoted" \'single\'';

const ev = (file: string, line: number, time: string | null, host: string, text: string, timeBasis = 'stated'): EvidenceLine => ({ file, line, time, timeBasis, host, text });

const csr: FindingReport = {
  pattern: 'kubelet-csr-forbidden',
  title: 'Kubelet may not create its certificate signing request (403 Forbidden)',
  severity: 'critical',
  status: 'active',
  rootCause: true,
  rank: 1,
  firstSeen: '2024-04-01T12:10:01.5Z',
  lastSeen: '2024-04-01T12:14:20Z',
  count: 6,
  hosts: ['cp-1', 'node-b'],
  summary: 'The bootstrap group may not create CSRs.',
  causedBy: [],
  explains: [{ pattern: 'node-stopped-posting-status', host: 'node-b', lagSec: 40 }],
  incidents: [
    { host: 'cp-1', components: ['audit'], status: 'active', firstSeen: '2024-04-01T12:10:01.5Z', lastSeen: '2024-04-01T12:14:00Z', count: 3, resolvedAt: null },
    { host: 'node-b', components: ['kubelet'], status: 'active', firstSeen: '2024-04-01T12:10:01.6Z', lastSeen: '2024-04-01T12:14:20Z', count: 3, resolvedAt: null },
  ],
  evidence: [
    ev('cp-1/audit.log', 3, '2024-04-01T12:10:01.5Z', 'cp-1', '{"verb":"create","code":403,"user":{"username":"system:bootstrap:82jfrm"}}'),
    ev('node-b/kubelet.log', 7, '2024-04-01T12:10:01.6Z', 'node-b', 'E0401 12:10:01.600000 2211 certificate_manager.go:562] Failed while requesting a signed certificate from the control plane: cannot create certificate signing request: forbidden', 'inferred (assumed year, assumed zone)'),
    ev('node-b/kubelet.log', 9, '2024-04-01T12:10:41.000001Z', 'node-b', HOSTILE_LINE, 'inferred (assumed year, assumed zone)'),
    ev('cp-1/audit.log', 8, '2024-04-01T12:14:00Z', 'cp-1', '{"verb":"create","code":403}'),
    ev('node-b/kubelet.log', 20, '2024-04-01T12:14:20Z', 'node-b', 'E0401 12:14:20.000000 2211 certificate_manager.go:562] Failed while requesting a signed certificate', 'inferred (assumed year, assumed zone)'),
  ],
  playbook: [
    { step: 'Confirm the refusal in the audit log.', status: 'confirmed', evidence: [ev('cp-1/audit.log', 3, '2024-04-01T12:10:01.5Z', 'cp-1', '{"verb":"create","code":403}')] },
    { step: 'Check the ClusterRoleBinding for system:bootstrappers.', status: 'not-determinable', evidence: [] },
    { step: 'Rule out an expired token.', status: 'ruled-out', evidence: [ev('node-b/kubelet.log', 4, '2024-04-01T12:09:00Z', 'node-b', 'I0401 12:09:00 bootstrap token accepted')] },
  ],
  fix: [
    { description: 'Let the bootstrap group create CSRs.', command: 'kubectl create clusterrolebinding kubeadm:kubelet-bootstrap \\\n  --clusterrole=system:node-bootstrapper --group=system:bootstrappers' },
    { description: 'Then restart the kubelet.' },
  ],
  references: ['https://kubernetes.io/docs/reference/access-authn-authz/kubelet-tls-bootstrapping/', 'javascript:alert(1)'],
  sources: ['001_21f55bba290dcc3d.txt'],
};

const stopped: FindingReport = {
  pattern: 'node-stopped-posting-status',
  title: 'Kubelet stopped posting node status',
  severity: 'warning',
  status: 'resolved',
  rootCause: false,
  rank: 2,
  firstSeen: '2024-04-01T12:10:41.6Z',
  lastSeen: '2024-04-01T12:12:00Z',
  count: 2,
  hosts: ['node-b'],
  summary: 'The control plane marked the node Unknown.',
  causedBy: [{ pattern: 'kubelet-csr-forbidden', host: 'node-b', lagSec: 40 }],
  explains: [],
  incidents: [{ host: 'node-b', components: ['kube-controller-manager'], status: 'resolved', firstSeen: '2024-04-01T12:10:41.6Z', lastSeen: '2024-04-01T12:12:00Z', count: 2, resolvedAt: '2024-04-01T12:13:00Z' }],
  evidence: [
    ev('cp-1/kube-controller-manager.log', 5, '2024-04-01T12:10:41.6Z', 'node-b', 'I0401 12:10:41.600000 1 node_lifecycle_controller.go:1167] "Node is unresponsive" node="node-b"'),
    ev('cp-1/kube-controller-manager.log', 9, '2024-04-01T12:12:00Z', 'node-b', 'I0401 12:12:00.000000 1 node_lifecycle_controller.go:1167] "Node is unresponsive" node="node-b"'),
  ],
  playbook: [{ step: 'Confirm the control plane set the conditions.', status: 'confirmed', evidence: [] }],
  fix: [{ description: 'Restart the kubelet once its cause is fixed.', command: 'sudo systemctl restart kubelet' }],
  references: [],
  sources: [],
  metrics: [
    {
      matcher: 'status-update-errors',
      host: 'node-b',
      job: 'kubelet',
      instance: '10.0.1.12:10250',
      expression: 'increase(kubelet_node_status_errors_total[5m])',
      aggregate: 'increase',
      figure: 12,
      compare: '>',
      threshold: 3,
      window: '5m',
      basis: 'window',
      lifetime: false,
      lifetimeReason: null,
      from: '2024-04-01T12:09:00Z',
      to: '2024-04-01T12:13:00Z',
      parts: null,
      resets: 0,
      series: [
        {
          metric: 'kubelet_node_status_errors_total',
          labels: { node: 'node-b' },
          values: [
            { file: 'node-b/metrics/kubelet-1.prom', line: 4, time: '2024-04-01T12:09:00Z', timeSource: 'sample timestamps', value: 0 },
            { file: 'node-b/metrics/kubelet-2.prom', line: 4, time: '2024-04-01T12:11:00Z', timeSource: 'sample timestamps', value: 7 },
            { file: 'node-b/metrics/kubelet-3.prom', line: 4, time: '2024-04-01T12:13:00Z', timeSource: 'sample timestamps', value: 12 },
            { file: 'node-b/metrics/kubelet-4.prom', line: 4, time: null, timeSource: 'file mtime', value: '+Inf' },
          ],
        },
      ],
      omittedSeries: 0,
      summary: 'increase(kubelet_node_status_errors_total[5m]) = 12 > 3',
    },
  ],
};

const untimed: FindingReport = {
  pattern: 'kubelet-server-csr-pending',
  title: 'Serving certificate requests stay Pending',
  severity: 'info',
  status: 'active',
  rootCause: true,
  rank: 3,
  firstSeen: null,
  lastSeen: null,
  count: 1,
  hosts: ['node-c'],
  summary: 'A kubectl get csr row with no time.',
  causedBy: [],
  explains: [],
  incidents: [{ host: 'node-c', components: ['csr'], status: 'active', firstSeen: null, lastSeen: null, count: 1, resolvedAt: null }],
  evidence: [ev('cluster/csr.txt', 2, null, 'node-c', 'csr-abcde   5m   kubernetes.io/kubelet-serving   system:node:node-c   Pending', 'none')],
  playbook: [],
  fix: [],
  references: [],
  sources: [],
};

export const HTML_DIAGNOSIS: Diagnosis = {
  schemaVersion: 1,
  inputs: [
    { path: 'cp-1/audit.log', format: 'audit', host: 'cp-1', bytes: 4000, lines: 20, parsed: 20, scannedOnly: 0, skipped: 0, truncated: 0, timeSource: 'stated', firstTime: '2024-04-01T12:00:00Z', lastTime: '2024-04-01T12:15:00Z' },
    { path: 'node-b/kubelet.log', format: 'klog', host: 'node-b', bytes: 3000, lines: 30, parsed: 27, scannedOnly: 0, skipped: 3, truncated: 0, timeSource: 'inferred (assumed year, assumed zone); year from bundle', firstTime: '2024-04-01T12:09:00Z', lastTime: '2024-04-01T12:14:20Z' },
    { path: 'cluster/csr.txt', format: 'csr-table', host: null, bytes: 200, lines: 3, parsed: 2, scannedOnly: 0, skipped: 0, truncated: 0, timeSource: 'none', firstTime: null, lastTime: null },
  ],
  timeRange: { start: '2024-04-01T12:00:00Z', end: '2024-04-01T12:15:00Z' },
  findings: [csr, stopped, untimed],
  transients: [{ pattern: 'pleg-unhealthy', host: 'node-a', count: 1, reason: 'below threshold (1 < 3)' }],
  diagnostics: [{ path: 'node-d/kubelet.log.gz', severity: 'error', message: 'unexpected end of file' }],
  skipped: [{ path: 'node-b/kubelet.log', format: 'klog', reason: 'no klog header', intentional: false, count: 3, firstLines: [2, 5, 11] }],
  stats: { files: 3, bytes: 7200, lines: 53, parsed: 49, skipped: 3, matchedLines: 9, hosts: ['cp-1', 'node-b', 'node-c'], zone: 'UTC', zoneAssumed: true, clockSkews: 0, catalogEntries: 25 },
};
