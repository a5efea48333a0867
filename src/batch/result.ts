// One line of batch output per bundle, and the fleet summary built from such lines.
import type { Diagnosis } from '../diagnose/diagnosis.js';
import { cmp, formatDiagnostic } from '../model/tally.js';

export interface FindingSummary {
  readonly pattern: string;
  readonly severity: string;
  readonly status: string;
  readonly rootCause: boolean;
  readonly rank: number;
  readonly hosts: readonly string[];
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly count: number;
}

export type BundleResult =
  | {
      readonly path: string;
      readonly sha256: string;
      readonly durationMs: number;
      readonly ok: true;
      readonly hosts: readonly string[];
      readonly timeRange: { readonly start: string | null; readonly end: string | null };
      readonly findings: readonly FindingSummary[];
      /** Problems reading the bundle (corrupt members, bombs, unreadable files), as `path: message`. */
      readonly problems: readonly string[];
    }
  | { readonly path: string; readonly sha256: string; readonly durationMs: number; readonly ok: false; readonly error: string };

export function summarize(path: string, sha256: string, durationMs: number, d: Diagnosis): BundleResult {
  return {
    path,
    sha256,
    durationMs,
    ok: true,
    hosts: d.stats.hosts,
    timeRange: d.timeRange,
    findings: d.findings.map((f) => ({
      pattern: f.pattern, severity: f.severity, status: f.status, rootCause: f.rootCause, rank: f.rank,
      hosts: f.hosts, firstSeen: f.firstSeen, lastSeen: f.lastSeen, count: f.count,
    })),
    problems: d.diagnostics.filter((x) => x.severity === 'error').map(formatDiagnostic).slice(0, 10),
  };
}

export interface FleetSummary {
  readonly bundles: number;
  readonly failed: number;
  readonly patterns: readonly {
    readonly pattern: string;
    readonly bundles: number;
    readonly nodes: number;
    readonly rootCauseIn: number;
    readonly firstSeen: string | null;
    readonly lastSeen: string | null;
  }[];
  readonly topFindings: readonly { readonly path: string; readonly top: string | null; readonly error?: string }[];
}

export function fleetSummary(results: readonly BundleResult[]): FleetSummary {
  const per = new Map<string, { bundles: Set<string>; nodes: Set<string>; roots: number; first: string | null; last: string | null }>();
  for (const r of results) {
    if (!r.ok) continue;
    for (const f of r.findings) {
      const e = per.get(f.pattern) ?? { bundles: new Set(), nodes: new Set(), roots: 0, first: null, last: null };
      e.bundles.add(r.path);
      for (const h of f.hosts) e.nodes.add(`${r.path}\u0000${h}`);
      if (f.rootCause) e.roots++;
      if (f.firstSeen !== null && (e.first === null || f.firstSeen < e.first)) e.first = f.firstSeen;
      if (f.lastSeen !== null && (e.last === null || f.lastSeen > e.last)) e.last = f.lastSeen;
      per.set(f.pattern, e);
    }
  }
  return {
    bundles: results.length,
    failed: results.filter((r) => !r.ok).length,
    patterns: [...per.entries()]
      .map(([pattern, e]) => ({ pattern, bundles: e.bundles.size, nodes: e.nodes.size, rootCauseIn: e.roots, firstSeen: e.first, lastSeen: e.last }))
      .sort((a, b) => b.bundles - a.bundles || cmp(a.pattern, b.pattern)),
    topFindings: [...results]
      .sort((a, b) => cmp(a.path, b.path))
      .map((r) => (r.ok ? { path: r.path, top: r.findings[0]?.pattern ?? null } : { path: r.path, top: null, error: r.error })),
  };
}

export function renderFleet(s: FleetSummary): string {
  const out = [`Fleet: ${s.bundles} bundle(s), ${s.failed} failed`, ''];
  if (s.patterns.length > 0) {
    out.push(`${'pattern'.padEnd(36)} bundles  nodes  root-cause  first seen            last seen`);
    for (const p of s.patterns) {
      out.push(`${p.pattern.padEnd(36)} ${String(p.bundles).padStart(7)}  ${String(p.nodes).padStart(5)}  ${String(p.rootCauseIn).padStart(10)}  ${(p.firstSeen ?? '-').padEnd(20)}  ${p.lastSeen ?? '-'}`);
    }
    out.push('');
  }
  out.push('Per bundle (top finding):');
  for (const t of s.topFindings) out.push(`  ${t.path}: ${t.error !== undefined ? `FAILED: ${t.error}` : (t.top ?? 'no finding')}`);
  return out.join('\n') + '\n';
}

/** Parse NDJSON batch output; a line cut off by a killed batch is skipped. */
export function readResults(text: string): BundleResult[] {
  const out: BundleResult[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as BundleResult);
    } catch {
      // the last line of an interrupted run
    }
  }
  return out;
}
