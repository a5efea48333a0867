// The tables inside a `kubectl describe node` block, row by row: Conditions rows become
// 'condition' records, Events rows 'k8s-event' records, Allocated resources rows go into the
// node's fields. Cells by header position, or by runs of spaces when a paste lost the alignment.
//   Ready                Unknown   Thu, 17 Feb 2022 17:12:40 -0500   Thu, 17 Feb 2022 17:13:52 -0500   NodeStatusUnknown   Kubelet stopped posting node status.
//   Normal   NodeHasSufficientMemory  5m20s (x8 over 5m20s)  kubelet          Node ip-172-31-40-74 status is now: NodeHasSufficientMemory
import type { Severity, SourceRef } from '../model/event.js';
import type { Stamp } from '../model/time.js';
import { stampFromRfc1123 } from './go-time.js';
import { alignedCells, columnIndex, isRule, looseCells, readAge, readEventSource, readHeader, type TableHeader } from './kubectl-table.js';
import type { LineResult } from './line-parser.js';

/** What describe-node knows of the node being read. */
export interface NodeBlock {
  readonly name: string;
  readonly source: SourceRef;
  readonly fields: Record<string, string>;
  readonly labels: string[];
  readonly taints: string[];
  stamp: Stamp;
}

export interface NodeTable {
  readonly kind: 'table';
  readonly of: 'conditions' | 'events' | 'allocated';
  header?: TableHeader;
}

export function tableLine(n: NodeBlock, t: NodeTable, text: string, source: SourceRef): LineResult[] {
  if (t.header === undefined) {
    if (t.of === 'allocated' && /^\s*\(/.test(text)) return [{ kind: 'skip', reason: 'note line', intentional: true }];
    t.header = readHeader(text);
    return [{ kind: 'skip', reason: 'table header', intentional: true }];
  }
  if (isRule(text)) return [{ kind: 'skip', reason: 'table rule', intentional: true }];
  const h = t.header;
  const want = t.of === 'conditions' ? conditionRow : t.of === 'events' ? eventRow : allocatedRow;
  const aligned = alignedCells(h, text);
  const result = (aligned !== undefined ? want(n, h, aligned, source) : undefined) ?? want(n, h, looseCells(h, text), source);
  return result === undefined ? [{ kind: 'skip', reason: `not a row of the ${t.of} table` }] : result;
}

type RowReader = (n: NodeBlock, h: TableHeader, cells: readonly string[], source: SourceRef) => LineResult[] | undefined;

const cellOf = (h: TableHeader, cells: readonly string[]) => (...names: string[]): string => {
  const i = columnIndex(h, ...names);
  return i < 0 ? '' : (cells[i] ?? '');
};

const conditionRow: RowReader = (n, h, cells, source) => {
  const cell = cellOf(h, cells);
  const [type, status, reason] = [cell('Type'), cell('Status'), cell('Reason')];
  if (!/^\S+$/.test(type) || !/^(?:True|False|Unknown)$/.test(status)) return undefined;
  const transition = cell('LastTransitionTime');
  const heartbeat = cell('LastHeartbeatTime', 'LastProbeTime');
  const message = cell('Message') || `${type} is ${status}${reason === '' ? '' : ` (${reason})`}`;
  return [{
    kind: 'record',
    record: {
      kind: 'condition', condition: { type, status, reason }, host: n.name, source, message,
      stamp: stampFromRfc1123(transition) ?? { kind: 'none' },
      severity: conditionSeverity(type, status),
      fields: { lastTransitionTime: transition, ...(heartbeat !== '' ? { lastHeartbeatTime: heartbeat } : {}) },
    },
  }];
};

/** Ready must be True; every other condition (pressure, NetworkUnavailable, NPD's) is bad when True. */
function conditionSeverity(type: string, status: string): Severity {
  if (type === 'Ready') return status === 'True' ? 'info' : 'error';
  return status === 'True' ? 'warning' : 'info';
}

const eventRow: RowReader = (n, h, cells, source) => {
  const cell = cellOf(h, cells);
  const [type, reason] = [cell('Type'), cell('Reason')];
  const age = readAge(cell('Age', 'LastSeen'));
  if (!/^\S+$/.test(type) || !/^\S+$/.test(reason) || age === undefined) return undefined;
  const from = readEventSource(cell('From'));
  const countCell = Number(cell('Count'));
  const fields: Record<string, string> = { age: age.age, node: n.name };
  const firstAge = age.firstAge ?? cell('FirstSeen');
  if (firstAge !== '') fields['firstSeen'] = firstAge;
  if (cell('SubObjectPath', 'SubobjectPath') !== '') fields['subobject'] = cell('SubObjectPath', 'SubobjectPath');
  return [{
    kind: 'record',
    record: {
      kind: 'k8s-event',
      event: {
        reason, type, involvedKind: 'Node', involvedName: n.name,
        count: Number.isInteger(countCell) && countCell > 0 ? countCell : (age.count ?? 1),
        ...(from !== undefined ? { reportingComponent: from.component } : {}),
      },
      stamp: { kind: 'none' }, severity: type === 'Warning' ? 'warning' : 'info', message: cell('Message'), fields, source,
      host: n.name, ...(from !== undefined ? { component: from.component } : {}),
    },
  }];
};

const allocatedRow: RowReader = (n, h, cells) => {
  const cell = cellOf(h, cells);
  const resource = cell('Resource');
  if (!/^\S+$/.test(resource)) return undefined;
  n.fields[`allocated.${resource}.requests`] = cell('Requests');
  n.fields[`allocated.${resource}.limits`] = cell('Limits');
  return [];
};

