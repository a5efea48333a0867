// A metric hit as evidence: the samples behind the figure (file, metric, labels, the value at each
// snapshot), the figure, and whether it is a lifetime figure; plus the one-line summary that stands
// in for "the line" wherever evidence is quoted. The summary is a PromQL-style formula with its
// values, so it reads the same in every report and language.
import type { Fields } from '../../model/event.js';
import type { EventTime } from '../../model/time.js';
import { formatInstant } from '../../model/time.js';
import type { Comparison, MetricAggregate } from '../pattern.js';
import type { FigureBasis, MetricHit } from './metric-hit.js';
import { bucketName } from './compile.js';
import { selectorText } from './selector.js';
import type { Series, SnapshotSource, TargetSeries } from './series.js';

export interface SnapshotRef {
  readonly file: string;
  readonly time: EventTime;
  readonly timeSource: SnapshotSource;
}

export interface ValueAt extends SnapshotRef {
  readonly line: number;
  readonly value: number;
}

export interface SeriesEvidence {
  readonly metric: string;
  readonly labels: Fields;
  /** The series' samples at the condition's snapshots, in time order (none where it was missing). */
  readonly values: readonly ValueAt[];
}

export interface MetricEvidence {
  readonly matcherId: string;
  readonly host: string;
  readonly job: string;
  /** The samples' `instance` label, "" when they carry none. */
  readonly instance: string;
  readonly expression: string;
  readonly aggregate: MetricAggregate['kind'];
  readonly figure: number;
  readonly compare: Comparison;
  readonly threshold: number;
  readonly windowSec?: number;
  readonly basis: FigureBasis['kind'];
  /** Set for a lifetime figure: why no recent span could be used. */
  readonly lifetimeReason?: 'one-snapshot' | 'span-below-window';
  /** The span the figure covers (for a lifetime figure or a one-snapshot state, from = to). */
  readonly from: SnapshotRef;
  readonly to: SnapshotRef;
  readonly parts?: { readonly part: number; readonly whole: number };
  readonly resets: number;
  readonly series: readonly SeriesEvidence[];
  /** Series that also count in the figure but are not listed. */
  readonly omittedSeries: number;
  /** The one-line summary. */
  readonly summary: string;
}

export const EVIDENCE_SERIES = 12;

export function metricEvidence(hit: MetricHit): MetricEvidence {
  const c = hit.condition;
  const t = hit.target;
  const ref = (i: number): SnapshotRef => snapshotRef(t, i);
  const b = hit.basis;
  const [from, to] = b.kind === 'lifetime' ? [b.at, b.at] : [b.from, b.to];
  const listed = hit.series.slice(0, EVIDENCE_SERIES);
  const base = {
    matcherId: hit.matcher.id,
    host: t.target.host,
    job: t.target.job,
    instance: t.target.instance,
    expression: expressionOf(c.aggregate),
    aggregate: c.aggregate.kind,
    figure: hit.figure,
    compare: c.compare,
    threshold: c.threshold,
    ...(c.windowSec === undefined ? {} : { windowSec: c.windowSec }),
    basis: b.kind,
    ...(b.kind === 'lifetime' ? { lifetimeReason: b.why } : {}),
    from: ref(from),
    to: ref(to),
    ...(hit.parts === undefined ? {} : { parts: hit.parts }),
    resets: hit.resets,
    series: listed.map((s) => seriesEvidence(t, s, hit.snapshots)),
    omittedSeries: hit.series.length - listed.length,
  };
  return { ...base, summary: summaryOf(base) };
}

function snapshotRef(t: TargetSeries, i: number): SnapshotRef {
  const s = t.snapshots[i];
  return s === undefined ? { file: '', time: { kind: 'none' }, timeSource: 'none' } : { file: s.file, time: s.time, timeSource: s.source };
}

function seriesEvidence(t: TargetSeries, s: Series, snapshots: readonly number[]): SeriesEvidence {
  const wanted = new Set(snapshots);
  return {
    metric: s.name,
    labels: s.labels,
    values: s.points.filter((p) => wanted.has(p.snapshot)).map((p) => ({ ...snapshotRef(t, p.snapshot), file: p.source.path, line: p.source.line, value: p.value })),
  };
}

export function expressionOf(a: MetricAggregate): string {
  switch (a.kind) {
    case 'increase':
      return `increase(${selectorText(a.select)})`;
    case 'rate':
      return `rate(${selectorText(a.select)})`;
    case 'ratio':
      return `increase(${selectorText(a.select)}) / increase(${selectorText(a.of)})`;
    case 'value':
      return selectorText(a.select);
    case 'quantile':
      return `histogram_quantile(${a.q}, ${selectorText({ ...a.select, name: bucketName(a.select.name) })})`;
    default: {
      const never: never = a;
      return never;
    }
  }
}

/** A number as people read it: integers whole, others to 4 significant digits. */
export function figureText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(4)));
}

const when = (r: SnapshotRef): string => (r.time.kind === 'none' ? 'an undated snapshot' : formatInstant(r.time.at, 's'));

function summaryOf(e: Omit<MetricEvidence, 'summary'>): string {
  const parts = e.parts === undefined ? '' : ` (${figureText(e.parts.part)} of ${figureText(e.parts.whole)}, ${figureText(e.figure * 100)}%)`;
  const head = `${e.expression} = ${figureText(e.figure)}${parts} ${e.compare} ${figureText(e.threshold)}`;
  const resets = e.resets === 0 ? '' : `; ${e.resets} counter reset${e.resets === 1 ? '' : 's'} (restart) counted from zero`;
  switch (e.basis) {
    case 'window':
      return `${head} over ${span(e)} from ${when(e.from)} to ${when(e.to)}${resets}`;
    case 'lifetime':
      return `${head} since the process started, read at ${when(e.to)}: a lifetime figure, not a recent rate (${
        e.lifetimeReason === 'one-snapshot' ? 'one snapshot' : `snapshots span less than ${span({ windowSec: e.windowSec })}`
      })`;
    case 'state':
      return e.from.time.kind !== 'none' && e.to.time.kind !== 'none' && (e.from.time.at.sec !== e.to.time.at.sec || e.from.time.at.nsec !== e.to.time.at.nsec)
        ? `${head} from ${when(e.from)} to ${when(e.to)}`
        : `${head} at ${when(e.to)}`;
  }
}

function span(e: { readonly from?: SnapshotRef; readonly to?: SnapshotRef; readonly windowSec?: number | undefined }): string {
  let sec = e.windowSec ?? 0;
  if (e.from !== undefined && e.to !== undefined && e.from.time.kind !== 'none' && e.to.time.kind !== 'none') sec = e.to.time.at.sec - e.from.time.at.sec;
  if (sec % 3600 === 0 && sec >= 3600) return `${sec / 3600}h`;
  if (sec % 60 === 0 && sec >= 60) return `${sec / 60}m`;
  return `${sec}s`;
}
