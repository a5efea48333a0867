// Every dropped or skipped line is counted with a reason (Vector's rule): nothing disappears
// silently. Memory stays bounded: counts per (path, format, reason) and the first few positions.
import type { FormatId } from './format.js';
import type { SourceRef } from './event.js';

export interface SkipCount {
  readonly path: string;
  readonly format: FormatId | 'ingest';
  readonly reason: string;
  /** Intentional skips (outside --since, a journal catalog line) versus lines we failed to read. */
  readonly intentional: boolean;
  readonly count: number;
  readonly firstLines: readonly number[];
}

/** A problem with a whole input (corrupt archive, unreadable file), printed like a compiler error. */
export interface Diagnostic {
  readonly path: string;
  readonly line?: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

const KEEP_POSITIONS = 3;

export class Tally {
  private readonly skips = new Map<string, { count: number; firstLines: number[]; entry: Omit<SkipCount, 'count' | 'firstLines'> }>();
  private readonly diagnostics: Diagnostic[] = [];

  skip(at: SourceRef, format: FormatId | 'ingest', reason: string, intentional = false): void {
    this.skipMany(at, format, reason, 1, intentional);
  }

  skipMany(at: SourceRef, format: FormatId | 'ingest', reason: string, count: number, intentional = false): void {
    if (count <= 0) return;
    const key = `${at.path}\u0000${format}\u0000${reason}\u0000${intentional ? 1 : 0}`;
    let slot = this.skips.get(key);
    if (slot === undefined) {
      slot = { count: 0, firstLines: [], entry: { path: at.path, format, reason, intentional } };
      this.skips.set(key, slot);
    }
    slot.count += count;
    if (slot.firstLines.length < KEEP_POSITIONS && at.line > 0) slot.firstLines.push(at.line);
  }

  report(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  /** Merge another tally (a worker's) into this one. */
  absorb(other: Tally): void {
    for (const s of other.skipCounts()) {
      for (let i = 0; i < s.firstLines.length; i++) {
        this.skipMany({ path: s.path, line: s.firstLines[i] ?? 0 }, s.format, s.reason, i === 0 ? s.count - s.firstLines.length + 1 : 1, s.intentional);
      }
      if (s.firstLines.length === 0) this.skipMany({ path: s.path, line: 0 }, s.format, s.reason, s.count, s.intentional);
    }
    for (const d of other.diagnosticList()) this.report(d);
  }

  /** Sorted by path, then format, then reason: the same input gives the same order. */
  skipCounts(): SkipCount[] {
    return [...this.skips.values()]
      .map((s) => ({ ...s.entry, count: s.count, firstLines: [...s.firstLines].sort((a, b) => a - b) }))
      .sort((a, b) => cmp(a.path, b.path) || cmp(a.format, b.format) || cmp(a.reason, b.reason) || Number(a.intentional) - Number(b.intentional));
  }

  diagnosticList(): Diagnostic[] {
    return [...this.diagnostics].sort((a, b) => cmp(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.message, b.message));
  }

  totalSkipped(intentional?: boolean): number {
    let n = 0;
    for (const s of this.skips.values()) if (intentional === undefined || s.entry.intentional === intentional) n += s.count;
    return n;
  }
}

/** Code-unit order, not locale order: deterministic everywhere. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `path:line: message`, as compilers print. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.path}${d.line !== undefined ? `:${d.line}` : ''}: ${d.severity}: ${d.message}`;
}
