// Hits → incidents: per entry and host, with first/last seen, count, and whether a later clear
// resolved it. Transients (below the entry's threshold, or inside a grace window after a start)
// are kept apart, counted, never made findings.
import type { TimelineEvent } from '../model/event.js';
import type { Instant } from '../model/time.js';
import { cmp } from '../model/tally.js';
import { compareInstant } from '../model/time.js';
import type { HitBucket } from './collect.js';
import type { MetricEvidence } from './metrics/evidence.js';
import type { Catalog, Pattern } from './pattern.js';

/** A matched event as it is cited: the event and the line exactly as shipped. */
export interface Cited {
  readonly event: TimelineEvent;
  /** The line as shipped; for a metric condition, a one-line summary of its samples and figure. */
  readonly raw: string;
  readonly matcherId: string;
  /** A metric condition's samples and figure (match/metrics/), when the hit is one. */
  readonly metric?: MetricEvidence;
}

export type Resolution =
  | { readonly kind: 'active' }
  | { readonly kind: 'resolved'; readonly at: Instant; readonly evidence: Cited };

export interface Incident {
  readonly patternId: string;
  readonly host: string;
  readonly components: readonly string[];
  /** undefined when no matched event carries a time (a `kubectl get csr` row, an event age). */
  readonly onset: Instant | undefined;
  readonly last: Instant | undefined;
  readonly count: number;
  readonly resolution: Resolution;
  /** The matched events, in time order: all of them up to the cap, then the first and last. */
  readonly evidence: readonly Cited[];
}

export interface Transient {
  readonly patternId: string;
  readonly host: string;
  readonly count: number;
  readonly reason: string;
}

/** What match hands on: incidents, transients, and every matcher's evidence per host for the playbook. */
export interface MatchResult {
  readonly incidents: readonly Incident[];
  readonly transients: readonly Transient[];
  readonly evidence: (patternId: string, matcherId: string, host: string) => readonly Cited[];
}

const EVIDENCE_KEPT = 12;
// A metric hit is a state too: its condition carries its own threshold and window.
const SNAPSHOT_KINDS: ReadonlySet<string> = new Set(['condition', 'csr', 'unit', 'metric']);

export function byTime(a: Cited, b: Cited): number {
  const ta = a.event.time;
  const tb = b.event.time;
  if (ta.kind !== 'none' && tb.kind !== 'none') {
    const c = compareInstant(ta.at, tb.at);
    if (c !== 0) return c;
  } else if (ta.kind !== tb.kind) return ta.kind === 'none' ? 1 : -1;
  return cmp(a.event.source.path, b.event.source.path) || a.event.source.line - b.event.source.line;
}

const at = (c: Cited): Instant | undefined => (c.event.time.kind === 'none' ? undefined : c.event.time.at);

/**
 * Turns a hit's handle into its cited event. An object with a method, not a callback: the analysis
 * makes one per bundle, and a batch worker's optimized code keeps calling the same method instead
 * of meeting a new closure each bundle (a new call target costs a deoptimization and a recompile).
 */
export interface Citer<P> {
  cite(item: P, matcherId: string): Cited;
}

export function findIncidents<P>(catalog: Catalog, buckets: readonly HitBucket<P>[], citer: Citer<P>): MatchResult {
  // (pattern, matcher, host) → cited events, time ordered
  const cited = new Map<string, Cited[]>();
  const overflow = new Map<string, number>();
  for (const b of buckets) {
    const key = `${b.matcher.patternId}\u0000${b.matcher.id}\u0000${b.host}`;
    const list = b.kept.map((h) => citer.cite(h.item, b.matcher.id));
    list.sort(byTime);
    cited.set(key, list);
    if (b.overflow > 0) overflow.set(key, b.overflow);
  }
  const get = (p: string, m: string, h: string): Cited[] => cited.get(`${p}\u0000${m}\u0000${h}`) ?? [];
  const hostsOf = (p: Pattern): string[] =>
    [...new Set(buckets.filter((b) => b.matcher.patternId === p.id && b.matcher.role === 'signal').map((b) => b.host))].sort(cmp);

  const incidents: Incident[] = [];
  const transients: Transient[] = [];
  for (const p of catalog.patterns) {
    const decisive = new Set(p.signals.filter((m) => m.decisive === true).map((m) => m.id));
    for (const host of hostsOf(p)) {
      let hits = p.signals.flatMap((m) => get(p.id, m.id, host));
      let extra = p.signals.reduce((n, m) => n + (overflow.get(`${p.id}\u0000${m.id}\u0000${host}`) ?? 0), 0);
      hits.sort(byTime);
      if (p.grace !== undefined) {
        const starts = p.grace.signals.flatMap((m) => get(p.id, m.id, host)).map(at).filter((x): x is Instant => x !== undefined);
        const within = p.grace.withinSec;
        const inGrace = (c: Cited): boolean => {
          const t = at(c);
          return t !== undefined && starts.some((s) => compareInstant(s, t) <= 0 && t.sec - s.sec <= within);
        };
        const graced = hits.filter(inGrace);
        if (graced.length > 0) {
          transients.push({ patternId: p.id, host, count: graced.length, reason: `within ${within}s after a start` });
          hits = hits.filter((c) => !inGrace(c));
        }
      }
      if (hits.length === 0) continue;
      const count = hits.length + extra;
      const onset = hits.map(at).find((x) => x !== undefined);
      const last = [...hits].reverse().map(at).find((x) => x !== undefined);
      const span = onset !== undefined && last !== undefined ? last.sec - onset.sec : 0;
      // A node condition, a CSR row, a unit state or a metric condition is a state, not an
      // occurrence: seen once, it holds for as long as the snapshot says, so it needs no repetition.
      const snapshot = hits.some((c) => SNAPSHOT_KINDS.has(c.event.kind) || decisive.has(c.matcherId));
      const clears = p.clears.flatMap((m) => get(p.id, m.id, host)).sort(byTime);
      const lastClear = clears[clears.length - 1];
      const clearAt = lastClear === undefined ? undefined : at(lastClear);
      const clearedAfter = lastClear !== undefined && clearAt !== undefined && (last === undefined || compareInstant(clearAt, last) > 0);
      if (!snapshot && !meetsThreshold(p.threshold, count, span)) {
        transients.push({ patternId: p.id, host, count, reason: `below threshold (${count} in ${Math.round(span)}s; needs ${p.threshold.count} matches over ${p.threshold.spanSec}s)` });
        continue;
      }
      const resolution: Resolution =
        clearedAfter && lastClear !== undefined && clearAt !== undefined ? { kind: 'resolved', at: clearAt, evidence: lastClear } : { kind: 'active' };
      extra = 0;
      incidents.push({
        patternId: p.id,
        host,
        components: [...new Set(hits.map((c) => c.event.component))].sort(cmp),
        onset,
        last,
        count,
        resolution,
        evidence: hits.length <= EVIDENCE_KEPT ? hits : [...hits.slice(0, EVIDENCE_KEPT / 2), ...hits.slice(-EVIDENCE_KEPT / 2)],
      });
    }
  }
  return { incidents, transients, evidence: (p, m, h) => get(p, m, h) };
}

/**
 * A problem counts when it repeats often enough AND lasts long enough: the entry's threshold.
 * Below it, a burst is a transient (an apiserver restart's refused connections), unless a
 * decisive signal or a state snapshot says otherwise. A short excerpt of a lasting problem can
 * fall below too; that trade-off is the catalog's, per entry (test/real-world lists such misses).
 */
export function meetsThreshold(t: { readonly count: number; readonly spanSec: number }, count: number, spanSec: number): boolean {
  return count >= t.count && spanSec >= t.spanSec;
}
