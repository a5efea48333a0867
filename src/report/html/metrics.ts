// A finding's metric evidence (`metrics`, absent when there is none) as the page shows it: each
// condition that held, in the order given, and its series, drawn on the timeline's time axis where
// a sample has a time and a finite value (the tables show every sample).
import type { FindingReport, MetricEvidenceReport, MetricSeriesReport } from '../../diagnose/diagnosis.js';

/** Series drawn per condition, as the text report lists them; the rest are in the tables. */
export const SERIES_DRAWN = 3;

export const metricsOf = (f: FindingReport): readonly MetricEvidenceReport[] => f.metrics ?? [];

/** `name{label="value",…}`, as Prometheus writes a series. */
export function seriesName(s: MetricSeriesReport): string {
  const labels = Object.entries(s.labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',');
  return `${s.metric}${labels === '' ? '' : `{${labels}}`}`;
}

/** Where the condition held and on what basis: `matcher on host [job instance]`, and its caveats. */
export function metricContext(m: MetricEvidenceReport): string {
  const where = `${m.matcher} on ${m.host} [${m.job}${m.instance === null ? '' : ` ${m.instance}`}]`;
  const window = m.window === null ? '' : `, window ${m.window}`;
  const note = m.lifetime ? '; a lifetime figure, not a recent rate' : m.resets > 0 ? `; ${m.resets} counter reset${m.resets === 1 ? '' : 's'}` : '';
  return `${where}: ${m.aggregate} (${m.basis}${window})${note}`;
}
