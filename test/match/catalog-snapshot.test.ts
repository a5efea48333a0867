// The rules snapshot the build writes: it gives back exactly what loading the YAML gives, and it is
// refused as soon as anything it was made from changes (or it is damaged), so the YAML wins.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCatalog, packageRoot } from '../../src/match/catalog.js';
import { readRulesSnapshot, rulesFingerprint, writeRulesSnapshot } from '../../src/match/catalog-snapshot.js';
import { loadChecks } from '../../src/match/config/load-checks.js';
import { allGateSpecs } from '../../src/match/gate-specs.js';
import { messageLiterals } from '../../src/match/collect.js';

let root: string;
let file: string;

beforeAll(() => {
  // A copy of what the rules are made from, so that it can be edited.
  root = mkdtempSync(join(tmpdir(), 'kf-rules-'));
  for (const f of ['package.json', 'patterns', 'checks', 'docs/pattern.schema.json', 'docs/check.schema.json']) {
    cpSync(join(packageRoot(), f), join(root, f), { recursive: true });
  }
  file = join(root, 'rules.snapshot');
  writeRulesSnapshot(file, root);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('rules snapshot', () => {
  test('holds what loading the YAML gives: entries, compiled regexes, checks, gate specs', () => {
    const catalog = loadCatalog(join(root, 'patterns'));
    const { checks } = loadChecks(catalog, join(root, 'checks'));
    const snap = readRulesSnapshot(file, root);
    expect(snap).toBeDefined();
    expect(snap?.catalog).toEqual(catalog);
    expect(snap?.derived.checks).toEqual(checks);
    expect(snap?.derived.gateSpecs).toEqual(allGateSpecs(catalog));
    expect(snap?.derived.gateSpecs.text.literals.length).toBeGreaterThan(50);
    expect(snap?.derived.messageLiterals).toEqual(messageLiterals(catalog));
    // Regexes come back as regexes that still match, not as plain objects.
    const withRegex = snap?.catalog.matchers.find((m) => m.test.kind === 'log');
    expect(withRegex?.test.kind === 'log' && withRegex.test.message instanceof RegExp).toBe(true);
  });

  test('is refused after any source file changes, and taken again once it is as it was', () => {
    const entry = join(root, 'patterns', 'kubelet-csr-forbidden', 'pattern.yaml');
    const original = readFileSync(entry);
    writeFileSync(entry, Buffer.concat([original, Buffer.from('\n# edited\n')]));
    expect(readRulesSnapshot(file, root)).toBeUndefined();
    writeFileSync(entry, original);
    expect(readRulesSnapshot(file, root)).toBeDefined();
  });

  test('is refused when a pattern is added', () => {
    const before = rulesFingerprint(root);
    cpSync(join(root, 'patterns', 'kubelet-csr-forbidden'), join(root, 'patterns', 'zz-copy'), { recursive: true });
    expect(rulesFingerprint(root)).not.toBe(before);
    expect(readRulesSnapshot(file, root)).toBeUndefined();
    rmSync(join(root, 'patterns', 'zz-copy'), { recursive: true });
    expect(rulesFingerprint(root)).toBe(before);
  });

  test('holds in a copy of the package elsewhere, with that copy\'s paths (a package built on another machine)', () => {
    const moved = `${root}-moved`;
    cpSync(root, moved, { recursive: true });
    try {
      const snap = readRulesSnapshot(join(moved, 'rules.snapshot'), moved);
      expect(snap).toBeDefined();
      const fresh = loadCatalog(join(moved, 'patterns'));
      expect(snap?.catalog).toEqual(fresh);
      expect(snap?.catalog.patterns[0]?.dir.startsWith(moved)).toBe(true);
      expect(snap?.derived.checks.every((c) => c.file.startsWith(join(moved, 'checks')))).toBe(true);
    } finally {
      rmSync(moved, { recursive: true, force: true });
    }
  });

  test('a damaged or missing snapshot is no snapshot', () => {
    const bad = join(root, 'damaged.snapshot');
    writeFileSync(bad, readFileSync(file).subarray(0, 100));
    expect(readRulesSnapshot(bad, root)).toBeUndefined();
    expect(readRulesSnapshot(join(root, 'absent.snapshot'), root)).toBeUndefined();
  });
});
