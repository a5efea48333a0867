// A finding's metric evidence as report data: every metric condition of the entry (signal, clear
// or check) that held on the finding's hosts, with its samples per snapshot and its figure.
import type { MatchResult } from '../match/incidents.js';
import type { MetricEvidence, SnapshotRef } from '../match/metrics/evidence.js';
import { formatDuration } from '../match/duration.js';
import type { Pattern } from '../match/pattern.js';
import { allMatchers } from '../match/catalog.js';
import { instantText, snapshotSourceText } from './cite.js';
import type { MetricEvidenceReport, MetricValueReport } from './diagnosis.js';

export function metricEvidenceOf(p: Pattern, hosts: readonly string[], match: MatchResult): MetricEvidenceReport[] {
  const seen = new Set<MetricEvidence>();
  const out: MetricEvidenceReport[] = [];
  for (const m of allMatchers(p)) {
    if (m.test.kind !== 'metric') continue;
    for (const h of hosts) {
      for (const c of match.evidence(p.id, m.id, h)) {
        if (c.metric === undefined || seen.has(c.metric)) continue;
        seen.add(c.metric);
        out.push(metricReport(c.metric));
      }
    }
  }
  return out;
}

const at = (r: SnapshotRef): string | null => (r.time.kind === 'none' ? null : instantText(r.time.at));

/** A number for JSON: +Inf, -Inf and NaN as text, which JSON cannot carry. */
export function jsonNumber(n: number): number | string {
  return Number.isFinite(n) ? n : Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
}

function metricReport(e: MetricEvidence): MetricEvidenceReport {
  return {
    matcher: e.matcherId,
    host: e.host,
    job: e.job,
    instance: e.instance === '' ? null : e.instance,
    expression: e.expression,
    aggregate: e.aggregate,
    figure: jsonNumber(e.figure),
    compare: e.compare,
    threshold: e.threshold,
    window: e.windowSec === undefined ? null : formatDuration(e.windowSec),
    basis: e.basis,
    lifetime: e.basis === 'lifetime',
    lifetimeReason: e.lifetimeReason ?? null,
    from: at(e.from),
    to: at(e.to),
    parts: e.parts ?? null,
    resets: e.resets,
    series: e.series.map((s) => ({
      metric: s.metric,
      labels: s.labels,
      values: s.values.map((v): MetricValueReport => ({ file: v.file, line: v.line, time: at(v), timeSource: snapshotSourceText(v.timeSource), value: jsonNumber(v.value) })),
    })),
    omittedSeries: e.omittedSeries,
    summary: e.summary,
  };
}
