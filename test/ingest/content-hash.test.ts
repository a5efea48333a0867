import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { bundleHash, ContentHash } from '../../src/ingest/content-hash.js';
import { tempDir, writeTarGz, writeZip } from '../support/archive.js';

const KLOG = 'E0401 10:00:00.000000    2211 kubelet.go:1] "Error getting node" err="node \\"node-a\\" not found"\n';

/** The hash the analysis's own reads give, or undefined when they did not cover the bundle. */
async function tappedHash(bundle: string): Promise<string | undefined> {
  const tap = new ContentHash(bundle);
  await analyze({ inputs: [bundle], year: 2024, workers: 1, contentHash: tap });
  return tap.digest();
}

async function* chunks(...parts: string[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield Buffer.from(p);
}

describe('a bundle hashed from the analysis reads equals the bundle read for its hash', () => {
  test('a folder with sub-folders, an empty file, a gzipped log, a stray binary and a link (not followed)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'node-a', 'logs'), { recursive: true });
    mkdirSync(join(dir, 'node-b'));
    writeFileSync(join(dir, 'node-a', 'kubelet.log'), KLOG.repeat(50));
    writeFileSync(join(dir, 'node-a', 'logs', 'empty.log'), '');
    writeFileSync(join(dir, 'node-b', 'kubelet.log.gz'), gzipSync(KLOG.repeat(20)));
    writeFileSync(join(dir, 'node-b', 'core.bin'), Buffer.from([0, 1, 2, 255, 254, 0, 0, 7]));
    symlinkSync('/etc/hostname', join(dir, 'node-b', 'escape'));
    const tapped = await tappedHash(dir);
    expect(tapped).toBeDefined();
    expect(tapped).toBe(await bundleHash(dir));
  });

  test('a tar.gz bundle: its compressed bytes, as on disk', async () => {
    const file = await writeTarGz(tempDir(), 'bundle.tar.gz', [{ name: 'node-a/kubelet.log', body: KLOG.repeat(30) }]);
    const tapped = await tappedHash(file);
    expect(tapped).toBeDefined();
    expect(tapped).toBe(await bundleHash(file));
  });

  test('a zip past the first read is read by random access, not streamed: no hash from the reads, so the caller reads it', async () => {
    // Incompressible, so the zip is larger than the 1 MiB first read that sniffs it.
    const file = await writeZip(tempDir(), 'bundle.zip', [{ name: 'node-a/kubelet.log', body: randomBytes(2 << 20).toString('base64') }]);
    expect(statSync(file).size).toBeGreaterThan(1 << 20);
    expect(await tappedHash(file)).toBeUndefined();
  });

  test('a zip within the first read was read whole by it: its hash is the one on disk', async () => {
    const file = await writeZip(tempDir(), 'bundle.zip', [{ name: 'node-a/kubelet.log', body: KLOG }]);
    expect(await tappedHash(file)).toBe(await bundleHash(file));
  });
});

test('a bundle that is itself a link is not followed: it hashes as empty, as the analysis reads nothing of it', async () => {
  const target = tempDir();
  writeFileSync(join(target, 'a.log'), 'one\n');
  const link = join(tempDir(), 'bundle');
  symlinkSync(target, link);
  expect(await bundleHash(link)).toBe(await bundleHash(tempDir()));
  expect(await tappedHash(link)).toBe(await bundleHash(link));
});

describe('ContentHash refuses what is not the whole bundle', () => {
  test('a file left before its end', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.log'), 'one\ntwo\n');
    const tap = new ContentHash(dir);
    for await (const _ of tap.observe(join(dir, 'a.log'), chunks('one\n', 'two\n'))) break;
    expect(await tap.digest()).toBeUndefined();
  });

  test('a file of the bundle never read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.log'), 'one\n');
    writeFileSync(join(dir, 'b.log'), 'two\n');
    const tap = new ContentHash(dir);
    for await (const _ of tap.observe(join(dir, 'a.log'), chunks('one\n'))) void _;
    expect(await tap.digest()).toBeUndefined();
  });

  test('files read whole but out of order, or with other bytes than on disk', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.log'), 'one\n');
    writeFileSync(join(dir, 'b.log'), 'two\n');
    /** A ContentHash fed each file whole, in the order given, with the chunks given. */
    const fed = async (files: readonly (readonly [string, ...string[]])[]): Promise<ContentHash> => {
      const tap = new ContentHash(dir);
      for (const [name, ...parts] of files) for await (const _ of tap.observe(join(dir, name), chunks(...parts))) void _;
      return tap;
    };
    expect(await (await fed([['b.log', 'two\n'], ['a.log', 'one\n']])).digest()).toBeUndefined();
    expect(await (await fed([['a.log', 'one'], ['b.log', 'two\n']])).digest()).toBeUndefined();
    const whole = await fed([['a.log', 'o', 'ne\n'], ['b.log', 'two\n']]);
    expect(await whole.digest()).toBe(await bundleHash(dir));
    // Asked twice (a failed bundle's line asks after the analysis threw), the same answer.
    expect(await whole.digest()).toBe(await bundleHash(dir));
  });
});
