import fc from 'fast-check';
import { expect, test } from 'vitest';
import { csrTable } from '../../src/parse/csr-table.js';
import { formatCsrTable, type CsrLayout, type CsrRow } from '../support/render-csr-table.js';
import { hostileLines, recordsOf, runBlock, skipsOf } from '../support/run-parser.js';

const path = 'cluster/csr.txt';
const dns = fc.stringMatching(/^[a-z0-9]([a-z0-9.-]{0,30}[a-z0-9])?$/);
const age = fc.array(fc.tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom('s', 'm', 'h', 'd', 'y')), { minLength: 1, maxLength: 2 }).map((p) => p.map(([n, u]) => `${n}${u}`).join(''));
const row: fc.Arbitrary<CsrRow> = fc.record({
  name: dns.map((n) => `csr-${n}`),
  age,
  signerName: fc.constantFrom('kubernetes.io/kubelet-serving', 'kubernetes.io/kube-apiserver-client-kubelet', 'example.com/signer'),
  requestor: fc.oneof(dns.map((n) => `system:node:${n}`), fc.stringMatching(/^[a-z0-9]{6}$/).map((t) => `system:bootstrap:${t}`), fc.constant('system:admin')),
  requestedDuration: fc.oneof(fc.constant('<none>'), age),
  condition: fc.constantFrom('Pending', 'Approved', 'Approved,Issued', 'Approved,Failed', 'Denied', 'Failed'),
});

test('csr-table: rows rendered through tabwriter in every layout parse back', () => {
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.constantFrom<CsrLayout>('old', 'signer', 'duration'), (rows, layout) => {
      const pushed = runBlock(csrTable, path, formatCsrTable(rows, layout).trimEnd().split('\n'));
      expect(skipsOf(pushed)).toEqual([{ line: 1, reason: 'table header', intentional: true }]);
      const records = recordsOf(pushed);
      records.forEach((r, i) => {
        const e = rows[i];
        if (e === undefined || r.kind !== 'csr') throw new Error('missing row');
        const signer = layout === 'old' ? '' : e.signerName;
        expect(r.csr).toEqual({ name: e.name, age: e.age, requestor: e.requestor, condition: e.condition, ...(signer === '' ? {} : { signerName: signer }) });
        expect(r.stamp).toEqual({ kind: 'none' });
        expect(r.host).toBeUndefined();
        expect(r.severity).toBe(/Denied|Failed/.test(e.condition) ? 'error' : e.condition === 'Pending' ? 'warning' : 'info');
        expect(r.message).toBe(`${e.name}${signer === '' ? '' : ` (${signer})`} requested by ${e.requestor}: ${e.condition}`);
        const node = /^system:node:(.+)$/.exec(e.requestor)?.[1];
        expect(r.fields).toEqual({
          age: e.age,
          ...(node === undefined ? {} : { node }),
          ...(layout === 'duration' && e.requestedDuration !== '<none>' ? { requestedDuration: e.requestedDuration } : {}),
        });
      });
      expect(records).toHaveLength(rows.length);
    }),
  );
});

test('csr-table: any line is a record or a counted skip, never a throw', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 5 }), (lines) => {
      expect(runBlock(csrTable, path, ['NAME        AGE   REQUESTOR                 CONDITION', ...lines]).length).toBe(1 + lines.length);
    }),
  );
  expect(() => runBlock(csrTable, path, ['NAME        AGE   REQUESTOR                 CONDITION', ...hostileLines(['csr-5d7cx   82s   system:node:idc-k8s-01    Pending'])])).not.toThrow();
});
