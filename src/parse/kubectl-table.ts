// Tables as kubectl prints them. Go's text/tabwriter pads every cell of a column to one width, so
// on every row of one table a column starts where its header name starts:
//   LAST SEEN   TYPE      REASON         OBJECT            MESSAGE
//   31m         Normal    NodeNotReady   node/i-w0msdm7d   Node i-w0msdm7d status is now: NodeNotReady
// Names may hold one space (`LAST SEEN`); columns sit at least two apart (`kubectl get` pads 3,
// `describe` pads 2). kubectl describe before ~1.5 padded with tabs instead, so cells end at tabs.
// Used by k8s-events-table, csr-table and describe-node; no I/O, never throws.

export interface TableHeader {
  /** Column names as printed, in order. */
  readonly names: readonly string[];
  /** Offset (in code points) where each column starts; empty when `tabbed`. */
  readonly starts: readonly number[];
  readonly tabbed: boolean;
}

const GAP = /\s{2,}|\t+/;

/** Column names and their offsets, from a header line such as `  Type   Status   Reason`. */
export function readHeader(line: string): TableHeader {
  const text = line.trimEnd();
  if (text.includes('\t')) {
    return { names: text.trim().split(/[ ]*\t+[ ]*/), starts: [], tabbed: true };
  }
  const names: string[] = [];
  const starts: number[] = [];
  const cell = /\S+(?: \S+)*/g;
  for (let m = cell.exec(text); m !== null; m = cell.exec(text)) {
    names.push(m[0]);
    starts.push(m.index);
  }
  return { names, starts, tabbed: false };
}

/**
 * The cells of `line` under `header`, trimmed; missing trailing cells are ''. `undefined` when the
 * row does not line up (a cell runs into the next column), which pasted or redacted output does.
 */
export function alignedCells(header: TableHeader, line: string): readonly string[] | undefined {
  if (header.tabbed) return padTo(line.trim().split(/[ ]*\t+[ ]*/), header.names.length);
  // tabwriter counts runes; JS indexes UTF-16 units. Split into code points only when it matters.
  const chars: string | readonly string[] = /[\uD800-\uDFFF]/.test(line) ? Array.from(line) : line;
  const cells: string[] = [];
  for (let i = 0; i < header.starts.length; i++) {
    const start = header.starts[i] ?? 0;
    const end = header.starts[i + 1] ?? chars.length;
    if (i > 0 && start < chars.length && !isBlank(chars[start - 1])) return undefined;
    cells.push(slice(chars, start, end).trim());
  }
  return cells;
}

/** Cells split at runs of two or more spaces, the last column taking the rest of the line. */
export function looseCells(header: TableHeader, line: string): readonly string[] {
  const cells: string[] = [];
  let rest = line.trim();
  while (cells.length < header.names.length - 1) {
    const gap = GAP.exec(rest);
    if (gap === null) break;
    cells.push(rest.slice(0, gap.index));
    rest = rest.slice(gap.index + gap[0].length);
  }
  if (rest !== '') cells.push(rest);
  return cells;
}

/** Index of the first column whose name is one of `names`, or -1. */
export function columnIndex(header: TableHeader, ...names: readonly string[]): number {
  return header.names.findIndex((n) => names.includes(n));
}

/** `--------  ------` under a describe header. */
export function isRule(line: string): boolean {
  return /^[\s-]*-[\s-]*$/.test(line);
}

/** An age as duration.HumanDuration prints it (`5m`, `2d3h`, `<unknown>`), maybe with a repeat count. */
export interface Age {
  readonly age: string;
  readonly count?: number;
  /** `over 10m` in `5m (x3 over 10m)`: the age of the first occurrence. */
  readonly firstAge?: string;
}

const AGE = /^((?:\d+[smhdy])+|<unknown>|<invalid>)(?: \(x(\d+) over ((?:\d+[smhdy])+|<unknown>|<invalid>)\))?$/;

export function readAge(cell: string): Age | undefined {
  const m = AGE.exec(cell);
  if (m === null) return undefined;
  const [, age = '', count, firstAge] = m;
  return { age, ...(count !== undefined ? { count: Number(count) } : {}), ...(firstAge !== undefined ? { firstAge } : {}) };
}

/** An event source as kubectl prints it: `kubelet, node-b` (1.7+) or `{kubelet node-b}` (older). */
export interface EventSource {
  readonly component: string;
  readonly instance?: string;
}

export function readEventSource(cell: string): EventSource | undefined {
  const braced = /^\{(\S*) ?(.*)\}$/.exec(cell);
  const [component = '', instance = ''] = braced !== null ? braced.slice(1) : cell.split(', ', 2);
  if (component === '') return undefined;
  return instance.trim() === '' ? { component } : { component, instance: instance.trim() };
}

function padTo(cells: string[], n: number): readonly string[] {
  while (cells.length < n) cells.push('');
  return cells;
}

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

function slice(chars: string | readonly string[], start: number, end: number): string {
  return typeof chars === 'string' ? chars.slice(start, end) : chars.slice(start, end).join('');
}
