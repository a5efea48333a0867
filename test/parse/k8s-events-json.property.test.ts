import fc from 'fast-check';
import { expect, test } from 'vitest';
import { k8sEventsJson } from '../../src/parse/k8s-events-json.js';
import { formatEventList, type EventInput } from '../support/render-k8s-events.js';
import { runStream } from '../support/run-stream.js';

const path = 'cluster/events.json';
const dns = fc.stringMatching(/^[a-z0-9]([a-z0-9.-]{0,30}[a-z0-9])?$/);
const seconds = fc.integer({ min: 946_684_800, max: 4_102_444_799 });

const event: fc.Arbitrary<EventInput> = fc.record(
  {
    name: dns, namespace: dns, reason: fc.stringMatching(/^[A-Z][A-Za-z]{0,30}$/), type: fc.constantFrom('Normal', 'Warning'),
    message: fc.string({ unit: fc.oneof(fc.constantFrom('\u2028', '\n', '"', '\\', '\u0000'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) }),
    involvedKind: fc.constantFrom('Node', 'Pod', 'Deployment', 'CertificateSigningRequest'), involvedName: dns,
    count: fc.integer({ min: 1, max: 100_000 }), component: fc.constantFrom('kubelet', 'default-scheduler', 'node-controller', 'csrapproving'),
    host: dns, last: seconds.map((sec) => ({ sec, nsec: 0 })),
    eventTime: fc.record({ sec: seconds, nsec: fc.integer({ min: 0, max: 999_999 }).map((us) => us * 1000) }),
  },
  { requiredKeys: ['name', 'namespace', 'reason', 'type', 'message', 'involvedKind', 'involvedName', 'count', 'component', 'last'] },
);

test('k8s-events-json: a rendered List, cut into chunks anywhere, parses back to every event', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(event, { maxLength: 8 }), fc.constantFrom('core', 'events.k8s.io') as fc.Arbitrary<'core' | 'events.k8s.io'>, fc.integer({ min: 1, max: 300 }), async (events, api, chunk) => {
      const text = formatEventList(events, api);
      const lines = text.split('\n');
      const { records, tally } = await runStream(k8sEventsJson, path, text, chunk);
      expect(tally.diagnosticList()).toEqual([]);
      expect(records).toHaveLength(events.length);
      records.forEach((r, i) => {
        const e = events[i];
        if (e === undefined || r.kind !== 'k8s-event') throw new Error('missing event');
        expect(lines[r.source.line - 1]?.trim()).toBe('{');
        const modern = api === 'events.k8s.io';
        const time = modern ? (e.eventTime ?? e.last) : e.last;
        expect(r.stamp).toEqual({ kind: 'utc', at: time, precision: modern ? 'us' : 's' });
        expect(r.host).toBe(e.host);
        expect(r.component).toBe(e.component);
        expect(r.severity).toBe(e.type === 'Warning' ? 'warning' : 'info');
        expect(r.message).toBe(e.message);
        expect(r.event).toEqual({
          reason: e.reason, type: e.type, involvedKind: e.involvedKind, involvedName: e.involvedName, namespace: e.namespace,
          count: modern ? 1 : e.count, reportingComponent: e.component,
        });
        expect(r.fields).toEqual({
          index: String(i), timeSource: modern ? 'eventTime' : 'lastTimestamp', name: e.name,
          ...(e.involvedKind === 'Node' ? { node: e.involvedName } : {}),
          ...(modern && e.host !== undefined ? { reportingInstance: e.host } : {}),
        });
      });
    }),
    { numRuns: 150 },
  );
});

test('k8s-events-json: any bytes, in any chunks, end in records and reports, never a throw', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.integer({ min: 1, max: 64 }), async (bytes, chunk) => {
      const { records } = await runStream(k8sEventsJson, path, Buffer.from(bytes), chunk);
      expect(Array.isArray(records)).toBe(true);
    }),
  );
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: 'binary' }), async (s) => {
      await expect(runStream(k8sEventsJson, path, s)).resolves.toBeDefined();
    }),
  );
});

test('k8s-events-json: a List truncated anywhere keeps the events before the cut and reports the cut', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 4 }), fc.nat(), async (events, cut) => {
      const text = formatEventList(events, 'core');
      const at = cut % text.length;
      const { records, tally } = await runStream(k8sEventsJson, path, text.slice(0, at), 13);
      expect(records.length).toBeLessThanOrEqual(events.length);
      // Cut inside the List: the file ended inside a value, which is said.
      if (at > 0 && at < text.trimEnd().length) expect(tally.diagnosticList().length).toBe(1);
      else expect(tally.diagnosticList()).toEqual([]); // empty, or whole: nothing to say
    }),
  );
});

test('k8s-events-json: NUL bytes, broken UTF-8 and a 1 MB string are read without a throw', async () => {
  const big = 'x'.repeat(1 << 20);
  const broken = Buffer.concat([Buffer.from('{"kind":"Event","message":"'), Buffer.from([0xe2, 0x80, 0xff, 0xc3]), Buffer.from(`${big}","involvedObject":{}}`)]);
  const { records } = await runStream(k8sEventsJson, path, broken, 1000);
  expect(records).toHaveLength(1);
  expect(records[0]?.message.startsWith('\uFFFD')).toBe(true);
  const nul = await runStream(k8sEventsJson, path, '\u0000{"items":[]}');
  expect(nul.records).toEqual([]);
  expect(nul.tally.diagnosticList()).toHaveLength(1);
});
