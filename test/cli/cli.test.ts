// The command line as a user meets it: exit codes, stdout vs stderr, colour rules, options.
// Runs the built CLI (npm test builds first).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../support/archive.js';

const CLI = 'dist/src/cli/main.js';
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync('node', [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const POSITIVE = 'patterns/kubelet-csr-forbidden/fixtures/positive/journal-bootstrap-forbidden-v1.31.log';
const NEGATIVE = 'patterns/kubelet-csr-forbidden/fixtures/negative/journal-bootstrap-succeeds.log';

describe('kube-forensics', () => {
  test('--help lists the commands with examples', () => {
    const r = run(['analyze', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/analyze <inputs\.\.>/);
    expect(r.out).toMatch(/Examples:/);
  });

  test('analyze exits 1 on an active critical finding, 0 without one, 2 on a usage error', () => {
    expect(run(['analyze', POSITIVE, '--year', '2024']).code).toBe(1);
    expect(run(['analyze', NEGATIVE, '--year', '2024']).code).toBe(0);
    const bad = run(['analyze', POSITIVE, '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/format/);
    // The usage error shows the command's own help (yargs' cached copy of it is switched off).
    expect(bad.err).toMatch(/^kube-forensics analyze <inputs\.\.>/);
    // A failure inside the handler is one line, without help.
    const missing = run(['analyze', 'no/such/bundle']);
    expect(missing.code).toBe(2);
    expect(missing.err).not.toMatch(/Positionals:/);
  });

  test('text on a pipe has no colour; JSON is the schemaVersion 1 report', () => {
    const t = run(['analyze', POSITIVE, '--year', '2024']);
    expect(t.out).not.toMatch(/\u001b\[/);
    expect(t.out).toMatch(/#1 kubelet-csr-forbidden/);
    const j = JSON.parse(run(['analyze', POSITIVE, '--year', '2024', '--format', 'json']).out);
    expect(Object.keys(j).slice(0, 5)).toEqual(['schemaVersion', 'inputs', 'timeRange', 'findings', 'transients']);
    expect(j.findings[0]).toMatchObject({ pattern: 'kubelet-csr-forbidden', severity: 'critical', status: 'active', rootCause: true, rank: 1, hosts: ['node-b'] });
    expect(Object.keys(j.findings[0])).toEqual(expect.arrayContaining(['firstSeen', 'lastSeen', 'count', 'evidence', 'playbook', 'fix']));
    expect(j.findings[0].evidence[0]).toEqual(expect.objectContaining({ file: expect.any(String), line: expect.any(Number), time: expect.any(String), text: expect.any(String) }));
  });

  test('-o writes the report to a file', () => {
    const out = join(tempDir(), 'r.md');
    expect(run(['analyze', POSITIVE, '--year', '2024', '--format', 'markdown', '-o', out]).out).toBe('');
  });

  test('--patterns DIR adds a user entry', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'frob-exploded'));
    writeFileSync(join(dir, 'frob-exploded', 'pattern.yaml'), `id: frob-exploded\ntitle: The frobnicator exploded\nsource: catalog\nseverity: info\nsummary: A team's own failure mode, found in every bundle from now on.\nsignals:\n  - id: boom\n    log: { message: 'frobnicator exploded' }\nplaybook:\n  - step: Replace the frobnicator.\n    confirmedBy: [boom]\n`);
    const log = join(dir, 'app.log');
    writeFileSync(log, 'E0401 12:00:00.000000       1 frob.go:1] the frobnicator exploded\n');
    const j = JSON.parse(run(['analyze', log, '--patterns', dir, '--format', 'json', '--year', '2024']).out);
    expect(j.findings.map((f: { pattern: string }) => f.pattern)).toEqual(['frob-exploded']);
  });

  test('patterns list, show, export and test', () => {
    expect(run(['patterns', 'list']).out).toMatch(/^kubelet-csr-forbidden\s+critical/m);
    expect(run(['patterns', 'show', 'pleg-unhealthy']).out).toMatch(/Playbook:/);
    expect(run(['patterns', 'show', 'no-such-entry']).code).toBe(2);
    const ere = run(['patterns', 'export', '--format', 'grep']).out.trim().split('\n');
    expect(ere.length).toBeGreaterThan(50);
    // every exported pattern is accepted by grep -E
    const file = join(tempDir(), 'catalog.ere');
    writeFileSync(file, ere.join('\n') + '\n');
    const g = spawnSync('grep', ['-E', '-c', '-f', file, POSITIVE], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    expect(g.stderr).toBe('');
    expect(g.status).toBe(0);
    expect(Number(g.stdout)).toBeGreaterThan(0);
  });

  test('timeline: ndjson in UTC order with filters; inferred times marked', () => {
    const r = run(['timeline', POSITIVE, '--format', 'ndjson', '--severity', 'error', '--year', '2024']);
    expect(r.code).toBe(0);
    const events = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e: { severity: string }) => e.severity === 'error')).toBe(true);
    const times = events.map((e: { time: string }) => e.time);
    expect([...times].sort()).toEqual(times);
    expect(events[0].timeBasis).toMatch(/inferred/);
    expect(r.err).toMatch(/events shown/);
  });

  test('a file that does not exist is named, and nothing read exits 2', () => {
    const r = run(['timeline', '/no/such/bundle.tar.gz']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\/no\/such\/bundle\.tar\.gz: error: cannot read input: ENOENT/);
  });
});
