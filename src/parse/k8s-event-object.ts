// One Kubernetes Event object, parsed JSON, to a record: core/v1 Events (what `kubectl get events
// -o json` lists) and events.k8s.io/v1 Events (`regarding`, `note`, `reportingController`). Items of
// an EventList read straight from the API carry no kind; they count as Events when they have an
// involved object. k8s-events-json streams the objects here one at a time.
import type { K8sEventDetail, SourceRef } from '../model/event.js';
import type { Stamp } from '../model/time.js';
import { isRecord, numberAt, recordAt, stringAt, type JsonRecord } from './json-value.js';
import type { LineResult } from './line-parser.js';
import { stampFromIso } from './stamp-iso.js';

export function eventRecord(item: unknown, source: SourceRef, index: number): LineResult {
  if (!isRecord(item)) return { kind: 'skip', reason: 'list item is not an object' };
  const kind = item['kind'];
  const looksLikeEvent = 'involvedObject' in item || 'regarding' in item;
  if (kind !== 'Event' && !(kind === undefined && looksLikeEvent)) {
    return { kind: 'skip', reason: 'list item is not an Event', intentional: true };
  }
  const modern = String(item['apiVersion'] ?? '').startsWith('events.k8s.io/') || (!('involvedObject' in item) && 'regarding' in item);
  const v = modern ? modernView(item) : coreView(item);
  const meta = recordAt(item, 'metadata');
  const involvedKind = stringAt(v.involved, 'kind') ?? '';
  const involvedName = stringAt(v.involved, 'name') ?? '';
  const type = stringAt(item, 'type') ?? '';
  const namespace = stringAt(v.involved, 'namespace') ?? stringAt(meta, 'namespace');
  const event: K8sEventDetail = {
    reason: stringAt(item, 'reason') ?? '',
    type,
    involvedKind,
    involvedName,
    count: v.count ?? 1,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(v.component !== undefined ? { reportingComponent: v.component } : {}),
  };
  const time = firstStamp(item, v.timeKeys);
  const fields: Record<string, string> = { index: String(index), timeSource: time.key };
  const optional: Record<string, string | undefined> = {
    name: stringAt(meta, 'name'),
    node: involvedKind === 'Node' && involvedName !== '' ? involvedName : undefined,
    fieldPath: stringAt(v.involved, 'fieldPath'),
    reportingInstance: stringAt(item, 'reportingInstance'),
    action: stringAt(item, 'action'),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) fields[key] = value;
  return {
    kind: 'record',
    record: {
      kind: 'k8s-event',
      event,
      stamp: time.stamp,
      severity: type === 'Warning' ? 'warning' : 'info',
      message: (modern ? stringAt(item, 'note') : stringAt(item, 'message')) ?? '',
      fields,
      source,
      ...(v.host !== undefined ? { host: v.host } : {}),
      ...(v.component !== undefined ? { component: v.component } : {}),
    },
  };
}

interface EventView {
  readonly involved: JsonRecord | undefined;
  readonly count: number | undefined;
  readonly component: string | undefined;
  readonly host: string | undefined;
  /** Where the time of the latest occurrence is, best first. */
  readonly timeKeys: readonly string[];
}

// Times, latest occurrence first. series.lastObservedTime comes before eventTime: with a series,
// eventTime is when the *first* event of the series happened.
function coreView(e: JsonRecord): EventView {
  const source = recordAt(e, 'source');
  const component = stringAt(source, 'component') ?? stringAt(e, 'reportingComponent');
  return {
    involved: recordAt(e, 'involvedObject'),
    count: numberAt(e, 'count') ?? numberAt(recordAt(e, 'series'), 'count'),
    component,
    host: stringAt(source, 'host') ?? kubeletInstance(component, e),
    timeKeys: ['lastTimestamp', 'series.lastObservedTime', 'eventTime', 'firstTimestamp', 'metadata.creationTimestamp'],
  };
}

function modernView(e: JsonRecord): EventView {
  const source = recordAt(e, 'deprecatedSource');
  const component = stringAt(e, 'reportingController') ?? stringAt(source, 'component');
  return {
    involved: recordAt(e, 'regarding'),
    count: numberAt(recordAt(e, 'series'), 'count') ?? numberAt(e, 'deprecatedCount'),
    component,
    host: stringAt(source, 'host') ?? kubeletInstance(component, e),
    timeKeys: ['series.lastObservedTime', 'deprecatedLastTimestamp', 'eventTime', 'deprecatedFirstTimestamp', 'metadata.creationTimestamp'],
  };
}

/** The kubelet reports as its node name; other components' instances are not hosts. */
function kubeletInstance(component: string | undefined, e: JsonRecord): string | undefined {
  return component === 'kubelet' ? stringAt(e, 'reportingInstance') : undefined;
}

function firstStamp(e: JsonRecord, keys: readonly string[]): { readonly stamp: Stamp; readonly key: string } {
  for (const key of keys) {
    const [outer = '', inner] = key.split('.');
    const text = inner === undefined ? stringAt(e, outer) : stringAt(recordAt(e, outer), inner);
    const stamp = stampFromIso(text);
    if (stamp !== undefined) return { stamp, key };
  }
  return { stamp: { kind: 'none' }, key: 'none' };
}
