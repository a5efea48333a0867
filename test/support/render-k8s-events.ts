// Events as kubectl prints them, for the events parsers' round trips. Only tests use it.
//  - formatEventList: `kubectl get events -o json`, a v1 List with keys sorted and 4-space indent
//    (kubectl marshals unstructured maps); core/v1 or events.k8s.io/v1 items.
//  - formatEventsTable: `kubectl get events` rows through Go's tabwriter, in each layout.
import { formatInstant, type Instant } from '../../src/model/time.js';
import { tabwrite } from './render-tabwriter.js';

export interface EventInput {
  readonly name: string;
  readonly namespace: string;
  readonly reason: string;
  readonly type: 'Normal' | 'Warning';
  readonly message: string;
  readonly involvedKind: string;
  readonly involvedName: string;
  readonly count: number;
  readonly component: string;
  readonly host?: string;
  readonly last: Instant;
  /** events.k8s.io only: MicroTime written with 6 digits. */
  readonly eventTime?: Instant;
}

export function formatEventList(events: readonly EventInput[], api: 'core' | 'events.k8s.io'): string {
  const items = events.map((e) => (api === 'core' ? coreEvent(e) : modernEvent(e)));
  return JSON.stringify(sortKeys({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }), null, 4) + '\n';
}

function coreEvent(e: EventInput): unknown {
  const t = formatInstant(e.last, 's');
  return {
    apiVersion: 'v1', count: e.count, eventTime: null, firstTimestamp: t,
    involvedObject: { apiVersion: 'v1', kind: e.involvedKind, name: e.involvedName, namespace: e.namespace },
    kind: 'Event', lastTimestamp: t, message: e.message,
    metadata: { creationTimestamp: t, name: e.name, namespace: e.namespace },
    reason: e.reason, reportingComponent: '', reportingInstance: '',
    source: e.host === undefined ? { component: e.component } : { component: e.component, host: e.host },
    type: e.type,
  };
}

function modernEvent(e: EventInput): unknown {
  return {
    apiVersion: 'events.k8s.io/v1', eventTime: formatInstant(e.eventTime ?? e.last, 'us'),
    kind: 'Event', metadata: { creationTimestamp: formatInstant(e.last, 's'), name: e.name, namespace: e.namespace },
    note: e.message, reason: e.reason,
    regarding: { kind: e.involvedKind, name: e.involvedName, namespace: e.namespace },
    reportingController: e.component, reportingInstance: e.host ?? '', type: e.type,
    ...(e.host === undefined ? {} : { deprecatedSource: { component: e.component, host: e.host } }),
  };
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
}

export type TableLayout = 'modern' | 'all-namespaces' | 'wide' | 'old';

export interface EventRow {
  readonly namespace: string;
  readonly lastSeen: string;
  readonly firstSeen: string;
  readonly count: number;
  readonly type: string;
  readonly reason: string;
  /** As kubectl prints the kind: lower-case in `OBJECT`, as is in the old `KIND`. */
  readonly kind: string;
  readonly name: string;
  readonly subobject: string;
  readonly source: string;
  readonly message: string;
  readonly eventName: string;
}

export function formatEventsTable(rows: readonly EventRow[], layout: TableLayout): string {
  const object = (r: EventRow): string => `${r.kind.toLowerCase()}/${r.name}`;
  const lines = {
    modern: ['LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE', ...rows.map((r) => [r.lastSeen, r.type, r.reason, object(r), r.message].join('\t'))],
    'all-namespaces': ['NAMESPACE\tLAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE', ...rows.map((r) => [r.namespace, r.lastSeen, r.type, r.reason, object(r), r.message].join('\t'))],
    wide: [
      'LAST SEEN\tTYPE\tREASON\tOBJECT\tSUBOBJECT\tSOURCE\tMESSAGE\tFIRST SEEN\tCOUNT\tNAME',
      ...rows.map((r) => [r.lastSeen, r.type, r.reason, object(r), r.subobject, r.source, r.message, r.firstSeen, String(r.count), r.eventName].join('\t')),
    ],
    old: [
      'LASTSEEN\tFIRSTSEEN\tCOUNT\tNAME\tKIND\tSUBOBJECT\tTYPE\tREASON\tSOURCE\tMESSAGE',
      ...rows.map((r) => [r.lastSeen, r.firstSeen, String(r.count), r.name, r.kind, r.subobject, r.type, r.reason, r.source, r.message].join('\t')),
    ],
  }[layout];
  return tabwrite(lines, { minwidth: layout === 'old' ? 10 : 6, padding: 3 });
}
