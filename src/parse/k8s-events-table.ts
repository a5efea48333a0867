// `kubectl get events` as a table. Columns are found by their header names, so every layout reads:
//   LAST SEEN   TYPE      REASON         OBJECT            MESSAGE                 (1.14+, also `kubectl events`)
//   31m         Normal    NodeNotReady   node/i-w0msdm7d   Node i-w0msdm7d status is now: NodeNotReady
// with a leading NAMESPACE (-A), with SUBOBJECT SOURCE ... FIRST SEEN COUNT NAME (-o wide), and
//   LASTSEEN   FIRSTSEEN   COUNT     NAME   KIND   SUBOBJECT   TYPE   REASON   SOURCE   MESSAGE   (before 1.14)
// Ages need a reference time to become times, so the stamp is none and the age stays in fields.
// A line that is no row (a wrapped message, a prompt) is skipped with a reason, not joined.
import type { SourceRef } from '../model/event.js';
import { alignedCells, columnIndex, looseCells, readAge, readEventSource, readHeader, type TableHeader } from './kubectl-table.js';
import type { BlockParser, LineResult, NumberedLine } from './line-parser.js';

/** kubectl prints `strings.ToLower(kind)/name`; these get the API's spelling back. */
const KINDS = [
  'Node', 'Pod', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'Service', 'Endpoints',
  'EndpointSlice', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'VolumeAttachment', 'Namespace',
  'ConfigMap', 'Secret', 'ServiceAccount', 'Ingress', 'HorizontalPodAutoscaler', 'PodDisruptionBudget',
  'CertificateSigningRequest', 'Lease', 'ReplicationController', 'NetworkPolicy', 'CustomResourceDefinition',
  'APIService', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding', 'PriorityClass', 'ResourceQuota',
];
const KIND_BY_LOWER = new Map(KINDS.map((k) => [k.toLowerCase(), k]));

interface EventColumns {
  readonly header: TableHeader;
  readonly lastSeen: number;
  readonly type: number;
  readonly reason: number;
  readonly message: number;
  readonly object: number;
  readonly kind: number;
  readonly name: number;
  readonly namespace: number;
  readonly subobject: number;
  readonly source: number;
  readonly firstSeen: number;
  readonly count: number;
}

export const k8sEventsTable: BlockParser = {
  kind: 'block',
  format: 'k8s-events-table',
  open(path) {
    let columns: EventColumns | undefined;
    return {
      push(line: NumberedLine): readonly LineResult[] {
        const text = line.text.replace(/\r$/, '');
        const header = eventColumns(text);
        if (header !== undefined) {
          columns = header;
          return [{ kind: 'skip', reason: 'table header', intentional: true }];
        }
        if (text.trim() === '') return [{ kind: 'skip', reason: 'blank line', intentional: true }];
        if (/^No (?:resources|events) found/.test(text)) return [{ kind: 'skip', reason: 'no events listed', intentional: true }];
        if (columns === undefined) return [{ kind: 'skip', reason: 'no kubectl get events header before this line' }];
        const cells = rowCells(columns, text);
        if (cells === undefined) return [{ kind: 'skip', reason: 'not a row of the events table' }];
        return [row(columns, cells, { path, line: line.no, offset: line.offset })];
      },
      end: () => [],
    };
  },
};

function eventColumns(text: string): EventColumns | undefined {
  if (!/^(?:NAMESPACE\s+)?(?:LAST SEEN|LASTSEEN)\s/.test(text)) return undefined;
  const header = readHeader(text);
  const at = (...names: string[]): number => columnIndex(header, ...names);
  const c = {
    header, lastSeen: at('LAST SEEN', 'LASTSEEN'), type: at('TYPE'), reason: at('REASON'), message: at('MESSAGE'),
    object: at('OBJECT'), kind: at('KIND'), name: at('NAME'), namespace: at('NAMESPACE'), subobject: at('SUBOBJECT'),
    source: at('SOURCE'), firstSeen: at('FIRST SEEN', 'FIRSTSEEN'), count: at('COUNT'),
  };
  const hasObject = c.object >= 0 || (c.kind >= 0 && c.name >= 0);
  return c.type >= 0 && c.reason >= 0 && c.message >= 0 && hasObject ? c : undefined;
}

/** Cells by header position; when pasted output lost its alignment, by runs of spaces. */
function rowCells(c: EventColumns, text: string): readonly string[] | undefined {
  const aligned = alignedCells(c.header, text);
  if (aligned !== undefined && looksLikeRow(c, aligned)) return aligned;
  const loose = looseCells(c.header, text);
  return loose.length === c.header.names.length && looksLikeRow(c, loose) ? loose : undefined;
}

function looksLikeRow(c: EventColumns, cells: readonly string[]): boolean {
  const word = (i: number): boolean => /^\S+$/.test(cells[i] ?? '');
  return readAge(cells[c.lastSeen] ?? '') !== undefined && word(c.type) && word(c.reason);
}

function row(c: EventColumns, cells: readonly string[], source: SourceRef): LineResult {
  const cell = (i: number): string => (i >= 0 ? (cells[i] ?? '') : '');
  const lastSeen = readAge(cell(c.lastSeen));
  const [kindText, name] = c.object >= 0 ? splitObject(cell(c.object)) : [cell(c.kind), cell(c.name)];
  const involvedKind = KIND_BY_LOWER.get(kindText.toLowerCase()) ?? kindText;
  const from = readEventSource(cell(c.source));
  const countCell = Number(cell(c.count));
  const count = Number.isInteger(countCell) && countCell > 0 ? countCell : (lastSeen?.count ?? 1);
  const namespace = cell(c.namespace);
  const fields: Record<string, string> = { lastSeen: lastSeen?.age ?? cell(c.lastSeen) };
  const firstSeen = cell(c.firstSeen) || lastSeen?.firstAge;
  if (firstSeen) fields['firstSeen'] = firstSeen;
  if (cell(c.subobject)) fields['subobject'] = cell(c.subobject);
  if (c.object >= 0 && cell(c.name)) fields['eventName'] = cell(c.name);
  if (involvedKind === 'Node' && name !== '') fields['node'] = name;
  if (from?.instance !== undefined && from.component !== 'kubelet') fields['sourceInstance'] = from.instance;
  const type = cell(c.type);
  return {
    kind: 'record',
    record: {
      kind: 'k8s-event',
      event: {
        reason: cell(c.reason), type, involvedKind, involvedName: name, count,
        ...(namespace !== '' ? { namespace } : {}),
        ...(from !== undefined ? { reportingComponent: from.component } : {}),
      },
      stamp: { kind: 'none' },
      severity: type === 'Warning' ? 'warning' : 'info',
      message: cell(c.message),
      fields,
      source,
      ...(from?.component === 'kubelet' && from.instance !== undefined ? { host: from.instance } : {}),
      ...(from !== undefined ? { component: from.component } : {}),
    },
  };
}

/** `node/node-b` → ['node', 'node-b']; a bare `node` has no name. */
function splitObject(object: string): [string, string] {
  const slash = object.indexOf('/');
  return slash < 0 ? [object, ''] : [object.slice(0, slash), object.slice(slash + 1)];
}
