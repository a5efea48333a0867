import { describe, expect, test } from 'vitest';
import { hostOfMatch } from '../../src/match/evaluate.js';
import type { Matcher } from '../../src/match/pattern.js';
import type { ParsedRecord } from '../../src/model/event.js';

const matcher: Matcher = { id: 'm', patternId: 'p', role: 'signal', test: { kind: 'audit' } };
const audit = (user: string, groups: string[]): ParsedRecord => ({
  kind: 'audit', severity: 'warning', message: 'create certificatesigningrequests 403', fields: {}, source: { path: 'cp-1/audit.log', line: 3 },
  stamp: { kind: 'none' },
  audit: { auditId: 'a', stage: 'ResponseComplete', verb: 'create', user, groups, resource: 'certificatesigningrequests', code: 403, sourceIps: [] },
});

describe('the host an audit event is about', () => {
  test.each([
    ['a node user names its node', audit('system:node:node-b', ['system:nodes']), 'node-b'],
    ['a bootstrap token with a per-node group names that node', audit('system:bootstrap:82jfrm', ['system:bootstrappers', 'system:bootstrappers:node-b', 'system:authenticated']), 'node-b'],
    ['any other user stays on the audit log’s host', audit('system:serviceaccount:kube-system:x', ['system:serviceaccounts']), 'cp-1'],
    ['a bootstrap token without a per-node group too', audit('system:bootstrap:82jfrm', ['system:bootstrappers']), 'cp-1'],
  ])('%s', (_name, record, host) => {
    expect(hostOfMatch(matcher, record, {}, 'cp-1')).toBe(host);
  });
});
