import type { Cited } from '../match/incidents.js';
import type { SnapshotTimeSource } from '../match/metrics/series.js';
import type { EventTime, Instant } from '../model/time.js';
import { formatInstant } from '../model/time.js';
import type { EvidenceLine } from './diagnosis.js';

export function timeText(t: EventTime): string | null {
  return t.kind === 'none' ? null : formatInstant(t.at, t.precision);
}

export function instantText(at: Instant | undefined): string | null {
  return at === undefined ? null : formatInstant(at, 'us').replace(/\.000000Z$/, 'Z');
}

export function timeBasis(t: EventTime): string {
  switch (t.kind) {
    case 'stated':
      return 'stated';
    case 'inferred':
      // Nothing assumed about year or zone: a snapshot timed by its file's mtime.
      return t.assumed.length === 0 ? 'inferred' : `inferred (${t.assumed.map((a) => `assumed ${a}`).join(', ')})`;
    case 'none':
      return 'none';
  }
}

/** Where a metric snapshot's time came from, as the inventory and the evidence say it. */
export function snapshotSourceText(source: SnapshotTimeSource | 'none'): string {
  switch (source) {
    case 'sample-timestamp':
      return 'sample timestamps';
    case 'comment':
      return 'a time comment';
    case 'file-name':
      return 'the file name';
    case 'file-mtime':
      return 'the file mtime';
    case 'archive-entry-mtime':
      return "the archive entry's mtime";
    case 'none':
      return 'nowhere';
  }
}

export function evidenceLine(c: Cited): EvidenceLine {
  return {
    file: c.event.source.path,
    line: c.event.source.line,
    time: timeText(c.event.time),
    timeBasis: c.metric === undefined ? timeBasis(c.event.time) : `${timeBasis(c.event.time)}; snapshot time from ${snapshotSourceText(snapshotSourceOf(c))}`,
    host: c.event.host,
    text: c.raw,
  };
}

/** The time source of the snapshot a metric citation points at (its sample is among the evidence's values). */
function snapshotSourceOf(c: Cited): SnapshotTimeSource | 'none' {
  const m = c.metric;
  if (m === undefined) return 'none';
  for (const s of m.series) for (const v of s.values) if (v.file === c.event.source.path && v.line === c.event.source.line) return v.timeSource;
  return m.to.timeSource;
}
