// Snapshot series in a compact notation, as promtool's unit tests write input series: one row per
// series, one value per snapshot, `_` where the series is missing from that scrape.
//   snapshots(['12:05', '12:20'], { 'rest_client_requests_total{code="200"}': '100 3067', … })
import { Tally } from '../../../src/model/tally.js';
import type { Instant } from '../../../src/model/time.js';
import { civilToInstant } from '../../../src/model/time.js';
import { BUILTIN_PATTERNS, loadCatalog } from '../../../src/match/catalog.js';
import { parseSelector } from '../../../src/match/metrics/selector.js';
import { buildSeries, type TargetSeries } from '../../../src/match/metrics/series.js';
import { MetricStore, scrapeJob, type StoredSample } from '../../../src/match/metrics/store.js';
import type { Matcher, MetricCondition } from '../../../src/match/pattern.js';
import type { MetricDetail, ParsedRecord } from '../../../src/model/event.js';
import { promText } from '../../../src/parse/prom-text.js';
import { hostFromPath, componentFromPath } from '../../../src/normalize/host.js';

/** `12:05` or `12:05:30` on 2024-04-01, UTC. */
export function at(hhmm: string): Instant {
  const [h = 0, m = 0, s = 0] = hhmm.split(':').map(Number);
  return civilToInstant(2024, 4, 1, h * 3600 + m * 60 + s);
}

/** One target (node-a, kubelet) with the given series at the given snapshot times. */
export function snapshots(times: readonly string[], rows: Readonly<Record<string, string>>, type: MetricDetail['type'] = 'counter'): TargetSeries {
  const samples: StoredSample<number>[] = [];
  const target = { host: 'node-a', job: 'kubelet', instance: '' };
  for (const [key, row] of Object.entries(rows)) {
    const p = parseSelector(key);
    if (p.kind !== 'selector') throw new Error(`bad series ${key}: ${p.message}`);
    const labels = Object.fromEntries(p.selector.matchers.map((m) => [m.label, m.value]));
    const values = row.trim().split(/\s+/);
    if (values.length !== times.length) throw new Error(`${key}: ${values.length} values for ${times.length} snapshots`);
    values.forEach((v, i) => {
      if (v === '_') return;
      const time = times[i] as string;
      samples.push({
        target,
        name: p.selector.name,
        type,
        labels,
        value: v === '+Inf' ? Infinity : Number(v),
        stamp: { kind: 'utc', at: at(time), precision: 's' },
        timeSource: 'file-name',
        source: { path: `node-a/metrics/kubelet-metrics-${time}.prom`, line: 1 + Object.keys(rows).indexOf(key) },
        handle: i,
      });
    });
  }
  const set = buildSeries(samples, (s) => (s.stamp.kind === 'utc' ? { time: { kind: 'stated', at: s.stamp.at, precision: 's' }, source: 'file-name' } : undefined));
  const only = set.targets[0];
  if (only === undefined || set.targets.length !== 1) throw new Error('expected one target');
  return only;
}

/** A matcher around a condition, for evaluateCondition. */
export function matcherOf(condition: MetricCondition, id = 'test-condition'): Matcher {
  return { id, patternId: 'test-entry', role: 'signal', test: { kind: 'metric', condition } };
}

let catalog: ReturnType<typeof loadCatalog> | undefined;
/** A metric matcher of the shipped catalog, by entry and id. */
export function catalogMatcher(patternId: string, id: string): Matcher & { test: { kind: 'metric' } } {
  catalog ??= loadCatalog(BUILTIN_PATTERNS());
  const m = catalog.matchers.find((x) => x.patternId === patternId && x.id === id);
  if (m === undefined || m.test.kind !== 'metric') throw new Error(`no metric matcher ${patternId}/${id}`);
  return m as Matcher & { test: { kind: 'metric' } };
}

/** Real scrape files → targets, as analyze would store them (every sample kept, times from the file names). */
export async function targetsOfFiles(files: readonly { path: string; text: string }[]): Promise<readonly TargetSeries[]> {
  const names = new Set<string>();
  const records: { r: ParsedRecord; path: string }[] = [];
  for (const f of files) {
    async function* bytes(): AsyncGenerator<Buffer> {
      yield Buffer.from(f.text);
    }
    for await (const r of promText.parse(bytes(), f.path, new Tally())) {
      records.push({ r, path: f.path });
      if (r.kind === 'metric') names.add(r.metric.name);
    }
  }
  const store = new MetricStore<number>(names);
  for (const { r, path } of records) store.offer(r, { host: hostFromPath(path) ?? '(unknown host)', job: scrapeJob(path, componentFromPath(path)) }, 0);
  return buildSeries(store.samples(), (s) =>
    s.stamp.kind === 'utc' ? { time: { kind: 'stated', at: s.stamp.at, precision: s.stamp.precision }, source: 'file-name' } : undefined,
  ).targets;
}
