// When a scrape was taken. prom-text states it where the file does (a sample timestamp, a time
// comment, the file name); when it does not, the file's mtime (from the file system or the archive
// entry) is the best guess left, marked inferred. Without either, the scrape has no time.
import type { Stamp } from '../../model/time.js';
import { resolveStamp, type TimeOptions } from '../../normalize/normalize.js';
import type { YearChoice } from '../../normalize/year.js';
import type { SnapshotTime, SnapshotTimeSource } from './series.js';

export interface FileTime {
  readonly mtime?: Date;
  readonly mtimeSource?: 'file' | 'archive-entry';
}

const STATED: ReadonlySet<string> = new Set<SnapshotTimeSource>(['sample-timestamp', 'comment', 'file-name']);

export function snapshotTime(stamp: Stamp, timeSource: string, file: FileTime, year: YearChoice, opts: TimeOptions): SnapshotTime | undefined {
  const t = resolveStamp(stamp, 0, year, opts);
  if (t.kind !== 'none' && STATED.has(timeSource)) return { time: t, source: timeSource as SnapshotTimeSource };
  if (file.mtime === undefined) return undefined;
  return {
    // An mtime is when the file was last written: for a saved scrape, about when it was taken.
    time: { kind: 'inferred', at: { sec: Math.floor(file.mtime.getTime() / 1000), nsec: 0 }, precision: 's', assumed: [] },
    source: file.mtimeSource === 'archive-entry' ? 'archive-entry-mtime' : 'file-mtime',
  };
}
