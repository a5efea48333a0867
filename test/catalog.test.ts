// One describe per catalog entry, one test per fixture: a new folder adds tests, nobody edits
// this runner. A positive must produce its entry, a negative must not; todo/ fixtures are known
// misses, run as expected failures.
import { describe, expect, test } from 'vitest';
import { fixturesOf, runFixture } from '../src/check-fixtures.js';
import { allMatchers, BUILTIN_PATTERNS, loadCatalog } from '../src/match/catalog.js';
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const catalog = loadCatalog(BUILTIN_PATTERNS());

const REQUIRED_IDS = [
  'kubelet-csr-forbidden', 'kubelet-csr-unauthorized', 'kubelet-bootstrap-token-invalid', 'kubelet-token-request-failures',
  'node-stopped-posting-status', 'kube-client-errors', 'client-side-throttling', 'apiserver-rate-limited',
  'stale-serviceaccount-token', 'client-certificate-expired', 'kubelet-certificate-expired', 'kubelet-x509-unknown-authority',
  'kubelet-server-csr-pending', 'kubelet-api-forbidden', 'kubelet-node-registration-failed', 'kubelet-swap-enabled',
  'kubelet-config-invalid', 'kubelet-cgroup-driver-mismatch', 'apiserver-unreachable', 'container-runtime-unavailable',
  'pleg-unhealthy', 'node-resource-pressure', 'cni-not-ready', 'dns-config-invalid', 'node-rebooted',
];

test('the catalog holds every required entry', () => {
  expect(catalog.patterns.map((p) => p.id)).toEqual(expect.arrayContaining(REQUIRED_IDS));
});

/** All text of a fixture (a file, or every file of a fixture folder). */
function fixtureText(path: string): string {
  if (!statSync(path).isDirectory()) return readFileSync(path, 'utf8');
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((f) => join(path, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

describe.each(catalog.patterns.map((p) => [p.id, p] as const))('%s', (_id, pattern) => {
  const positives = fixturesOf(pattern, 'positive');
  const negatives = fixturesOf(pattern, 'negative');
  test('has positive and negative fixtures', () => {
    expect(positives.length).toBeGreaterThan(0);
    expect(negatives.length).toBeGreaterThan(0);
  });
  test('cites a seed document or says it has none', () => {
    for (const s of pattern.sources) expect(s).toMatch(/^(?:\d{3}_[0-9a-f]{16}\.txt|catalog)$/);
  });
  test('every log signal matches some line of a positive fixture (no dead regex)', () => {
    const text = positives.map((f) => fixtureText(f.path)).join('\n');
    for (const m of pattern.signals) {
      if (m.test.kind !== 'log') continue;
      expect(m.test.message.test(text), `signal ${m.id}: ${m.test.message.source}`).toBe(true);
    }
  });
  test.each(positives.map((f) => [f.name, f] as const))('finds it in positive/%s', async (_name, f) => {
    const r = await runFixture(pattern, f, catalog);
    expect(r.problem, `found: ${r.found.join(', ')}`).toBeUndefined();
  });
  test.each(negatives.map((f) => [f.name, f] as const))('stays quiet on negative/%s', async (_name, f) => {
    const r = await runFixture(pattern, f, catalog);
    expect(r.problem, `found: ${r.found.join(', ')}`).toBeUndefined();
  });
  const todos = fixturesOf(pattern, 'todo');
  if (todos.length > 0) test.fails.each(todos.map((f) => [f.name, f] as const))('known miss todo/%s', async (_name, f) => {
    const r = await runFixture(pattern, { ...f, kind: 'positive' }, catalog);
    expect(r.ok).toBe(true); // passes the day it is fixed: then promote it to positive/
  });
});

test('matcher ids are unique within each entry', () => {
  for (const p of catalog.patterns) {
    const ids = allMatchers(p).map((m) => m.id);
    expect(new Set(ids).size, p.id).toBe(ids.length);
  }
});
