// A saved Prometheus text-format scrape of a kubelet or apiserver /metrics, as client_golang writes it:
//   # HELP apiserver_audit_event_total Counter of audit events generated and sent to the audit backend.
//   # TYPE apiserver_audit_event_total counter
//   apiserver_audit_event_total 0
// One 'metric' record per sample line; a histogram's buckets (`le` label), _sum and _count are
// separate samples carrying the family's type. Such files are small, so the text is read whole, up
// to MAX_BYTES. parse-prometheus-text-format reads it as a whole to name each family's type (and
// says where a scrape is malformed), but it folds every labelled histogram series into one bucket
// map and keeps no line numbers, so the samples themselves come from readSample line by line.
// Time: a sample's own timestamp, else a time comment at the top, else the file name, else none.
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import type { MetricDetail, ParsedRecord } from '../model/event.js';
import type { Stamp } from '../model/time.js';
import { instantFromMs } from '../model/time.js';
import type { Tally } from '../model/tally.js';
import type { StreamParser } from './line-parser.js';
import { readSample } from './prom-sample.js';
import { stampFromComment, stampFromFileName } from './prom-time.js';

export const MAX_BYTES = 64 * 1024 * 1024;
const FORMAT = 'prom-text';

type MetricType = MetricDetail['type'];
type TimeSource = 'sample-timestamp' | 'comment' | 'file-name' | 'none';

export const promText: StreamParser = {
  kind: 'stream',
  format: FORMAT,
  async *parse(bytes, path, tally) {
    const text = await readCapped(bytes, path, tally);
    if (text === undefined) return;
    const lines = text.split('\n');
    const types = familyTypes(text, lines, path, tally);
    const snapshot = snapshotTime(lines, path);
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] ?? '').replace(/\r$/, '');
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      const sample = readSample(line);
      if (typeof sample === 'string') {
        tally.skip({ path, line: i + 1 }, FORMAT, sample);
        continue;
      }
      const { family, type } = familyOf(sample.name, types);
      const own = sample.timestampMs !== undefined;
      const stamp: Stamp = sample.timestampMs !== undefined ? { kind: 'utc', at: instantFromMs(sample.timestampMs), precision: 'ms' } : snapshot.stamp;
      const record: ParsedRecord = {
        kind: 'metric',
        metric: { name: sample.name, type, labels: sample.labels, value: sample.value },
        stamp,
        severity: 'info',
        message: line.trim(),
        fields: { timeSource: own ? 'sample-timestamp' : snapshot.source, ...(family !== sample.name ? { family } : {}) },
        source: { path, line: i + 1 },
      };
      yield record;
    }
  },
};

/** The text, or undefined when the bytes could not be read (reported). Over the cap: the whole lines in the first `maxBytes`. */
export async function readCapped(bytes: AsyncIterable<Buffer>, path: string, tally: Tally, maxBytes = MAX_BYTES): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of bytes) {
      if (size + chunk.length > maxBytes) {
        chunks.push(chunk.subarray(0, maxBytes - size));
        tally.report({ path, severity: 'warning', message: `larger than ${maxBytes} bytes; read the first ${maxBytes} only` });
        const text = Buffer.concat(chunks).toString('utf8');
        return text.slice(0, text.lastIndexOf('\n') + 1); // no half line at the cut
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } catch (err) {
    tally.report({ path, severity: 'error', message: `reading ${FORMAT} failed: ${String(err)}` });
    return undefined;
  }
  return Buffer.concat(chunks).toString('utf8');
}

const TYPES = new Set<MetricType>(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

/** Family name → type, from parse-prometheus-text-format; from the TYPE lines when it refuses the text. */
function familyTypes(text: string, lines: readonly string[], path: string, tally: Tally): ReadonlyMap<string, MetricType> {
  const types = new Map<string, MetricType>();
  const add = (name: string, type: string): void => {
    const t = type.toLowerCase() as MetricType;
    types.set(name, TYPES.has(t) ? t : 'untyped');
  };
  try {
    // HELP lines are blanked: the library trims lines, so a valid empty help (`# HELP name `)
    // makes it throw, and prom-text does not use help. A trailing newline: without it the
    // library drops a family that starts on the last line.
    const typesOnly = text.replace(/^[ \t]*#[ \t]*HELP\b.*$/gm, '');
    for (const family of parsePrometheusTextFormat(`${typesOnly}\n`)) add(family.name, family.type);
    return types;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const bad = message.replace(/^Encountered invalid line: /, '');
    const at = lines.findIndex((l) => l.trim() === bad);
    tally.report({ path, ...(at >= 0 ? { line: at + 1 } : {}), severity: 'warning', message: `parse-prometheus-text-format: ${message}; types read from the TYPE lines` });
  }
  for (const line of lines) {
    const m = /^#[ \t]+TYPE[ \t]+(\S+)[ \t]+(\S+)[ \t]*$/.exec(line);
    if (m !== null) add(m[1] ?? '', m[2] ?? '');
  }
  return types;
}

/** A histogram's _bucket/_sum/_count and a summary's _sum/_count belong to the family without the suffix. */
function familyOf(name: string, types: ReadonlyMap<string, MetricType>): { family: string; type: MetricType } {
  const own = types.get(name);
  if (own !== undefined) return { family: name, type: own };
  const m = /^(.+)_(bucket|sum|count)$/.exec(name);
  const base = m?.[1];
  const baseType = base === undefined ? undefined : types.get(base);
  if (base !== undefined && (baseType === 'histogram' || (baseType === 'summary' && m?.[2] !== 'bucket'))) return { family: base, type: baseType };
  return { family: name, type: 'untyped' };
}

/** The time of samples that carry none: a comment before the first sample, else the file name. */
function snapshotTime(lines: readonly string[], path: string): { stamp: Stamp; source: TimeSource } {
  for (const line of lines) {
    const text = line.trim();
    if (text === '') continue;
    if (!text.startsWith('#')) break;
    const stamp = stampFromComment(text);
    if (stamp !== undefined) return { stamp, source: 'comment' };
  }
  const fromName = stampFromFileName(path);
  return fromName.kind === 'none' ? { stamp: fromName, source: 'none' } : { stamp: fromName, source: 'file-name' };
}
