// The diagnosis laid out for the timeline picture: lanes (host and components) in the order the
// findings are given, each finding's incidents as spans, its evidence lines as marks, its
// `causedBy` links between spans, and any metric series. Layout only: every time and link is the
// diagnosis's own; nothing here is measured or inferred.
import type { Diagnosis, FindingReport, IncidentSummary } from '../../diagnose/diagnosis.js';
import { metricsOf, seriesName, SERIES_DRAWN } from './metrics.js';
import type { PictureData, PictureLane, PictureLink, PictureMark, PictureSeries, PictureSpan } from './picture-types.js';

/** The id of a finding's article, which the summary, the picture and the tables link to. */
export const findingId = (f: FindingReport): string => `finding-${f.rank}`;

/** The id of a finding's k-th evidence row (0-based k), where a mark's tooltip reads its line. */
export const evidenceId = (f: FindingReport, k: number): string => `${findingId(f)}-ev-${k + 1}`;

export const laneLabel = (i: IncidentSummary): string => (i.components.length === 0 ? i.host : `${i.host} · ${i.components.join(', ')}`);

type Timed = IncidentSummary & { readonly firstSeen: string };
const timed = (i: IncidentSummary): i is Timed => i.firstSeen !== null;

/** Milliseconds, for containment only; the strings are what is drawn and printed. */
const ms = (t: string): number => Date.parse(t);

export function pictureData(d: Diagnosis): PictureData {
  const lanes: { label: string; rows: string[] }[] = [];
  const place = (f: FindingReport, i: IncidentSummary): { lane: number; row: number } => {
    const label = laneLabel(i);
    let lane = lanes.findIndex((l) => l.label === label);
    if (lane < 0) lane = lanes.push({ label, rows: [] }) - 1;
    const rows = lanes[lane]!.rows;
    let row = rows.indexOf(f.pattern);
    if (row < 0) row = rows.push(f.pattern) - 1;
    return { lane, row };
  };

  const spans: PictureSpan[] = [];
  const marks: PictureMark[] = [];
  let untimed = 0;
  for (const f of d.findings) {
    for (const i of f.incidents) {
      if (!timed(i)) {
        untimed++;
        continue;
      }
      spans.push({
        finding: findingId(f), rank: f.rank, pattern: f.pattern, ...place(f, i), severity: f.severity, status: i.status, rootCause: f.rootCause,
        host: i.host, components: i.components, start: i.firstSeen, end: i.lastSeen ?? i.firstSeen, resolvedAt: i.resolvedAt, count: i.count,
      });
    }
    f.evidence.forEach((e, k) => {
      if (e.time === null) return;
      const at = ms(e.time);
      const onHost = f.incidents.filter(timed).filter((i) => i.host === e.host);
      const within = onHost.find((i) => ms(i.firstSeen) - 1 <= at && at <= ms(i.lastSeen ?? i.firstSeen) + 1) ?? onHost[0];
      if (within !== undefined) marks.push({ id: evidenceId(f, k), finding: findingId(f), ...place(f, within), severity: f.severity, time: e.time });
    });
  }

  const links: PictureLink[] = [];
  for (const symptom of d.findings) {
    for (const l of symptom.causedBy) {
      const cause = d.findings.find((f) => f.pattern === l.pattern);
      const to = symptom.incidents.filter(timed).find((i) => i.host === l.host);
      const causeIncidents = cause?.incidents.filter(timed) ?? [];
      const from = causeIncidents.find((i) => i.host === l.host) ?? causeIncidents[0];
      if (cause === undefined || to === undefined || from === undefined) continue;
      links.push({
        cause: findingId(cause), symptom: findingId(symptom), host: l.host, lagSec: l.lagSec,
        from: { ...place(cause, from), time: from.firstSeen },
        to: { ...place(symptom, to), time: to.firstSeen },
      });
    }
  }

  const series: PictureSeries[] = [];
  for (const f of d.findings) {
    for (const m of metricsOf(f)) {
      for (const s of m.series.slice(0, SERIES_DRAWN)) {
        const title = `${seriesName(s)} on ${m.host}`;
        const points = s.values.flatMap((v) => (v.time !== null && typeof v.value === 'number' && Number.isFinite(v.value) ? [[v.time, v.value] as const] : []));
        if (points.length > 0 && !series.some((x) => x.title === title)) series.push({ finding: findingId(f), title, points });
      }
    }
  }

  const laneList: PictureLane[] = lanes;
  return { lanes: laneList, spans, marks, links, series, range: d.timeRange, untimed };
}
