// A catalog file (pattern.yaml, check.yaml) read for loading: the YAML parsed with positions, so
// every problem names `file:line:col`, syntax errors reported, and schema errors mapped back to
// the spot they point at. Shared by the pattern and the check loaders.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { ErrorObject } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';

/** A file as the user would type it: relative to the working directory when it is inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export interface YamlEntry {
  readonly raw: unknown;
  /** `file:line:col` of the node at `path` (the file's start when there is no such node). */
  readonly at: (path: readonly (string | number)[]) => string;
}

/** The file's content with positions, or undefined after adding its syntax errors to `problems`. */
export function readYamlEntry(file: string, problems: string[]): YamlEntry | undefined {
  const lc = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lc });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.push(`${displayPath(file)}:${e.linePos?.[0]?.line ?? 1}:${e.linePos?.[0]?.col ?? 1}: ${e.message.split('\n')[0]}`);
    return undefined;
  }
  const at = (path: readonly (string | number)[]): string => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const pos = lc.linePos(node?.range?.[0] ?? 0);
    return `${displayPath(file)}:${pos.line}:${pos.col}`;
  };
  return { raw: doc.toJS(), at };
}

/** Where a schema error points, as a path into the document (its JSON pointer unescaped). */
export function schemaErrorPath(e: ErrorObject): (string | number)[] {
  return e.instancePath
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}
