// What a metric condition that held says: its figure, the span the figure covers, and where the
// condition first and last held; plus the comparison every aggregate ends with.
import type { Comparison, Matcher, MetricCondition } from '../pattern.js';
import type { Series, TargetSeries } from './series.js';

export type FigureBasis =
  /** Counters between two snapshots (indices into the target's snapshots). */
  | { readonly kind: 'window'; readonly from: number; readonly to: number }
  /** Counters since the process started, read at one snapshot: not a recent rate. */
  | { readonly kind: 'lifetime'; readonly at: number; readonly why: 'one-snapshot' | 'span-below-window' }
  /** A gauge that held from one snapshot to another. */
  | { readonly kind: 'state'; readonly from: number; readonly to: number };

export interface MetricHit {
  readonly matcher: Matcher;
  readonly condition: MetricCondition;
  readonly target: TargetSeries;
  /** The figure at the last evaluation that held. */
  readonly figure: number;
  readonly basis: FigureBasis;
  /** Snapshots (target indices) where the condition first and last held. */
  readonly first: number;
  readonly last: number;
  /** ratio: the increases behind the figure (part of whole). */
  readonly parts?: { readonly part: number; readonly whole: number };
  /** Counter resets (restarts) inside the figure's span, over all its series. */
  readonly resets: number;
  /** Every series the figure reads, the most telling first (largest increase, or holding). */
  readonly series: readonly Series[];
  /** The snapshots (target indices) where any of those series has a sample. */
  readonly snapshots: readonly number[];
}

export function compare(op: Comparison, figure: number, threshold: number): boolean {
  switch (op) {
    case '>':
      return figure > threshold;
    case '>=':
      return figure >= threshold;
    case '<':
      return figure < threshold;
    case '<=':
      return figure <= threshold;
    case '==':
      return figure === threshold;
    case '!=':
      return !Number.isNaN(figure) && figure !== threshold;
    default: {
      const never: never = op;
      return never;
    }
  }
}
