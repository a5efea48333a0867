import { describe, expect, test } from 'vitest';
import { civilToInstant } from '../../src/model/time.js';
import { audit } from '../../src/parse/audit.js';
import { excerptLines, recordsOf, runLines, skipsOf } from '../support/run-parser.js';

const at = { path: 'control-plane/kube-apiserver-audit.log', line: 1 };

function record(line: string) {
  const r = audit.parseLine(line, at);
  if (r.kind !== 'record') throw new Error(`skipped: ${r.reason}`);
  return r.record;
}

describe('audit: the header line (falco test/trace_files/k8s_audit/create_kube_system_secret.json)', () => {
  const [line = ''] = excerptLines('audit', 'falco-v1-create-secret.log');

  test('reads verb, user, object and code into the audit detail', () => {
    const r = record(line);
    expect(r.kind).toBe('audit');
    if (r.kind !== 'audit') return;
    expect(r.audit).toEqual({
      auditId: '263db4e4-f0bb-41b4-913d-c03815f49be5',
      stage: 'ResponseComplete',
      verb: 'create',
      user: 'admin',
      groups: ['system:masters', 'system:authenticated'],
      resource: 'secrets',
      namespace: 'kube-system',
      name: 'bootstrap-token-ne7bxu',
      code: 201,
      userAgent: 'kubeadm/v1.16.2 (linux/amd64) kubernetes/c97fe50',
      requestUri: '/api/v1/namespaces/kube-system/secrets',
      sourceIps: ['127.0.0.1'],
    });
  });

  test('stamps the stageTimestamp as UTC with its six fraction digits', () => {
    expect(record(line).stamp).toEqual({ kind: 'utc', at: civilToInstant(2020, 3, 24, 18 * 3600 + 53 * 60 + 49, 25_530_000), precision: 'us' });
  });

  test('writes a one-line summary and keeps the authorization annotations', () => {
    const r = record(line);
    expect(r.message).toBe('create secrets kube-system/bootstrap-token-ne7bxu 201 admin');
    expect(r.severity).toBe('info');
    expect(r.fields).toEqual({ level: 'Metadata', 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': '' });
    expect(r.host).toBeUndefined();
    expect(r.component).toBeUndefined();
  });
});

describe('audit: real excerpts', () => {
  test('a 403 with a status message is a warning whose message quotes the apiserver (kcp-dev/kcp#1768)', () => {
    const [line = ''] = excerptLines('audit', 'kcp-v1-forbidden.log');
    const r = record(line);
    expect(r.severity).toBe('warning');
    expect(r.message).toBe('get /apis?timeout=32s 403 [redacted]: forbidden: User "[redacted]" cannot get path "/apis": workspace access not permitted');
    expect(r.fields).toMatchObject({ reason: 'Forbidden', 'authorization.k8s.io/decision': 'forbid', 'authorization.k8s.io/reason': 'workspace access not permitted' });
    expect(r.fields['tenancy.kcp.dev/workspace']).toBeUndefined();
    if (r.kind === 'audit') expect(r.audit.resource).toBe('');
  });

  test('v1beta1 lines without requestReceivedTimestamp are stamped from `timestamp` (liggitt/audit2rbac testdata/demo.log)', () => {
    const records = recordsOf(runLines(audit, 'audit.log', excerptLines('audit', 'audit2rbac-v1beta1-forbidden.log')));
    expect(records).toHaveLength(4);
    expect(records.map((r) => r.stamp)).toEqual([
      { kind: 'utc', at: civilToInstant(2017, 9, 11, 19 * 3600 + 55 * 60 + 5), precision: 's' },
      { kind: 'utc', at: civilToInstant(2017, 9, 11, 19 * 3600 + 55 * 60 + 34), precision: 's' },
      { kind: 'utc', at: civilToInstant(2017, 9, 11, 19 * 3600 + 57 * 60 + 33), precision: 's' },
      { kind: 'utc', at: civilToInstant(2017, 9, 11, 19 * 3600 + 57 * 60 + 33), precision: 's' },
    ]);
    const [first, , received, notFound] = records;
    expect(first?.message).toBe('list pods 403 system:admin: pods is forbidden: User "bob" cannot list pods in the namespace "default"');
    expect(first?.fields['impersonatedUser']).toBe('bob');
    expect(first?.severity).toBe('warning');
    // RequestReceived has no response yet: no code, info.
    expect(received?.kind === 'audit' && received.audit.code).toBeUndefined();
    expect(received?.severity).toBe('info');
    expect(received?.message).toBe('delete roles default/audit2rbac:bob system:admin');
    expect(notFound?.fields).toMatchObject({ reason: 'NotFound', apiGroup: 'rbac.authorization.k8s.io' });
  });

  test('a v1beta1 request with its requestObject (falco anonymous_creates_namespace_foo.json)', () => {
    const [line = ''] = excerptLines('audit', 'falco-v1beta1-create-namespace.log');
    const r = record(line);
    expect(r.stamp).toEqual({ kind: 'utc', at: civilToInstant(2018, 10, 25, 13 * 3600 + 58 * 60 + 49, 736_141_000), precision: 'us' });
    expect(r.message).toBe('create namespaces foo 201 system:anonymous');
  });

  test('every line of the excerpts is a record', () => {
    for (const file of ['falco-v1-create-secret.log', 'falco-v1beta1-create-namespace.log', 'audit2rbac-v1beta1-forbidden.log', 'kcp-v1-forbidden.log']) {
      expect(skipsOf(runLines(audit, file, excerptLines('audit', file)))).toEqual([]);
    }
  });
});

describe('audit: severity from the response code', () => {
  const line = (code: number): string =>
    JSON.stringify({ kind: 'Event', apiVersion: 'audit.k8s.io/v1', verb: 'get', stage: 'ResponseComplete', responseStatus: { code } });
  test.each([
    [200, 'info'], [201, 'info'], [399, 'info'], [400, 'warning'], [403, 'warning'], [499, 'warning'], [500, 'error'], [503, 'error'],
  ] as const)('code %i is %s', (code, severity) => {
    expect(record(line(code)).severity).toBe(severity);
  });

  test('an Event with no time at all still reads, stamped none', () => {
    expect(record(line(200)).stamp).toEqual({ kind: 'none' });
  });

  test('a stageTimestamp without a zone is only a wall clock', () => {
    const r = record(JSON.stringify({ kind: 'Event', apiVersion: 'audit.k8s.io/v1', stageTimestamp: '2024-04-01T12:13:41.801997' }));
    expect(r.stamp).toEqual({ kind: 'wall', at: civilToInstant(2024, 4, 1, 44_021, 801_997_000), precision: 'us' });
  });

  test('an offset is converted to true UTC', () => {
    const r = record(JSON.stringify({ kind: 'Event', apiVersion: 'audit.k8s.io/v1', stageTimestamp: '2024-04-01T19:13:41+07:00' }));
    expect(r.stamp).toEqual({ kind: 'utc', at: civilToInstant(2024, 4, 1, 44_021), precision: 's' });
  });
});

describe('audit: lines of other formats are skipped with a reason', () => {
  test.each([
    ['a journal -o json line', '{"__REALTIME_TIMESTAMP":"1711973621801997","_HOSTNAME":"node-a","MESSAGE":"audit.k8s.io"}', 'not an audit.k8s.io Event'],
    ['a klog JSON line', '{"ts":1711973621.801997,"caller":"app/server.go:140","msg":"Serving securely","v":0}', 'not an audit.k8s.io Event'],
    ['a kubectl events List', '{"apiVersion":"v1","items":[],"kind":"List"}', 'not an audit.k8s.io Event'],
    ['an audit EventList (webhook batch)', '{"kind":"EventList","apiVersion":"audit.k8s.io/v1","items":[]}', 'not an audit.k8s.io Event'],
    ['a core/v1 Event', '{"kind":"Event","apiVersion":"v1","reason":"NodeNotReady"}', 'not an audit.k8s.io Event'],
    ['an unknown audit version', '{"kind":"Event","apiVersion":"audit.k8s.io/v2"}', 'not an audit.k8s.io Event'],
    ['falco fal_01_003.json', '{"kind": 0}', 'not an audit.k8s.io Event'],
    ['a legacy-format audit line', '2017-03-21T03:57:09.106841886-04:00 AUDIT: id="c939d2a7-1c37-4ef1-b2f7-4ba9b1e43b53" ip="127.0.0.1" method="GET" user="admin"', 'not JSON'],
    ['truncated JSON', '{"kind":"Event","apiVersion":"audit.k8s.io/v1","verb":"cre', 'malformed JSON'],
    ['a JSON array', '[{"kind":"Event"}]', 'not JSON'],
  ])('%s', (_name, line, reason) => {
    expect(audit.parseLine(line, at)).toEqual({ kind: 'skip', reason });
  });
});
