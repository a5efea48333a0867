import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { listBundles } from '../../src/batch/bundles.js';
import { fleetSummary, readResults, type BundleResult } from '../../src/batch/result.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { parseShard, shardOf } from '../../src/batch/shard.js';
import { bundleHash } from '../../src/ingest/content-hash.js';
import { tempDir, writeTarGz, writeZip } from '../support/archive.js';

describe('shards', () => {
  test('for any list and any n, shards are disjoint and together are the whole list (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (items, n) => {
        const sorted = [...items].sort();
        const shards = Array.from({ length: n }, (_, i) => shardOf(sorted, i, n));
        const union = shards.flat().sort();
        expect(union).toEqual(sorted);
        expect(new Set(union).size).toBe(union.length);
        // deterministic: the same call gives the same shard
        expect(shardOf(sorted, n - 1, n)).toEqual(shards[n - 1]);
      }),
    );
  });

  test('i/n is checked', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(() => shardOf([1], 3, 3)).toThrow(/not a shard/);
    expect(() => parseShard('2')).toThrow(/i\/n/);
  });
});

function shelf(n: number): string {
  const dir = tempDir();
  const fixtures = [
    'patterns/kubelet-csr-forbidden/fixtures/positive/journal-bootstrap-forbidden-v1.31.log',
    'patterns/kubelet-swap-enabled/fixtures/positive/journal-current.log',
    'patterns/kubelet-csr-forbidden/fixtures/negative/journal-bootstrap-succeeds.log',
  ];
  for (let i = 0; i < n; i++) {
    const b = join(dir, `bundle-${String(i).padStart(2, '0')}`, `node-${i}`);
    mkdirSync(b, { recursive: true });
    copyFileSync(fixtures[i % fixtures.length] as string, join(b, 'kubelet.log'));
    writeFileSync(join(b, 'id.txt'), `bundle ${i}\n`); // distinct content, distinct hash
  }
  return dir;
}

const withoutDurations = (rs: readonly BundleResult[]) => rs.map((r) => ({ ...r, durationMs: 0 }));

async function run(bundles: string[], jobs: number, skip?: Set<string>, stopAfter?: number): Promise<BundleResult[]> {
  const out: BundleResult[] = [];
  await runBatch({ bundles, jobs, analyze: { year: 2024 }, onResult: (r) => void out.push(r), ...(skip ? { skipHashes: skip } : {}), ...(stopAfter ? { stopAfter } : {}) });
  return out;
}

describe('batch', () => {
  test('1 and 2 workers give the same results in input order, durations aside', async () => {
    const bundles = await listBundles([shelf(6)]);
    const one = await run(bundles, 1);
    const two = await run(bundles, 2);
    expect(one.map((r) => r.path)).toEqual(bundles);
    expect(withoutDurations(two)).toEqual(withoutDurations(one));
    expect(one.filter((r) => r.ok && r.findings[0]?.pattern === 'kubelet-csr-forbidden')).toHaveLength(2);
  });

  test('--resume after a killed batch gives the same final output as one uninterrupted run', async () => {
    const bundles = await listBundles([shelf(7)]);
    const whole = await run(bundles, 2);
    const killed = await run(bundles, 2, undefined, 3);
    expect(killed).toHaveLength(3);
    // The killed run's file may end in a half-written line: it is dropped on resume.
    const file = killed.map((r) => JSON.stringify(r)).join('\n') + '\n{"path":"/cut-off';
    const previous = readResults(file);
    const rest = await run(bundles, 2, new Set(previous.map((r) => r.sha256)));
    expect(withoutDurations([...previous, ...rest])).toEqual(withoutDurations(whole));
  });

  test("each line's hash is the bundle's content hash, taken from the analysis's reads or read again", async () => {
    const dir = shelf(2);
    await writeTarGz(dir, 'c.tar.gz', [{ name: 'node-c/kubelet.log', body: 'I0401 10:00:00.000000    1 x.go:1] "ok"\n' }]);
    // A zip past the first read is read by random access, so its hash is read for itself.
    await writeZip(dir, 'd.zip', [{ name: 'node-d/kubelet.log', body: randomBytes(2 << 20).toString('base64') }]);
    writeFileSync(join(dir, 'e.tar.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]));
    const bundles = await listBundles([dir]);
    expect(bundles).toHaveLength(5);
    const results = await run(bundles, 2);
    for (const r of results) expect(r.sha256, r.path).toBe(await bundleHash(r.path));
  });

  test('a broken bundle is reported in its line and the batch goes on', async () => {
    const dir = shelf(2);
    writeFileSync(join(dir, 'broken.tar.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]));
    const results = await run(await listBundles([dir]), 2);
    expect(results).toHaveLength(3);
    const broken = results.find((r) => r.path.endsWith('broken.tar.gz'));
    expect(broken?.ok === true ? broken.problems.join('\n') : broken?.error).toMatch(/archive|truncated|corrupt/);
  });

  test('the fleet summary counts bundles and nodes per pattern', () => {
    const r = (path: string, pattern: string, hosts: string[]): BundleResult => ({
      path, sha256: path, durationMs: 1, ok: true, hosts, timeRange: { start: null, end: null }, problems: [],
      findings: [{ pattern, severity: 'critical', status: 'active', rootCause: true, rank: 1, hosts, firstSeen: '2024-04-01T00:00:00Z', lastSeen: '2024-04-02T00:00:00Z', count: 3 }],
    });
    const s = fleetSummary([r('a', 'kubelet-csr-forbidden', ['n1', 'n2']), r('b', 'kubelet-csr-forbidden', ['n1']), r('c', 'pleg-unhealthy', ['n3'])]);
    expect(s.patterns[0]).toMatchObject({ pattern: 'kubelet-csr-forbidden', bundles: 2, nodes: 3, rootCauseIn: 2 });
    expect(s.topFindings.map((t) => t.top)).toEqual(['kubelet-csr-forbidden', 'kubelet-csr-forbidden', 'pleg-unhealthy']);
  });
});

test('readResults keeps whole lines', () => {
  expect(readResults('{"path":"a"}\n{"pa').map((r) => r.path)).toEqual(['a']);
});

test('a catalog that does not load stops the batch before any bundle, with its error', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'broken-entry'), { recursive: true });
  writeFileSync(join(dir, 'broken-entry', 'pattern.yaml'), 'id: [unclosed\n');
  const out: BundleResult[] = [];
  await expect(runBatch({ bundles: await listBundles([shelf(2)]), jobs: 2, analyze: { patternDirs: [dir] }, onResult: (r) => void out.push(r) })).rejects.toThrow(/pattern\.yaml/);
  expect(out).toEqual([]);
});
