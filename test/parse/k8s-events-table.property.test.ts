import fc from 'fast-check';
import { expect, test } from 'vitest';
import { k8sEventsTable } from '../../src/parse/k8s-events-table.js';
import { formatEventsTable, type EventRow, type TableLayout } from '../support/render-k8s-events.js';
import { hostileLines, recordsOf, runBlock, skipsOf } from '../support/run-parser.js';

const path = 'cluster/events.txt';
const dns = fc.stringMatching(/^[a-z0-9]([a-z0-9.-]{0,24}[a-z0-9])?$/);
const age = fc.oneof(
  fc.array(fc.tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom('s', 'm', 'h', 'd', 'y')), { minLength: 1, maxLength: 2 }).map((parts) => parts.map(([n, u]) => `${n}${u}`).join('')),
  fc.constantFrom('<unknown>', '<invalid>'),
);
// One line, trimmed as kubectl trims it; anything else goes, runs of spaces and astral characters too.
const message = fc
  .string({ unit: fc.oneof(fc.constantFrom(' ', '  ', '\u2028', '"', '/', ':'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 80 })
  .map((s) => s.replace(/[\t\n\r]/g, ' ').trim());

const row: fc.Arbitrary<EventRow & { component: string; instance: string | undefined }> = fc
  .record({
    namespace: dns, lastSeen: age, firstSeen: age, count: fc.integer({ min: 1, max: 1_000_000 }), type: fc.constantFrom('Normal', 'Warning'),
    reason: fc.stringMatching(/^[A-Z][A-Za-z]{0,24}$/), kind: fc.constantFrom('Node', 'Pod', 'ReplicaSet', 'CertificateSigningRequest', 'Application'),
    name: dns, subobject: fc.oneof(fc.constant(''), dns.map((c) => `spec.containers{${c}}`)), message, eventName: dns,
    component: fc.constantFrom('kubelet', 'default-scheduler', 'node-controller'), instance: fc.option(dns, { nil: undefined }),
  })
  .map((r) => ({ ...r, source: r.instance === undefined ? r.component : `${r.component}, ${r.instance}` }));

test('k8s-events-table: rows rendered through tabwriter in every layout parse back', () => {
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), fc.constantFrom<TableLayout>('modern', 'all-namespaces', 'wide', 'old'), (rows, layout) => {
      const lines = formatEventsTable(rows, layout).trimEnd().split('\n');
      const pushed = runBlock(k8sEventsTable, path, lines);
      expect(skipsOf(pushed)).toEqual([{ line: 1, reason: 'table header', intentional: true }]);
      const records = recordsOf(pushed);
      expect(records).toHaveLength(rows.length);
      records.forEach((r, i) => {
        const e = rows[i];
        if (e === undefined || r.kind !== 'k8s-event') throw new Error('missing row');
        const hasSource = layout === 'wide' || layout === 'old';
        const kubeletHost = hasSource && e.component === 'kubelet' ? e.instance : undefined;
        expect(r.stamp).toEqual({ kind: 'none' });
        expect(r.message).toBe(e.message);
        expect(r.severity).toBe(e.type === 'Warning' ? 'warning' : 'info');
        expect(r.host).toBe(kubeletHost);
        expect(r.component).toBe(hasSource ? e.component : undefined);
        expect(r.event).toEqual({
          // OBJECT prints the kind in lower case: known kinds get their spelling back, others stay as printed.
          reason: e.reason, type: e.type, involvedKind: layout === 'old' || e.kind !== 'Application' ? e.kind : 'application', involvedName: e.name,
          count: hasSource ? e.count : 1,
          ...(layout === 'all-namespaces' ? { namespace: e.namespace } : {}),
          ...(hasSource ? { reportingComponent: e.component } : {}),
        });
        const fields: Record<string, string> = { lastSeen: e.lastSeen };
        if (hasSource) fields['firstSeen'] = e.firstSeen;
        if (hasSource && e.subobject !== '') fields['subobject'] = e.subobject;
        if (layout === 'wide') fields['eventName'] = e.eventName;
        if (e.kind === 'Node') fields['node'] = e.name;
        if (hasSource && e.instance !== undefined && e.component !== 'kubelet') fields['sourceInstance'] = e.instance;
        expect(r.fields).toEqual(fields);
      });
    }),
  );
});

test('k8s-events-table: any line, before or after a header, is a record or a counted skip, never a throw', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 5 }), (lines) => {
      const pushed = runBlock(k8sEventsTable, path, ['LAST SEEN   TYPE      REASON         OBJECT   MESSAGE', ...lines, ...lines]);
      expect(pushed.length).toBe(1 + 2 * lines.length);
    }),
  );
  const valid = formatEventsTable([], 'wide').trimEnd().split('\n');
  expect(() => runBlock(k8sEventsTable, path, [...valid, ...hostileLines(['31m         Normal    NodeNotReady   node/x   msg'])])).not.toThrow();
});
