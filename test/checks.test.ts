// One describe per configuration check, one test per fixture (checks/<id>/fixtures/{positive,negative}/):
// the real pipeline runs on each. A positive must make the check fire; a negative must be
// decided and quiet (not merely undeterminable) and fire nowhere. A new folder adds tests.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../src/analyze.js';
import { BUILTIN_PATTERNS, loadCatalog } from '../src/match/catalog.js';
import { BUILTIN_CHECKS, loadChecks } from '../src/match/config/load-checks.js';
import { cmp } from '../src/model/tally.js';

const catalog = loadCatalog(BUILTIN_PATTERNS());
const { checks } = loadChecks(catalog, BUILTIN_CHECKS());

const fixtures = (dir: string, kind: 'positive' | 'negative'): [string, string][] => {
  const d = join(dir, 'fixtures', kind);
  return existsSync(d) ? readdirSync(d).filter((f) => !f.endsWith('.md')).sort(cmp).map((f) => [f, join(d, f)]) : [];
};

async function outcomes(path: string, id: string): Promise<string[]> {
  const d = await analyze({ inputs: [path], catalog, year: 2024 });
  return (d.config?.checks ?? []).filter((c) => c.check === id).map((c) => `${c.status}@${c.host}`);
}

test('there are checks, and every check is in docs/config.md', async () => {
  const { readFileSync } = await import('node:fs');
  const doc = readFileSync('docs/config.md', 'utf8');
  expect(checks.length).toBeGreaterThanOrEqual(18);
  for (const c of checks) expect(doc, c.id).toContain(`\`${c.id}\``);
});

describe.each(checks.map((c) => [c.id, c] as const))('%s', (id, check) => {
  const positives = fixtures(check.dir, 'positive');
  const negatives = fixtures(check.dir, 'negative');
  test('has positive and negative fixtures', () => {
    expect(positives.length).toBeGreaterThan(0);
    expect(negatives.length).toBeGreaterThan(0);
  });
  test.each(positives)('fires on positive/%s', async (_n, path) => {
    const o = await outcomes(path, id);
    expect(o.some((x) => x.startsWith('fired@')), o.join(', ')).toBe(true);
  });
  test.each(negatives)('stays quiet on negative/%s', async (_n, path) => {
    const o = await outcomes(path, id);
    expect(o.some((x) => x.startsWith('quiet@')), o.join(', ')).toBe(true);
    expect(o.filter((x) => x.startsWith('fired@'))).toEqual([]);
  });
});
