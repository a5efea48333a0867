// Counter arithmetic between snapshots, as Prometheus' increase() counts it but without its
// extrapolation to the window edges: each step adds the difference, and a value lower than the one
// before is a reset (the process restarted), whose new value counts from zero. A counter that goes
// 5 → 9 → 2 → 4 increased by 4 + 2 + 2 = 8.
import type { Point } from './series.js';

/**
 * A series' value at each of the given snapshots (indices into its target's snapshots), 0 where it
 * has no sample: client_golang creates a labelled counter at its first increment, and a restart
 * drops it, so a missing series has counted nothing yet. NaN reads as missing too.
 */
export function valuesAt(points: readonly Point[], snapshots: readonly number[]): number[] {
  const by = new Map<number, number>();
  for (const p of points) if (!Number.isNaN(p.value)) by.set(p.snapshot, p.value);
  return snapshots.map((s) => by.get(s) ?? 0);
}

/** Increase from position `from` to position `to` of `values` (from < to). */
export function counterIncrease(values: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let i = from + 1; i <= to; i++) {
    const prev = values[i - 1] as number;
    const cur = values[i] as number;
    sum += cur >= prev ? cur - prev : cur;
  }
  return sum;
}

/** How many resets lie between positions `from` and `to`. */
export function counterResets(values: readonly number[], from: number, to: number): number {
  let n = 0;
  for (let i = from + 1; i <= to; i++) if ((values[i] as number) < (values[i - 1] as number)) n++;
  return n;
}
