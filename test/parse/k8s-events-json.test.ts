import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { civilToInstant } from '../../src/model/time.js';
import { k8sEventsJson } from '../../src/parse/k8s-events-json.js';
import { runStream } from '../support/run-stream.js';

const dump = readFileSync('test/parse/excerpts/k8s-events-json/cluster-info-dump.json');
const path = 'cluster/events.json';

describe('k8s-events-json: kubectl cluster-info dump (inquisitivefrog/kubernetes README.kubectl_cluster.txt)', () => {
  test('streams both Events of the EventList, each at the line of its opening brace', async () => {
    const { records, tally } = await runStream(k8sEventsJson, path, dump);
    expect(records.map((r) => r.source)).toEqual([{ path, line: 190 }, { path, line: 219 }]);
    const [first] = records;
    expect(first?.kind).toBe('k8s-event');
    if (first?.kind !== 'k8s-event') return;
    expect(first.event).toEqual({
      reason: 'FailedScheduling', type: 'Warning', involvedKind: 'Pod', involvedName: 'coredns-5dd5756b68-2zrhr',
      namespace: 'kube-system', count: 23, reportingComponent: 'default-scheduler',
    });
    expect(first.stamp).toEqual({ kind: 'utc', at: civilToInstant(2024, 10, 25, 17 * 3600 + 56 * 60 + 23), precision: 's' });
    expect(first.severity).toBe('warning');
    expect(first.message).toBe('0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..');
    expect(first.component).toBe('default-scheduler');
    expect(first.host).toBeUndefined(); // the scheduler names no host
    expect(first.fields).toEqual({ index: '1', timeSource: 'lastTimestamp', name: 'coredns-5dd5756b68-2zrhr.1801bdc416b3447a' });
    expect(tally.diagnosticList()).toEqual([]);
  });

  test('counts the Node item of the NodeList as an intentional skip at its line', async () => {
    const { tally } = await runStream(k8sEventsJson, path, dump);
    expect(tally.skipCounts()).toEqual([
      { path, format: 'k8s-events-json', reason: 'list item is not an Event', intentional: true, count: 1, firstLines: [8] },
    ]);
  });

  test.each([1, 2, 7, 100, 4096])('gives the same records when the bytes arrive in %i-byte chunks', async (size) => {
    const whole = await runStream(k8sEventsJson, path, dump);
    const cut = await runStream(k8sEventsJson, path, dump, size);
    expect(cut.records).toEqual(whole.records);
  });
});

const coreEvent = {
  apiVersion: 'v1', count: 3, eventTime: null, firstTimestamp: '2024-04-01T12:10:00Z',
  involvedObject: { kind: 'Node', name: 'node-b', uid: 'node-b' }, kind: 'Event', lastTimestamp: '2024-04-01T12:13:41Z',
  message: 'Node node-b status is now: NodeNotReady', metadata: { creationTimestamp: '2024-04-01T12:10:00Z', name: 'node-b.17c1', namespace: 'default' },
  reason: 'NodeNotReady', reportingComponent: '', reportingInstance: '', source: { component: 'node-controller' }, type: 'Normal',
};

describe('k8s-events-json: shapes of input', () => {
  test('a kubectl List: keys sorted, 4-space indent; an involved Node is named in fields, not taken as host', async () => {
    const list = JSON.stringify({ apiVersion: 'v1', items: [coreEvent], kind: 'List', metadata: { resourceVersion: '' } }, null, 4);
    const { records } = await runStream(k8sEventsJson, path, list);
    expect(records).toHaveLength(1);
    expect(records[0]?.source.line).toBe(4);
    expect(records[0]?.host).toBeUndefined();
    expect(records[0]?.fields).toMatchObject({ node: 'node-b', index: '0' });
    expect(records[0]?.severity).toBe('info');
  });

  test('a bare Event object (kubectl get event NAME -o json)', async () => {
    const { records } = await runStream(k8sEventsJson, path, `\n\n${JSON.stringify(coreEvent, null, 4)}\n`);
    expect(records.map((r) => [r.source.line, r.message])).toEqual([[3, 'Node node-b status is now: NodeNotReady']]);
  });

  test('several top-level values in a row (kubectl get events -o json --watch)', async () => {
    const second = { ...coreEvent, type: 'Warning', lastTimestamp: '2024-04-01T12:20:00Z' };
    const { records } = await runStream(k8sEventsJson, path, `${JSON.stringify(coreEvent)}\n${JSON.stringify(second)}\n`);
    expect(records.map((r) => [r.source.line, r.severity])).toEqual([[1, 'info'], [2, 'warning']]);
  });

  test('a top-level array of Events (jq .items)', async () => {
    const { records } = await runStream(k8sEventsJson, path, JSON.stringify([coreEvent, coreEvent], null, 2));
    expect(records.map((r) => r.source.line)).toEqual([2, 28]);
  });

  test('a kubelet event names its node in source.host, which becomes the host', async () => {
    const e = { ...coreEvent, involvedObject: { kind: 'Pod', name: 'web-0', namespace: 'shop' }, source: { component: 'kubelet', host: 'node-a' } };
    const { records } = await runStream(k8sEventsJson, path, JSON.stringify(e));
    expect(records[0]).toMatchObject({ host: 'node-a', component: 'kubelet' });
    if (records[0]?.kind === 'k8s-event') expect(records[0].event.namespace).toBe('shop');
  });

  test('reportingInstance is a host only for the kubelet', async () => {
    const kubelet = { ...coreEvent, source: {}, reportingComponent: 'kubelet', reportingInstance: 'node-c' };
    const scheduler = { ...coreEvent, source: {}, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-master-1' };
    const { records } = await runStream(k8sEventsJson, path, `${JSON.stringify(kubelet)}${JSON.stringify(scheduler)}`);
    expect(records.map((r) => [r.host, r.component, r.fields['reportingInstance']])).toEqual([
      ['node-c', 'kubelet', 'node-c'],
      [undefined, 'default-scheduler', 'default-scheduler-master-1'],
    ]);
  });

  test('an events.k8s.io/v1 Event: note, regarding, reportingController, series', async () => {
    const e = {
      apiVersion: 'events.k8s.io/v1', kind: 'Event', action: 'Binding', eventTime: '2024-04-01T12:00:00.123456Z',
      metadata: { name: 'web-0.1', namespace: 'shop', creationTimestamp: '2024-04-01T12:00:00Z' },
      note: 'Successfully assigned shop/web-0 to node-a', reason: 'Scheduled', regarding: { kind: 'Pod', name: 'web-0', namespace: 'shop' },
      reportingController: 'default-scheduler', reportingInstance: 'default-scheduler-cp-1',
      series: { count: 4, lastObservedTime: '2024-04-01T12:05:00.654321Z' }, type: 'Normal',
    };
    const { records } = await runStream(k8sEventsJson, path, JSON.stringify(e));
    const [r] = records;
    expect(r?.message).toBe('Successfully assigned shop/web-0 to node-a');
    expect(r?.component).toBe('default-scheduler');
    // With a series, eventTime is the first occurrence: the latest is series.lastObservedTime.
    expect(r?.stamp).toEqual({ kind: 'utc', at: civilToInstant(2024, 4, 1, 43_500, 654_321_000), precision: 'us' });
    expect(r?.fields).toMatchObject({ timeSource: 'series.lastObservedTime', action: 'Binding' });
    if (r?.kind === 'k8s-event') expect(r.event).toMatchObject({ count: 4, involvedKind: 'Pod', reportingComponent: 'default-scheduler' });
  });

  test.each([
    ['lastTimestamp', { lastTimestamp: '2024-04-01T12:13:41Z', eventTime: '2024-04-01T12:00:00.000000Z' }, 44_021],
    ['series.lastObservedTime', { lastTimestamp: null, series: { count: 2, lastObservedTime: '2024-04-01T12:13:41.000000Z' }, eventTime: '2024-04-01T12:00:00.000000Z' }, 44_021],
    ['eventTime', { lastTimestamp: null, eventTime: '2024-04-01T12:13:41.000000Z', firstTimestamp: null }, 44_021],
    ['firstTimestamp', { lastTimestamp: null, firstTimestamp: '2024-04-01T12:13:41Z' }, 44_021],
    ['metadata.creationTimestamp', { lastTimestamp: null, firstTimestamp: null, metadata: { creationTimestamp: '2024-04-01T12:13:41Z' } }, 44_021],
  ])('takes the time from %s when the fields before it are empty', async (source, over, secOfDay) => {
    const { records } = await runStream(k8sEventsJson, path, JSON.stringify({ ...coreEvent, ...over }));
    expect(records[0]?.fields['timeSource']).toBe(source);
    expect(records[0]?.stamp).toMatchObject({ kind: 'utc', at: civilToInstant(2024, 4, 1, secOfDay) });
  });

  test('no time at all: stamp none', async () => {
    const { records } = await runStream(k8sEventsJson, path, JSON.stringify({ kind: 'Event', involvedObject: { kind: 'Pod', name: 'x' } }));
    expect(records[0]?.stamp).toEqual({ kind: 'none' });
  });

  test('a byte-order mark before the document is dropped', async () => {
    const { records, tally } = await runStream(k8sEventsJson, path, `\uFEFF${JSON.stringify(coreEvent)}`);
    expect(records).toHaveLength(1);
    expect(tally.diagnosticList()).toEqual([]);
  });
});

describe('k8s-events-json: bad input is reported, what was read is kept', () => {
  test('malformed JSON after the first item: the first is kept, the fault reported at its line', async () => {
    const text = `{"kind":"List","items":[\n${JSON.stringify(coreEvent)},\n{"kind": "Event", "reason": oops}\n]}`;
    const { records, tally } = await runStream(k8sEventsJson, path, text);
    expect(records).toHaveLength(1);
    expect(tally.diagnosticList()).toEqual([
      { path, line: 3, severity: 'error', message: expect.stringMatching(/^malformed JSON, stopped reading: Parser cannot parse input/) },
    ]);
  });

  test('one minified line with a fault at its end: the items read before the fault are kept', async () => {
    const items = Array.from({ length: 40 }, (_, i) => JSON.stringify({ ...coreEvent, reason: `R${i}` }));
    const { records, tally } = await runStream(k8sEventsJson, path, `{"kind":"List","items":[${items.join(',')},oops]}`);
    // Only the items in the 4096-character piece that holds the fault are lost.
    expect(records.length).toBeGreaterThanOrEqual(40 - Math.ceil(4096 / (items[0]?.length ?? 1)) - 1);
    expect(records.length).toBeLessThan(40);
    expect(records.every((r) => r.source.line === 1)).toBe(true);
    expect(tally.diagnosticList()).toMatchObject([{ line: 1, severity: 'error' }]);
  });

  test('a file cut short inside an item: earlier items kept, the cut reported', async () => {
    const list = JSON.stringify({ apiVersion: 'v1', items: [coreEvent, coreEvent], kind: 'List' }, null, 4);
    const { records, tally } = await runStream(k8sEventsJson, path, list.slice(0, list.lastIndexOf('"reason"')));
    expect(records).toHaveLength(1);
    expect(tally.diagnosticList()).toMatchObject([{ path, severity: 'error', message: 'JSON ends inside a value (file cut short?)' }]);
  });

  test('items that are not objects and top-level scalars are counted skips', async () => {
    const { records, tally } = await runStream(k8sEventsJson, path, '{"items":[1,"x",null]}\n42\n');
    expect(records).toEqual([]);
    expect(tally.skipCounts().map((s) => [s.reason, s.count, s.intentional])).toEqual([
      ['list item is not an object', 3, false],
      ['top-level JSON value is not an object', 1, false],
    ]);
  });

  test('a text file is reported, not thrown', async () => {
    const { records, tally } = await runStream(k8sEventsJson, path, 'LAST SEEN   TYPE   REASON\n');
    expect(records).toEqual([]);
    expect(tally.diagnosticList()[0]).toMatchObject({ line: 1, severity: 'error' });
  });

  test('a failing byte source is reported', async () => {
    const tally = new (await import('../../src/model/tally.js')).Tally();
    async function* broken(): AsyncGenerator<Buffer> {
      yield Buffer.from('{"items":[');
      throw new Error('EIO: i/o error');
    }
    const out = [];
    for await (const r of k8sEventsJson.parse(broken(), path, tally)) out.push(r);
    expect(out).toEqual([]);
    expect(tally.diagnosticList()).toMatchObject([{ severity: 'error', message: expect.stringContaining('EIO') }]);
  });
});
