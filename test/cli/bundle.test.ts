// The bundled CLI (dist/bundle/, what the package's bin runs) against tsc's unbundled output: the
// same bytes for every sample and format, through its own worker scripts, with the rules snapshot
// taken only while it still matches the YAML. npm test builds both first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readRulesSnapshot } from '../../src/match/catalog-snapshot.js';
import { tempDir } from '../support/archive.js';

const BUNDLE = 'dist/bundle/main.js';
const UNBUNDLED = 'dist/src/cli/main.js';
const run = (cli: string, args: string[]) => {
  const r = spawnSync('node', [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '' }, maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const samples = readdirSync('samples', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join('samples', d.name));

describe('the bundled CLI', () => {
  test('was built with a snapshot of the current rules', () => {
    expect(existsSync(BUNDLE)).toBe(true);
    expect(readRulesSnapshot('dist/bundle/rules.snapshot')).toBeDefined();
  });

  test.each(samples)('%s: same report as the unbundled CLI, in JSON and text', (sample) => {
    for (const format of ['json', 'text']) {
      const a = run(BUNDLE, ['analyze', sample, '--format', format]);
      const b = run(UNBUNDLED, ['analyze', sample, '--format', format]);
      expect(a.err).toBe(b.err);
      expect(a.code).toBe(b.code);
      expect(a.out).toBe(b.out);
    }
  });

  test('scan workers (a file over 64 MiB is split across threads) and batch workers start from the bundle', () => {
    const dir = tempDir();
    const fixture = readFileSync('patterns/kubelet-csr-forbidden/fixtures/positive/journal-bootstrap-forbidden-v1.31.log');
    const big = join(dir, 'kubelet.log');
    writeFileSync(big, Buffer.concat(Array.from({ length: Math.ceil((65 * 2 ** 20) / fixture.length) }, () => fixture)));
    const split = ['analyze', big, '--year', '2024', '--format', 'json'];
    const a = run(BUNDLE, split);
    expect(a.err).toBe('');
    expect(JSON.parse(a.out).findings[0].pattern).toBe('kubelet-csr-forbidden');
    expect(a.out).toBe(run(UNBUNDLED, split).out);
    const out = join(dir, 'r.ndjson');
    const b = run(BUNDLE, ['batch', 'samples', '--jobs', '2', '--quiet', '--out', out]);
    expect(b.err).toBe('');
    expect([0, 1]).toContain(b.code);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(samples.length);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  test('run as a command, through its shebang, node starts with the bin\'s flags and the report is the same', () => {
    const dir = tempDir();
    const probe = join(dir, 'exec-argv.mjs');
    writeFileSync(probe, "import { isMainThread } from 'node:worker_threads'; if (isMainThread) process.stderr.write(JSON.stringify(process.execArgv) + '\\n');\n");
    const direct = spawnSync(BUNDLE, ['analyze', 'samples/csr-forbidden', '--format', 'json'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '', NODE_OPTIONS: `--import=${probe}` } });
    expect(JSON.parse(direct.stderr.split('\n')[0] as string)).toContain('--max-semi-space-size=8');
    const viaNode = run(BUNDLE, ['analyze', 'samples/csr-forbidden', '--format', 'json']);
    expect(direct.status).toBe(viaNode.code);
    expect(direct.stdout).toBe(viaNode.out);
    rmSync(dir, { recursive: true, force: true });
  });

  test('--help and --version are the same', () => {
    for (const args of [['--help'], ['analyze', '--help'], ['--version']]) expect(run(BUNDLE, args).out).toBe(run(UNBUNDLED, args).out);
  });
});
