import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { CommandModule } from 'yargs';
import { listBundles } from '../batch/bundles.js';
import { fleetSummary, readResults, renderFleet, type BundleResult } from '../batch/result.js';
import { runBatch } from '../batch/run-batch.js';
import { parseShard, shardOf } from '../batch/shard.js';
import { roomyWorkerHeaps } from './heap-policy.js';
import { limitsFrom, readingOptions, type ReadingArgs } from './shared-options.js';

interface Args extends ReadingArgs {
  inputs: string[];
  jobs: number;
  out?: string | undefined;
  resume: boolean;
  shard?: string | undefined;
  shards?: number | undefined;
  quiet: boolean;
  patterns: string[];
}

export const batchCommand: CommandModule<object, Args> = {
  command: 'batch <inputs..>',
  describe: 'Analyze a shelf of bundles in parallel: one JSON line per bundle, then a fleet summary',
  builder: (y) =>
    readingOptions(y)
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'Folders of bundles (each archive or sub-folder is one), bundles, or globs' })
      .option('jobs', { alias: 'j', type: 'number', default: availableParallelism(), describe: 'Bundles analyzed at once (worker threads)' })
      .option('out', { alias: 'o', type: 'string', describe: 'NDJSON results file (default: stdout)' })
      .option('resume', { type: 'boolean', default: false, describe: 'Skip bundles whose content hash is already in --out, and append' })
      .option('shard', { type: 'string', describe: 'i/n: process only this disjoint 1/n of the sorted bundles (Kubernetes Indexed Job)' })
      .option('shards', { type: 'number', describe: 'n, with the shard index taken from JOB_COMPLETION_INDEX' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress on stderr' })
      .option('patterns', { type: 'string', array: true, default: [] as string[], describe: 'Extra catalog folder(s)' })
      .example('$0 batch /shelf/bundles --jobs 2 --out results.ndjson', 'All bundles of a shelf')
      .example('$0 batch /shelf --shards 8 --out /results/shard-$JOB_COMPLETION_INDEX.ndjson', 'One pod of an Indexed Job') as never,
  handler: async (a) => {
    if (a.resume && a.out === undefined) throw new Error('--resume needs --out: the file to resume');
    roomyWorkerHeaps();
    const all = await listBundles(a.inputs);
    const index = process.env['JOB_COMPLETION_INDEX'];
    const shard = a.shard !== undefined ? parseShard(a.shard) : a.shards !== undefined && index !== undefined ? { index: Number(index), count: a.shards } : undefined;
    const bundles = shard === undefined ? all : shardOf(all, shard.index, shard.count);
    const previous = a.resume && a.out !== undefined && existsSync(a.out) ? readResults(readFileSync(a.out, 'utf8')) : [];
    if (a.out !== undefined) {
      // A line cut off by a killed run is dropped; complete lines stay.
      writeFileSync(a.out, previous.map((r) => JSON.stringify(r) + '\n').join(''));
    }
    const results: BundleResult[] = [...previous];
    const tty = process.stderr.isTTY === true && !a.quiet;
    // Loaded only for a terminal: other commands, and batches writing to a pipe, never pay for it.
    const cliProgress = tty ? (await import('cli-progress')).default : undefined;
    const bar = cliProgress !== undefined ? new cliProgress.SingleBar({ format: 'bundles {bar} {value}/{total} | {failed} failed | ETA {eta_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
    let lastLine = 0;
    const started = Date.now();
    const { skipped } = await runBatch({
      bundles,
      jobs: a.jobs,
      analyze: { patternDirs: a.patterns, ...(a.year !== undefined ? { year: a.year } : {}), ...(a.tz !== undefined ? { tz: a.tz } : {}), limits: limitsFrom(a) },
      skipHashes: new Set(previous.map((r) => r.sha256)),
      onResult: (r) => {
        results.push(r);
        const line = JSON.stringify(r) + '\n';
        if (a.out !== undefined) appendFileSync(a.out, line);
        else process.stdout.write(line);
      },
      onProgress: (p) => {
        if (p.done === 1) bar?.start(p.total, 0, { failed: 0 });
        bar?.update(p.done, { failed: p.failed });
        if (!tty && !a.quiet && (Date.now() - lastLine > 10_000 || p.done === p.total)) {
          lastLine = Date.now();
          const rate = p.done / Math.max(1, (Date.now() - started) / 1000);
          process.stderr.write(`batch: ${p.done}/${p.total} bundles, ${p.failed} failed, ${rate.toFixed(2)} bundles/s\n`);
        }
      },
    });
    bar?.stop();
    if (!a.quiet) {
      if (skipped > 0) process.stderr.write(`batch: ${skipped} bundle(s) already in ${a.out ?? ''} skipped (--resume)\n`);
      process.stderr.write(renderFleet(fleetSummary(results)));
    }
  },
};

export const summaryCommand: CommandModule<object, { files: string[] }> = {
  command: 'summary <files..>',
  describe: 'Fleet summary of finished batch result files (NDJSON, e.g. one per shard)',
  builder: (y) => y.positional('files', { type: 'string', array: true, demandOption: true }) as never,
  handler: (a) => {
    const results = a.files.flatMap((f) => readResults(readFileSync(f, 'utf8')));
    process.stdout.write(renderFleet(fleetSummary(results)));
  },
};
