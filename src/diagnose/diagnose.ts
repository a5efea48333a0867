// Ranked findings → the diagnosis: each finding's playbook walked against the bundle, every
// step marked confirmed, ruled out, or not determinable, with the lines that show it.
import type { RankedFinding } from '../correlate/correlate.js';
import type { Cited, Incident, MatchResult } from '../match/incidents.js';
import { byTime } from '../match/incidents.js';
import type { EvidenceRef } from '../match/pattern.js';
import { cmp } from '../model/tally.js';
import { evidenceLine, instantText } from './cite.js';
import type { FindingReport, LinkSummary, PlaybookWalk } from './diagnosis.js';
import { metricEvidenceOf } from './metric-evidence.js';

const STEP_EVIDENCE = 3;

/** A configuration check's outcome on a host: fired ('true'), evaluated and quiet ('false'), or not determinable. */
export type CheckLookup = (checkId: string, host: string) => { readonly truth: 'true' | 'false' | 'unknown'; readonly cited: readonly Cited[] } | undefined;

export function diagnoseFindings(ranked: readonly RankedFinding[], match: MatchResult, checks?: CheckLookup): FindingReport[] {
  const incidentsOf = (patternId: string, host: string): Incident[] => match.incidents.filter((i) => i.patternId === patternId && i.host === host);
  return ranked.map((f): FindingReport => {
    const hosts = [...new Set(f.incidents.map((i) => i.host))].sort(cmp);
    const gather = (refs: readonly EvidenceRef[]): Cited[] =>
      refs.flatMap((r) =>
        hosts.flatMap((h) => (r.kind === 'matcher' ? [...match.evidence(f.pattern.id, r.id, h)] : r.kind === 'pattern' ? incidentsOf(r.id, h).flatMap((i) => i.evidence.slice(0, 1)) : [])),
      );
    // A check confirms its step when it fires, and rules it out when the bundle shows it quiet.
    const checked = (refs: readonly EvidenceRef[], truth: 'true' | 'false'): Cited[] =>
      refs.flatMap((r) => (r.kind !== 'check' || checks === undefined ? [] : hosts.flatMap((h) => (checks(r.id, h)?.truth === truth ? [...(checks(r.id, h)?.cited ?? [])] : []))));
    const playbook = f.pattern.playbook.map((s): PlaybookWalk => {
      const confirming = [...gather(s.confirmedBy), ...checked(s.confirmedBy, 'true'), ...checked(s.ruledOutBy, 'false')].sort(byTime);
      const ruling = [...gather(s.ruledOutBy), ...checked(s.ruledOutBy, 'true'), ...checked(s.confirmedBy, 'false')].sort(byTime);
      if (confirming.length > 0) return { step: s.step, status: 'confirmed', evidence: confirming.slice(0, STEP_EVIDENCE).map(evidenceLine) };
      if (ruling.length > 0) return { step: s.step, status: 'ruled-out', evidence: ruling.slice(0, STEP_EVIDENCE).map(evidenceLine) };
      return { step: s.step, status: 'not-determinable', evidence: [] };
    });
    const onsets = f.incidents.map((i) => i.onset).filter((x) => x !== undefined);
    const lasts = f.incidents.map((i) => i.last).filter((x) => x !== undefined);
    const first = onsets.reduce<(typeof onsets)[number] | undefined>((a, b) => (a === undefined || b.sec < a.sec || (b.sec === a.sec && b.nsec < a.nsec) ? b : a), undefined);
    const last = lasts.reduce<(typeof lasts)[number] | undefined>((a, b) => (a === undefined || b.sec > a.sec || (b.sec === a.sec && b.nsec > a.nsec) ? b : a), undefined);
    const link = (pattern: string, host: string, lag: number | undefined): LinkSummary => ({ pattern, host, lagSec: lag === undefined ? null : Math.round(lag * 1000) / 1000 });
    const evidence = f.incidents.flatMap((i) => i.evidence).sort(byTime);
    const metrics = metricEvidenceOf(f.pattern, hosts, match);
    return {
      pattern: f.pattern.id,
      title: f.pattern.title,
      severity: f.pattern.severity,
      status: f.incidents.some((i) => i.resolution.kind === 'active') ? 'active' : 'resolved',
      rootCause: f.rootCause,
      rank: f.rank,
      firstSeen: instantText(first),
      lastSeen: instantText(last),
      count: f.incidents.reduce((n, i) => n + i.count, 0),
      hosts,
      summary: f.pattern.summary,
      causedBy: dedupe(f.causedBy.map((l) => link(l.cause.patternId, l.symptom.host, l.lagSec))),
      explains: dedupe(f.explains.map((l) => link(l.symptom.patternId, l.symptom.host, l.lagSec))),
      incidents: f.incidents.map((i) => ({
        host: i.host,
        components: i.components,
        status: i.resolution.kind,
        firstSeen: instantText(i.onset),
        lastSeen: instantText(i.last),
        count: i.count,
        resolvedAt: i.resolution.kind === 'resolved' ? instantText(i.resolution.at) : null,
      })),
      evidence: (evidence.length <= 12 ? evidence : [...evidence.slice(0, 6), ...evidence.slice(-6)]).map(evidenceLine),
      ...(metrics.length > 0 ? { metrics } : {}),
      playbook,
      fix: f.pattern.fix,
      references: f.pattern.references,
      sources: f.pattern.sources,
    };
  });
}

function dedupe(links: LinkSummary[]): LinkSummary[] {
  const seen = new Set<string>();
  return links
    .sort((a, b) => cmp(a.pattern, b.pattern) || cmp(a.host, b.host))
    .filter((l) => {
      const k = `${l.pattern}\u0000${l.host}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}
