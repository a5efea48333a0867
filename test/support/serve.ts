// A kube-forensics server on a loopback port for tests, with its own data and temp dirs, and the
// sample bundles packed as .tar.gz the way users upload them.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startServer, type RunningServer, type ServeOptions } from '../../src/serve/server.js';
import { writeTarGz, type Entry } from './archive.js';

export interface TestServer extends RunningServer {
  readonly dataDir: string;
  /** Parent of the server's temp dir: empty again once the server has cleaned up. */
  readonly tmpParent: string;
}

export async function startTestServer(over: Omit<Partial<ServeOptions>, 'limits'> & { limits?: Partial<ServeOptions['limits']> } = {}): Promise<TestServer> {
  const dataDir = over.dataDir ?? mkdtempSync(join(tmpdir(), 'kf-serve-data-'));
  const tmpParent = over.tmpDir ?? mkdtempSync(join(tmpdir(), 'kf-serve-tmp-'));
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    analyze: {},
    logger: false,
    shutdownGraceMs: 10_000,
    ...over,
    dataDir,
    tmpDir: tmpParent,
    limits: { maxUploadBytes: 64 * 1024 * 1024, maxConcurrent: 2, maxQueue: 4, analysisTimeoutMs: 60_000, ...over.limits },
  });
  return Object.assign(server, { dataDir, tmpParent });
}

/** Every file under the server's temp parent (its own temp dir included, while it runs). */
export function leftoverFiles(tmpParent: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(tmpParent, p));
    }
  };
  walk(tmpParent);
  return out;
}

/** A sample folder packed as <name>.tar.gz under `sample-name/…`, with fixed entry times. */
export async function packSample(sampleDir: string, name: string, into: string): Promise<string> {
  const entries: Entry[] = [];
  const walk = (dir: string): void => {
    for (const n of readdirSync(dir).sort()) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else entries.push({ name: `${name}/${relative(sampleDir, p)}`, body: readFileSync(p) });
    }
  };
  walk(sampleDir);
  return writeTarGz(into, `${name}.tar.gz`, entries);
}
