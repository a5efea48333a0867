// klog's text header, as k8s.io/klog/v2 writes it (internal/buffer/buffer.go FormatHeader):
//   Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg
//   E0610 02:55:28.211823   64201 kubelet.go:1306] "Image garbage collection failed once. Stats initialization may not have completed yet" err="invalid capacity 0 on image filesystem"
// (kubernetes/kubernetes#21248). The thread id is right-aligned in 7 columns, so the gap before
// it is one space or more. normalize runs readKlogHeader on journal and CRI messages too.
//
// `message` is always the whole text after the header, so catalog regexes can match `err="…"`
// as written. When that text is structured (klog.InfoS/ErrorS), parseKlogKv adds its parts to
// `fields`: the quoted message as `fields.msg`, each key as `fields[key]`. The header's `tid`
// and `caller` are written last and win over same-named keys.
import type { Fields, Severity } from '../model/event.js';
import { isValidDate, type Stamp } from '../model/time.js';
import { parseKlogKv } from './klog-kv.js';
import type { LineParser } from './line-parser.js';

// Anchored, no nested quantifiers: this runs once per line of multi-GiB logs.
// Flag `s`: without it `.` stops at U+2028 and such messages would be cut short.
// `\] ?`: klog writes "] " even before an empty message; pasted text often loses the trailing space.
export const KLOG_HEADER =
  /^([IWEF])(\d\d)(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6}) +(\d+) ([^ :\]]+:\d+)\] ?(.*)$/s;

const SEVERITY: Readonly<Record<string, Severity>> = { I: 'info', W: 'warning', E: 'error', F: 'critical' };

/** What a klog header says, and the message after it. */
export interface KlogHeader {
  readonly severity: Severity;
  /** klog writes neither year nor zone: always `yearless`, microsecond precision. */
  readonly stamp: Extract<Stamp, { kind: 'yearless' }>;
  readonly tid: string;
  /** `file.go:line` as written (a dir prefix with --add_dir_header). */
  readonly caller: string;
  /** Everything after `] `. */
  readonly message: string;
}

/** The header at the start of `text`, or undefined when `text` does not start with one. */
export function readKlogHeader(text: string): KlogHeader | undefined {
  const m = KLOG_HEADER.exec(text);
  if (m === null) return undefined;
  const [, lvl, mo, dd, h, mi, s, us, tid, caller, msg] = m;
  const month = Number(mo);
  const day = Number(dd);
  const hour = Number(h);
  const min = Number(mi);
  const sec = Number(s);
  // 2000 is a leap year, so 29 February passes; the real year is unknown here.
  if (!isValidDate(2000, month, day) || hour > 23 || min > 59 || sec > 60) return undefined;
  return {
    severity: SEVERITY[lvl ?? 'I'] ?? 'unknown',
    stamp: {
      kind: 'yearless', month, day, secOfDay: hour * 3600 + min * 60 + sec,
      nsec: Number(us) * 1000, precision: 'us',
    },
    tid: tid ?? '',
    // One capture, a slice of the line: `${file}:${line}` made a rope of three strings, kept per hit.
    caller: caller ?? '',
    message: msg ?? '',
  };
}

/** Header fields plus, for structured messages, `msg` and each key/value. */
export function klogFields(h: KlogHeader): Fields {
  const kv = parseKlogKv(h.message);
  if (kv === undefined) return { tid: h.tid, caller: h.caller };
  return { ...kv.fields, msg: kv.msg, tid: h.tid, caller: h.caller };
}

export const klog: LineParser = {
  kind: 'line',
  format: 'klog',
  // Lines without a header continue the previous message (stack traces, `key=<` blocks).
  continuation: true,
  parseLine(text, source) {
    const h = readKlogHeader(text);
    if (h === undefined) return { kind: 'skip', reason: 'no klog header' };
    return {
      kind: 'record',
      record: {
        kind: 'log',
        stamp: h.stamp,
        severity: h.severity,
        message: h.message,
        fields: klogFields(h),
        source,
      },
    };
  },
};
