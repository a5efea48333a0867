import type { Cited } from '../match/incidents.js';
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
      return `inferred (${t.assumed.map((a) => `assumed ${a}`).join(', ')})`;
    case 'none':
      return 'none';
  }
}

export function evidenceLine(c: Cited): EvidenceLine {
  return {
    file: c.event.source.path,
    line: c.event.source.line,
    time: timeText(c.event.time),
    timeBasis: timeBasis(c.event.time),
    host: c.event.host,
    text: c.raw,
  };
}
