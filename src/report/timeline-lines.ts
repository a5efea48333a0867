// Timeline output: one line (text) or one JSON object (ndjson) per event, redacted.
import { timeBasis, timeText } from '../diagnose/cite.js';
import type { TimelineEvent } from '../model/event.js';
import { Redactor } from './redact.js';

const SEV_LETTER = { unknown: '-', debug: 'D', info: 'I', notice: 'N', warning: 'W', error: 'E', critical: 'C' } as const;

export function timelineText(ev: TimelineEvent, r: Redactor): string {
  const t = timeText(ev.time) ?? '(no time)'.padEnd(27);
  const mark = ev.time.kind === 'inferred' ? '~' : ' ';
  return `${t}${mark} ${ev.host} ${ev.component} ${SEV_LETTER[ev.severity]} ${r.text(ev.message).replace(/\n/g, '\n    ')}  [${ev.source.path}:${ev.source.line}]`;
}

export function timelineJson(ev: TimelineEvent, r: Redactor): string {
  const detail = (() => {
    switch (ev.kind) {
      case 'log':
        return {};
      case 'marker':
        return { marker: ev.marker };
      case 'audit':
        return { audit: ev.audit };
      case 'k8s-event':
        return { event: ev.event };
      case 'condition':
        return { condition: ev.condition };
      case 'csr':
        return { csr: ev.csr };
      case 'metric':
        return { metric: ev.metric };
      case 'unit':
        return { unit: ev.unit };
    }
  })();
  return JSON.stringify(
    r.deep({
      time: timeText(ev.time),
      timeBasis: timeBasis(ev.time),
      host: ev.host,
      component: ev.component,
      severity: ev.severity,
      kind: ev.kind,
      format: ev.format,
      message: ev.message,
      fields: ev.fields,
      ...(ev.pid !== undefined ? { pid: ev.pid } : {}),
      ...detail,
      ...(ev.inner !== undefined ? { inner: { format: ev.inner.format, skewSec: ev.inner.skewSec } } : {}),
      source: { path: ev.source.path, line: ev.source.line, ...(ev.source.offset !== undefined ? { offset: ev.source.offset } : {}) },
    }),
  );
}
