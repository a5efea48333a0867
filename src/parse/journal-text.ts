// What journalctl's short outputs share (logs-show.c output_short): a time, then
// `host ident[pid]: message`, and journalctl's own lines between entries (journal-marker.ts).
// Each output module brings only its time reader:
//   Apr 01 12:13:41 idc-k8s-01 kubelet[128468]: I0526 12:13:41.798230  128468 certificate_manager.go:366] Rotating certificates
// Journal text carries no priority, so severity is 'unknown' (normalize lifts a nested klog level).
import type { Fields } from '../model/event.js';
import type { FormatId } from '../model/format.js';
import type { Stamp } from '../model/time.js';
import { readJournalMarker } from './journal-marker.js';
import { readPrefix, recordFromPrefix } from './journal-prefix.js';
import type { LineParser } from './line-parser.js';

/** A time read from the start of a line, and what follows it. */
export type TimeReading =
  | { readonly kind: 'time'; readonly stamp: Stamp; readonly rest: string; readonly fields?: Fields }
  | { readonly kind: 'skip'; readonly reason: string };

// journalctl prints this when an entry has neither SYSLOG_IDENTIFIER nor _COMM: it names nothing.
const NO_IDENT = 'unknown';

export function journalTextParser(format: FormatId, readTime: (text: string) => TimeReading): LineParser {
  return {
    kind: 'line',
    format,
    // Lines of a multi-line MESSAGE come indented, with no time: they continue the entry.
    continuation: true,
    parseLine(text, source) {
      const own = readJournalMarker(text, source);
      if (own !== undefined) return own;
      const time = readTime(text);
      if (time.kind === 'skip') return time;
      return { kind: 'record', record: recordFromPrefix(readPrefix(time.rest), time.stamp, 'unknown', time.fields ?? {}, source, NO_IDENT) };
    },
  };
}
