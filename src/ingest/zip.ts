// Zip needs random access (its directory is at the end), so only zip files on disk are opened.
import yauzl from 'yauzl';
import type { Readable } from 'node:stream';
import type { Member } from './member.js';
import type { OpenOptions } from './open-inputs.js';
import { safeEntryPath } from './safe-path.js';

type Expand = (path: string, mtime: Date, bytes: AsyncIterable<Buffer>, compressedBytes: number) => AsyncGenerator<Member>;

export async function* zipMembers(file: string, path: string, opts: OpenOptions, expand: Expand): AsyncGenerator<Member> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(file, { lazyEntries: true, decodeStrings: false, strictFileNames: false, validateEntrySizes: true, autoClose: false }, (err, z) =>
        err ? reject(err) : resolve(z),
      ),
    );
  } catch (e) {
    opts.tally.report({ path, severity: 'error', message: `zip archive could not be read (${(e as Error).message})` });
    return;
  }
  const entries: yauzl.Entry[] = await new Promise((resolve) => {
    const all: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      all.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(all));
    zip.on('error', (e: Error) => {
      opts.tally.report({ path, severity: 'error', message: `zip archive is corrupt (${e.message})` });
      resolve(all);
    });
    zip.readEntry();
  });
  // Names stay raw bytes so that yauzl does not abort the whole archive on one hostile name;
  // safeEntryPath judges each name itself.
  const nameOf = (e: yauzl.Entry): string => {
    const raw = e.fileName as unknown as Buffer;
    return (e.generalPurposeBitFlag & 0x800) !== 0 ? raw.toString('utf8') : raw.toString('latin1');
  };
  entries.sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
  try {
    for (const e of entries) {
      const name = nameOf(e);
      if (name.endsWith('/')) continue;
      const safe = safeEntryPath(name);
      if (safe === undefined) {
        opts.tally.report({ path: `${path}/${name}`, severity: 'warning', message: 'entry path escapes the bundle (absolute or ..); skipped' });
        continue;
      }
      // Unix mode in the high 16 bits of the external attributes: 0o120000 is a symlink.
      if (((e.externalFileAttributes >>> 16) & 0o170000) === 0o120000) {
        opts.tally.report({ path: `${path}/${safe}`, severity: 'warning', message: 'symbolic link not followed' });
        continue;
      }
      const stream = await new Promise<Readable | Error>((resolve) => zip.openReadStream(e, (err, s) => resolve(err ?? s)));
      if (stream instanceof Error) {
        opts.tally.report({ path: `${path}/${safe}`, severity: 'error', message: `zip entry could not be read (${stream.message})` });
        continue;
      }
      yield* expand(`${path}/${safe}`, e.getLastModDate(), stream, e.compressedSize);
      stream.resume();
    }
  } finally {
    zip.close();
  }
}
