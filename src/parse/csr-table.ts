// `kubectl get csr`, columns found by their header names. Before 1.18 (seed 001):
//   NAME        AGE   REQUESTOR                 CONDITION
//   csr-5d7cx   82s   system:node:idc-k8s-01    Pending
// 1.18+ adds SIGNERNAME, 1.22+ REQUESTEDDURATION:
//   NAME        AGE   SIGNERNAME                                    REQUESTOR                 REQUESTEDDURATION   CONDITION
// Ages need a reference time, so the stamp is none and the age stays in fields.
import type { CsrDetail, Severity, SourceRef } from '../model/event.js';
import { alignedCells, columnIndex, looseCells, readAge, readHeader, type TableHeader } from './kubectl-table.js';
import type { BlockParser, LineResult } from './line-parser.js';

interface CsrColumns {
  readonly header: TableHeader;
  readonly name: number;
  readonly age: number;
  readonly signer: number;
  readonly requestor: number;
  readonly duration: number;
  readonly condition: number;
}

export const csrTable: BlockParser = {
  kind: 'block',
  format: 'csr-table',
  open(path) {
    let columns: CsrColumns | undefined;
    return {
      push(line): readonly LineResult[] {
        const text = line.text.replace(/\r$/, '');
        const header = csrColumns(text);
        if (header !== undefined) {
          columns = header;
          return [{ kind: 'skip', reason: 'table header', intentional: true }];
        }
        if (text.trim() === '') return [{ kind: 'skip', reason: 'blank line', intentional: true }];
        if (/^No resources found/.test(text)) return [{ kind: 'skip', reason: 'no CSRs listed', intentional: true }];
        if (columns === undefined) return [{ kind: 'skip', reason: 'no kubectl get csr header before this line' }];
        const cells = rowCells(columns, text);
        if (cells === undefined) return [{ kind: 'skip', reason: 'not a row of the CSR table' }];
        return [row(columns, cells, { path, line: line.no, offset: line.offset })];
      },
      end: () => [],
    };
  },
};

function csrColumns(text: string): CsrColumns | undefined {
  if (!/^NAME\s+AGE\s/.test(text)) return undefined;
  const header = readHeader(text);
  const at = (name: string): number => columnIndex(header, name);
  const c = {
    header, name: at('NAME'), age: at('AGE'), signer: at('SIGNERNAME'), requestor: at('REQUESTOR'),
    duration: at('REQUESTEDDURATION'), condition: at('CONDITION'),
  };
  return c.requestor >= 0 && c.condition >= 0 ? c : undefined;
}

function rowCells(c: CsrColumns, text: string): readonly string[] | undefined {
  const aligned = alignedCells(c.header, text);
  if (aligned !== undefined && looksLikeRow(c, aligned)) return aligned;
  const loose = looseCells(c.header, text);
  return loose.length === c.header.names.length && looksLikeRow(c, loose) ? loose : undefined;
}

function looksLikeRow(c: CsrColumns, cells: readonly string[]): boolean {
  const word = (i: number): boolean => /^\S+$/.test(cells[i] ?? '');
  return word(c.name) && readAge(cells[c.age] ?? '') !== undefined && word(c.requestor) && word(c.condition);
}

/** Denied or Failed (also `Approved,Failed`) is an error; a request still waiting is a warning. */
function severityOf(condition: string): Severity {
  const parts = condition.split(',');
  if (parts.includes('Denied') || parts.includes('Failed')) return 'error';
  return parts.includes('Pending') ? 'warning' : 'info';
}

function row(c: CsrColumns, cells: readonly string[], source: SourceRef): LineResult {
  const cell = (i: number): string => (i >= 0 ? (cells[i] ?? '') : '');
  const [name, age, requestor, condition] = [cell(c.name), cell(c.age), cell(c.requestor), cell(c.condition)];
  const signerName = cell(c.signer);
  const csr: CsrDetail = { name, requestor, condition, age, ...(signerName !== '' ? { signerName } : {}) };
  const fields: Record<string, string> = { age };
  const node = /^system:node:(.+)$/.exec(requestor)?.[1];
  if (node !== undefined) fields['node'] = node;
  const duration = cell(c.duration);
  if (duration !== '' && duration !== '<none>') fields['requestedDuration'] = duration;
  return {
    kind: 'record',
    record: {
      kind: 'csr',
      csr,
      stamp: { kind: 'none' },
      severity: severityOf(condition),
      message: `${name}${signerName === '' ? '' : ` (${signerName})`} requested by ${requestor}: ${condition}`,
      fields,
      source,
    },
  };
}
