// ParsedRecord → TimelineEvent, in two phases. `prepare` runs while a member streams: it lifts a
// nested klog/JSON line out of the message and tracks year rollover. `resolve` runs once the
// whole bundle has been read and every member's base year is known.
import type { ParsedRecord, RecordDetail, TimelineEvent } from '../model/event.js';
import { UNKNOWN_HOST } from '../model/event.js';
import type { FormatId } from '../model/format.js';
import type { Assumption, EventTime, Instant, Precision, Stamp } from '../model/time.js';
import { civilToInstant, compareInstant, SEC_PER_DAY } from '../model/time.js';
import { canonicalHost, componentFromPath, hostFromPath } from './host.js';
import { liftNested } from './nested.js';
import { YearTracker, type YearChoice } from './year.js';
import type { Zone } from './zone.js';

/** A record after phase one: nested line lifted, relative year noted. Small and plain, so it can be kept. */
export interface Prepared {
  readonly record: ParsedRecord;
  /** Year relative to the member's first yearless stamp (0 unless the log crossed New Year). */
  readonly yearDelta: number;
  readonly inner?: { readonly format: FormatId; readonly stamp: Stamp };
}

export interface MemberInfo {
  readonly path: string;
  readonly format: FormatId;
  readonly mtime?: Date;
  readonly mtimeSource?: 'file' | 'archive-entry';
}

export interface TimeOptions {
  readonly zone: Zone;
  /** true when the user named the zone (`--tz`): wall times are then not marked as assumed. */
  readonly zoneGiven: boolean;
}

/** Phase one for one member. Also records what the bundle-wide year reference needs. */
export class MemberNormalizer {
  readonly years = new YearTracker();
  readonly hostHint: string | undefined;
  readonly componentHint: string | undefined;
  /** Latest instant this member states with a year (utc or wall stamps), for the bundle reference. */
  latestStated: Instant | undefined;
  /** The first host a line of this member names: journal markers (`-- Boot --`) name none. */
  lineHost: string | undefined;

  constructor(readonly info: MemberInfo) {
    this.hostHint = hostFromPath(info.path);
    this.componentHint = componentFromPath(info.path);
  }

  prepare(record: ParsedRecord): Prepared {
    let rec = record;
    let inner: Prepared['inner'];
    if (rec.kind === 'log') {
      const nested = liftNested(rec.message, rec.source);
      if (nested !== undefined) {
        const n = nested.record;
        rec = {
          ...rec,
          severity: rec.severity === 'unknown' ? n.severity : rec.severity,
          message: n.message,
          fields: { ...rec.fields, ...n.fields },
          ...(rec.component === undefined && n.component !== undefined ? { component: n.component } : {}),
        };
        inner = { format: nested.format, stamp: n.stamp };
      }
    }
    if (this.lineHost === undefined && rec.host !== undefined && rec.host !== '') this.lineHost = canonicalHost(rec.host);
    const s = rec.stamp;
    let yearDelta = 0;
    if (s.kind === 'yearless') yearDelta = this.years.observe(s);
    else if (s.kind === 'utc' || s.kind === 'wall') {
      if (this.latestStated === undefined || compareInstant(s.at, this.latestStated) > 0) this.latestStated = s.at;
    }
    return inner === undefined ? { record: rec, yearDelta } : { record: rec, yearDelta, inner };
  }

  /**
   * The record's own host, else (journal markers) the host the member's lines name, else the
   * path's. A hostless line pasted among another host's lines is not given that host: pasted
   * tickets mix components from several machines.
   */
  hostOf(r: ParsedRecord): string {
    if (r.host !== undefined && r.host !== '') return canonicalHost(r.host);
    return (r.kind === 'marker' ? this.lineHost : undefined) ?? this.hostHint ?? UNKNOWN_HOST;
  }

  /** Phase two: the event as the timeline sees it. */
  resolve(p: Prepared, year: YearChoice, opts: TimeOptions): TimelineEvent {
    const r = p.record;
    const time = resolveStamp(r.stamp, p.yearDelta, year, opts);
    const host = this.hostOf(r);
    const component = r.component ?? this.componentHint ?? this.info.format;
    let inner: TimelineEvent['inner'];
    let finalTime = time;
    if (p.inner !== undefined && time.kind !== 'none') {
      const innerAt = resolveInner(p.inner.stamp, time.at, opts);
      if (innerAt !== undefined) {
        const skewSec = innerAt.at.sec - time.at.sec + (innerAt.at.nsec - time.at.nsec) / 1e9;
        inner = { format: p.inner.format, at: innerAt.at, skewSec: Math.round(skewSec * 1e6) / 1e6 };
        // The outer stamp is the event's time; within a second, the inner one only adds precision.
        if (Math.abs(skewSec) < 1 && finer(innerAt.precision, time.precision)) finalTime = { ...time, at: innerAt.at, precision: innerAt.precision };
      }
    }
    // Built field by field, not spread from the record: records come in many shapes (each parser
    // orders its keys), and a spread of them is a slow generic copy that optimized code keeps
    // deoptimizing on.
    const ev: Record<string, unknown> = { kind: r.kind, severity: r.severity, message: r.message, fields: r.fields, source: r.source, time: finalTime, host, component, format: this.info.format };
    if (r.pid !== undefined) ev['pid'] = r.pid;
    const detail = DETAIL_KEY[r.kind];
    if (detail !== undefined) ev[detail] = (r as unknown as Record<string, unknown>)[detail];
    if (inner !== undefined) ev['inner'] = inner;
    return ev as unknown as TimelineEvent;
  }
}

/** The property that carries each record kind's detail (RecordDetail), copied onto its event. */
const DETAIL_KEY: { readonly [K in ParsedRecord['kind']]: Exclude<keyof Extract<RecordDetail, { kind: K }>, 'kind'> | undefined } = {
  log: undefined,
  marker: 'marker',
  audit: 'audit',
  'k8s-event': 'event',
  condition: 'condition',
  csr: 'csr',
  metric: 'metric',
  unit: 'unit',
};

const RANK: Record<Precision, number> = { s: 0, ms: 1, us: 2, ns: 3 };
function finer(a: Precision, b: Precision): boolean {
  return RANK[a] > RANK[b];
}

function withAssumptions(at: Instant, precision: Precision, assumed: Assumption[]): EventTime {
  return assumed.length === 0 ? { kind: 'stated', at, precision } : { kind: 'inferred', at, precision, assumed };
}

export function resolveStamp(s: Stamp, yearDelta: number, year: YearChoice, opts: TimeOptions): EventTime {
  switch (s.kind) {
    case 'utc':
      return { kind: 'stated', at: s.at, precision: s.precision };
    case 'wall':
      return withAssumptions({ sec: opts.zone.wallToUtc(s.at.sec), nsec: s.at.nsec }, s.precision, opts.zoneGiven ? [] : ['zone']);
    case 'yearless': {
      const wall = civilToInstant(year.baseYear + yearDelta, s.month, s.day, s.secOfDay, s.nsec);
      const assumed: Assumption[] = [];
      if (year.source !== 'flag' && year.source !== 'stated') assumed.push('year');
      if (!opts.zoneGiven) assumed.push('zone');
      return withAssumptions({ sec: opts.zone.wallToUtc(wall.sec), nsec: wall.nsec }, s.precision, assumed);
    }
    case 'monotonic':
    case 'none':
      return { kind: 'none' };
    default: {
      const never: never = s;
      return never;
    }
  }
}

/** An inner stamp resolved next to the outer instant: a yearless one takes the year that puts it closest. */
function resolveInner(s: Stamp, outer: Instant, opts: TimeOptions): { at: Instant; precision: Precision } | undefined {
  switch (s.kind) {
    case 'utc':
      return { at: s.at, precision: s.precision };
    case 'wall':
      return { at: { sec: opts.zone.wallToUtc(s.at.sec), nsec: s.at.nsec }, precision: s.precision };
    case 'yearless': {
      const y = new Date(outer.sec * 1000).getUTCFullYear();
      let best: Instant | undefined;
      for (const cand of [y - 1, y, y + 1]) {
        const w = civilToInstant(cand, s.month, s.day, s.secOfDay, s.nsec);
        const at = { sec: opts.zone.wallToUtc(w.sec), nsec: w.nsec };
        if (best === undefined || Math.abs(at.sec - outer.sec) < Math.abs(best.sec - outer.sec)) best = at;
      }
      return best === undefined ? undefined : { at: best, precision: s.precision };
    }
    default:
      return undefined;
  }
}

export const DAY = SEC_PER_DAY;
