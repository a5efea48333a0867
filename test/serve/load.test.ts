// A bounded load on loopback: a fixed number of requests, stopping by itself. Good uploads from
// more clients than the server's caps (so some are refused with 429 and retried), oversized ones
// (413), truncated and hostile archives, while /healthz is asked a fixed number of times. The
// server must not crash, must leave no temp file, must answer 413/429 where due, and every good
// upload's report must be the CLI's. The server is the real command (`kube-forensics serve`) in
// a child process, so the clients' work here does not slow its event loop; SIGTERM stops it
// cleanly. The /healthz latency percentiles are written to test/artifacts/serve-load.json
// (quoted in the closing note), never asserted against a time.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tarBuffer } from '../support/archive.js';
import { bundlesUnderTest } from '../support/bundles-under-test.js';
import { leftoverFiles, packSample } from '../support/serve.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const GOOD_UPLOADS = 12;
const CLIENTS = 6;
const HEALTH_REQUESTS = 2000;
const HEALTH_CLIENTS = 4;
const MAX_UPLOAD = 4 * 1024 * 1024;

let server: { url: string; tmpParent: string; child: ChildProcess; stderr: string[] };
let tmp: string;
const good: { file: string; cli: string }[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'kf-serve-load-'));
  for (const s of bundlesUnderTest()) {
    const file = await packSample(s.dir, s.name, tmp);
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'analyze', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    good.push({ file, cli: r.stdout });
  }
  const tmpParent = mkdtempSync(join(tmpdir(), 'kf-serve-load-tmp-'));
  const args = ['serve', '--port', '0', '--data', join(tmp, 'data'), '--max-concurrent', '2', '--max-queue', '2', '--max-upload', String(MAX_UPLOAD), '--log-level', 'warn'];
  const child = spawn(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), ...args], { env: { ...process.env, TMPDIR: tmpParent }, stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (c: Buffer) => {
      stderr.push(c.toString());
      const m = /serving on (http:\/\/\S+)/.exec(stderr.join(''));
      if (m !== null) resolve(m[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr.join('')}`)));
  });
  server = { url, tmpParent, child, stderr };
  // Packing the samples and running the CLI on each: slow on a busy 2-core machine.
}, 300_000);

afterAll(() => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
});

const post = (body: Buffer, name: string): Promise<Response> =>
  fetch(`${server.url}/api/v1/analyses?wait=true&name=${name}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body });

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

test('under concurrent uploads at the caps, oversized, truncated and hostile bundles, the server stays up, answers 413/429 where due, reports every good upload correctly and leaves no temp file', async () => {
  const codes = new Map<number, number>();
  const count = (c: number): void => void codes.set(c, (codes.get(c) ?? 0) + 1);

  // Good uploads: CLIENTS at once over a server that runs 2 and queues 2; a 429 is retried.
  let nextGood = 0;
  const mismatches: string[] = [];
  const goodClient = async (): Promise<void> => {
    for (let i = nextGood++; i < GOOD_UPLOADS; i = nextGood++) {
      const g = good[i % good.length] as { file: string; cli: string };
      for (;;) {
        const r = await post(readFileSync(g.file), g.file.split('/').pop() as string);
        count(r.status);
        if (r.status === 429) {
          expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
          await r.arrayBuffer();
          await new Promise((res) => setTimeout(res, 100));
          continue;
        }
        const text = await r.text();
        if (r.status !== 200 || text !== g.cli) mismatches.push(`${g.file}: HTTP ${r.status}`);
        break;
      }
    }
  };

  // Bad uploads: each must get its answer, whatever the load (retried on 429 like any client).
  const oversized = Buffer.alloc(MAX_UPLOAD + 1024, 0x61);
  const truncated = readFileSync((good[0] as { file: string }).file);
  const bad: { name: string; body: Buffer; want: number }[] = [
    ...[0, 1, 2].map((i) => ({ name: `oversized-${i}.log`, body: oversized, want: 413 })),
    ...[0, 1, 2].map((i) => ({ name: `truncated-${i}.tar.gz`, body: truncated.subarray(0, Math.floor(truncated.length * (0.3 + 0.2 * i))), want: 200 })),
    { name: 'traversal.tar', body: await tarBuffer([{ name: '../../../tmp/escaped.log', body: 'x\n' }, { name: '/etc/cron.d/evil', body: 'x\n' }]), want: 200 },
    { name: 'bomb.gz', body: gzipSync(Buffer.alloc(32 * 1024 * 1024, 0), { level: 9 }), want: 200 },
    { name: 'binary.bin', body: Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919) % 256)), want: 200 },
  ];
  const badAnswers: string[] = [];
  const badClient = async (): Promise<void> => {
    for (const b of bad) {
      for (;;) {
        const r = await post(b.body, b.name);
        count(r.status);
        await r.arrayBuffer();
        if (r.status === 429) {
          await new Promise((res) => setTimeout(res, 100));
          continue;
        }
        if (r.status !== b.want) badAnswers.push(`${b.name}: HTTP ${r.status}, wanted ${b.want}`);
        break;
      }
    }
  };

  // /healthz, a fixed number of times, timed one by one.
  const latencies: number[] = [];
  let healthSent = 0;
  const healthClient = async (): Promise<void> => {
    while (healthSent < HEALTH_REQUESTS) {
      healthSent++;
      const t0 = performance.now();
      const r = await fetch(`${server.url}/healthz`);
      await r.arrayBuffer();
      latencies.push(performance.now() - t0);
      expect(r.status).toBe(200);
      await new Promise((res) => setTimeout(res, 2));
    }
  };

  const t0 = performance.now();
  await Promise.all([
    ...Array.from({ length: CLIENTS }, goodClient),
    badClient(),
    ...Array.from({ length: HEALTH_CLIENTS }, healthClient),
  ]);
  const seconds = (performance.now() - t0) / 1000;

  expect(mismatches).toEqual([]);
  expect(badAnswers).toEqual([]);
  expect(codes.get(429) ?? 0, 'more clients than slots: some uploads must be refused').toBeGreaterThan(0);
  expect(codes.get(413)).toBe(3);
  expect(latencies.length).toBe(HEALTH_REQUESTS);
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  const ready = (await (await fetch(`${server.url}/readyz`)).json()) as { running: number; queued: number; receiving: number };
  expect(ready).toMatchObject({ running: 0, queued: 0, receiving: 0 });
  // The server's own temp dir exists while it runs; nothing may be left inside it.
  expect(leftoverFiles(server.tmpParent)).toEqual([]);
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  expect(metrics).toMatch(new RegExp(`kube_forensics_http_requests_total\\{method="POST",route="/api/v1/analyses",code="429"\\} ${codes.get(429)}\\b`));
  expect(metrics).toMatch(/kube_forensics_http_requests_total\{method="POST",route="\/api\/v1\/analyses",code="413"\} 3\b/);

  const sorted = [...latencies].sort((a, b) => a - b);
  const figures = {
    goodUploads: GOOD_UPLOADS,
    uploadClients: CLIENTS,
    caps: { maxConcurrent: 2, maxQueue: 2, maxUploadBytes: MAX_UPLOAD },
    answers: Object.fromEntries([...codes.entries()].sort((a, b) => a[0] - b[0])),
    healthz: { requests: latencies.length, clients: HEALTH_CLIENTS, p50Ms: +percentile(sorted, 50).toFixed(2), p95Ms: +percentile(sorted, 95).toFixed(2), p99Ms: +percentile(sorted, 99).toFixed(2), maxMs: +(sorted.at(-1) as number).toFixed(2) },
    seconds: +seconds.toFixed(1),
  };
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'serve-load.json'), JSON.stringify(figures, null, 2) + '\n');
  console.log(`serve load: ${JSON.stringify(figures)}`);
});

test('on SIGTERM the server stops cleanly and removes its temp dir', async () => {
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  expect(code, server.stderr.join('')).toBe(0);
  expect(leftoverFiles(server.tmpParent)).toEqual([]);
});
