// A catalog entry's `metric:` matcher, as written in pattern.yaml, compiled into a MetricCondition:
//   metric:
//     select: 'rest_client_requests_total{code=~"5.."}'
//     of: rest_client_requests_total
//     aggregate: ratio
//     compare: '>'
//     threshold: 0.01
//     window: 15m
// The schema has checked the shape; this parses the selectors and builds the union on `aggregate`.
import { parseDuration } from '../duration.js';
import type { Comparison, Matcher, MetricAggregate, MetricCondition } from '../pattern.js';
import { parseSelector, type Selector } from './selector.js';

export interface RawMetric {
  select: string;
  of?: string;
  aggregate: MetricAggregate['kind'];
  quantile?: number;
  compare: Comparison;
  threshold: number;
  window?: string;
}

/** Report a problem at a key of the `metric:` mapping. */
export type MetricReport = (key: string, message: string) => void;

export function compileMetric(raw: RawMetric, report: MetricReport): MetricCondition | undefined {
  const selector = (key: 'select' | 'of', text: string): Selector | undefined => {
    const p = parseSelector(text);
    if (p.kind === 'selector') return p.selector;
    report(key, `selector "${text}" at offset ${p.at}: ${p.message}`);
    return undefined;
  };
  const select = selector('select', raw.select);
  const of = raw.of === undefined ? undefined : selector('of', raw.of);
  if (select === undefined || (raw.of !== undefined && of === undefined)) return undefined;
  if (raw.aggregate !== 'ratio' && raw.of !== undefined) report('of', `"of" is only for aggregate ratio`);
  if (raw.aggregate !== 'quantile' && raw.quantile !== undefined) report('quantile', `"quantile" is only for aggregate quantile`);
  let aggregate: MetricAggregate | undefined;
  switch (raw.aggregate) {
    case 'increase':
    case 'rate':
    case 'value':
      aggregate = { kind: raw.aggregate, select };
      break;
    case 'ratio':
      if (of === undefined) report('aggregate', 'aggregate ratio needs "of", the selector of the whole');
      else aggregate = { kind: 'ratio', select, of };
      break;
    case 'quantile':
      if (raw.quantile === undefined || !(raw.quantile >= 0 && raw.quantile <= 1)) report('aggregate', 'aggregate quantile needs "quantile" between 0 and 1');
      else if (select.matchers.some((m) => m.label === 'le')) report('select', 'a quantile selector must not match on "le": every bucket is needed');
      else aggregate = { kind: 'quantile', select, q: raw.quantile };
      break;
    default: {
      const never: never = raw.aggregate;
      report('aggregate', `unknown aggregate ${String(never)}`);
    }
  }
  if (aggregate === undefined) return undefined;
  const windowSec = raw.window === undefined ? undefined : parseDuration(raw.window);
  if (raw.window !== undefined && (windowSec === undefined || windowSec <= 0)) {
    report('window', `window "${raw.window}" must be a positive duration`);
    return undefined;
  }
  return { aggregate, compare: raw.compare, threshold: raw.threshold, ...(windowSec === undefined ? {} : { windowSec }) };
}

/** The sample names a condition reads: what the store keeps while the bundle streams. */
export function sampleNamesOf(c: MetricCondition): string[] {
  const a = c.aggregate;
  switch (a.kind) {
    case 'ratio':
      return [a.select.name, a.of.name];
    case 'quantile':
      return [bucketName(a.select.name)];
    case 'rate':
      // A lifetime rate (one snapshot) divides by the time since the process started.
      return [a.select.name, PROCESS_START];
    case 'increase':
    case 'value':
      return [a.select.name];
    default: {
      const never: never = a;
      return never;
    }
  }
}

/** Every sample name the catalog's metric matchers read. */
export function metricSampleNames(matchers: readonly Matcher[]): Set<string> {
  const names = new Set<string>();
  for (const m of matchers) if (m.test.kind === 'metric') for (const n of sampleNamesOf(m.test.condition)) names.add(n);
  return names;
}

export const PROCESS_START = 'process_start_time_seconds';

/** A histogram's bucket series: the family name plus `_bucket` (a name already ending so is kept). */
export function bucketName(name: string): string {
  return name.endsWith('_bucket') ? name : `${name}_bucket`;
}
