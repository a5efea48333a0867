import fc from 'fast-check';
import { expect, test } from 'vitest';
import { describeNode } from '../../src/parse/describe-node.js';
import { formatDescribeNode, formatRfc1123z, type NodeInput } from '../support/render-describe-node.js';
import { hostileLines, recordsOf, runBlock, skipsOf } from '../support/run-parser.js';

const path = 'nodes/describe.txt';
const dns = fc.stringMatching(/^[a-z0-9]([a-z0-9.-]{0,24}[a-z0-9])?$/);
const instant = fc.integer({ min: 946_684_800, max: 4_102_444_799 }).map((sec) => ({ sec, nsec: 0 }));
const offset = fc.integer({ min: -12 * 60, max: 14 * 60 });
const word = fc.stringMatching(/^[A-Z][A-Za-z]{0,24}$/);
const text = fc
  .string({ unit: fc.oneof(fc.constantFrom(' ', '  ', ':', '"', '\u2028'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 60 })
  .map((s) => s.replace(/[\t\n\r]/g, ' ').trim());
const unit = fc.array(fc.tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom('s', 'm', 'h', 'd', 'y')), { minLength: 1, maxLength: 2 }).map((p) => p.map(([n, u]) => `${n}${u}`).join(''));
const age = fc.oneof(unit, fc.tuple(unit, fc.integer({ min: 2, max: 999 }), unit).map(([a, n, b]) => `${a} (x${n} over ${b})`));

const node: fc.Arbitrary<NodeInput> = fc.record({
  name: dns,
  created: instant,
  offsetMin: offset,
  kubeletVersion: fc.stringMatching(/^v1\.[0-9]{1,2}\.[0-9]{1,2}$/),
  conditions: fc.array(
    fc.record({
      type: fc.oneof(fc.constantFrom('Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'), word),
      status: fc.constantFrom('True', 'False', 'Unknown'), heartbeat: instant, transition: instant, offsetMin: offset, reason: word, message: text,
    }),
    { maxLength: 6 },
  ),
  events: fc.array(
    fc.record({
      type: fc.constantFrom('Normal', 'Warning'), reason: word, age,
      from: fc.oneof(fc.constantFrom('kubelet', 'kube-proxy', 'node-controller'), dns.map((h) => `kubelet, ${h}`)), message: text,
    }),
    { maxLength: 6 },
  ),
});

test('describe-node: nodes rendered as kubectl describe writes them parse back', () => {
  fc.assert(
    fc.property(fc.uniqueArray(node, { minLength: 1, maxLength: 3, selector: (n) => n.name }), (nodes) => {
      const lines = nodes.map(formatDescribeNode).join('').trimEnd().split('\n');
      const pushed = runBlock(describeNode, path, lines);
      expect(skipsOf(pushed).filter((s) => !s.intentional)).toEqual([]);
      const records = recordsOf(pushed);
      for (const n of nodes) {
        const mine = records.filter((r) => r.host === n.name);
        const conditions = mine.filter((r) => r.kind === 'condition');
        expect(conditions).toHaveLength(n.conditions.length);
        conditions.forEach((r, i) => {
          const c = n.conditions[i];
          if (c === undefined || r.kind !== 'condition') throw new Error('missing condition');
          expect(r.condition).toEqual({ type: c.type, status: c.status, reason: c.reason });
          expect(r.stamp).toEqual({ kind: 'utc', at: c.transition, precision: 's' });
          const bad = c.type === 'Ready' ? c.status !== 'True' : c.status === 'True';
          expect(r.severity).toBe(!bad ? 'info' : c.type === 'Ready' ? 'error' : 'warning');
          expect(r.message).toBe(c.message === '' ? `${c.type} is ${c.status} (${c.reason})` : c.message);
          expect(r.fields).toEqual({ lastTransitionTime: formatRfc1123z(c.transition, c.offsetMin), lastHeartbeatTime: formatRfc1123z(c.heartbeat, c.offsetMin) });
        });
        const events = mine.filter((r) => r.kind === 'k8s-event');
        expect(events).toHaveLength(n.events.length);
        events.forEach((r, i) => {
          const e = n.events[i];
          if (e === undefined || r.kind !== 'k8s-event') throw new Error('missing event');
          const repeat = /^(\S+) \(x(\d+) over (\S+)\)$/.exec(e.age);
          const component = e.from.split(', ')[0] ?? '';
          expect(r.event).toEqual({ reason: e.reason, type: e.type, involvedKind: 'Node', involvedName: n.name, count: repeat === null ? 1 : Number(repeat[2]), reportingComponent: component });
          expect(r.stamp).toEqual({ kind: 'none' });
          expect(r.severity).toBe(e.type === 'Warning' ? 'warning' : 'info');
          expect(r.message).toBe(e.message);
          expect(r.component).toBe(component);
          expect(r.fields).toEqual({ age: repeat === null ? e.age : repeat[1], node: n.name, ...(repeat === null ? {} : { firstSeen: repeat[3] }) });
        });
        const summary = mine.filter((r) => r.kind === 'log');
        expect(summary).toHaveLength(1);
        expect(summary[0]?.stamp).toEqual({ kind: 'utc', at: n.created, precision: 's' });
        expect(summary[0]?.message).toBe(`node ${n.name}: kubelet ${n.kubeletVersion}`);
        expect(summary[0]?.fields).toMatchObject({ kubeletVersion: n.kubeletVersion, creationTimestamp: formatRfc1123z(n.created, n.offsetMin), labels: `kubernetes.io/arch=amd64,kubernetes.io/hostname=${n.name}` });
      }
      expect(records).toHaveLength(nodes.reduce((sum, n) => sum + n.conditions.length + n.events.length + 1, 0));
    }),
  );
});

test('describe-node: any line, anywhere in a description, is a record or a counted skip, never a throw', () => {
  const valid = formatDescribeNode({ name: 'n', created: { sec: 0, nsec: 0 }, offsetMin: 0, kubeletVersion: 'v1.30.0', conditions: [], events: [] }).trimEnd().split('\n');
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 6 }), fc.nat(), (junk, at) => {
      const cut = at % (valid.length + 1);
      const lines = [...valid.slice(0, cut), ...junk, ...valid.slice(cut)];
      expect(() => runBlock(describeNode, path, lines)).not.toThrow();
    }),
  );
  expect(() => runBlock(describeNode, path, [...valid.slice(0, 8), ...hostileLines(valid)])).not.toThrow();
});
