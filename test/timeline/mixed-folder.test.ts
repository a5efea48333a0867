// A mixed folder: journal short without a year, a CRI-wrapped apiserver log, an audit log and an
// events List. The timeline comes out in UTC order, the journal's year taken from the audit log.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { formatInstant } from '../../src/model/time.js';
import { UTC_ZONE } from '../../src/normalize/zone.js';
import { buildTimeline } from '../../src/timeline/build.js';
import { tempDir } from '../support/archive.js';

function write(dir: string, path: string, text: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

test('mixed folder merges into UTC order with the inferred year stated', async () => {
  const dir = tempDir();
  write(dir, 'node-b/journal/kubelet.log', [
    'Apr 01 12:13:41 node-b kubelet[2211]: I0401 12:13:41.798230    2211 certificate_manager.go:366] Rotating certificates',
    'Apr 01 12:13:43 node-b kubelet[2211]: E0401 12:13:43.801997    2211 certificate_manager.go:385] Failed while requesting a signed certificate from the control plane: cannot create certificate signing request: certificatesigningrequests.certificates.k8s.io is forbidden: User "system:bootstrap:82jfrm" cannot create resource "certificatesigningrequests" in API group "certificates.k8s.io" at the cluster scope',
    '',
  ].join('\n'));
  write(dir, 'cp-1/var/log/pods/kube-system_kube-apiserver-cp-1_0c8e2a6f-5a5b-4c59-9a8f-2f9b3c1d4e5f/kube-apiserver/0.log', [
    '2024-04-01T12:13:42.100000000Z stderr F I0401 12:13:42.100000       1 trace.go:236] Trace[1]: "Create" url:/apis/certificates.k8s.io/v1/certificatesigningrequests',
    '2024-04-01T12:13:44.000000000Z stderr P E0401 12:13:44.000000       1 a.go:1] part one ',
    '2024-04-01T12:13:44.000000001Z stderr F and part two',
    '',
  ].join('\n'));
  write(dir, 'cp-1/audit/audit.log',
    JSON.stringify({ kind: 'Event', apiVersion: 'audit.k8s.io/v1', level: 'Metadata', auditID: '4c6f', stage: 'ResponseComplete', requestURI: '/apis/certificates.k8s.io/v1/certificatesigningrequests', verb: 'create', user: { username: 'system:bootstrap:82jfrm', groups: ['system:bootstrappers', 'system:authenticated'] }, sourceIPs: ['10.0.1.12'], userAgent: 'kubelet/v1.29.3 (linux/amd64) kubernetes/6813625', objectRef: { resource: 'certificatesigningrequests', apiGroup: 'certificates.k8s.io', apiVersion: 'v1' }, responseStatus: { metadata: {}, status: 'Failure', message: 'forbidden', reason: 'Forbidden', code: 403 }, requestReceivedTimestamp: '2024-04-01T12:13:43.790000Z', stageTimestamp: '2024-04-01T12:13:43.795000Z', annotations: { 'authorization.k8s.io/decision': 'forbid', 'authorization.k8s.io/reason': '' } }) + '\n');
  write(dir, 'cluster/events.json', JSON.stringify({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: [{ apiVersion: 'v1', kind: 'Event', metadata: { name: 'node-b.17c1', namespace: 'default', creationTimestamp: '2024-04-01T12:13:40Z' }, involvedObject: { kind: 'Node', name: 'node-b', uid: 'node-b' }, reason: 'Starting', message: 'Starting kubelet.', source: { component: 'kubelet', host: 'node-b' }, firstTimestamp: '2024-04-01T12:13:40Z', lastTimestamp: '2024-04-01T12:13:40Z', count: 1, type: 'Normal', reportingComponent: 'kubelet', reportingInstance: 'node-b' }] }, null, 4) + '\n');

  const tl = await buildTimeline({ inputs: [dir], time: { zone: UTC_ZONE, zoneGiven: false } });
  const out: string[] = [];
  for await (const { event } of tl.events) {
    out.push(`${event.time.kind === 'none' ? '-' : formatInstant(event.time.at, event.time.precision)} ${event.time.kind} ${event.host} ${event.component} ${event.kind}`);
  }
  expect(out).toEqual([
    '2024-04-01T12:13:40Z stated node-b kubelet k8s-event',
    '2024-04-01T12:13:41.798230Z inferred node-b kubelet log',
    '2024-04-01T12:13:42.100000000Z stated cp-1 kube-apiserver log',
    '2024-04-01T12:13:43.795000Z stated cp-1 audit audit',
    '2024-04-01T12:13:43.801997Z inferred node-b kubelet log',
    '2024-04-01T12:13:44.000000000Z stated cp-1 kube-apiserver log',
  ]);
  const journal = tl.members.find((m) => m.path === 'node-b/journal/kubelet.log');
  expect(journal?.year).toEqual({ baseYear: 2024, source: 'bundle' });
});
