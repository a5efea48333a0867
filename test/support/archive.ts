// Archives built in tests: tar, tar.gz, zip and gzip, from a list of entries, into a temp dir.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as tarStream from 'tar-stream';
import yazl from 'yazl';

export type Entry =
  | { readonly name: string; readonly body: string | Buffer; readonly mtime?: Date }
  | { readonly name: string; readonly symlinkTo: string };

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'kf-test-'));
}

export async function tarBuffer(entries: readonly Entry[]): Promise<Buffer> {
  const pack = tarStream.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  for (const e of entries) {
    if ('symlinkTo' in e) pack.entry({ name: e.name, type: 'symlink', linkname: e.symlinkTo });
    else pack.entry({ name: e.name, mtime: e.mtime ?? new Date('2024-04-01T13:00:00Z') }, typeof e.body === 'string' ? Buffer.from(e.body) : e.body);
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export async function writeTarGz(dir: string, name: string, entries: readonly Entry[]): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, gzipSync(await tarBuffer(entries)));
  return path;
}

export async function writeTar(dir: string, name: string, entries: readonly Entry[]): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await tarBuffer(entries));
  return path;
}

export async function writeZip(dir: string, name: string, entries: readonly { name: string; body: string }[]): Promise<string> {
  const zip = new yazl.ZipFile();
  // yazl refuses absolute and `..` names; hostile names are patched into the central directory below.
  for (const e of entries) zip.addBuffer(Buffer.from(e.body), e.name.replace(/^\//, '_').replace(/\.\.\//g, 'UP/'), { mtime: new Date('2024-04-01T13:00:00Z') });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  let buf = Buffer.concat(chunks);
  for (const e of entries) {
    const safe = e.name.replace(/^\//, '_').replace(/\.\.\//g, 'UP/');
    if (safe !== e.name && safe.length === e.name.length) buf = Buffer.from(buf.toString('latin1').split(safe).join(e.name), 'latin1');
  }
  const path = join(dir, name);
  writeFileSync(path, buf);
  return path;
}
