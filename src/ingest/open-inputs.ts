// Inputs → members: directories walked in sorted order, archives streamed entry by entry (tar,
// gzip, zip, nested inside each other), nothing extracted to disk, no link followed.
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import * as tarStream from 'tar-stream';
import type { Tally } from '../model/tally.js';
import { cmp } from '../model/tally.js';
import type { ContentHash } from './content-hash.js';
import { BudgetExceeded, ByteBudget, capped } from './counted.js';
import type { IngestLimits } from './limits.js';
import type { Member } from './member.js';
import { containerKind, peek } from './peek.js';
import { safeEntryPath } from './safe-path.js';
import { zipMembers } from './zip.js';

export interface OpenOptions {
  readonly limits: IngestLimits;
  readonly tally: Tally;
  readonly budget: ByteBudget;
  /** Read size for files on disk (the default 1 MiB); reports do not depend on it. */
  readonly chunkBytes?: number;
  /**
   * What each input is called in member paths, instead of its base name: serve names an upload
   * by the file name the user gave, never by its temp path.
   */
  readonly names?: readonly string[];
  /** Fed every file's bytes as they are read from disk, so a batch need not read a bundle twice to hash it. */
  readonly contentHash?: ContentHash;
  /**
   * Read files with blocking reads on this thread instead of through the thread pool: for a worker
   * thread that has nothing else to do (a batch worker), as the scan workers do.
   */
  readonly blockingReads?: boolean;
}

/** Every member of every input, in a deterministic order (sorted paths within a directory). */
export async function* openInputs(inputs: readonly string[], opts: OpenOptions): AsyncGenerator<Member> {
  for (const [i, input] of inputs.entries()) {
    const name = opts.names?.[i] ?? basename(input);
    const st = await lstat(input).catch((e: NodeJS.ErrnoException) => e);
    if (st instanceof Error) {
      opts.tally.report({ path: opts.names?.[i] ?? input, severity: 'error', message: `cannot read input: ${st.code ?? st.message}` });
      continue;
    }
    // With one input, paths are relative to it; with several, each is prefixed by its own name.
    const prefix = inputs.length > 1 || !st.isDirectory() ? name : '';
    if (st.isDirectory()) yield* walkDirectory(input, prefix, opts);
    else if (st.isFile()) yield* openFile(input, prefix, st.mtime, st.size, opts);
    else opts.tally.report({ path: input, severity: 'warning', message: 'not a regular file or directory; skipped' });
  }
}

async function* walkDirectory(dir: string, rel: string, opts: OpenOptions): AsyncGenerator<Member> {
  const names = (await readdir(dir)).sort(cmp);
  for (const name of names) {
    const full = join(dir, name);
    const path = rel === '' ? name : `${rel}/${name}`;
    const st = await lstat(full);
    if (st.isSymbolicLink()) {
      opts.tally.report({ path, severity: 'warning', message: 'symbolic link not followed' });
    } else if (st.isDirectory()) {
      yield* walkDirectory(full, path, opts);
    } else if (st.isFile()) {
      yield* openFile(full, path, st.mtime, st.size, opts);
    }
  }
}

async function* openFile(file: string, path: string, mtime: Date, size: number, opts: OpenOptions): AsyncGenerator<Member> {
  const chunkBytes = opts.chunkBytes ?? 1024 * 1024;
  const raw = opts.blockingReads === true ? blockingChunks(file, chunkBytes) : createReadStream(file, { highWaterMark: chunkBytes });
  const { head, rest } = await peek(opts.contentHash === undefined ? raw : opts.contentHash.observe(file, raw), 512);
  if (containerKind(head) === 'zip') {
    yield* zipMembers(file, path, opts, (p, m, bytes, compressed) =>
      expand(p, m, 'archive-entry', capped(bytes, opts.budget, () => compressed), 1, () => compressed, opts),
    );
    return;
  }
  if (containerKind(head) === 'none') {
    yield { path, mtime, mtimeSource: 'file', size, file: { path: file, size }, bytes: guarded(rest, path, opts) };
    return;
  }
  let read = 0;
  const counting = (async function* () {
    for await (const c of rest) {
      read += c.length;
      yield c;
    }
  })();
  yield* expand(path, mtime, 'file', counting, 0, () => read, opts);
}

/**
 * A file's bytes by blocking reads. Each chunk is a buffer of its own, never reused: consumers
 * (an archive reader, a document parser) may keep chunks after asking for the next one.
 */
async function* blockingChunks(file: string, chunkBytes: number): AsyncGenerator<Buffer> {
  const fd = openSync(file, 'r');
  try {
    // Sized to what is left, so a small file does not pin a whole chunk's memory.
    let left = fstatSync(fd).size;
    for (;;) {
      const want = Math.min(chunkBytes, Math.max(left, 4096));
      const b = Buffer.allocUnsafe(want);
      const n = readSync(fd, b, 0, want, null);
      if (n <= 0) return;
      left -= n;
      yield n === want ? b : b.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** Open containers found inside a stream (gzip, tar) recursively; anything else is a member. */
async function* expand(
  path: string,
  mtime: Date | undefined,
  mtimeSource: 'file' | 'archive-entry',
  bytes: AsyncIterable<Buffer>,
  depth: number,
  compressedRead: () => number,
  opts: OpenOptions,
): AsyncGenerator<Member> {
  const { head, rest } = await peek(bytes, 512);
  const kind = containerKind(head);
  if (kind !== 'none' && depth >= opts.limits.maxNesting) {
    opts.tally.report({ path, severity: 'warning', message: `archive nested deeper than ${opts.limits.maxNesting}; not opened` });
    for await (const _ of rest) void _;
    return;
  }
  try {
    if (kind === 'gzip') {
      const inflated = await peek(capped(Readable.from(rest).pipe(createGunzip()), opts.budget, compressedRead), 512);
      // `bundle.tar.gz` keeps its name as an archive; a gzipped log `kubelet.log.gz` is `kubelet.log`.
      const inner = containerKind(inflated.head) === 'none' ? path.replace(/\.gz$/, '') : path;
      yield* expand(inner, mtime, mtimeSource, inflated.rest, depth + 1, compressedRead, opts);
    } else if (kind === 'tar') {
      yield* tarMembers(path, rest, depth, compressedRead, opts);
    } else if (kind === 'zip') {
      opts.tally.report({ path, severity: 'warning', message: 'zip archive inside another archive is not opened' });
      for await (const _ of rest) void _;
    } else {
      yield { path, ...(mtime ? { mtime, mtimeSource } : {}), bytes: guarded(rest, path, opts) };
    }
  } catch (e) {
    if (e instanceof BudgetExceeded && e.what === 'total') throw e;
    if (isObject(e) && reported.has(e)) return;
    opts.tally.report({ path, severity: 'error', message: describeArchiveError(e) });
    if (isObject(e)) reported.add(e);
  }
}

/** Errors already reported against a member, so the archive around it does not report them again. */
const reported = new WeakSet<object>();

/**
 * A member's bytes, with a decompression or archive error reported against the member and the
 * stream ended there: the consumer keeps what was readable. Only the total cap stops the run.
 */
async function* guarded(bytes: AsyncIterable<Buffer>, path: string, opts: OpenOptions): AsyncGenerator<Buffer> {
  try {
    yield* bytes;
  } catch (e) {
    if (e instanceof BudgetExceeded && e.what === 'total') throw e;
    if (isObject(e) && reported.has(e)) return;
    if (isObject(e)) reported.add(e);
    opts.tally.report({ path, severity: 'error', message: `${describeArchiveError(e)}; this member is read up to there` });
  }
}

const isObject = (e: unknown): e is object => e !== null && typeof e === 'object';

async function* tarMembers(
  path: string,
  bytes: AsyncIterable<Buffer>,
  depth: number,
  compressedRead: () => number,
  opts: OpenOptions,
): AsyncGenerator<Member> {
  const extract = tarStream.extract();
  Readable.from(bytes).on('error', (e) => extract.destroy(e)).pipe(extract);
  let last = '(start of archive)';
  try {
    for await (const entry of extract) {
      const h = entry.header;
      const safe = safeEntryPath(h.name);
      const entryPath = `${path}/${safe ?? h.name}`;
      if (safe === undefined) {
        opts.tally.report({ path: `${path}/${h.name}`, severity: 'warning', message: 'entry path escapes the bundle (absolute or ..); skipped' });
      } else if (h.type === 'symlink' || h.type === 'link') {
        opts.tally.report({ path: entryPath, severity: 'warning', message: `${h.type === 'link' ? 'hard' : 'symbolic'} link not followed` });
      } else if (h.type === 'file' || h.type === 'contiguous-file') {
        last = entryPath;
        let consumed = false;
        const body = (async function* () {
          consumed = true;
          for await (const c of entry) yield c as Buffer;
        })();
        yield* expand(entryPath, h.mtime, 'archive-entry', body, depth + 1, compressedRead, opts);
        if (!consumed) entry.resume();
      }
      entry.resume(); // drain whatever the consumer left so the next entry arrives
    }
  } catch (e) {
    if (e instanceof BudgetExceeded && e.what === 'total') throw e;
    if (isObject(e) && reported.has(e)) return;
    opts.tally.report({ path, severity: 'error', message: `${describeArchiveError(e)}; last complete entry: ${last}` });
  }
}

function describeArchiveError(e: unknown): string {
  if (e instanceof BudgetExceeded) return e.message;
  const msg = e instanceof Error ? e.message : String(e);
  if (/unexpected end of file|Unexpected end of data/i.test(msg)) return 'archive is truncated (unexpected end of data)';
  if (/incorrect header check|invalid/i.test(msg)) return `archive is corrupt (${msg})`;
  return `archive could not be read (${msg})`;
}
