// CRI container log files (/var/log/pods/<ns>_<pod>_<uid>/<container>/N.log, linked from
// /var/log/containers), as containerd and CRI-O write them and the kubelet reads them
// (pkg/kubelet/kuberuntime/logs/logs.go parseCRILog): TIMESTAMP STREAM TAG CONTENT
//   2025-02-03T15:52:04.259430674Z stderr F I0203 15:52:04.258997       1 eventhandlers.go:149] "Add event for unscheduled pod" pod="e2e-tas-fmr5x/test-pod"
// (kubernetes-sigs/kueue#4140). CRI-O and older containerd write local time with an offset:
//   2019-08-21T09:24:33.260739149+02:00 stdout F 2019-08-21 07:24:33.260 [INFO][41] ipsets.go 356: …
// TAG is `F` (full) or `P` (partial: the runtime split a long line); tags may grow `:`-separated
// parts, and the kubelet looks only at the first. P parts join the next lines *of the same
// stream* up to the F line; the record keeps the first part's time and line.
//
// Precision is always 'ns': Go's RFC3339Nano drops trailing zeros, so fewer digits written
// does not mean a coarser clock. stderr is not an error by itself: severity stays 'unknown',
// and normalize lifts a klog header or JSON object out of the message.
import type { ParsedRecord, SourceRef } from '../model/event.js';
import { parseIso, type Stamp } from '../model/time.js';
import type { BlockParser, LineResult, RecordReader } from './line-parser.js';

// Flag s: content may hold U+2028. Content is optional: conmon has written a bare `F`.
const CRI_LINE = /^(\S+) (stdout|stderr) ([^ ]+)(?: (.*))?$/s;

type Stream = 'stdout' | 'stderr';

interface Partial {
  readonly stamp: Stamp;
  readonly source: SourceRef;
  readonly parts: string[];
}

export const cri: BlockParser = {
  kind: 'block',
  format: 'cri',
  open(path): RecordReader {
    const pending = new Map<Stream, Partial>();
    return {
      push({ no, text, offset }): readonly LineResult[] {
        const m = CRI_LINE.exec(text);
        if (m === null) return [{ kind: 'skip', reason: 'not a CRI log line' }];
        const [, ts = '', streamText, tagText = '', content = ''] = m;
        const iso = parseIso(ts);
        if (iso === undefined || !iso.zoned) return [{ kind: 'skip', reason: 'CRI timestamp is not RFC 3339 with a zone' }];
        const tag = tagText.split(':')[0];
        if (tag !== 'P' && tag !== 'F') return [{ kind: 'skip', reason: `unknown CRI tag ${JSON.stringify(tagText)}` }];
        const stream = streamText as Stream; // the regex admits only these two
        const stamp: Stamp = { kind: 'utc', at: iso.at, precision: 'ns' };
        const open = pending.get(stream);
        if (tag === 'P') {
          if (open === undefined) pending.set(stream, { stamp, source: { path, line: no, offset }, parts: [content] });
          else open.parts.push(content);
          return [];
        }
        if (open === undefined) return [{ kind: 'record', record: logRecord(stamp, { path, line: no, offset }, content, stream) }];
        pending.delete(stream);
        open.parts.push(content);
        return [{ kind: 'record', record: logRecord(open.stamp, open.source, open.parts.join(''), stream) }];
      },
      end(): readonly LineResult[] {
        // The file ended inside a long line (rotation, or a container killed mid-write):
        // keep what was written and say so.
        const left = [...pending.entries()].sort(([, a], [, b]) => a.source.line - b.source.line);
        pending.clear();
        return left.map(([stream, p]) => ({
          kind: 'record' as const,
          record: logRecord(p.stamp, p.source, p.parts.join(''), stream, true),
        }));
      },
    };
  },
};

function logRecord(stamp: Stamp, source: SourceRef, message: string, stream: Stream, unfinished = false): ParsedRecord {
  return {
    kind: 'log',
    stamp,
    severity: 'unknown',
    message,
    fields: unfinished ? { stream, partial: 'true' } : { stream },
    source,
  };
}
