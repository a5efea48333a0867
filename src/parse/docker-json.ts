// Docker's json-file log driver (/var/lib/docker/containers/<id>/<id>-json.log, linked from
// /var/log/containers on dockershim nodes), one object per line:
//   {"log":"time=\"2020-04-10T14:04:50.847864698Z\" level=info msg=\"Daemon shutdown complete\"\n","stream":"stderr","time":"2020-04-10T14:04:50.847928047Z"}
// (docker-library/docker#224). `log` ends in "\n" for a whole line; the trailing newline is
// dropped. Docker cuts lines longer than 16 KiB into pieces whose `log` has no newline; this
// parser reads one line at a time, so each piece is its own record marked `fields.partial`.
// `time` is RFC3339Nano in UTC ('ns': Go drops trailing zeros). `attrs` (from --log-opt
// labels/env/tag) become `attrs.<name>` fields. Severity stays 'unknown'; normalize lifts a
// klog header or JSON object out of the message.
import type { LineParser, LineResult } from './line-parser.js';
import { parseIso } from '../model/time.js';

export const dockerJson: LineParser = {
  kind: 'line',
  format: 'docker-json',
  continuation: false,
  parseLine(text, source): LineResult {
    if (!text.trimStart().startsWith('{')) return { kind: 'skip', reason: 'not a JSON object' };
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch {
      return { kind: 'skip', reason: 'not a JSON object' }; // truncated line: a skip, never a throw
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return { kind: 'skip', reason: 'not a JSON object' };
    const { log, stream, time, attrs } = obj as Record<string, unknown>;
    if (typeof log !== 'string' || typeof stream !== 'string' || typeof time !== 'string') {
      return { kind: 'skip', reason: 'not docker json-file: needs string "log", "stream" and "time"' };
    }
    const iso = parseIso(time);
    if (iso === undefined || !iso.zoned) return { kind: 'skip', reason: 'docker time is not RFC 3339 with a zone' };
    const whole = log.endsWith('\n');
    const fields: Record<string, string> = { stream };
    if (!whole) fields['partial'] = 'true';
    if (typeof attrs === 'object' && attrs !== null && !Array.isArray(attrs)) {
      for (const [k, v] of Object.entries(attrs)) fields[`attrs.${k}`] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    return {
      kind: 'record',
      record: {
        kind: 'log',
        stamp: { kind: 'utc', at: iso.at, precision: 'ns' },
        severity: 'unknown',
        message: whole ? log.slice(0, -1) : log,
        fields,
        source,
      },
    };
  },
};
