// The pipeline has no back-edges: a stage imports the shared model and earlier stages only,
// and only the CLI knows yargs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { FORMAT_IDS } from '../src/model/format.js';

const ORDER = ['model', 'ingest', 'parse', 'normalize', 'timeline', 'match', 'correlate', 'diagnose', 'report', 'batch', 'serve', 'cli'];
const SPECIFIER = /\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function backEdges(stage: string): string[] {
  const dir = join('src', stage);
  if (!existsSync(dir)) return []; // a stage not built yet (git keeps no empty folder)
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  return files.flatMap((f) => {
    const file = join(dir, f);
    return [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? '').flatMap((spec) => {
      if (spec.startsWith('yargs') && stage !== 'cli') return [`${file} → yargs`];
      if (!spec.startsWith('.')) return [];
      const to = relative('src', resolve(dirname(file), spec)).split(/[\\/]/)[0] ?? '';
      // src/analyze.ts wires every stage: only the front ends above it may call it.
      if (to.endsWith('.js')) return ['batch', 'serve', 'cli'].includes(stage) ? [] : [`${file} → src/${to}`];
      return ORDER.indexOf(to) > ORDER.indexOf(stage) ? [`${file} → src/${to}`] : [];
    });
  });
}

test.each(ORDER.slice(1))('src/%s imports no later stage', (stage) => {
  expect(backEdges(stage)).toEqual([]);
});

test('src/model imports nothing but itself', () => {
  expect(backEdges('model')).toEqual([]);
  const files = readdirSync('src/model').filter((f) => f.endsWith('.ts'));
  for (const f of files) {
    for (const m of readFileSync(join('src/model', f), 'utf8').matchAll(SPECIFIER)) expect(m[1] ?? m[2] ?? '').toMatch(/^\.\/[a-z-]+\.js$/);
  }
});

test('every format id has a parser module and a row in docs/architecture.md', () => {
  const doc = readFileSync('docs/architecture.md', 'utf8');
  const parsers = new Set(readdirSync('src/parse').map((f) => f.replace(/\.ts$/, '')));
  for (const id of FORMAT_IDS) {
    expect(parsers.has(id), `src/parse/${id}.ts`).toBe(true);
    expect(doc, `docs/architecture.md row for ${id}`).toContain(`| \`${id}\` |`);
  }
});
