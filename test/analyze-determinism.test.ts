// The same report, byte for byte, whatever the number of worker threads or the read size.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { analyze } from '../src/analyze.js';
import { renderReport } from '../src/report/render.js';
import { failureMessages, writeJournal } from './bench/generate.js';
import { tempDir, writeTarGz } from './support/archive.js';

test('1 or 2 workers and any chunk size give the same JSON report', async () => {
  const dir = join(tempDir(), 'bundle', 'node-a');
  mkdirSync(dir, { recursive: true });
  const journal = writeJournal(dir, 3 * 1024 * 1024, failureMessages('patterns'), 11);
  const run = async (workers: number, chunkBytes: number): Promise<string> =>
    renderReport(await analyze({ inputs: [journal], workers, chunkBytes, parallelMinBytes: 0, year: 2024 }), { format: 'json' });
  const base = await run(1, 1024 * 1024);
  expect(JSON.parse(base).findings.length).toBeGreaterThan(0);
  for (const [workers, chunk] of [[2, 1024 * 1024], [2, 4096], [1, 4096], [3, 65_536], [1, 65_536]] as const) {
    expect(await run(workers, chunk), `${workers} workers, ${chunk} B chunks`).toBe(base);
  }
});

test('blocking reads (batch workers) and the thread pool give the same JSON report, archives and small files included', async () => {
  const root = tempDir();
  const dir = join(root, 'bundle', 'node-a');
  mkdirSync(dir, { recursive: true });
  writeJournal(dir, 2 * 1024 * 1024, failureMessages('patterns'), 12);
  writeFileSync(join(dir, 'empty.log'), '');
  writeFileSync(join(dir, 'tiny.log'), 'E0401 10:00:00.000000    2211 kubelet.go:1] "Error getting node" err="node \\"node-a\\" not found"\n');
  await writeTarGz(join(root, 'bundle'), 'node-b.tar.gz', [{ name: 'node-b/kubelet.log', body: 'I0401 10:00:01.000000    1 x.go:1] "ok"\n'.repeat(2000) }]);
  const run = async (blockingReads: boolean, chunkBytes: number): Promise<string> =>
    renderReport(await analyze({ inputs: [join(root, 'bundle')], workers: 1, chunkBytes, blockingReads, year: 2024 }), { format: 'json' });
  const base = await run(false, 1024 * 1024);
  expect(JSON.parse(base).findings.length).toBeGreaterThan(0);
  for (const chunk of [1024 * 1024, 4096, 65_536]) expect(await run(true, chunk), `blocking, ${chunk} B chunks`).toBe(base);
});
