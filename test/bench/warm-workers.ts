// How much of a batch's 1-vs-2-worker gap is each worker compiling its own hot code: the same
// analysis as a batch worker's, on 1 then 2 worker threads in one process, timed once started cold
// and once after each worker has analyzed `--warm` bundles first (untimed). A diagnostic script,
// never a test. Usage, after `npm run bench` made the shelf:
//   node --initial-heap-size=128 dist/test/bench/warm-workers.js [--shelf DIR] [--warm 60] [--runs 2]
import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { analyze } from '../../src/analyze.js';
import { loadBuiltinCatalog } from '../../src/match/catalog-snapshot.js';

interface Setup {
  readonly warm: number;
  readonly bundles: readonly string[];
}

const arg = (name: string, def: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? def) : def;
};

/** Wall and CPU time of the process for analyzing every bundle once on `n` workers warmed on `warm` each. */
async function timeShelf(bundles: readonly string[], n: number, warm: number): Promise<{ wallMs: number; cpuMs: number }> {
  const workers = Array.from({ length: n }, () => new Worker(new URL(import.meta.url), { workerData: { warm, bundles } satisfies Setup }));
  await Promise.all(workers.map((w) => new Promise((ready) => w.once('message', ready))));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let next = 0;
  let done = 0;
  await new Promise<void>((finished) => {
    for (const w of workers) {
      const feed = (): void => {
        if (next < bundles.length) w.postMessage(bundles[next++]);
      };
      w.on('message', () => {
        if (++done === bundles.length) finished();
        else feed();
      });
      feed();
    }
  });
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - t0;
  await Promise.all(workers.map((w) => w.terminate()));
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

if (isMainThread) {
  const shelf = arg('shelf', join(process.env['KF_BENCH_CACHE'] ?? join(homedir(), '.cache', 'kube-forensics-bench'), 'shelf-50x4MiB'));
  const bundles = readdirSync(shelf).sort().map((d) => join(shelf, d));
  const warm = Number(arg('warm', '60'));
  for (let r = 0; r < Number(arg('runs', '2')); r++) {
    for (const w of [0, warm]) {
      const one = await timeShelf(bundles, 1, w);
      const two = await timeShelf(bundles, 2, w);
      const cores = (t: { wallMs: number; cpuMs: number }): string => (t.cpuMs / t.wallMs).toFixed(2);
      process.stdout.write(
        `${w === 0 ? 'cold' : `warmed on ${w}`}: 1 worker ${(one.wallMs / 1000).toFixed(2)}s (${cores(one)} cores), 2 workers ${(two.wallMs / 1000).toFixed(2)}s (${cores(two)} cores), x${(one.wallMs / two.wallMs).toFixed(2)}\n`,
      );
    }
  }
} else {
  const setup = workerData as Setup;
  const catalog = loadBuiltinCatalog();
  const run = (bundle: string) => analyze({ inputs: [bundle], year: 2024, catalog, workers: 1 });
  for (let i = 0; i < setup.warm; i++) await run(setup.bundles[i % setup.bundles.length] as string);
  parentPort?.postMessage('ready');
  parentPort?.on('message', (bundle: string) => void run(bundle).then(() => parentPort?.postMessage('done')));
}
