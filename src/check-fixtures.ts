// Runs each catalog entry's fixtures through the real pipeline: a positive must produce the
// entry, a negative must not. `patterns test` and the test suite share this runner.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { analyze } from './analyze.js';
import type { Diagnosis } from './diagnose/diagnosis.js';
import type { Catalog, Pattern } from './match/pattern.js';
import { cmp } from './model/tally.js';

export type FixtureKind = 'positive' | 'negative' | 'todo';

export interface Fixture {
  readonly kind: FixtureKind;
  readonly name: string;
  readonly path: string;
}

/** An optional `<name>.expect.yaml` beside a positive fixture pins details of the finding. */
export interface Expectation {
  readonly status?: 'active' | 'resolved';
  readonly hosts?: readonly string[];
}

export function fixturesOf(p: Pattern, kind: FixtureKind): Fixture[] {
  const dir = join(p.dir, 'fixtures', kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.expect.yaml') && f !== 'SOURCES.md' && !f.startsWith('.'))
    .sort(cmp)
    .map((name) => ({ kind, name, path: join(dir, name) }));
}

export function expectationOf(f: Fixture): Expectation | undefined {
  const file = `${f.path}.expect.yaml`;
  return existsSync(file) ? (parseYaml(readFileSync(file, 'utf8')) as Expectation) : undefined;
}

export interface FixtureOutcome {
  readonly fixture: Fixture;
  readonly ok: boolean;
  readonly problem?: string;
  readonly found: readonly string[];
}

/** Fixtures carry fixed dates; years come from the fixture itself or default to its content. */
export async function runFixture(p: Pattern, f: Fixture, catalog: Catalog): Promise<FixtureOutcome> {
  let d: Diagnosis;
  try {
    d = await analyze({ inputs: [f.path], catalog, year: 2024 });
  } catch (e) {
    return { fixture: f, ok: false, problem: `analyze failed: ${(e as Error).message}`, found: [] };
  }
  const found = d.findings.map((x) => x.pattern);
  const mine = d.findings.find((x) => x.pattern === p.id);
  if (f.kind === 'negative') return { fixture: f, ok: mine === undefined, found, ...(mine ? { problem: `matched its negative fixture` } : {}) };
  if (mine === undefined) return { fixture: f, ok: false, problem: 'missed its positive fixture', found };
  const exp = f.kind === 'positive' ? expectationOf(f) : undefined;
  if (exp?.status !== undefined && mine.status !== exp.status) return { fixture: f, ok: false, problem: `status ${mine.status}, expected ${exp.status}`, found };
  if (exp?.hosts !== undefined && JSON.stringify(mine.hosts) !== JSON.stringify([...exp.hosts].sort(cmp))) {
    return { fixture: f, ok: false, problem: `hosts ${mine.hosts.join(',')}, expected ${exp.hosts.join(',')}`, found };
  }
  return { fixture: f, ok: true, found };
}
