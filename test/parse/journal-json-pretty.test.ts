import { describe, expect, test } from 'vitest';
import { journalJsonPretty } from '../../src/parse/journal-json-pretty.js';
import { journalJson } from '../../src/parse/journal-json.js';
import { excerptLines, recordsOf, runBlock, runLines, skipsOf } from '../support/run-parser.js';

describe('journal-json-pretty', () => {
  test('reads the header comment sample: journalctl 252 -o json-pretty, the same records as -o json', () => {
    const lines = excerptLines('journal', 'journalctl-252-json-pretty.txt');
    const pushed = runBlock(journalJsonPretty, 'j.txt', lines);
    const pretty = recordsOf(pushed);
    const json = recordsOf(runLines(journalJson, 'j.txt', excerptLines('journal', 'journalctl-252-json.txt')));
    expect(pretty).toHaveLength(9);
    expect(skipsOf(pushed)).toEqual([]);
    // Each record points at the line of its opening brace; otherwise it equals the -o json record.
    const braces = lines.flatMap((l, i) => (l === '{' ? [i + 1] : []));
    expect(pretty.map((r) => r.source.line)).toEqual(braces);
    expect(pretty.map(({ source: _s, ...r }) => r)).toEqual(json.map(({ source: _s, ...r }) => r));
    // The byte array MESSAGE spans many lines of its own.
    expect(pretty[5]?.message).toBe('bytes \uFFFD\uFFFD not utf-8');
  });

  test('the source offset is the byte offset of the opening brace', () => {
    const lines = ['-- No entries --', '{', '\t"__REALTIME_TIMESTAMP" : "1711973621801997",', '\t"MESSAGE" : "é"', '}'];
    const pushed = runBlock(journalJsonPretty, 'j.txt', lines);
    expect(pushed.map((p) => p.result.kind === 'record' && p.result.record.kind)).toEqual(['marker', 'log']);
    expect(recordsOf(pushed)[1]?.source).toEqual({ path: 'j.txt', line: 2, offset: 17 });
  });

  test('a file cut off inside an object ends with one skip', () => {
    const pushed = runBlock(journalJsonPretty, 'j.txt', ['{', '\t"__REALTIME_TIMESTAMP" : "1711973621801997",']);
    expect(pushed).toEqual([{ line: 0, result: { kind: 'skip', reason: 'unterminated JSON object' } }]);
  });

  test('text between objects is a skip; a broken object is one skip', () => {
    const pushed = runBlock(journalJsonPretty, 'j.txt', ['garbage', '', '{', '\t"MESSAGE" : "x",,', '}']);
    expect(skipsOf(pushed)).toEqual([
      { line: 1, reason: 'outside a JSON object', intentional: false },
      { line: 5, reason: 'invalid JSON', intentional: false },
    ]);
  });

  test('an object past 4 MiB is dropped with one skip, and reading resumes after its brace', () => {
    const big = `\t"MESSAGE" : "${'x'.repeat(1 << 20)}",`;
    const lines = ['{', big, big, big, big, big, '\t"A" : "b"', '}', '{', '\t"__REALTIME_TIMESTAMP" : "1"', '}'];
    const pushed = runBlock(journalJsonPretty, 'j.txt', lines);
    expect(skipsOf(pushed)).toEqual([{ line: 5, reason: 'JSON object over 4 MiB', intentional: false }]); // four 1 MiB lines and the brace
    expect(recordsOf(pushed).map((r) => r.source.line)).toEqual([9]);
  });

  test('is a block parser', () => {
    expect(journalJsonPretty.kind).toBe('block');
    expect(journalJsonPretty.format).toBe('journal-json-pretty');
  });
});
