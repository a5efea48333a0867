// What a batch runs over: every bundle named by the arguments. A folder argument is a shelf: each
// archive file and each sub-folder in it is one bundle. Globs are expanded. The list is sorted so
// every shard of an Indexed Job sees the same order.
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
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
