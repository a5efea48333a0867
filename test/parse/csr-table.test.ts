import { describe, expect, test } from 'vitest';
import type { ParsedRecord } from '../../src/model/event.js';
import { csrTable } from '../../src/parse/csr-table.js';
import { excerptLines, recordsOf, runBlock, skipsOf } from '../support/run-parser.js';

const path = 'cluster/csr.txt';
const read = (file: string) => runBlock(csrTable, path, excerptLines('csr-table', file));
const csr = (r: ParsedRecord | undefined) => (r?.kind === 'csr' ? r.csr : undefined);

describe('csr-table: the header example (seed 001, kubectl get csr before 1.18)', () => {
  const pushed = read('seed-001-bootstrap.txt');
  const records = recordsOf(pushed);

  test('the first row: a kubelet serving request still Pending is a warning naming its node', () => {
    const [first] = records;
    expect(csr(first)).toEqual({ name: 'csr-5d7cx', requestor: 'system:node:idc-k8s-01', condition: 'Pending', age: '82s' });
    expect(first?.severity).toBe('warning');
    expect(first?.stamp).toEqual({ kind: 'none' });
    expect(first?.fields).toEqual({ age: '82s', node: 'idc-k8s-01' });
    expect(first?.message).toBe('csr-5d7cx requested by system:node:idc-k8s-01: Pending');
    expect(first?.host).toBeUndefined();
    expect(first?.source).toMatchObject({ path, line: 2 });
  });

  test('bootstrap requests that were approved and issued are info, with no node', () => {
    expect(records.map((r) => [csr(r)?.name, r.severity, r.fields['node']])).toEqual([
      ['csr-5d7cx', 'warning', 'idc-k8s-01'],
      ['csr-g9lrq', 'info', undefined],
      ['csr-hj687', 'warning', 'idc-k8s-02'],
      ['csr-kmbb9', 'warning', 'idc-k8s-03'],
      ['csr-rsmz5', 'info', undefined],
      ['csr-zw2kd', 'info', undefined],
    ]);
    expect(skipsOf(pushed)).toEqual([{ line: 1, reason: 'table header', intentional: true }]);
  });

  test('the second table of seed 001 reads the same way', () => {
    const second = recordsOf(read('seed-001-server-pending.txt'));
    expect(second.map((r) => r.fields['age'])).toEqual(['3m22s', '3m34s', '3m21s', '3m20s', '3m35s', '3m33s']);
    expect(second.filter((r) => r.severity === 'warning').map((r) => r.fields['node'])).toEqual(['zhangjun-k8s-01', 'zhangjun-k8s-02', 'zhangjun-k8s-03']);
  });
});

describe('csr-table: newer layouts', () => {
  test('SIGNERNAME (awslabs/eks-perf-tests#189)', () => {
    const records = recordsOf(read('eks-kubelet-serving-pending.txt'));
    expect(records).toHaveLength(6);
    expect(csr(records[3])).toEqual({
      name: 'csr-4ww4k', age: '14h', signerName: 'kubernetes.io/kubelet-serving',
      requestor: 'system:node:ip-10-0-100-5.us-west-2.compute.internal', condition: 'Pending',
    });
    expect(records[3]?.message).toBe('csr-4ww4k (kubernetes.io/kubelet-serving) requested by system:node:ip-10-0-100-5.us-west-2.compute.internal: Pending');
  });

  test('REQUESTEDDURATION <none> is left out of fields (crc-org/snc#631)', () => {
    const records = recordsOf(read('openshift-requested-duration.txt'));
    expect(records.map((r) => [csr(r)?.name, csr(r)?.condition, r.severity])).toEqual([
      ['csr-b4gb2', 'Approved,Issued', 'info'],
      ['csr-c28jv', 'Pending', 'warning'],
      ['csr-f9f7d', 'Approved,Issued', 'info'],
    ]);
    expect(records[1]?.fields).toEqual({ age: '3m19s' });
  });

  test('Approved,Failed is an error (kubernetes/website#24405)', () => {
    const records = recordsOf(read('website-approved-failed.txt'));
    expect(records.map((r) => [csr(r)?.condition, r.severity])).toEqual([['Approved,Failed', 'error'], ['Approved,Issued', 'info']]);
  });

  test.each([
    ['Denied', 'error'], ['Failed', 'error'], ['Approved', 'info'], ['Approved,Issued', 'info'], ['Pending', 'warning'], ['Denied,Issued', 'error'],
  ])('condition %s is %s', (condition, severity) => {
    const [r] = recordsOf(runBlock(csrTable, path, ['NAME        AGE   REQUESTOR       REQUESTEDDURATION   CONDITION', `csr-abcde   5m    system:admin    1h                  ${condition}`]));
    expect(r?.severity).toBe(severity);
    expect(r?.fields).toEqual({ age: '5m', requestedDuration: '1h' });
  });
});

describe('csr-table: lines that are no rows', () => {
  test('rows before a header, a truncated row and "No resources found" are skips with reasons', () => {
    const pushed = runBlock(csrTable, path, [
      'csr-5d7cx   82s   system:node:idc-k8s-01    Pending',
      'NAME        AGE   REQUESTOR                 CONDITION',
      'csr-5d7cx   82s   system:node:idc-k8s-01',
      'No resources found',
      '$ kubectl certificate approve csr-5d7cx',
    ]);
    expect(recordsOf(pushed)).toEqual([]);
    expect(skipsOf(pushed).map((s) => [s.line, s.reason, s.intentional])).toEqual([
      [1, 'no kubectl get csr header before this line', false],
      [2, 'table header', true],
      [3, 'not a row of the CSR table', false],
      [4, 'no CSRs listed', true],
      [5, 'not a row of the CSR table', false],
    ]);
  });

  test('a kubectl get nodes header is not a CSR header', () => {
    const pushed = runBlock(csrTable, path, ['NAME         STATUS     ROLES    AGE     VERSION', 'idc-k8s-01   NotReady   <none>   2m43s   v1.16.6']);
    expect(skipsOf(pushed).map((s) => s.reason)).toEqual(['no kubectl get csr header before this line', 'no kubectl get csr header before this line']);
  });
});
