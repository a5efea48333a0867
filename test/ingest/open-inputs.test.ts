import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { BudgetExceeded, ByteBudget } from '../../src/ingest/counted.js';
import { DEFAULT_LIMITS, type IngestLimits } from '../../src/ingest/limits.js';
import { openInputs } from '../../src/ingest/open-inputs.js';
import { Tally } from '../../src/model/tally.js';
import { tarBuffer, tempDir, writeTar, writeTarGz, writeZip } from '../support/archive.js';

async function read(inputs: string[], limits: IngestLimits = DEFAULT_LIMITS): Promise<{ files: Record<string, string>; tally: Tally }> {
  const tally = new Tally();
  const files: Record<string, string> = {};
  try {
    for await (const m of openInputs(inputs, { limits, tally, budget: new ByteBudget(limits) })) {
      const parts: Buffer[] = [];
      for await (const c of m.bytes) parts.push(c);
      files[m.path] = Buffer.concat(parts).toString('utf8');
    }
  } catch (e) {
    // As analyze does: the total cap ends the run, and is reported.
    if (!(e instanceof BudgetExceeded)) throw e;
    tally.report({ path: inputs.join(' '), severity: 'error', message: e.message });
  }
  return { files, tally };
}

const messages = (t: Tally): string[] => t.diagnosticList().map((d) => `${d.path}: ${d.message}`);

describe('openInputs', () => {
  test('walks a directory in sorted order with paths relative to it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'node-b'));
    mkdirSync(join(dir, 'node-a'));
    writeFileSync(join(dir, 'node-b', 'kubelet.log'), 'b\n');
    writeFileSync(join(dir, 'node-a', 'kubelet.log'), 'a\n');
    const { files } = await read([dir]);
    expect(Object.keys(files)).toEqual(['node-a/kubelet.log', 'node-b/kubelet.log']);
  });

  test('reads a .tar.gz entry by entry, and a .gz inside it', async () => {
    const dir = tempDir();
    const path = await writeTarGz(dir, 'bundle.tar.gz', [
      { name: 'node-a/kubelet.log', body: 'hello\n' },
      { name: 'node-a/old.log.gz', body: gzipSync('older\n') },
    ]);
    const { files } = await read([path]);
    expect(files).toEqual({ 'bundle.tar.gz/node-a/kubelet.log': 'hello\n', 'bundle.tar.gz/node-a/old.log': 'older\n' });
  });

  test('opens a tar nested in a tar.gz', async () => {
    const dir = tempDir();
    const inner = await tarBuffer([{ name: 'x/kubelet.log', body: 'inner\n' }]);
    const path = await writeTarGz(dir, 'outer.tgz', [{ name: 'nodes/inner.tar', body: inner }]);
    const { files } = await read([path]);
    expect(files).toEqual({ 'outer.tgz/nodes/inner.tar/x/kubelet.log': 'inner\n' });
  });

  test('reads a zip', async () => {
    const dir = tempDir();
    const path = await writeZip(dir, 'b.zip', [{ name: 'node-a/kubelet.log', body: 'z\n' }]);
    const { files } = await read([path]);
    expect(files).toEqual({ 'b.zip/node-a/kubelet.log': 'z\n' });
  });

  describe('hostile bundles', () => {
    test('entries with .. or absolute paths are skipped and reported; the rest is read', async () => {
      const dir = tempDir();
      const path = await writeTar(dir, 'evil.tar', [
        { name: '../../etc/cron.d/x', body: 'evil\n' },
        { name: '/etc/passwd', body: 'root\n' },
        { name: 'ok/kubelet.log', body: 'fine\n' },
      ]);
      const { files, tally } = await read([path]);
      expect(files).toEqual({ 'evil.tar/ok/kubelet.log': 'fine\n' });
      expect(messages(tally).filter((m) => m.includes('escapes the bundle'))).toHaveLength(2);
    });

    test('a zip with absolute and .. paths is contained', async () => {
      const dir = tempDir();
      const path = await writeZip(dir, 'evil.zip', [
        { name: '/abs.log', body: 'x\n' },
        { name: '../up.log', body: 'y\n' },
        { name: 'fine.log', body: 'z\n' },
      ]);
      const { files, tally } = await read([path]);
      expect(files).toEqual({ 'evil.zip/fine.log': 'z\n' });
      expect(messages(tally).join('\n')).toMatch(/escapes the bundle/);
    });

    test('symbolic links are never followed, in archives or directories', async () => {
      const dir = tempDir();
      const path = await writeTar(dir, 'links.tar', [{ name: 'node-a/passwd', symlinkTo: '/etc/passwd' }, { name: 'node-a/k.log', body: 'k\n' }]);
      const folder = join(dir, 'folder');
      mkdirSync(folder);
      symlinkSync('/etc/passwd', join(folder, 'passwd'));
      const { files, tally } = await read([path, folder]);
      expect(Object.keys(files)).toEqual(['links.tar/node-a/k.log']);
      expect(messages(tally).filter((m) => m.includes('link not followed'))).toHaveLength(2);
    });

    test('a gzip bomb is stopped at the ratio cap and reported', async () => {
      const dir = tempDir();
      const bomb = join(dir, 'kubelet.log.gz');
      writeFileSync(bomb, gzipSync(Buffer.alloc(64 * 1024 * 1024, 'a')));
      const { tally } = await read([bomb]);
      expect(messages(tally).join('\n')).toMatch(/decompression ratio passed 200:1/);
    });

    test('the total decompressed size is capped', async () => {
      const dir = tempDir();
      const path = await writeTarGz(dir, 'big.tar.gz', [{ name: 'a.log', body: 'x\n'.repeat(600_000) }]);
      const { tally } = await read([path], { ...DEFAULT_LIMITS, maxTotalBytes: 100_000 });
      expect(messages(tally).join('\n')).toMatch(/passed the cap of 100000 bytes/);
    });

    test('a truncated tar.gz gives what was readable and names the problem', async () => {
      const dir = tempDir();
      const whole = gzipSync(await tarBuffer([{ name: 'a/first.log', body: 'first\n' }, { name: 'a/second.log', body: 'y'.repeat(200_000) }]));
      const cut = join(dir, 'cut.tar.gz');
      writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
      const { files, tally } = await read([cut]);
      expect(files['cut.tar.gz/a/first.log']).toBe('first\n');
      expect(messages(tally).join('\n')).toMatch(/truncated|corrupt|could not be read/);
    });
  });
});
