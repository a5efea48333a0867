// What a batch runs over: every bundle named by the arguments. A folder argument is a shelf: each
// archive file and each sub-folder in it is one bundle. Globs are expanded. The list is sorted so
// every shard of an Indexed Job sees the same order.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { cmp } from '../model/tally.js';

const ARCHIVE = /\.(?:tar|tgz|tar\.gz|zip|gz)$/i;

export async function listBundles(args: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const a of args) {
    const st = await lstat(a).catch(() => undefined);
    if (st?.isDirectory()) {
      for (const name of (await readdir(a)).sort(cmp)) {
        const p = join(a, name);
        const s = await lstat(p);
        if (s.isDirectory() || (s.isFile() && ARCHIVE.test(name))) out.add(p);
      }
    } else if (st?.isFile()) out.add(a);
    else {
      // Loaded on the first glob: at start-up it loads picomatch from disk, which `analyze` never needs.
      const { glob } = await import('tinyglobby');
      for (const p of await glob(a, { onlyFiles: false, expandDirectories: false })) out.add(p);
    }
  }
  return [...out].sort(cmp);
}

/** Streamed in 1 MiB reads: a bundle's file may be gigabytes, and each read is a thread-pool round trip. */
async function hashFile(h: Hash, path: string): Promise<void> {
  for await (const c of createReadStream(path, { highWaterMark: 1024 * 1024 })) h.update(c as Buffer);
}

/** sha256 of a bundle's content: a file's bytes, or a folder's sorted paths and file bytes. */
export async function bundleHash(path: string): Promise<string> {
  const h = createHash('sha256');
  const st = await lstat(path);
  if (st.isFile()) {
    await hashFile(h, path);
    return h.digest('hex');
  }
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort(cmp)) {
      const p = join(dir, name);
      const s = await lstat(p);
      if (s.isDirectory()) await walk(p);
      else if (s.isFile()) {
        h.update(`${relative(path, p)}\u0000`);
        await hashFile(h, p);
        h.update('\u0000');
      }
    }
  };
  await walk(path);
  return h.digest('hex');
}
