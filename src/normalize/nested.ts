// A journal, syslog or CRI line often carries a whole klog or JSON log line as its message.
// Lift it out: its level, caller and fields become the event's, and its own time is kept and
// checked against the outer one.
import type { ParsedRecord, SourceRef } from '../model/event.js';
import type { FormatId } from '../model/format.js';
import { klog } from '../parse/klog.js';
import { klogJson } from '../parse/klog-json.js';

const KLOG_START = /^[IWEF]\d{4} /;

export interface Nested {
  readonly format: FormatId;
  readonly record: ParsedRecord;
}

/** The inner record, when the message starts with a klog header or a component JSON log object. */
export function liftNested(message: string, source: SourceRef): Nested | undefined {
  if (KLOG_START.test(message)) {
    const r = klog.parseLine(message, source);
    return r.kind === 'record' ? { format: 'klog', record: r.record } : undefined;
  }
  if (message.startsWith('{"ts":')) {
    const r = klogJson.parseLine(message, source);
    return r.kind === 'record' ? { format: 'klog-json', record: r.record } : undefined;
  }
  return undefined;
}
