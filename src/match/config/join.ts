// A check that fires on a node joins the incident of the catalog entry it names, on that node:
// the swap check and the kubelet's "running with swap on is not supported" exit are one
// incident, the configuration lines first as its cause evidence. A configuration is a state,
// not an occurrence (like a node condition): it needs no threshold, so it also turns a
// below-threshold transient of that entry into an incident, and makes one by itself when the
// logs say nothing. Its lines carry no time; the incident's times stay the logs'.
import type { TimelineEvent } from '../../model/event.js';
import type { FormatId } from '../../model/format.js';
import type { Instant } from '../../model/time.js';
import { compareInstant } from '../../model/time.js';
import { cmp } from '../../model/tally.js';
import { byTime, type Cited, type Incident, type MatchResult, type Resolution } from '../incidents.js';
import type { Catalog, Pattern } from '../pattern.js';
import type { Check } from './check.js';
import type { Cite } from './facts.js';

export interface CheckHit {
  readonly check: Check;
  readonly host: string;
  readonly cites: readonly Cite[];
}

/** The matcher id a check's evidence is kept under: playbook steps cite it as `check:<id>`. */
export const checkMatcherId = (checkId: string): string => `check:${checkId}`;

export function citeOf(c: Cite, check: string, host: string, format: FormatId): Cited {
  const event: TimelineEvent = {
    kind: 'log',
    severity: 'warning',
    message: c.text,
    fields: { check },
    source: c.source,
    time: { kind: 'none' },
    host,
    component: c.component,
    format,
  };
  return { event, raw: c.text, matcherId: checkMatcherId(check) };
}

export function joinCheckHits(catalog: Catalog, match: MatchResult, hits: readonly CheckHit[], formatOf: (path: string) => FormatId): MatchResult {
  if (hits.length === 0) return match;
  const byKey = new Map<string, CheckHit[]>();
  for (const h of hits) byKey.set(`${h.check.pattern}\u0000${h.host}`, [...(byKey.get(`${h.check.pattern}\u0000${h.host}`) ?? []), h]);
  const cited = (h: CheckHit): Cited[] => h.cites.map((c) => citeOf(c, h.check.id, h.host, formatOf(c.source.path)));
  const patternOf = new Map(catalog.patterns.map((p) => [p.id, p]));

  const incidents: Incident[] = [];
  const joined = new Set<string>();
  for (const i of match.incidents) {
    const mine = byKey.get(`${i.patternId}\u0000${i.host}`);
    if (mine === undefined) {
      incidents.push(i);
      continue;
    }
    joined.add(`${i.patternId}\u0000${i.host}`);
    const config = mine.flatMap(cited);
    incidents.push({ ...i, components: merge(i.components, config), count: i.count + mine.length, evidence: [...config, ...i.evidence] });
  }
  const promoted = new Set<string>();
  for (const [key, mine] of [...byKey.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    if (joined.has(key)) continue;
    const first = mine[0] as CheckHit;
    const p = patternOf.get(first.check.pattern);
    if (p === undefined) continue;
    const host = first.host;
    // A transient of the entry on this node: its signal hits become part of the incident.
    const transient = match.transients.some((t) => t.patternId === p.id && t.host === host && t.reason.startsWith('below threshold'));
    const logHits = transient ? p.signals.flatMap((m) => match.evidence(p.id, m.id, host)).sort(byTime) : [];
    if (transient) promoted.add(key);
    const config = mine.flatMap(cited);
    const times = logHits.map(at).filter((x): x is Instant => x !== undefined);
    incidents.push({
      patternId: p.id,
      host,
      components: merge([...new Set(logHits.map((c) => c.event.component))], config),
      onset: times[0],
      last: times[times.length - 1],
      count: logHits.length + mine.length,
      resolution: resolutionOf(p, match, host, times[times.length - 1]),
      evidence: [...config, ...logHits.slice(0, 11)],
    });
  }
  const evidence = (patternId: string, matcherId: string, host: string): readonly Cited[] => {
    if (!matcherId.startsWith('check:')) return match.evidence(patternId, matcherId, host);
    return (byKey.get(`${patternId}\u0000${host}`) ?? []).filter((h) => checkMatcherId(h.check.id) === matcherId).flatMap(cited);
  };
  return {
    incidents,
    transients: match.transients.filter((t) => !promoted.has(`${t.patternId}\u0000${t.host}`)),
    evidence,
  };
}

function at(c: Cited): Instant | undefined {
  return c.event.time.kind === 'none' ? undefined : c.event.time.at;
}

function merge(components: readonly string[], config: readonly Cited[]): string[] {
  return [...new Set([...components, ...config.map((c) => c.event.component)])].sort(cmp);
}

/** Resolved when a clear of the entry came after its last signal, as findIncidents decides. */
function resolutionOf(p: Pattern, match: MatchResult, host: string, last: Instant | undefined): Resolution {
  if (last === undefined) return { kind: 'active' };
  const clears = p.clears.flatMap((m) => match.evidence(p.id, m.id, host)).sort(byTime);
  const c = clears[clears.length - 1];
  const t = c === undefined ? undefined : at(c);
  return c !== undefined && t !== undefined && compareInstant(t, last) > 0 ? { kind: 'resolved', at: t, evidence: c } : { kind: 'active' };
}
