// `kube-forensics serve` over real HTTP on loopback: every sample uploaded as the raw body and
// as multipart gives the same JSON report as `kube-forensics analyze --format json`; the 202 +
// Location flow; history filters; delete; restart keeps the history; the limits (413 decided
// while streaming, 429 with Retry-After, time limit); validation from the OpenAPI document;
// headers; tokens; metrics; graceful shutdown; no temp file left behind.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OPENAPI } from '../../src/serve/openapi.js';
import { refuseUnsafeBind } from '../../src/serve/server.js';
import { tarBuffer } from '../support/archive.js';
import { bundlesUnderTest } from '../support/bundles-under-test.js';
import { leftoverFiles, packSample, startTestServer, type TestServer } from '../support/serve.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

interface Packed {
  readonly name: string;
  readonly file: string;
  readonly cliJson: string;
}

function cliJson(file: string): string {
  const r = spawnSync(process.execPath, [CLI, 'analyze', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(r.status === 0 || r.status === 1, r.stderr).toBe(true);
  return r.stdout;
}

async function uploadRaw(base: string, file: string, query = 'wait=true'): Promise<Response> {
  return fetch(`${base}/api/v1/analyses?name=${encodeURIComponent(file.split('/').pop() ?? 'x')}&${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: readFileSync(file),
  });
}

async function uploadMultipart(base: string, file: string): Promise<Response> {
  const form = new FormData();
  form.append('bundle', new Blob([readFileSync(file)]), file.split('/').pop() ?? 'x');
  return fetch(`${base}/api/v1/analyses?wait=true`, { method: 'POST', body: form });
}

/** The status of a request whose body is read and dropped (an unread body holds its connection). */
async function statusOf(input: string, init?: RequestInit): Promise<number> {
  const r = await fetch(input, init);
  await r.arrayBuffer();
  return r.status;
}

async function json<T>(r: Response): Promise<T> {
  return (await r.json()) as T;
}

interface View {
  id: string;
  name: string;
  status: string;
  error: string | null;
  hosts: string[];
  topFinding: string | null;
  progress?: { stage: string };
  links: { self: string; report: string };
  report?: unknown;
}

async function until(base: string, id: string, done: (v: View) => boolean): Promise<View> {
  for (;;) {
    const v = await json<View>(await fetch(`${base}/api/v1/analyses/${id}`));
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A raw upload whose body the test writes by hand (chunked), to hold a slot or overrun a cap. */
function openUpload(base: string): { write: (b: Buffer) => Promise<void>; end: () => void; response: Promise<{ status: number; headers: Record<string, unknown>; body: string }> } {
  const url = new URL(`${base}/api/v1/analyses?name=held.log`);
  const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'Transfer-Encoding': 'chunked' } });
  const response = new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  // A write resolves once the socket takes it (backpressure), so the test knows what was sent.
  const write = (b: Buffer): Promise<void> =>
    new Promise((resolve) => {
      if (req.write(b)) return resolve();
      req.once('drain', () => resolve());
      void response.then(() => resolve(), () => resolve());
    });
  return { write, end: () => req.end(), response };
}

const samples = bundlesUnderTest();
let tmp: string;
let server: TestServer;
const packed = new Map<string, Packed>();

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'kf-serve-test-'));
  server = await startTestServer();
  for (const s of samples) {
    const file = await packSample(s.dir, s.name, tmp);
    packed.set(s.name, { name: s.name, file, cliJson: cliJson(file) });
  }
  // Packing the samples and running the CLI on each: slow on a busy 2-core machine.
}, 300_000);

afterAll(async () => {
  await server?.close();
});

describe('uploads give the CLI report', () => {
  test.each(samples.map((s) => s.name))('%s as the raw body: the JSON report is the CLI\'s, byte for byte', async (name) => {
    const p = packed.get(name) as Packed;
    const r = await uploadRaw(server.url, p.file);
    expect(r.status).toBe(200);
    expect(r.headers.get('location')).toMatch(/^\/api\/v1\/analyses\/[0-9a-f-]{36}$/);
    expect(await r.text()).toBe(p.cliJson);
  });

  test.each(samples.map((s) => s.name))('%s as multipart: the JSON report is the CLI\'s, byte for byte', async (name) => {
    const p = packed.get(name) as Packed;
    const r = await uploadMultipart(server.url, p.file);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe(p.cliJson);
  });

  test('without ?wait the answer is 202 with a Location; polling it shows progress, then the report', async () => {
    const p = packed.get('csr-forbidden') ?? [...packed.values()][0] as Packed;
    const r = await uploadRaw(server.url, p.file, '');
    expect(r.status).toBe(202);
    const created = await json<View>(r);
    expect(r.headers.get('location')).toBe(`/api/v1/analyses/${created.id}`);
    expect(['queued', 'running', 'done']).toContain(created.status);
    expect(created.name).toBe(p.file.split('/').pop());
    const done = await until(server.url, created.id, (v) => v.status === 'done' || v.status === 'failed');
    expect(done.status).toBe('done');
    expect(done.progress).toBeUndefined();
    expect(done.report).toEqual(JSON.parse(p.cliJson));
    const html = await fetch(`${server.url}${done.links.report}`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(/^<!doctype html>/);
  });
});

describe('history', () => {
  test('filters by pattern, host and upload time, newest first', async () => {
    const all = (await json<{ analyses: View[] }>(await fetch(`${server.url}/api/v1/analyses?limit=1000`))).analyses;
    expect(all.length).toBeGreaterThanOrEqual(samples.length * 2);
    const top = all.find((a) => a.topFinding !== null) as View;
    const byPattern = (await json<{ analyses: View[] }>(await fetch(`${server.url}/api/v1/analyses?pattern=${top.topFinding}&limit=1000`))).analyses;
    expect(byPattern.length).toBeGreaterThan(0);
    expect(byPattern.length).toBeLessThan(all.length);
    for (const a of byPattern) {
      const full = await json<View & { report: { findings: { pattern: string }[] } }>(await fetch(`${server.url}/api/v1/analyses/${a.id}`));
      expect(full.report.findings.map((f) => f.pattern)).toContain(top.topFinding);
    }
    const host = top.hosts[0] as string;
    const byHost = (await json<{ analyses: View[] }>(await fetch(`${server.url}/api/v1/analyses?host=${host}&limit=1000`))).analyses;
    expect(byHost.length).toBeGreaterThan(0);
    for (const a of byHost) expect(a.hosts).toContain(host);
    const future = (await json<{ analyses: View[] }>(await fetch(`${server.url}/api/v1/analyses?since=2999-01-01`))).analyses;
    expect(future).toEqual([]);
    const past = (await json<{ analyses: View[] }>(await fetch(`${server.url}/api/v1/analyses?until=2000-01-01T00:00:00Z`))).analyses;
    expect(past).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const sinceToday = (await json<{ analyses: View[] }>(await fetch(`${server.url}/api/v1/analyses?since=${today}&limit=1000`))).analyses;
    expect(sinceToday.length).toBe(all.length);
    const created = all.map((a) => (a as unknown as { createdAt: string }).createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const page = await (await fetch(`${server.url}/analyses?pattern=${top.topFinding}`)).text();
    for (const a of byPattern) expect(page).toContain(`href="/analyses/${a.id}"`);
    for (const a of all.filter((x) => !byPattern.some((y) => y.id === x.id))) expect(page).not.toContain(a.id);
  });

  test('delete answers 204, then the analysis is gone from the API, its page and the history', async () => {
    const p = [...packed.values()][0] as Packed;
    const id = (await uploadRaw(server.url, p.file)).headers.get('x-analysis-id') as string;
    expect((await statusOf(`${server.url}/api/v1/analyses/${id}`))).toBe(200);
    expect((await statusOf(`${server.url}/api/v1/analyses/${id}`, { method: 'DELETE' }))).toBe(204);
    expect((await statusOf(`${server.url}/api/v1/analyses/${id}`))).toBe(404);
    expect((await statusOf(`${server.url}/analyses/${id}`))).toBe(404);
    expect((await statusOf(`${server.url}/api/v1/analyses/${id}`, { method: 'DELETE' }))).toBe(404);
    const all = (await json<{ analyses: View[] }>(await fetch(`${server.url}/api/v1/analyses?limit=1000`))).analyses;
    expect(all.map((a) => a.id)).not.toContain(id);
  });

  test('a restarted server on the same data folder keeps the history and its reports', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kf-serve-restart-'));
    const p = [...packed.values()][0] as Packed;
    const first = await startTestServer({ dataDir });
    const id = (await uploadRaw(first.url, p.file)).headers.get('x-analysis-id') as string;
    await first.close();
    const second = await startTestServer({ dataDir });
    try {
      const v = await json<View>(await fetch(`${second.url}/api/v1/analyses/${id}`));
      expect(v.status).toBe('done');
      expect(v.report).toEqual(JSON.parse(p.cliJson));
      expect((await statusOf(`${second.url}/analyses/${id}`))).toBe(200);
    } finally {
      await second.close();
    }
  });
});

describe('limits', () => {
  test('an upload declaring more than --max-upload gets 413 before it is read', async () => {
    const s = await startTestServer({ limits: { maxUploadBytes: 1000 } });
    try {
      const r = await fetch(`${s.url}/api/v1/analyses?name=big.log`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: Buffer.alloc(5000, 0x61) });
      expect(r.status).toBe(413);
      expect((await json<{ error: string }>(r)).error).toContain('1000 bytes');
      const multi = new FormData();
      multi.append('bundle', new Blob([Buffer.alloc(5000, 0x61)]), 'big.log');
      expect((await statusOf(`${s.url}/api/v1/analyses`, { method: 'POST', body: multi }))).toBe(413);
    } finally {
      await s.close();
    }
    expect(leftoverFiles(s.tmpParent)).toEqual([]);
  });

  test('a chunked upload is cut off with 413 as soon as it passes the cap, without buffering it', async () => {
    const s = await startTestServer({ limits: { maxUploadBytes: 64 * 1024 } });
    try {
      const up = openUpload(s.url);
      const chunk = Buffer.alloc(16 * 1024, 0x62);
      let sent = 0;
      let answered: { status: number } | undefined;
      void up.response.then((r) => (answered = r), () => undefined);
      // Keep sending (up to 64 MiB) until the server answers: it must answer long before that.
      while (answered === undefined && sent < 64 * 1024 * 1024) {
        await up.write(chunk);
        sent += chunk.length;
      }
      const r = await up.response;
      up.end();
      expect(r.status).toBe(413);
      expect(sent).toBeLessThan(8 * 1024 * 1024);
      const list = (await json<{ analyses: View[] }>(await fetch(`${s.url}/api/v1/analyses`))).analyses;
      expect(list).toEqual([]);
    } finally {
      await s.close();
    }
    expect(leftoverFiles(s.tmpParent)).toEqual([]);
  });

  test('at the caps (running + queued + receiving) a new upload gets 429 with Retry-After, before its body is read', async () => {
    const s = await startTestServer({ limits: { maxConcurrent: 1, maxQueue: 0 } });
    try {
      const held = openUpload(s.url);
      void held.write(Buffer.from('E0401 12:00:00.000000 1 x.go:1] held\n'));
      // The held upload takes the only slot once the server has seen its headers.
      for (let i = 0; i < 200 && (await json<{ receiving: number }>(await fetch(`${s.url}/readyz`))).receiving === 0; i++) await new Promise((r) => setTimeout(r, 10));
      const p = [...packed.values()][0] as Packed;
      const refused = await uploadRaw(s.url, p.file);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      held.end();
      const accepted = await held.response;
      expect(accepted.status).toBe(202);
      const id = (JSON.parse(accepted.body) as View).id;
      expect((await until(s.url, id, (v) => v.status === 'done' || v.status === 'failed')).status).toBe('done');
      expect((await uploadRaw(s.url, p.file)).status).toBe(200);
    } finally {
      await s.close();
    }
    expect(leftoverFiles(s.tmpParent)).toEqual([]);
  });

  test('an analysis past the time limit fails with that reason; the worker is replaced and the next one succeeds', async () => {
    const s = await startTestServer({ limits: { maxConcurrent: 1, analysisTimeoutMs: 1 } });
    try {
      const p = [...packed.values()][0] as Packed;
      const r = await uploadRaw(s.url, p.file);
      expect(r.status).toBe(422);
      expect((await json<{ error: string }>(r)).error).toContain('time limit');
      const failed = (await json<{ analyses: View[] }>(await fetch(`${s.url}/api/v1/analyses?status=failed`))).analyses;
      expect(failed.length).toBe(1);
      expect((await statusOf(`${s.url}/analyses/${failed[0]?.id}`))).toBe(200);
    } finally {
      await s.close();
    }
    expect(leftoverFiles(s.tmpParent)).toEqual([]);
  });

  test('a raw upload is named by Content-Disposition when ?name is absent, even a badly encoded one', async () => {
    const body = readFileSync(([...packed.values()][0] as Packed).file);
    for (const [header, name] of [['attachment; filename="case-17.tar.gz"', 'case-17.tar.gz'], ["attachment; filename*=UTF-8''%E0%A4%A.tar.gz", '_E0_A4_A.tar.gz']] as const) {
      const r = await fetch(`${server.url}/api/v1/analyses`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': header }, body });
      expect(r.status).toBe(202);
      const v = await json<View>(r);
      expect(v.name).toBe(name);
      await until(server.url, v.id, (x) => x.status === 'done' || x.status === 'failed');
    }
  });

  test('an empty upload is refused with 400', async () => {
    const r = await fetch(`${server.url}/api/v1/analyses?name=empty.log`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: Buffer.alloc(0) });
    expect(r.status).toBe(400);
    expect((await json<{ error: string }>(r)).error).toBe('the upload is empty');
  });
});

describe('hostile uploads', () => {
  test('a traversal tar, a gzip bomb and a truncated archive are analyzed with their problems named, and never by their temp path', async () => {
    const traversal = await tarBuffer([
      { name: '../../etc/evil.log', body: 'E0401 12:00:00.000000 1 x.go:1] escaped\n' },
      { name: 'node-a/kubelet.log', body: 'E0401 12:00:00.000000 1 x.go:1] fine\n' },
    ]);
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x61), { level: 9 });
    const good = readFileSync(([...packed.values()][0] as Packed).file);
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    for (const [name, body] of [['traversal.tar', traversal], ['bomb.gz', bomb], ['truncated.tar.gz', truncated]] as const) {
      const r = await fetch(`${server.url}/api/v1/analyses?wait=true&name=${name}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body });
      expect(r.status, name).toBe(200);
      const text = await r.text();
      expect(text).not.toContain(server.tmpParent);
      expect(text).not.toContain('kube-forensics-serve-');
      const report = JSON.parse(text) as { diagnostics: { path: string; message: string }[] };
      expect(report.diagnostics.length, name).toBeGreaterThan(0);
      for (const d of report.diagnostics) expect(d.path.startsWith(name.replace(/\.gz$/, "")), `${name}: ${d.path}`).toBe(true);
    }
    expect(existsSync('/etc/evil.log')).toBe(false);
  });
});

describe('contract and headers', () => {
  test('the OpenAPI document is served and names every route; requests outside it are 400', async () => {
    const doc = await json<typeof OPENAPI>(await fetch(`${server.url}/api/v1/openapi.json`));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/analyses', '/api/v1/analyses/{id}', '/analyses/{id}', '/healthz', '/readyz', '/metrics']));
    expect((await statusOf(`${server.url}/api/v1/analyses/not-an-id`))).toBe(400);
    expect((await statusOf(`${server.url}/api/v1/analyses?since=yesterday`))).toBe(400);
    expect((await statusOf(`${server.url}/api/v1/analyses?limit=0`))).toBe(400);
    expect((await statusOf(`${server.url}/api/v1/analyses?pattern=${encodeURIComponent('x\' OR 1=1 --')}`))).toBe(400);
  });

  test('pages, API answers and reports carry nosniff and a Content-Security-Policy; a report allows only its own script', async () => {
    const any = (await json<{ analyses: View[] }>(await fetch(`${server.url}/api/v1/analyses?status=done`))).analyses[0] as View;
    for (const path of ['/', '/analyses', '/api/v1/analyses', `/analyses/${any.id}`, '/healthz']) {
      const r = await fetch(`${server.url}${path}`);
      await r.arrayBuffer();
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('content-security-policy'), path).toMatch(/default-src 'none'/);
    }
    const report = await fetch(`${server.url}/analyses/${any.id}`);
    await report.arrayBuffer();
    const csp = report.headers.get('content-security-policy') as string;
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('&#39;');
  });

  test('metrics count requests by route and code, bytes received, durations and findings by pattern', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/kube_forensics_http_requests_total\{method="POST",route="\/api\/v1\/analyses",code="200"\} \d+/);
    expect(text).toMatch(/kube_forensics_upload_bytes_received_total [1-9]\d*/);
    expect(text).toMatch(/kube_forensics_analysis_duration_seconds_count\{outcome="done"\} [1-9]\d*/);
    expect(text).toMatch(/kube_forensics_findings_total\{pattern="[a-z0-9-]+"\} [1-9]\d*/);
    expect(text).toContain('kube_forensics_analyses_in_progress 0');
    expect(text).toContain('kube_forensics_analyses_queued 0');
  });

  test('healthz and readyz answer', async () => {
    expect(await json(await fetch(`${server.url}/healthz`))).toEqual({ status: 'ok' });
    expect(await statusOf(`${server.url}/readyz`)).toBe(200);
  });
});

describe('security', () => {
  test('refuses a non-loopback address without tokens unless --insecure', () => {
    expect(() => refuseUnsafeBind({ host: '0.0.0.0' })).toThrow(/auth-token-file/);
    expect(() => refuseUnsafeBind({ host: '0.0.0.0', insecure: true })).not.toThrow();
    expect(() => refuseUnsafeBind({ host: '0.0.0.0', authTokens: ['a-token-of-some-length'] })).not.toThrow();
    expect(() => refuseUnsafeBind({ host: '127.0.0.1' })).not.toThrow();
    expect(() => refuseUnsafeBind({ host: '::1' })).not.toThrow();
  });

  test('with tokens: 401 without one or with a wrong one; the bearer header and the page cookie are accepted; probes stay open', async () => {
    const token = 'kf-test-token-0123456789abcdef';
    const s = await startTestServer({ authTokens: [token, 'another-token-0123456789'] });
    try {
      const denied = await fetch(`${s.url}/api/v1/analyses`);
      await denied.arrayBuffer();
      expect(denied.status).toBe(401);
      expect(denied.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await statusOf(`${s.url}/api/v1/analyses`, { headers: { Authorization: 'Bearer wrong-token-0123456789' } }))).toBe(401);
      expect((await statusOf(`${s.url}/api/v1/analyses`, { headers: { Authorization: `Bearer ${token}` } }))).toBe(200);
      expect((await statusOf(`${s.url}/analyses`, { headers: { Cookie: `kf_token=${token}` } }))).toBe(200);
      expect((await statusOf(`${s.url}/metrics`))).toBe(401);
      expect((await statusOf(`${s.url}/healthz`))).toBe(200);
      expect((await statusOf(`${s.url}/readyz`))).toBe(200);
      expect((await statusOf(`${s.url}/`))).toBe(200);
      const p = [...packed.values()][0] as Packed;
      const r = await fetch(`${s.url}/api/v1/analyses?wait=true&name=x.tar.gz`, { method: 'POST', body: readFileSync(p.file), headers: { 'Content-Type': 'application/octet-stream' } });
      await r.arrayBuffer();
      expect(r.status).toBe(401);
      expect((await json<{ analyses: View[] }>(await fetch(`${s.url}/api/v1/analyses`, { headers: { Authorization: `Bearer ${token}` } }))).analyses).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('--keep-bundles keeps the upload under the data folder; delete removes it; --retain prunes old analyses', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kf-serve-keep-'));
    const p = [...packed.values()][0] as Packed;
    const s = await startTestServer({ dataDir, keepBundles: true });
    let id: string;
    try {
      id = (await uploadRaw(s.url, p.file)).headers.get('x-analysis-id') as string;
      const kept = readdirSync(join(dataDir, 'bundles'));
      expect(kept).toEqual([`${id}.bundle`]);
      expect(readFileSync(join(dataDir, 'bundles', kept[0] as string)).equals(readFileSync(p.file))).toBe(true);
    } finally {
      await s.close();
    }
    // A server that keeps 1 ms of history forgets it at start, kept bundle included.
    await new Promise((r) => setTimeout(r, 5));
    const pruning = await startTestServer({ dataDir, retainMs: 1 });
    try {
      expect((await json<{ analyses: View[] }>(await fetch(`${pruning.url}/api/v1/analyses`))).analyses).toEqual([]);
      expect(readdirSync(join(dataDir, 'bundles'))).toEqual([]);
    } finally {
      await pruning.close();
    }
  });
});

describe('shutdown', () => {
  test('a running analysis finishes before the server stops; its waiting client gets the report; no temp file is left', async () => {
    const s = await startTestServer();
    const p = packed.get('csr-forbidden') ?? ([...packed.values()][0] as Packed);
    const waiting = uploadRaw(s.url, p.file);
    for (let i = 0; i < 500; i++) {
      const list = (await json<{ analyses: View[] }>(await fetch(`${s.url}/api/v1/analyses`))).analyses;
      if (list.some((a) => a.status === 'running' || a.status === 'done')) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const closing = s.close();
    const r = await waiting;
    expect(r.status).toBe(200);
    expect(await r.text()).toBe(p.cliJson);
    await closing;
    expect(existsSync(s.tmpParent) ? leftoverFiles(s.tmpParent) : []).toEqual([]);
    writeFileSync(join(tmp, 'done'), '');
  });

  test('the shared server leaves no temp file once its analyses are done', () => {
    const left = leftoverFiles(server.tmpParent);
    expect(left).toEqual([]);
  });
});
