// The contract every parser meets: pure, no I/O, never throws on input. Bad input is a skip
// with a reason, which the streaming wrapper counts in the Tally.
import type { ConfigReadResult } from '../model/config.js';
import type { ParsedRecord, SourceRef } from '../model/event.js';
import type { FormatId } from '../model/format.js';
import type { Tally } from '../model/tally.js';

import type { NumberedLine } from '../ingest/numbered-line.js';

export type { NumberedLine };

export type LineResult =
  | { readonly kind: 'record'; readonly record: ParsedRecord }
  /** `intentional`: the line is understood and deliberately not an event (a journal `-- Boot` is a marker, a `-x` catalog line is not). */
  | { readonly kind: 'skip'; readonly reason: string; readonly intentional?: boolean };

/** A format where each line stands alone. */
export interface LineParser {
  readonly kind: 'line';
  readonly format: FormatId;
  /**
   * Lines this parser cannot read continue the previous record's message (journal and klog
   * print multi-line messages that way; pasted text wraps at terminal width).
   */
  readonly continuation: boolean;
  parseLine(text: string, source: SourceRef): LineResult;
}

/** State for a multi-line format, fed line by line. */
export interface RecordReader {
  push(line: NumberedLine): readonly LineResult[];
  end(): readonly LineResult[];
}

/** A format whose records span lines (json-pretty, describe node, CRI partials). */
export interface BlockParser {
  readonly kind: 'block';
  readonly format: FormatId;
  open(path: string): RecordReader;
}

/** A format read from bytes, not lines (a `kubectl get events -o json` List, streamed). */
export interface StreamParser {
  readonly kind: 'stream';
  readonly format: FormatId;
  parse(bytes: AsyncIterable<Buffer>, path: string, tally: Tally): AsyncIterable<ParsedRecord>;
}

/**
 * A configuration file, read whole (they are small; ingest caps them) into a NodeConfigFragment
 * instead of records: a kubelet configuration, a unit file, a kubeconfig, /proc/swaps.
 */
export interface DocumentParser {
  readonly kind: 'document';
  readonly format: FormatId;
  read(text: string, path: string): ConfigReadResult;
}

export type Parser = LineParser | BlockParser | StreamParser | DocumentParser;
