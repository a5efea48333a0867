// Incidents → ranked findings. A cause explains a symptom when the catalog links them, they are
// on the same host, and the cause began first within the link's window. Incidents nothing
// explains are root causes; findings are ranked with roots first.
import type { Incident } from '../match/incidents.js';
import type { Catalog, Explains, Pattern } from '../match/pattern.js';
import { cmp } from '../model/tally.js';
import { compareInstant } from '../model/time.js';

export interface Link {
  readonly cause: Incident;
  readonly symptom: Incident;
  /** Seconds from the cause's onset to the symptom's; undefined when either has no time. */
  readonly lagSec: number | undefined;
}

export interface RankedFinding {
  readonly pattern: Pattern;
  readonly incidents: readonly Incident[];
  readonly rootCause: boolean;
  readonly rank: number;
  /** Links where this finding's incidents are the symptom. */
  readonly causedBy: readonly Link[];
  /** Links where this finding's incidents are the cause. */
  readonly explains: readonly Link[];
}

/** Does `c` explain `s` under link `l`? Order matters: a cause never begins after its symptom. */
export function explainsIncident(l: Explains, c: Incident, s: Incident): Link | undefined {
  if (c.patternId !== l.cause || s.patternId !== l.symptom) return undefined;
  if (l.sameHost && c.host !== s.host) return undefined;
  if (c.onset === undefined || s.onset === undefined) return { cause: c, symptom: s, lagSec: undefined };
  if (compareInstant(c.onset, s.onset) > 0) return undefined;
  const lag = s.onset.sec - c.onset.sec + (s.onset.nsec - c.onset.nsec) / 1e9;
  return lag <= l.withinSec ? { cause: c, symptom: s, lagSec: lag } : undefined;
}

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const;

export function correlate(catalog: Catalog, incidents: readonly Incident[]): RankedFinding[] {
  const links: Link[] = [];
  for (const l of catalog.links) {
    for (const c of incidents) {
      if (c.patternId !== l.cause) continue;
      for (const s of incidents) {
        const link = explainsIncident(l, c, s);
        if (link !== undefined) links.push(link);
      }
    }
  }
  const byPattern = new Map<string, Incident[]>();
  for (const i of incidents) byPattern.set(i.patternId, [...(byPattern.get(i.patternId) ?? []), i]);
  const patternOf = new Map(catalog.patterns.map((p) => [p.id, p]));
  const unranked = [...byPattern.entries()].map(([id, list]) => {
    const causedBy = links.filter((l) => l.symptom.patternId === id);
    const explains = links.filter((l) => l.cause.patternId === id);
    // A root cause: at least one of its incidents is explained by nothing present.
    const rootCause = list.some((i) => !causedBy.some((l) => l.symptom === i));
    return { pattern: patternOf.get(id) as Pattern, incidents: list, rootCause, causedBy, explains };
  });
  const onset = (f: (typeof unranked)[number]): number => Math.min(...f.incidents.map((i) => (i.onset === undefined ? Infinity : i.onset.sec + i.onset.nsec / 1e9)));
  const active = (f: (typeof unranked)[number]): number => (f.incidents.some((i) => i.resolution.kind === 'active') ? 0 : 1);
  unranked.sort(
    (a, b) =>
      Number(b.rootCause) - Number(a.rootCause) ||
      active(a) - active(b) ||
      SEVERITY_RANK[a.pattern.severity] - SEVERITY_RANK[b.pattern.severity] ||
      b.explains.length - a.explains.length ||
      onset(a) - onset(b) ||
      cmp(a.pattern.id, b.pattern.id),
  );
  return unranked.map((f, i) => ({ ...f, rank: i + 1 }));
}
