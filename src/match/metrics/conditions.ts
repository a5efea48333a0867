// A compiled MetricCondition evaluated on one target's series. Counters (increase, rate, ratio,
// quantile) are evaluated at every snapshot, over the span back to the latest snapshot at least
// `window` earlier (or back to the first snapshot when the condition has no window), as a rule
// would be evaluated at that instant. When no such span exists (one snapshot, or snapshots too
// close together) the counters' values at the last snapshot are their lifetime increase, and the
// figure is marked as such. Gauges (value) are read series by series at each snapshot; with a
// window, the comparison must hold at consecutive snapshots spanning at least that long.
import { toSeconds } from '../../model/time.js';
import type { Matcher, MetricCondition } from '../pattern.js';
import { bucketName, PROCESS_START } from './compile.js';
import { counterIncrease, counterResets, valuesAt } from './counters.js';
import { evaluateGauge } from './gauge.js';
import { bucketQuantile, parseLe, type Bucket } from './histogram.js';
import { compare, type FigureBasis, type MetricHit } from './metric-hit.js';
import { labelsMatch, type Selector } from './selector.js';
import { snapshotsOf, type Series, type TargetSeries } from './series.js';

/** Evaluate every metric matcher of the list on every target; one hit per matcher and target at most. */
export function evaluateMetricMatchers(matchers: readonly Matcher[], targets: readonly TargetSeries[]): MetricHit[] {
  const hits: MetricHit[] = [];
  for (const m of matchers) {
    if (m.test.kind !== 'metric') continue;
    for (const t of targets) {
      const h = evaluateCondition(m, m.test.condition, t);
      if (h !== undefined) hits.push(h);
    }
  }
  return hits;
}

export function evaluateCondition(matcher: Matcher, c: MetricCondition, target: TargetSeries): MetricHit | undefined {
  const a = c.aggregate;
  const select = (s: Selector, name = s.name): Series[] => target.series.filter((x) => x.name === name && labelsMatch(s, x.labels));
  switch (a.kind) {
    case 'value':
      return evaluateGauge(matcher, c, target, select(a.select));
    case 'increase':
    case 'rate':
      return evaluateCounters(matcher, c, target, select(a.select), []);
    case 'ratio':
      return evaluateCounters(matcher, c, target, select(a.select), select(a.of));
    case 'quantile':
      return evaluateCounters(
        matcher,
        c,
        target,
        select(a.select, bucketName(a.select.name)).filter((x) => parseLe(x.labels['le']) !== undefined),
        [],
      );
    default: {
      const never: never = a;
      return never;
    }
  }
}

interface Evaluation {
  readonly figure: number;
  readonly basis: FigureBasis;
  readonly parts?: { readonly part: number; readonly whole: number };
  readonly resets: number;
}

function evaluateCounters(matcher: Matcher, c: MetricCondition, target: TargetSeries, part: readonly Series[], whole: readonly Series[]): MetricHit | undefined {
  const all = [...part, ...whole.filter((w) => !part.includes(w))];
  const snaps = snapshotsOf(all);
  if (snaps.length === 0) return undefined;
  const values = new Map(all.map((s) => [s, valuesAt(s.points, snaps)] as const));
  const seconds = snaps.map((i) => {
    const t = target.snapshots[i]?.time;
    return t === undefined || t.kind === 'none' ? NaN : toSeconds(t.at);
  });
  const sum = (list: readonly Series[], f: (v: readonly number[]) => number): number => list.reduce((n, s) => n + f(values.get(s) ?? []), 0);
  const a = c.aggregate;
  // The figure over positions from..to of `snaps`; from === to reads the lifetime values at `to`.
  const figureOf = (from: number, to: number): { figure: number; parts?: { part: number; whole: number } } => {
    const inc = (v: readonly number[]): number => (from === to ? (v[to] as number) : counterIncrease(v, from, to));
    switch (a.kind) {
      case 'increase':
        return { figure: sum(part, inc) };
      case 'rate': {
        const span = from === to ? (seconds[to] as number) - processStart(target, snaps[to] as number) : (seconds[to] as number) - (seconds[from] as number);
        return { figure: span > 0 ? sum(part, inc) / span : NaN };
      }
      case 'ratio': {
        const p = sum(part, inc);
        const w = sum(whole, inc);
        return { figure: w > 0 ? p / w : NaN, parts: { part: p, whole: w } };
      }
      case 'quantile': {
        const byLe = new Map<number, number>();
        for (const s of part) {
          const le = parseLe(s.labels['le']) as number;
          byLe.set(le, (byLe.get(le) ?? 0) + inc(values.get(s) ?? []));
        }
        const buckets: Bucket[] = [...byLe.entries()].map(([le, count]) => ({ le, count }));
        return { figure: bucketQuantile(a.q, buckets) };
      }
      case 'value':
        return { figure: NaN };
      default: {
        const never: never = a;
        return never;
      }
    }
  };
  const held: { to: number; e: Evaluation }[] = [];
  let evaluated = 0;
  for (let to = 1; to < snaps.length; to++) {
    const from = c.windowSec === undefined ? 0 : latestAtLeast(seconds, to, c.windowSec);
    if (from === undefined) continue;
    evaluated++;
    const f = figureOf(from, to);
    if (compare(c.compare, f.figure, c.threshold)) {
      const resets = all.reduce((n, s) => n + counterResets(values.get(s) ?? [], from, to), 0);
      held.push({ to, e: { figure: f.figure, basis: { kind: 'window', from: snaps[from] as number, to: snaps[to] as number }, resets, ...(f.parts ? { parts: f.parts } : {}) } });
    }
  }
  if (evaluated === 0) {
    const at = snaps.length - 1;
    const f = figureOf(at, at);
    if (compare(c.compare, f.figure, c.threshold)) {
      const why = snaps.length === 1 ? 'one-snapshot' : 'span-below-window';
      held.push({ to: at, e: { figure: f.figure, basis: { kind: 'lifetime', at: snaps[at] as number, why }, resets: 0, ...(f.parts ? { parts: f.parts } : {}) } });
    }
  }
  const firstHeld = held[0];
  const lastHeld = held[held.length - 1];
  if (firstHeld === undefined || lastHeld === undefined) return undefined;
  const span = lastHeld.e.basis;
  const from = span.kind === 'lifetime' ? undefined : snaps.indexOf(span.from);
  const to = snaps.indexOf(span.kind === 'lifetime' ? span.at : span.to);
  const weight = (s: Series): number => {
    const v = values.get(s) ?? [];
    return from === undefined ? (v[to] ?? 0) : counterIncrease(v, from, to);
  };
  const telling = (list: readonly Series[]): Series[] =>
    a.kind === 'quantile'
      ? [...list].sort((x, y) => (parseLe(x.labels['le']) ?? 0) - (parseLe(y.labels['le']) ?? 0))
      : [...list].sort((x, y) => weight(y) - weight(x));
  return {
    matcher,
    condition: c,
    target,
    ...lastHeld.e,
    first: snaps[firstHeld.to] as number,
    last: snaps[lastHeld.to] as number,
    series: [...telling(part), ...telling(whole.filter((w) => !part.includes(w)))],
    snapshots: snaps,
  };
}

/** The latest position before `to` whose time is at least `windowSec` earlier. */
function latestAtLeast(seconds: readonly number[], to: number, windowSec: number): number | undefined {
  const end = seconds[to] as number;
  for (let i = to - 1; i >= 0; i--) if (end - (seconds[i] as number) >= windowSec) return i;
  return undefined;
}

/** process_start_time_seconds of the target at a snapshot, or NaN. */
function processStart(target: TargetSeries, snapshot: number): number {
  for (const s of target.series) {
    if (s.name !== PROCESS_START) continue;
    const p = s.points.find((x) => x.snapshot === snapshot);
    if (p !== undefined) return p.value;
  }
  return NaN;
}
