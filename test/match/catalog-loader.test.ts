import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BUILTIN_PATTERNS, CatalogError, loadCatalog } from '../../src/match/catalog.js';
import { tempDir } from '../support/archive.js';

function entry(dir: string, id: string, yaml: string): void {
  mkdirSync(join(dir, id), { recursive: true });
  writeFileSync(join(dir, id, 'pattern.yaml'), yaml);
}

const GOOD = `id: my-entry
title: A user's own failure mode
source: catalog
severity: warning
summary: Something this team has seen before and wants found in every bundle.
signals:
  - id: the-line
    log: { message: 'frobnicator exploded' }
playbook:
  - step: Check the frobnicator.
    confirmedBy: [the-line]
`;

const problemsOf = (dir: string): string[] => {
  try {
    loadCatalog(dir);
    return [];
  } catch (e) {
    if (e instanceof CatalogError) return [...e.problems];
    throw e;
  }
};

describe('catalog loader', () => {
  test('a valid user entry loads, beside the built-ins when asked', () => {
    const dir = tempDir();
    entry(dir, 'my-entry', GOOD);
    const c = loadCatalog(BUILTIN_PATTERNS(), dir);
    expect(c.patterns.map((p) => p.id)).toContain('my-entry');
    expect(c.patterns.find((p) => p.id === 'my-entry')?.threshold).toEqual({ count: 1, spanSec: 0 });
  });

  test('a schema error names file:line:col and the property', () => {
    const dir = tempDir();
    entry(dir, 'my-entry', GOOD.replace('severity: warning', 'severity: catastrophic'));
    expect(problemsOf(dir).join('\n')).toMatch(/my-entry[\\/]pattern\.yaml:4:11: \/severity must be equal to one of the allowed values/);
  });

  test('an invalid regex, an anchored one, and a lookaround are each reported where they are', () => {
    const dir = tempDir();
    entry(dir, 'my-entry', GOOD.replace("'frobnicator exploded'", "'^frob(nicator'"));
    const p = problemsOf(dir).join('\n');
    expect(p).toMatch(/pattern\.yaml:8:\d+: matcher "the-line": regex must not be anchored/);
    expect(p).toMatch(/invalid regex/);
    entry(dir, 'my-entry', GOOD.replace("'frobnicator exploded'", "'frob(?=nicator)'"));
    expect(problemsOf(dir).join('\n')).toMatch(/lookarounds/);
  });

  test('an id that differs from its folder, an unknown playbook reference, a YAML syntax error', () => {
    const dir = tempDir();
    entry(dir, 'other-name', GOOD);
    entry(dir, 'refs', GOOD.replace('id: my-entry', 'id: refs').replace('confirmedBy: [the-line]', 'confirmedBy: [no-such-signal]'));
    entry(dir, 'broken', 'id: broken\ntitle: [unclosed\n');
    const p = problemsOf(dir).join('\n');
    expect(p).toMatch(/other-name[\\/]pattern\.yaml:1:5: id "my-entry" differs from its folder "other-name"/);
    expect(p).toMatch(/refs[\\/]pattern\.yaml:\d+:\d+: playbook names unknown matcher "no-such-signal"/);
    expect(p).toMatch(/broken[\\/]pattern\.yaml:\d+:\d+: /);
  });

  test('a cycle in explains is rejected', () => {
    const dir = tempDir();
    const a = GOOD.replace('id: my-entry', 'id: a') + 'explains:\n  - { symptom: b, within: 5m }\n';
    const b = GOOD.replace('id: my-entry', 'id: b') + 'explains:\n  - { symptom: a, within: 5m }\n';
    entry(dir, 'a', a);
    entry(dir, 'b', b);
    expect(problemsOf(dir).join('\n')).toMatch(/cycle: a → b → a/);
  });
});
