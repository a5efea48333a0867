// Load the configuration checks: checks/<id>/check.yaml, validated against docs/check.schema.json,
// conditions compiled. Errors name `checks/x/check.yaml:12:5`, and a bad check stops the run, as a
// bad catalog entry does. A check must name a catalog entry that exists.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ConfigScalar } from '../../model/config.js';
import { cmp } from '../../model/tally.js';
import { schemaValidator } from '../schema-validator.js';
import { displayPath, readYamlEntry, schemaErrorPath } from '../yaml-entry.js';
import { CatalogError, packageRoot } from '../catalog.js';
import type { Catalog } from '../pattern.js';
import type { Check, Condition, RemovedFlag } from './check.js';

export const BUILTIN_CHECKS = (): string => join(packageRoot(), 'checks');

const validate = schemaValidator(() => join(packageRoot(), 'docs', 'check.schema.json'));

export interface CheckSet {
  readonly checks: readonly Check[];
}

/** Every check under the folders; a later folder's check replaces an earlier one with the same id. */
export function loadChecks(catalog: Catalog, ...dirs: string[]): CheckSet {
  const problems: string[] = [];
  const byId = new Map<string, Check>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort(cmp);
    for (const name of names) {
      const file = join(dir, name, 'check.yaml');
      if (!existsSync(file)) continue;
      const c = loadCheck(file, name, catalog, problems);
      if (c !== undefined) byId.set(c.id, c);
    }
  }
  // Playbook steps may cite a check as `check:<id>`: it must exist.
  for (const p of catalog.patterns) {
    for (const s of p.playbook) {
      for (const r of [...s.confirmedBy, ...s.ruledOutBy]) {
        if (r.kind === 'check' && !byId.has(r.id)) problems.push(`${displayPath(p.file)}: playbook names unknown check "check:${r.id}"`);
      }
    }
  }
  if (problems.length > 0) throw new CatalogError(problems);
  return { checks: [...byId.values()].sort((a, b) => cmp(a.id, b.id)) };
}

interface RawCheck {
  id: string;
  title: string;
  severity: Check['severity'];
  pattern: string;
  summary: string;
  when: unknown;
  references?: string[];
}

function loadCheck(file: string, folder: string, catalog: Catalog, problems: string[]): Check | undefined {
  const entry = readYamlEntry(file, problems);
  if (entry === undefined) return undefined;
  const { at } = entry;
  const raw = entry.raw as RawCheck;
  const errors = validate(raw);
  if (errors.length > 0) {
    // oneOf reports every branch; the deepest path says most.
    const deepest = Math.max(...errors.map((e) => e.instancePath.split('/').length));
    for (const e of errors.filter((x) => x.instancePath.split('/').length === deepest).slice(0, 3)) {
      problems.push(`${at(schemaErrorPath(e))}: ${e.instancePath || '(check)'} ${e.message ?? 'is invalid'}`);
    }
    return undefined;
  }
  const before = problems.length;
  if (raw.id !== folder) problems.push(`${at(['id'])}: id "${raw.id}" differs from its folder "${folder}"`);
  if (!catalog.patterns.some((p) => p.id === raw.pattern)) problems.push(`${at(['pattern'])}: names unknown catalog entry "${raw.pattern}"`);
  const when = compile(raw.when, ['when'], (path, msg) => problems.push(`${at(path)}: ${msg}`));
  if (problems.length > before || when === undefined) return undefined;
  return {
    id: raw.id,
    title: raw.title.trim(),
    severity: raw.severity,
    pattern: raw.pattern,
    summary: raw.summary.trim().replace(/\s+/g, ' '),
    when,
    references: raw.references ?? [],
    dir: dirname(file),
    file,
  };
}

type Report = (path: (string | number)[], msg: string) => void;

function compile(raw: unknown, path: (string | number)[], report: Report): Condition | undefined {
  const r = raw as Record<string, unknown>;
  const sub = (key: 'all' | 'any'): Condition[] | undefined => {
    const parts = (r[key] as unknown[]).map((x, i) => compile(x, [...path, key, i], report));
    return parts.every((p): p is Condition => p !== undefined) ? parts : undefined;
  };
  if ('all' in r) {
    const of = sub('all');
    return of && { kind: 'all', of };
  }
  if ('any' in r) {
    const of = sub('any');
    return of && { kind: 'any', of };
  }
  if ('not' in r) {
    const cond = compile(r['not'], [...path, 'not'], report);
    return cond && { kind: 'not', cond };
  }
  const fact = r['fact'] as string;
  if ('is' in r) return { kind: 'is', fact, value: r['is'] as ConfigScalar };
  if ('in' in r) return { kind: 'in', fact, values: r['in'] as ConfigScalar[] };
  if ('above' in r) return { kind: 'above', fact, value: r['above'] as number };
  if ('below' in r) return { kind: 'below', fact, value: r['below'] as number };
  if ('empty' in r) return { kind: 'empty', fact };
  if ('differsFrom' in r) return { kind: 'differs', fact, other: r['differsFrom'] as string };
  if ('matches' in r) {
    try {
      return { kind: 'matches', fact, re: new RegExp(r['matches'] as string) };
    } catch (e) {
      report([...path, 'matches'], `invalid regex: ${(e as Error).message}`);
      return undefined;
    }
  }
  if ('removedIn' in r) {
    const spec = r['removedIn'] as { version: string; flags: RemovedFlag[] };
    return { kind: 'removed', fact, version: spec.version, table: spec.flags.map((f) => ({ flag: f.flag, removedIn: f.removedIn })) };
  }
  report(path, 'condition names no test');
  return undefined;
}
