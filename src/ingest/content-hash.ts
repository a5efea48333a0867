// A bundle's content hash (sha256 of a file's bytes, or of a folder's sorted paths and file bytes),
// either read for itself or taken from the bytes the analysis reads anyway. Batch writes it in
// every result line and `--resume` skips by it; reading a bundle twice (once to hash it, once to
// analyze it) cost a second pass over every byte, which on a shelf mounted from shared storage is
// a second download.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { cmp } from '../model/tally.js';

/** A bundle's regular files in hashing order, with their paths relative to it (none for a file bundle). */
async function filesOf(bundle: string): Promise<{ readonly path: string; readonly rel: string | undefined; readonly size: number }[]> {
  const st = await lstat(bundle);
  if (st.isFile()) return [{ path: bundle, rel: undefined, size: st.size }];
  // A link is not followed, even as the bundle itself: the analysis reads nothing through it either.
  if (!st.isDirectory()) return [];
  const out: { path: string; rel: string; size: number }[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort(cmp)) {
      const p = join(dir, name);
      const s = await lstat(p);
      if (s.isDirectory()) await walk(p);
      else if (s.isFile()) out.push({ path: p, rel: relative(bundle, p), size: s.size });
    }
  };
  await walk(bundle);
  return out;
}

/** Streamed in 1 MiB reads: a bundle's file may be gigabytes, and each read is a thread-pool round trip. */
async function hashFile(h: Hash, path: string): Promise<void> {
  for await (const c of createReadStream(path, { highWaterMark: 1024 * 1024 })) h.update(c as Buffer);
}

/** sha256 of a bundle's content, read for itself: a file's bytes, or a folder's sorted paths and file bytes. */
export async function bundleHash(bundle: string): Promise<string> {
  const h = createHash('sha256');
  for (const f of await filesOf(bundle)) {
    if (f.rel !== undefined) h.update(`${f.rel}\u0000`);
    await hashFile(h, f.path);
    if (f.rel !== undefined) h.update('\u0000');
  }
  return h.digest('hex');
}

/**
 * The same hash, fed by ingest as it reads each file from disk (`observe`). It holds only when the
 * analysis read every file of the bundle whole, in hashing order, and nothing else: `digest`
 * checks that against a walk of the bundle (names and sizes only) and otherwise answers
 * undefined, and the caller reads the bundle for its hash after all. A zip (read by random
 * access), a member left unread, or a file over a limit all fall back that way.
 */
export class ContentHash {
  private readonly hash = createHash('sha256');
  /** Files read whole so far, in order. */
  private readonly seen: { readonly path: string; readonly size: number }[] = [];
  private broken = false;
  private open: { readonly path: string; read: number } | undefined;
  private answer: Promise<string | undefined> | undefined;

  constructor(private readonly bundle: string) {}

  /** Passes a file's bytes through, hashing them; the file must be read from its start to its end. */
  async *observe(path: string, bytes: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    this.closeOpen();
    const rel = path === this.bundle ? undefined : relative(this.bundle, path);
    if (rel !== undefined) this.hash.update(`${rel}\u0000`);
    const file = { path, read: 0 };
    this.open = file;
    for await (const c of bytes) {
      if (this.open !== file) this.broken = true; // another file began before this one ended
      this.hash.update(c);
      file.read += c.length;
      yield c;
    }
    if (this.open === file) {
      if (rel !== undefined) this.hash.update('\u0000');
      this.seen.push({ path, size: file.read });
      this.open = undefined;
    }
  }

  /** The bundle's hash, if what was read is exactly the bundle's files, whole and in order. Asked again, the same answer. */
  digest(): Promise<string | undefined> {
    this.answer ??= this.check();
    return this.answer;
  }

  private async check(): Promise<string | undefined> {
    this.closeOpen();
    if (this.broken) return undefined;
    const files = await filesOf(this.bundle).catch(() => undefined);
    if (files === undefined || files.length !== this.seen.length) return undefined;
    const same = files.every((f, i) => f.path === this.seen[i]?.path && f.size === this.seen[i]?.size);
    return same ? this.hash.digest('hex') : undefined;
  }

  /** A file still open when the next one begins (or the hash is asked for) was not read to its end. */
  private closeOpen(): void {
    if (this.open !== undefined) {
      this.broken = true;
      this.open = undefined;
    }
  }
}
