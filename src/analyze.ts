// Wires the stages: ingest → parse → normalize → match → correlate → diagnose. All callers
// (cli, batch, serve) go through here. The catalog's gate reaches ingest as a value.
import { correlate } from './correlate/correlate.js';
import { instantText, snapshotSourceText, timeBasis } from './diagnose/cite.js';
import { diagnoseFindings } from './diagnose/diagnose.js';
import { checkLookup, configReport } from './diagnose/config-report.js';
import { checksFor, ConfigPass, showsKubeletConfig } from './match/config/run-config.js';
import type { Diagnosis, InputReport } from './diagnose/diagnosis.js';
import { ByteBudget, BudgetExceeded } from './ingest/counted.js';
import { DEFAULT_LIMITS, type IngestLimits } from './ingest/limits.js';
import type { Member } from './ingest/member.js';
import type { ContentHash } from './ingest/content-hash.js';
import { openInputs } from './ingest/open-inputs.js';
import { BUILTIN_PATTERNS, loadCatalog } from './match/catalog.js';
import { loadBuiltinCatalog } from './match/catalog-snapshot.js';
import { HitCollector } from './match/collect.js';
import { gateSpecOf, type GateKind } from './match/gate-specs.js';
import { gateFromSpec } from './ingest/literal-gate.js';
import { findIncidents, type Cited, type Citer } from './match/incidents.js';
import { metricSampleNames } from './match/metrics/compile.js';
import { evaluateMetrics } from './match/metrics/hits.js';
import type { SnapshotTimeSource } from './match/metrics/series.js';
import { snapshotTime } from './match/metrics/snapshot-time.js';
import { MAX_SAMPLES, MetricStore, scrapeJob } from './match/metrics/store.js';
import type { Catalog } from './match/pattern.js';
import type { GateSpec, LineGate } from './model/gate.js';
import { availableParallelism } from 'node:os';
import type { ParsedRecord, TimelineEvent } from './model/event.js';
import type { FormatId } from './model/format.js';
import { cmp, Tally } from './model/tally.js';
import type { Instant } from './model/time.js';
import { compareInstant } from './model/time.js';
import { chooseYears } from './normalize/bundle-clock.js';
import { MemberNormalizer, type Prepared, type TimeOptions } from './normalize/normalize.js';
import type { YearChoice } from './normalize/year.js';
import { parseZone, UTC_ZONE } from './normalize/zone.js';
import { openMember } from './parse/read-member.js';
import { GATED_FORMATS, JSON_LINE_FORMATS } from './parse/registry.js';

export interface AnalyzeOptions {
  readonly inputs: readonly string[];
  /** What each input is called in the report (default: its base name); see OpenOptions.names. */
  readonly inputNames?: readonly string[];
  /** Extra catalog folders (`--patterns DIR`); their entries replace built-ins with the same id. */
  readonly patternDirs?: readonly string[];
  /** A catalog already loaded (tests, batch workers): skips loading. */
  readonly catalog?: Catalog;
  readonly year?: number;
  readonly tz?: string;
  readonly limits?: IngestLimits;
  /** Read every line in full instead of only the gate's candidates (slower; same findings). */
  readonly fullScan?: boolean;
  /** Worker threads scanning one big file on disk (default: the machine's cores). */
  readonly workers?: number;
  /** Files smaller than this are scanned on the main thread (default 64 MiB). */
  readonly parallelMinBytes?: number;
  /** Read size for files on disk (default 1 MiB). The report does not depend on it. */
  readonly chunkBytes?: number;
  /** Fed the bytes of every file read from disk (batch takes a bundle's hash from it). */
  readonly contentHash?: ContentHash;
  /** Blocking reads on this thread (see OpenOptions.blockingReads): for batch workers. */
  readonly blockingReads?: boolean;
  /** Called as members are read, for progress bars. */
  readonly onProgress?: (p: { readonly path: string; readonly bytesRead: number }) => void;
}

/** What the matcher keeps per hit: enough to resolve the time later and quote the line. */
interface LineHit {
  readonly kind: 'line';
  readonly member: number;
  readonly prepared: Prepared;
  readonly raw: string;
}

/** A hit is a line, or a metric condition that held (cited already: its time is the snapshot's). */
type HitItem = LineHit | { readonly kind: 'metric'; readonly cited: Cited };

interface MemberState {
  readonly normalizer: MemberNormalizer;
  readonly report: Omit<InputReport, 'timeSource' | 'firstTime' | 'lastTime'>;
  /** First and last records in file order: enough for the member's time bounds. */
  readonly bounds: Prepared[];
}

export function loadCatalogFor(opts: Pick<AnalyzeOptions, 'catalog' | 'patternDirs'>): Catalog {
  if (opts.catalog !== undefined) return opts.catalog;
  if (opts.patternDirs !== undefined && opts.patternDirs.length > 0) return loadCatalog(BUILTIN_PATTERNS(), ...opts.patternDirs);
  // The built-in rules alone: from the build's snapshot when it still holds (no YAML, no schema compile).
  return loadBuiltinCatalog();
}

/** The catalog's gates, each built when a member first needs it (an automaton costs tens of ms). */
class Gates {
  private readonly built = new Map<GateKind, LineGate | undefined>();
  constructor(private readonly catalog: Catalog) {}

  spec(kind: GateKind): GateSpec | undefined {
    return gateSpecOf(this.catalog, kind);
  }

  gate(kind: GateKind): LineGate | undefined {
    if (!this.built.has(kind)) {
      const spec = this.spec(kind);
      this.built.set(kind, spec === undefined ? undefined : gateFromSpec(spec));
    }
    return this.built.get(kind);
  }
}
const gateCache = new WeakMap<Catalog, Gates>();

/** The catalog's gates, once per catalog (batches reuse them). */
function gatesOf(catalog: Catalog): Gates {
  let g = gateCache.get(catalog);
  if (g === undefined) gateCache.set(catalog, (g = new Gates(catalog)));
  return g;
}

export async function analyze(opts: AnalyzeOptions): Promise<Diagnosis> {
  const catalog = loadCatalogFor(opts);
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const zone = opts.tz !== undefined ? parseZone(opts.tz) : UTC_ZONE;
  if (zone === undefined) throw new Error(`unknown time zone "${opts.tz}" (use an IANA name such as Europe/Berlin, or an offset such as +07:00)`);
  const timeOpts: TimeOptions = { zone, zoneGiven: opts.tz !== undefined };
  const tally = new Tally();
  const budget = new ByteBudget(limits);
  const gates = opts.fullScan === true ? undefined : gatesOf(catalog);
  const parallel = {
    workers: opts.workers ?? availableParallelism(),
    minBytes: opts.parallelMinBytes ?? 64 * 1024 * 1024,
    chunkBytes: opts.chunkBytes ?? 1024 * 1024,
  };
  const collector = new HitCollector<HitItem>(catalog);
  // Metric samples some condition reads (by name), member index as the handle: evaluated after the bundle.
  const metrics = new MetricStore<number>(metricSampleNames(catalog.matchers));
  const members: MemberState[] = [];
  const matched = { lines: 0 };
  const config = new ConfigPass();
  const checks = checksFor(catalog);

  const inputsLabel = (opts.inputNames ?? opts.inputs).join(' ');
  try {
    for await (const member of openInputs(opts.inputs, { limits, tally, budget, chunkBytes: parallel.chunkBytes, ...(opts.inputNames !== undefined ? { names: opts.inputNames } : {}), ...(opts.contentHash !== undefined ? { contentHash: opts.contentHash } : {}), ...(opts.blockingReads === true ? { blockingReads: true } : {}) })) {
      const state = await readMember(member, members.length, { tally, limits, gates, collector, metrics, matched, parallel, config });
      members.push(state);
      opts.onProgress?.({ path: member.path, bytesRead: budget.bytesRead });
    }
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    tally.report({ path: inputsLabel, severity: 'error', message: `${e.message}; the rest of the bundle was not read` });
  }

  const years = chooseYears(members.map((m) => m.normalizer), opts.year);
  const events = new BundleEvents(members, years, timeOpts);
  const metric = evaluateMetrics(
    catalog.matchers,
    metrics.samples(),
    (s) => snapshotTime(s.stamp, s.timeSource, (members[s.handle] as MemberState).normalizer.info, years[s.handle] as YearChoice, timeOpts),
    (cited): HitItem => ({ kind: 'metric', cited }),
  );
  for (const path of metric.undatedPaths) tally.report({ path, severity: 'warning', message: 'metric samples without a time (none in the file, no mtime) beside dated snapshots of the same target; not evaluated' });
  if (metrics.overflow > 0) tally.report({ path: inputsLabel, severity: 'warning', message: `more than ${MAX_SAMPLES} metric samples; ${metrics.overflow} more were not evaluated` });
  // Configuration: judged at the bundle's latest time; fired checks join the catalog's incidents.
  const latest = members.flatMap((m, i) => m.bounds.map((p) => events.resolve(i, p).time)).flatMap((t) => (t.kind === 'none' ? [] : [t.at])).sort(compareInstant).pop();
  const configured = config.finish(catalog, checks, findIncidents(catalog, [...collector.allBuckets(), ...metric.buckets], events), latest === undefined ? undefined : new Date(latest.sec * 1000));
  const match = configured.match;
  const ranked = correlate(catalog, match.incidents);
  const findings = diagnoseFindings(ranked, match, checkLookup(configured.result, config.formatOf));
  const nodeConfig = showsKubeletConfig(configured.result) ? configReport(configured.result, config.formatOf) : undefined;

  const skippedByPath = new Map<string, number>();
  for (const s of tally.skipCounts()) if (!s.intentional) skippedByPath.set(s.path, (skippedByPath.get(s.path) ?? 0) + s.count);
  const inputs = members.map((m, i): InputReport => {
    const times = m.bounds.map((p) => events.resolve(i, p).time).filter((t) => t.kind !== 'none');
    const ats = times.map((t) => t.at).sort(compareInstant);
    const year = years[i] as YearChoice;
    const sample = times[0];
    const basis = sample === undefined ? 'none' : timeBasis(sample);
    const timeSource =
      m.report.format === 'prom-text'
        ? promTimeSource(basis, m)
        : sample !== undefined && sample.kind === 'inferred' && sample.assumed.includes('year')
          ? `${basis}; year from ${year.source}`
          : basis;
    return { ...m.report, skipped: skippedByPath.get(m.report.path) ?? 0, timeSource, firstTime: instantText(ats[0]), lastTime: instantText(ats[ats.length - 1]) };
  });
  const starts = inputs.map((i) => i.firstTime).filter((t): t is string => t !== null).sort(cmp);
  const ends = inputs.map((i) => i.lastTime).filter((t): t is string => t !== null).sort(cmp);
  const hosts = [...new Set([...inputs.map((i) => i.host).filter((h): h is string => h !== null), ...findings.flatMap((f) => f.hosts)])].sort(cmp);
  const skews = countSkews(collector.allBuckets().flatMap((b) => b.kept.map((h) => h.item).filter((x): x is LineHit => x.kind === 'line')), events);
  return {
    schemaVersion: 1,
    inputs,
    timeRange: { start: starts[0] ?? null, end: ends[ends.length - 1] ?? null },
    findings,
    transients: match.transients.map((t) => ({ pattern: t.patternId, host: t.host, count: t.count, reason: t.reason })),
    diagnostics: tally.diagnosticList(),
    skipped: tally.skipCounts(),
    stats: {
      files: inputs.length,
      bytes: inputs.reduce((n, i) => n + i.bytes, 0),
      lines: inputs.reduce((n, i) => n + i.lines, 0),
      parsed: inputs.reduce((n, i) => n + i.parsed, 0),
      skipped: tally.totalSkipped(false),
      matchedLines: matched.lines,
      hosts,
      zone: zone.name,
      zoneAssumed: opts.tz === undefined,
      clockSkews: skews,
      catalogEntries: catalog.patterns.length,
    },
    ...(nodeConfig !== undefined ? { config: nodeConfig.config, drift: nodeConfig.drift } : {}),
  };
}

/**
 * The bundle's records as timeline events, once the base years are chosen. Each record is resolved
 * once: a hit is cited, checked for clock skew and may bound its member's time, from one event.
 */
class BundleEvents implements Citer<HitItem> {
  private readonly resolved = new Map<Prepared, TimelineEvent>();

  constructor(
    private readonly members: readonly MemberState[],
    private readonly years: readonly YearChoice[],
    private readonly timeOpts: TimeOptions,
  ) {}

  resolve(member: number, p: Prepared): TimelineEvent {
    let ev = this.resolved.get(p);
    if (ev === undefined) {
      ev = (this.members[member] as MemberState).normalizer.resolve(p, this.years[member] as YearChoice, this.timeOpts);
      this.resolved.set(p, ev);
    }
    return ev;
  }

  cite(item: HitItem, matcherId: string): Cited {
    return item.kind === 'metric' ? item.cited : { event: this.resolve(item.member, item.prepared), raw: item.raw, matcherId };
  }
}

interface ReadContext {
  readonly tally: Tally;
  readonly limits: IngestLimits;
  readonly gates: Gates | undefined;
  readonly parallel: { readonly workers: number; readonly minBytes: number; readonly chunkBytes: number };
  readonly collector: HitCollector<HitItem>;
  readonly metrics: MetricStore<number>;
  readonly matched: { lines: number };
  readonly config: ConfigPass;
}

async function readMember(member: Member, index: number, ctx: ReadContext): Promise<MemberState> {
  const info = { path: member.path, ...(member.mtime ? { mtime: member.mtime } : {}), ...(member.mtimeSource ? { mtimeSource: member.mtimeSource } : {}) };
  const kindOf = (format: FormatId): GateKind | undefined =>
    format === 'audit' ? 'audit' : !GATED_FORMATS.has(format) ? undefined : JSON_LINE_FORMATS.has(format) ? 'json' : 'text';
  const gateFor = (format: FormatId): LineGate | undefined => {
    const kind = kindOf(format);
    return kind === undefined ? undefined : ctx.gates?.gate(kind);
  };
  const specFor = (format: FormatId): GateSpec | undefined => {
    const kind = kindOf(format);
    return kind === undefined ? undefined : ctx.gates?.spec(kind);
  };
  const opened = await openMember(member, { limits: ctx.limits, tally: ctx.tally, gateFor, parallel: { ...ctx.parallel, specFor } });
  if (opened.kind === 'binary') {
    const bytes = await opened.drain();
    ctx.tally.report({ path: member.path, severity: 'warning', message: `${opened.reason}; skipped` });
    const normalizer = new MemberNormalizer({ ...info, format: 'plain' });
    return { normalizer, bounds: [], report: emptyReport(member.path, 'binary', bytes, normalizer.hostHint) };
  }
  const format = opened.format;
  const normalizer = new MemberNormalizer({ ...info, format });
  ctx.config.noteFormat(member.path, format);
  if (opened.config !== undefined) ctx.config.addFragment(member.path, format, normalizer.hostHint, opened.config);
  const bounds: Prepared[] = [];
  let lastPrepared: Prepared | undefined;
  const markers: { p: Prepared; raw: string }[] = [];
  const job = format === 'prom-text' ? scrapeJob(member.path, normalizer.componentHint) : '';
  const offer = (p: Prepared, raw: string): void => {
    const r: ParsedRecord = p.record;
    if (r.kind === 'metric' && ctx.metrics.names.has(r.metric.name)) ctx.metrics.offer(r, { host: normalizer.hostOf(r), job }, index);
    if (ctx.collector.offer(r, r.component ?? normalizer.componentHint ?? format, normalizer.hostOf(r), { kind: 'line', member: index, prepared: p, raw }) > 0) ctx.matched.lines++;
    ctx.config.logs.offer(r, r.component ?? normalizer.componentHint ?? format, normalizer.hostOf(r), raw);
  };
  try {
    for await (const batch of opened.records) {
      for (const rr of batch) {
        const p = normalizer.prepare(rr.record);
        if (bounds.length === 0) bounds.push(p);
        lastPrepared = p;
        // A journal marker names no host; it takes the host the member's lines name, known at its end.
        if (p.record.kind === 'marker' && p.record.host === undefined) markers.push({ p, raw: rr.raw });
        else offer(p, rr.raw);
      }
    }
    for (const m of markers) offer(m.p, m.raw);
  } catch (e) {
    if (e instanceof BudgetExceeded) throw e;
    ctx.tally.report({ path: member.path, severity: 'error', message: `read failed after ${opened.readCounts.records} records: ${(e as Error).message}` });
  }
  if (lastPrepared !== undefined && lastPrepared !== bounds[0]) bounds.push(lastPrepared);
  const lc = opened.lineCounts();
  if (lc.truncated > 0) ctx.tally.skipMany({ path: member.path, line: 0 }, 'ingest', `line longer than ${ctx.limits.maxLineBytes} bytes cut`, lc.truncated, true);
  return {
    normalizer,
    bounds,
    report: {
      path: member.path,
      format,
      host: normalizer.hostHint ?? null,
      bytes: lc.bytes,
      lines: lc.lines,
      parsed: opened.readCounts.records,
      scannedOnly: lc.passedOver,
      skipped: 0,
      truncated: lc.truncated,
    },
  };
}

function emptyReport(path: string, format: 'binary', bytes: number, host: string | undefined): MemberState['report'] {
  return { path, format, host: host ?? null, bytes, lines: 0, parsed: 0, scannedOnly: 0, skipped: 0, truncated: 0 };
}

/**
 * Where a scrape's time came from, for the inventory: what its samples state (sample timestamps, a
 * time comment, the file name), else the file's mtime, which orders snapshots but is no stated time.
 */
function promTimeSource(basis: string, m: MemberState): string {
  const first = m.bounds[0]?.record;
  const stated = first?.kind === 'metric' ? (first.fields['timeSource'] as SnapshotTimeSource | 'none' | undefined) : undefined;
  if (basis !== 'none' && stated !== undefined && stated !== 'none') return `${basis} from ${snapshotSourceText(stated)}`;
  const info = m.normalizer.info;
  if (first !== undefined && info.mtime !== undefined) return `none; snapshots timed by ${snapshotSourceText(info.mtimeSource === 'archive-entry' ? 'archive-entry-mtime' : 'file-mtime')}`;
  return basis;
}

function countSkews(items: readonly LineHit[], events: BundleEvents): number {
  let n = 0;
  for (const it of items) {
    if (it.prepared.inner === undefined) continue;
    const ev = events.resolve(it.member, it.prepared);
    if (ev.inner !== undefined && Math.abs(ev.inner.skewSec) > 2) n++;
  }
  return n;
}

export type { Instant };
