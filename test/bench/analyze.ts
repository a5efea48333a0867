// `npm run bench`: analyze's throughput and peak RSS against `LC_ALL=C grep -E -c` (and ripgrep
// where installed) with the catalog's own regexes, measured in the same run on the same files.
// A script, never a timed unit test. Usage:
//   npm run bench [-- --sizes 256,512,1024,2048 --runs 3 --audit 256 --batch 50 --bundle-mib 4,64]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failureMessages, writeAudit, writeJournal } from './generate.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// The package's bin, run as an installed command runs it: through its shebang, with its V8 flags.
const cli = join(root, 'dist', 'bundle', 'main.js');
const arg = (name: string, def: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? def) : def;
};
const sizesMiB = arg('sizes', '256,512,1024,2048').split(',').map(Number);
const auditMiB = Number(arg('audit', '256'));
const runs = Number(arg('runs', '3'));
const cache = process.env['KF_BENCH_CACHE'] ?? join(homedir(), '.cache', 'kube-forensics-bench');
mkdirSync(cache, { recursive: true });

interface Timed {
  readonly seconds: number;
  readonly maxRssMB: number;
  readonly stdout: string;
}

/** Run a command `runs` times under GNU time; keep the median wall time and its run's peak RSS. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Timed {
  const results: Timed[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { env, maxBuffer: 1 << 30, encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const rssKB = Number(/(\d+)\s*$/.exec(r.stderr)?.[1] ?? 0);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.slice(-500)}`);
    results.push({ seconds, maxRssMB: rssKB / 1024, stdout: r.stdout });
  }
  results.sort((a, b) => a.seconds - b.seconds);
  return results[Math.floor(results.length / 2)] as Timed;
}

const hasRg = spawnSync('rg', ['--version']).status === 0;
const ere = join(cache, 'catalog.ere');
writeFileSync(ere, execFileSync(cli, ['patterns', 'export', '--format', 'grep'], { encoding: 'utf8' }));
const failures = failureMessages(join(root, 'patterns'));
const C = { ...process.env, LC_ALL: 'C' };

interface Row {
  readonly input: string;
  readonly mib: number;
  readonly grepMBs: number;
  readonly rgMBs: number | null;
  readonly analyzeMBs: number;
  readonly ratio: number;
  readonly analyzeSeconds: number;
  readonly analyzeMaxRssMB: number;
  readonly grepCount: number;
  readonly analyzeCandidates: number;
  /** null where grep's pattern asks another question than the catalog (the audit row). */
  readonly countsAgree: boolean | null;
}

function bench(file: string, grepArgs: string[], comparable = true): Row {
  const bytes = statSync(file).size;
  const mb = bytes / 1e6;
  const grep = timed('grep', [...grepArgs, file], C);
  const rg = hasRg ? timed('rg', ['-c', ...grepArgs.filter((a) => a !== '-E' && a !== '-c'), file]) : undefined;
  const an = timed(cli, ['analyze', file, '--format', 'json', '--year', '2024']);
  const report = JSON.parse(an.stdout) as { stats: { parsed: number; matchedLines?: number } };
  const grepCount = Number(grep.stdout.trim());
  const matched = report.stats.matchedLines ?? -1;
  const row: Row = {
    input: file.slice(cache.length + 1),
    mib: Math.round(bytes / 2 ** 20),
    grepMBs: round(mb / grep.seconds),
    rgMBs: rg ? round(mb / rg.seconds) : null,
    analyzeMBs: round(mb / an.seconds),
    ratio: round(grep.seconds / an.seconds, 3),
    analyzeSeconds: round(an.seconds, 2),
    analyzeMaxRssMB: round(an.maxRssMB),
    grepCount,
    analyzeCandidates: matched,
    countsAgree: comparable ? matched === grepCount : null,
  };
  process.stdout.write(`${row.input.padEnd(40)} grep ${row.grepMBs} MB/s${row.rgMBs ? `  rg ${row.rgMBs} MB/s` : ''}  analyze ${row.analyzeMBs} MB/s  ratio ${row.ratio}  rss ${row.analyzeMaxRssMB} MB  matches grep ${grepCount} / analyze ${matched}${comparable ? '' : ' (not compared: grep counts every non-2xx code, the catalog only the codes its entries name)'}\n`);
  return row;
}

/** Clock ticks: all cores busy, all cores in total, and this process's waited-for children (Linux; else undefined). */
function ticks(): { busy: number; total: number; children: number } | undefined {
  try {
    const cpu = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
    const total = cpu.reduce((a, b) => a + b, 0);
    // /proc/self/stat: fields 16 and 17 (cutime, cstime) follow the parenthesised command name.
    const self = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ').map(Number);
    return { busy: total - (cpu[3] ?? 0) - (cpu[4] ?? 0), total, children: (self[13] ?? 0) + (self[14] ?? 0) };
  } catch {
    return undefined;
  }
}

/** Share of all cores that something other than our children kept busy between two readings. */
function othersBusy(a: ReturnType<typeof ticks>, b: ReturnType<typeof ticks>): number | null {
  if (a === undefined || b === undefined || b.total <= a.total) return null;
  return Math.max(0, (b.busy - a.busy - (b.children - a.children)) / (b.total - a.total));
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

const rows: Row[] = [];
for (const mib of sizesMiB) {
  const file = writeJournal(cache, mib * 2 ** 20, failures);
  rows.push(bench(file, ['-E', '-c', '-f', ere]));
}
if (auditMiB > 0) rows.push(bench(writeAudit(cache, auditMiB * 2 ** 20), ['-E', '-c', '"code":[13-5][0-9][0-9]'], false));

// Batch: shelves of 50 generated bundles, one per bundle size, each run with 1 worker then 2; the
// NDJSON must match apart from durations. Each worker pays once for starting and for V8 compiling
// its hot code (about a second of CPU), so a shelf of small bundles shows that fixed cost and a
// shelf of support-bundle-sized ones shows how the work itself scales.
const batchBundles = Number(arg('batch', '50'));
const bundleSizesMiB = arg('bundle-mib', '4,64').split(',').map(Number);
interface BatchRow {
  readonly bundles: number;
  readonly bundleMiB: number;
  readonly oneWorkerSeconds: number;
  readonly twoWorkersSeconds: number;
  readonly speedup: number;
  readonly identical: boolean;
  readonly busyBesidesBatch: number | null;
  readonly oneWorkerCores: number | null;
  readonly twoWorkersCores: number | null;
}
/** Linux's USER_HZ: /proc's clock ticks per second. */
const TICKS_PER_SECOND = 100;

function benchShelf(count: number, mib: number): BatchRow {
  const shelf = join(cache, `shelf-${count}x${mib}MiB`);
  for (let i = 0; i < count; i++) {
    const dir = join(shelf, `bundle-${String(i).padStart(3, '0')}`, `node-${i % 7}`);
    mkdirSync(dir, { recursive: true });
    writeJournal(dir, mib * 2 ** 20, failures, 1000 + i);
  }
  const runBatchOnce = (jobs: number): { seconds: number; cores: number | null; lines: string[] } => {
    const out = join(cache, `batch-${jobs}.ndjson`);
    const t0 = process.hrtime.bigint();
    const c0 = ticks();
    execFileSync(cli, ['batch', shelf, '--jobs', String(jobs), '--out', out, '--quiet', '--year', '2024']);
    const c1 = ticks();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    // CPU the batch process used (all its threads: workers, main, V8's compiler and GC) per second.
    const cores = c0 === undefined || c1 === undefined ? null : (c1.children - c0.children) / TICKS_PER_SECOND / seconds;
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => l.replace(/"durationMs":\d+/, '"durationMs":0'));
    return { seconds, cores, lines };
  };
  // 1 and 2 workers in turn, `runs` times each, medians: anything else running on the machine
  // takes from the 2-worker run first, so the CPU share others used is printed beside the figure.
  const before = ticks();
  const ones: ReturnType<typeof runBatchOnce>[] = [];
  const twos: ReturnType<typeof runBatchOnce>[] = [];
  for (let i = 0; i < runs; i++) {
    ones.push(runBatchOnce(1));
    twos.push(runBatchOnce(2));
  }
  const others = othersBusy(before, ticks());
  const median = (xs: { seconds: number }[]): number => [...xs].map((x) => x.seconds).sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const first = (ones[0] as { lines: string[] }).lines.join('\n');
  const meanCores = (xs: { cores: number | null }[]): number | null => (xs.some((x) => x.cores === null) ? null : round(xs.reduce((a, x) => a + (x.cores as number), 0) / xs.length, 2));
  const row: BatchRow = {
    bundles: count,
    bundleMiB: mib,
    oneWorkerSeconds: round(median(ones), 2),
    twoWorkersSeconds: round(median(twos), 2),
    speedup: round(median(ones) / median(twos), 2),
    identical: [...ones, ...twos].every((r) => r.lines.join('\n') === first),
    busyBesidesBatch: others === null ? null : round(others, 2),
    oneWorkerCores: meanCores(ones),
    twoWorkersCores: meanCores(twos),
  };
  process.stdout.write(
    `batch of ${count} bundles of ${mib} MiB: 1 worker ${row.oneWorkerSeconds}s (${row.oneWorkerCores ?? '?'} cores busy), 2 workers ${row.twoWorkersSeconds}s (${row.twoWorkersCores ?? '?'} cores), speedup x${row.speedup} (medians of ${runs}; other processes kept ${row.busyBesidesBatch === null ? '?' : Math.round(100 * row.busyBesidesBatch)}% of the cores busy), identical output: ${row.identical}\n`,
  );
  return row;
}
const batch: BatchRow[] = batchBundles > 0 ? bundleSizesMiB.map((mib) => benchShelf(batchBundles, mib)) : [];

const journals = rows.filter((r) => r.input.startsWith('kubelet-journal'));
const first = journals[0];
const last = journals[journals.length - 1];
const growth =
  first && last && first !== last
    ? { sizeRatio: round(last.mib / first.mib, 2), timeRatio: round(last.analyzeSeconds / first.analyzeSeconds, 2), rssRatio: round(last.analyzeMaxRssMB / first.analyzeMaxRssMB, 2) }
    : null;
const summary = { runs, cache, hasRipgrep: hasRg, rows, growth, batch, node: process.version };
const out = join(cache, 'bench-results.json');
writeFileSync(out, JSON.stringify(summary, null, 2) + '\n');
process.stdout.write(`${growth ? `growth ${first?.mib}→${last?.mib} MiB: time x${growth.timeRatio}, rss x${growth.rssRatio}\n` : ''}${JSON.stringify(summary)}\nwritten to ${out}\n`);
