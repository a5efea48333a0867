import { describe, expect, test } from 'vitest';
import type { ParsedRecord } from '../../src/model/event.js';
import { k8sEventsTable } from '../../src/parse/k8s-events-table.js';
import { excerptLines, recordsOf, runBlock, skipsOf } from '../support/run-parser.js';

const path = 'cluster/events.txt';
const read = (file: string) => runBlock(k8sEventsTable, path, excerptLines('k8s-events-table', file));
const event = (r: ParsedRecord | undefined) => (r?.kind === 'k8s-event' ? r.event : undefined);

describe('k8s-events-table: the header example (kubernetes/kubernetes#100236)', () => {
  const pushed = read('node-rebooted-100236.txt');
  const records = recordsOf(pushed);

  test('every row is a record; the header is an intentional skip', () => {
    expect(records).toHaveLength(8);
    expect(skipsOf(pushed)).toEqual([{ line: 1, reason: 'table header', intentional: true }]);
  });

  test('OBJECT node/NAME gives the involved Node, its name in fields; ages stay as written, no stamp', () => {
    const [first] = records;
    expect(event(first)).toEqual({ reason: 'NodeNotReady', type: 'Normal', involvedKind: 'Node', involvedName: 'i-w0msdm7d', count: 1 });
    expect(first?.message).toBe('Node i-w0msdm7d status is now: NodeNotReady');
    expect(first?.stamp).toEqual({ kind: 'none' });
    expect(first?.fields).toEqual({ lastSeen: '31m', node: 'i-w0msdm7d' });
    expect(first?.source).toEqual({ path, line: 2, offset: expect.any(Number) });
    expect(first?.host).toBeUndefined();
    expect(first?.component).toBeUndefined();
  });

  test('Warning rows are warnings; a pod row names no node', () => {
    expect(records.map((r) => r.severity)).toEqual(['info', 'warning', 'warning', 'info', 'info', 'warning', 'info', 'warning']);
    expect(event(records[1])).toMatchObject({ involvedKind: 'Pod', involvedName: 'nginx-deployment-66b6c48dd5-g75sl' });
    expect(records[1]?.fields['node']).toBeUndefined();
    expect(records[7]?.message).toBe('Node i-w0msdm7d has been rebooted, boot id: 37f114e1-e547-4f58-b1f1-c16268f942cf');
  });
});

describe('k8s-events-table: other layouts', () => {
  test('-A adds NAMESPACE (a2ush/kubebuilder-events-controller README.md)', () => {
    const records = recordsOf(read('get-events-all-namespaces.txt'));
    expect(records).toHaveLength(5);
    expect(event(records[0])).toEqual({ reason: 'Scheduled', type: 'Normal', involvedKind: 'Pod', involvedName: 'nginx', namespace: 'default', count: 1 });
    expect(records[0]?.message).toBe('Successfully assigned default/nginx to ip-192-168-2-12.ap-northeast-1.compute.internal');
    expect(records.map((r) => r.fields['lastSeen'])).toEqual(['10s', '9s', '7s', '7s', '7s']);
  });

  test('LASTSEEN FIRSTSEEN COUNT NAME KIND ... SOURCE (openshift/svt networking/synthetic/README.md)', () => {
    const [r] = recordsOf(read('openshift-old-layout.txt'));
    expect(event(r)).toEqual({
      reason: 'FailedCreate', type: 'Warning', involvedKind: 'ReplicationController', involvedName: 'uperf-sender', count: 17,
      reportingComponent: 'replication-controller',
    });
    expect(r?.fields).toEqual({ lastSeen: '1m', firstSeen: '5m' });
    expect(r?.component).toBe('replication-controller');
    expect(r?.message).toBe('Error creating: pods "" is forbidden: pod node label selector conflicts with its project node label selector');
  });

  test('LAST SEEN FIRST SEEN COUNT NAME KIND: an empty SUBOBJECT, a message with two spaces (argoproj/argo-cd docs/operator-manual/security.md)', () => {
    const records = recordsOf(read('argocd-first-seen-layout.txt'));
    expect(records).toHaveLength(8);
    expect(records[1]?.message).toBe('Updated sync status:  -> OutOfSync');
    expect(event(records[1])).toMatchObject({ involvedKind: 'Application', involvedName: 'guestbook.157f7c5f0f747acf', reportingComponent: 'argocd-application-controller' });
    expect(records[1]?.fields).toEqual({ lastSeen: '1m', firstSeen: '1m' });
  });

  test('-o wide: SOURCE with the kubelet instance becomes the host; FIRST SEEN, COUNT, NAME land in fields', () => {
    const lines = [
      'LAST SEEN   TYPE     REASON    OBJECT                      SUBOBJECT                SOURCE              MESSAGE                    FIRST SEEN   COUNT   NAME',
      '12m         Normal   Killing   pod/kubia-d9899768f-k9z59   spec.containers{kubia}   kubelet, minikube   Stopping container kubia   12m          1       kubia-d9899768f-k9z59.163d546d8fe764e6',
      '31m         Warning  FailedScheduling   pod/rc-pending   spec.containers{x}   default-scheduler, default-scheduler-master   0/3 nodes are available: 3 Insufficient cpu.   86m   12   rc-pending.18b182b7ae7cc468',
      // Misaligned and with an empty SUBOBJECT: runs of spaces cannot say which cell is missing.
      '31m         Warning  FailedScheduling   pod/rc-pending   default-scheduler, default-scheduler-master   0/3 nodes are available   86m   12   rc-pending.1',
    ];
    const pushed = runBlock(k8sEventsTable, path, lines);
    const [r, loose] = recordsOf(pushed);
    expect(skipsOf(pushed).at(-1)).toEqual({ line: 4, reason: 'not a row of the events table', intentional: false });
    expect(r).toMatchObject({ host: 'minikube', component: 'kubelet', message: 'Stopping container kubia' });
    expect(r?.fields).toEqual({ lastSeen: '12m', firstSeen: '12m', subobject: 'spec.containers{kubia}', eventName: 'kubia-d9899768f-k9z59.163d546d8fe764e6' });
    // A scheduler's instance is not a host. This row lost its alignment: read by runs of spaces.
    expect(loose?.host).toBeUndefined();
    expect(loose?.fields).toMatchObject({ sourceInstance: 'default-scheduler-master', firstSeen: '86m' });
    expect(event(loose)).toMatchObject({ count: 12, reportingComponent: 'default-scheduler' });
  });

  test('`kubectl events` ages with a repeat count', () => {
    const [r] = recordsOf(runBlock(k8sEventsTable, path, [
      'LAST SEEN             TYPE      REASON             OBJECT      MESSAGE',
      '9h (x108 over 18h)    Warning   FailedScheduling   Pod/web-0   0/1 nodes are available',
    ]));
    expect(event(r)).toMatchObject({ count: 108, involvedKind: 'Pod', involvedName: 'web-0' });
    expect(r?.fields).toEqual({ lastSeen: '9h', firstSeen: '18h' });
  });
});

describe('k8s-events-table: lines that are no rows', () => {
  test('rows before any header, prompts, wrapped messages and redaction damage are counted skips', () => {
    const pushed = runBlock(k8sEventsTable, path, [
      '31m         Normal    NodeNotReady   node/x   before the header',
      'LAST SEEN   TYPE      REASON         OBJECT   MESSAGE',
      '31m         Normal    NodeNotReady   node/x   Node x status is now: NodeNotReady',
      'continued text of a multi-line message',
      '',
      'No resources found in default namespace.',
      '$ kubectl get pods',
    ]);
    expect(recordsOf(pushed)).toHaveLength(1);
    expect(skipsOf(pushed)).toEqual([
      { line: 1, reason: 'no kubectl get events header before this line', intentional: false },
      { line: 2, reason: 'table header', intentional: true },
      { line: 4, reason: 'not a row of the events table', intentional: false },
      { line: 5, reason: 'blank line', intentional: true },
      { line: 6, reason: 'no events listed', intentional: true },
      { line: 7, reason: 'not a row of the events table', intentional: false },
    ]);
  });

  test('a second header starts a new table with its own columns', () => {
    const records = recordsOf(runBlock(k8sEventsTable, path, [
      ...excerptLines('k8s-events-table', 'openshift-old-layout.txt'),
      ...excerptLines('k8s-events-table', 'node-rebooted-100236.txt'),
    ]));
    expect(records.map((r) => event(r)?.involvedName)).toEqual(['uperf-sender', 'i-w0msdm7d', 'nginx-deployment-66b6c48dd5-g75sl', 'nginx-deployment-66b6c48dd5-lj5hn', 'i-w0msdm7d', 'i-w0msdm7d', 'i-w0msdm7d', 'i-w0msdm7d', 'i-w0msdm7d']);
  });

  test('a header without REASON or MESSAGE is not an events header', () => {
    const pushed = runBlock(k8sEventsTable, path, ['LAST SEEN   TYPE', '31m         Normal']);
    expect(skipsOf(pushed).map((s) => s.reason)).toEqual(['no kubectl get events header before this line', 'no kubectl get events header before this line']);
  });
});
