// Stored samples → per target, its snapshots in time order and one series per (name, label set).
// A snapshot is one instant of one target: every file of the target scraped at that instant. Its
// time comes from the samples (timestamp, comment, file name) or from the file's mtime, and the
// snapshot says which.
import type { Fields, MetricDetail, SourceRef } from '../../model/event.js';
import { cmp } from '../../model/tally.js';
import type { EventTime } from '../../model/time.js';
import { compareInstant } from '../../model/time.js';
import type { StoredSample, Target } from './store.js';

export type SnapshotTimeSource = 'sample-timestamp' | 'comment' | 'file-name' | 'file-mtime' | 'archive-entry-mtime';

export interface SnapshotTime {
  readonly time: Exclude<EventTime, { kind: 'none' }>;
  readonly source: SnapshotTimeSource;
}

export type SnapshotSource = SnapshotTimeSource | 'none';

export interface Snapshot {
  /** `none` only for a target whose single scrape has no time at all. */
  readonly time: EventTime;
  readonly source: SnapshotSource;
  /** The first file (by path) of the target at this instant. */
  readonly file: string;
}

export interface Point {
  /** Index into the target's snapshots. */
  readonly snapshot: number;
  readonly value: number;
  readonly source: SourceRef;
}

export interface Series {
  readonly name: string;
  readonly type: MetricDetail['type'];
  readonly labels: Fields;
  /** At most one point per snapshot, in snapshot order. */
  readonly points: readonly Point[];
}

export interface TargetSeries {
  readonly target: Target;
  readonly snapshots: readonly Snapshot[];
  /** By name, then label set. */
  readonly series: readonly Series[];
}

export interface SeriesSet {
  readonly targets: readonly TargetSeries[];
  /** Files whose samples were left out: no time while other snapshots of their target have one (or several undated files of one target). */
  readonly undatedPaths: readonly string[];
}

/** Group samples by target, order each target's snapshots by time, and cut its samples into series. */
export function buildSeries<H>(samples: readonly StoredSample<H>[], timeOf: (s: StoredSample<H>) => SnapshotTime | undefined): SeriesSet {
  const byTarget = new Map<StoredSample<H>['target'], { s: StoredSample<H>; t: SnapshotTime | undefined }[]>();
  for (const s of samples) {
    const list = byTarget.get(s.target) ?? [];
    if (list.length === 0) byTarget.set(s.target, list);
    list.push({ s, t: timeOf(s) });
  }
  const undated = new Set<string>();
  const targets: TargetSeries[] = [];
  for (const [target, all] of byTarget) {
    let list = all.filter((x) => x.t !== undefined);
    if (list.length === 0) {
      // No time anywhere: one scrape can still give lifetime figures and gauge states; several cannot be ordered.
      const last = all.map((x) => x.s.source.path).sort(cmp).pop();
      list = all.filter((x) => x.s.source.path === last);
    }
    const used = new Set(list);
    for (const x of all) if (!used.has(x)) undated.add(x.s.source.path);
    targets.push(seriesOfTarget(target, list));
  }
  targets.sort((a, b) => cmp(a.target.host, b.target.host) || cmp(a.target.job, b.target.job) || cmp(a.target.instance, b.target.instance));
  return { targets, undatedPaths: [...undated].sort(cmp) };
}

function seriesOfTarget<H>(target: Target, list: readonly { s: StoredSample<H>; t: SnapshotTime | undefined }[]): TargetSeries {
  const at = (t: SnapshotTime | undefined): string => (t === undefined ? '' : `${t.time.at.sec}.${String(t.time.at.nsec).padStart(9, '0')}`);
  const sorted = [...list].sort(
    (a, b) =>
      (a.t !== undefined && b.t !== undefined ? compareInstant(a.t.time.at, b.t.time.at) : 0) ||
      cmp(a.s.source.path, b.s.source.path) ||
      a.s.source.line - b.s.source.line,
  );
  const snapshots: Snapshot[] = [];
  const indexOf = new Map<string, number>();
  const series = new Map<string, { name: string; type: MetricDetail['type']; labels: Fields; points: Point[] }>();
  for (const { s, t } of sorted) {
    const key = at(t);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = snapshots.length;
      indexOf.set(key, index);
      snapshots.push(t === undefined ? { time: { kind: 'none' }, source: 'none', file: s.source.path } : { time: t.time, source: t.source, file: s.source.path });
    }
    const id = seriesKey(s.name, s.labels);
    let one = series.get(id);
    if (one === undefined) {
      one = { name: s.name, type: s.type, labels: s.labels, points: [] };
      series.set(id, one);
    }
    const lastPoint = one.points[one.points.length - 1];
    // The same series twice at one instant (a scrape copied into the bundle twice): the first file wins.
    if (lastPoint !== undefined && lastPoint.snapshot === index) continue;
    one.points.push({ snapshot: index, value: s.value, source: s.source });
  }
  const ordered = [...series.entries()].sort((a, b) => cmp(a[0], b[0])).map(([, v]) => v);
  return { target, snapshots, series: ordered };
}

/** Sorted unique snapshot indices where any of the series has a sample. */
export function snapshotsOf(series: readonly Series[]): number[] {
  return [...new Set(series.flatMap((s) => s.points.map((p) => p.snapshot)))].sort((x, y) => x - y);
}

/** Name and labels sorted by label name: one identity per series. */
export function seriesKey(name: string, labels: Fields): string {
  return `${name}{${Object.keys(labels)
    .sort(cmp)
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(',')}}`;
}
