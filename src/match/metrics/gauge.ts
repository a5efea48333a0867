// `value` conditions: a gauge read series by series at each snapshot. A series holds over a run of
// consecutive snapshots where the comparison holds; with a window the run must span at least that
// long. The most extreme holding value at the last such snapshot is the figure (the lowest TTL,
// the highest error flag), so the evidence leads with the series that matters.
import { toSeconds } from '../../model/time.js';
import type { Matcher, MetricCondition } from '../pattern.js';
import { compare, type MetricHit } from './metric-hit.js';
import { snapshotsOf, type Series, type TargetSeries } from './series.js';

export function evaluateGauge(matcher: Matcher, c: MetricCondition, target: TargetSeries, series: readonly Series[]): MetricHit | undefined {
  const snaps = snapshotsOf(series);
  if (snaps.length === 0) return undefined;
  const seconds = (i: number): number => {
    const t = target.snapshots[i]?.time;
    return t === undefined || t.kind === 'none' ? NaN : toSeconds(t.at);
  };
  // Per series, runs of consecutive snapshots (of the condition) where the comparison holds.
  const runs: { s: Series; from: number; to: number }[] = [];
  for (const s of series) {
    const at = new Map(s.points.map((p) => [p.snapshot, p.value] as const));
    let start: number | undefined;
    for (let i = 0; i <= snaps.length; i++) {
      const v = i < snaps.length ? at.get(snaps[i] as number) : undefined;
      const holds = v !== undefined && compare(c.compare, v, c.threshold);
      if (holds && start === undefined) start = i;
      if (!holds && start !== undefined) {
        const from = snaps[start] as number;
        const to = snaps[i - 1] as number;
        if (c.windowSec === undefined || seconds(to) - seconds(from) >= c.windowSec) runs.push({ s, from, to });
        start = undefined;
      }
    }
  }
  if (runs.length === 0) return undefined;
  const first = Math.min(...runs.map((r) => r.from));
  const last = Math.max(...runs.map((r) => r.to));
  const valueAt = (s: Series, i: number): number => s.points.find((p) => p.snapshot === i)?.value ?? NaN;
  const ending = runs.filter((r) => r.to === last);
  // The most extreme holding value is the figure: the lowest TTL, the highest error count.
  const low = c.compare === '<' || c.compare === '<=';
  const pick = ending.reduce((best, r) => {
    const v = valueAt(r.s, last);
    const b = valueAt(best.s, last);
    return (low ? v < b : v > b) ? r : best;
  });
  const holding = new Set(runs.map((r) => r.s));
  return {
    matcher,
    condition: c,
    target,
    figure: valueAt(pick.s, last),
    basis: { kind: 'state', from: pick.from, to: last },
    first,
    last,
    resets: 0,
    series: [pick.s, ...series.filter((s) => s !== pick.s && holding.has(s)), ...series.filter((s) => !holding.has(s))],
    snapshots: snaps,
  };
}
