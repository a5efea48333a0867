// `kubectl get events -o json`: a v1 List of Events, streamed with stream-json so a large list is
// never held whole. Also read: events.k8s.io/v1 lists, EventLists straight from the API as
// `kubectl cluster-info dump` concatenates them (below, from the first test's excerpt), a bare
// Event object, and several top-level values in a row (`kubectl get events -o json --watch`):
//   {
//       "kind": "EventList",
//       "apiVersion": "v1",
//       ...
//       "items": [
//           {
//               "metadata": {
//                   "name": "coredns-5dd5756b68-2zrhr.1801bdc416b3447a",
// Each record points at the line of its item's opening brace: stream-json's core tokenizer and
// Assembler are driven here one line piece at a time (rather than through pick + streamArray), so
// every token's line is known. Malformed JSON: the events read before the fault are kept and the
// fault is reported with its line; nothing throws.
import { Assembler } from 'stream-json/core/assembler.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import type { ParsedRecord } from '../model/event.js';
import type { Tally } from '../model/tally.js';
import { eventRecord } from './k8s-event-object.js';
import type { StreamParser } from './line-parser.js';

const FORMAT = 'k8s-events-json';
/** Characters handed to the tokenizer at once. */
const PIECE = 4096;

export const k8sEventsJson: StreamParser = {
  kind: 'stream',
  format: FORMAT,
  async *parse(bytes, path, tally) {
    const reader = listReader(path, tally);
    const decoder = new TextDecoder('utf-8');
    try {
      for await (const chunk of bytes) {
        yield* reader.feed(decoder.decode(chunk, { stream: true }));
        if (reader.failed) return;
      }
      yield* reader.feed(decoder.decode());
    } catch (err) {
      tally.report({ path, line: reader.line, severity: 'error', message: `reading ${FORMAT} failed: ${String(err)}` });
      return;
    }
    reader.finish();
  },
};

/** Feeds text to the tokenizer one line piece at a time, so every token is known to sit on `line`. */
function listReader(path: string, tally: Tally) {
  // Packed tokens only (keyValue, stringValue...): the Assembler ignores the streamed pieces anyway.
  const tokenize = jsonParser({ jsonStreaming: true, streamValues: false });
  const asm = new Assembler();
  const state = { line: 1, failed: false, first: true, itemLine: 0, topLine: 0, index: 0 };

  function* tokens(token: Token): Generator<ParsedRecord> {
    const startsValue = token.name === 'startObject' || token.name === 'startArray' || (token.name.endsWith('Value') && token.name !== 'keyValue');
    if (startsValue && asm.done) state.topLine = state.line;
    else if (startsValue && itemArray(asm) !== undefined) state.itemLine = state.line;
    const wasDone = asm.done;
    asm.consume(token);
    const items = itemArray(asm);
    if (items !== undefined && items.length > 0) yield* emit(items.pop(), state.itemLine);
    if (asm.done && (!wasDone || token.name.endsWith('Value'))) yield* topLevel(asm.current);
  }

  function* topLevel(value: unknown): Generator<ParsedRecord> {
    if (Array.isArray(value)) return; // its items were streamed
    if (typeof value === 'object' && value !== null && !('items' in value)) yield* emit(value, state.topLine);
    else if (typeof value !== 'object' || value === null) tally.skip({ path, line: state.line }, FORMAT, 'top-level JSON value is not an object');
  }

  function* emit(item: unknown, line: number): Generator<ParsedRecord> {
    const result = eventRecord(item, { path, line }, state.index++);
    if (result.kind === 'record') yield result.record;
    else tally.skip({ path, line }, FORMAT, result.reason, result.intentional ?? false);
  }

  function* piece(text: string): Generator<ParsedRecord> {
    try {
      const out = tokenize(text);
      if (typeof out !== 'symbol') for (const token of out.values) yield* tokens(token);
    } catch (err) {
      state.failed = true;
      const message = err instanceof Error ? err.message : String(err);
      tally.report({ path, line: state.line, severity: 'error', message: `malformed JSON, stopped reading: ${message}` });
    }
  }

  return {
    get line() { return state.line; },
    get failed() { return state.failed; },
    *feed(text: string): Generator<ParsedRecord> {
      if (state.first && text !== '') {
        state.first = false;
        if (text.startsWith('\uFEFF')) text = text.slice(1); // TextDecoder drops one; a second is still a BOM
      }
      for (let start = 0; start < text.length && !state.failed; ) {
        const nl = text.indexOf('\n', start);
        const lineEnd = nl < 0 ? text.length : nl + 1;
        // Pieces of a long (minified) line: a fault loses only the tokens of its own piece.
        for (let from = start; from < lineEnd && !state.failed; from += PIECE) yield* piece(text.slice(from, Math.min(lineEnd, from + PIECE)));
        if (nl >= 0) state.line++;
        start = lineEnd;
      }
    },
    finish(): void {
      if (!state.failed && !asm.done) {
        tally.report({ path, line: state.line, severity: 'error', message: 'JSON ends inside a value (file cut short?)' });
      }
    },
  };
}

/** The array whose elements are list items: a top-level array, or the top object's `items`. */
function itemArray(asm: Assembler): unknown[] | undefined {
  if (asm.done || !Array.isArray(asm.current)) return undefined;
  if (asm.stack.length === 0) return asm.current;
  return asm.stack.length === 2 && asm.stack[1] === 'items' ? asm.current : undefined;
}
