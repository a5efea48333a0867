// Feeding excerpts and generated lines to parsers the way ingest does: numbered from 1, with
// byte offsets, block parsers pushed line by line and then ended. Only tests use it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedRecord } from '../../src/model/event.js';
import type { BlockParser, LineParser, LineResult, NumberedLine } from '../../src/parse/line-parser.js';

/** The lines of `test/parse/excerpts/<format>/<file>`, without the newline after the last. */
export function excerptLines(format: string, file: string): string[] {
  const text = readFileSync(join('test', 'parse', 'excerpts', format, file), 'utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export function numbered(lines: readonly string[]): NumberedLine[] {
  let offset = 0;
  return lines.map((text, i) => {
    const line = { no: i + 1, text, offset };
    offset += Buffer.byteLength(text) + 1;
    return line;
  });
}

/** Every result with the number of the line whose push returned it (0 for end()). */
export interface Pushed {
  readonly line: number;
  readonly result: LineResult;
}

export function runBlock(parser: BlockParser, path: string, lines: readonly string[]): Pushed[] {
  const reader = parser.open(path);
  const out: Pushed[] = [];
  for (const l of numbered(lines)) for (const result of reader.push(l)) out.push({ line: l.no, result });
  for (const result of reader.end()) out.push({ line: 0, result });
  return out;
}

export function runLines(parser: LineParser, path: string, lines: readonly string[]): Pushed[] {
  return numbered(lines).map((l) => ({ line: l.no, result: parser.parseLine(l.text, { path, line: l.no, offset: l.offset }) }));
}

export function recordsOf(pushed: readonly Pushed[]): ParsedRecord[] {
  return pushed.flatMap((p) => (p.result.kind === 'record' ? [p.result.record] : []));
}

export function skipsOf(pushed: readonly Pushed[]): { line: number; reason: string; intentional: boolean }[] {
  return pushed.flatMap((p) => (p.result.kind === 'skip' ? [{ line: p.line, reason: p.result.reason, intentional: p.result.intentional === true }] : []));
}

/** Inputs that must never make a parser throw: binary junk, broken UTF-8, NULs, a 1 MB line. */
export function hostileLines(valid: readonly string[]): string[] {
  const broken = Buffer.from([0xe2, 0x80, 0x28, 0xff, 0xc3, 0x28, 0xf0, 0x9f, 0x98]).toString('utf8');
  const big = 'x'.repeat(1 << 20);
  return [
    '', '\u0000', '\u0000'.repeat(64), broken, big, `{${big}`, `"${big}`, `${big}\u2028`,
    ...valid.flatMap((v) => [v.slice(0, Math.floor(v.length / 2)), v.slice(0, -1), `${v}\u0000`, v.replace(/ /g, '\u0000'), `${v}${big}`]),
  ];
}
