// The bundles the HTML report is checked on: every sample folder in samples/, or, while there
// are none, catalog fixture folders that make multi-file bundles.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const FALLBACK = [
  'patterns/node-stopped-posting-status/fixtures/positive/cm-structured',
  'patterns/kubelet-bootstrap-token-invalid/fixtures/positive/expired-token-bundle',
];

export interface BundleUnderTest {
  readonly name: string;
  readonly dir: string;
}

export function bundlesUnderTest(): BundleUnderTest[] {
  const samples = join(ROOT, 'samples');
  const present = existsSync(samples)
    ? readdirSync(samples)
        .filter((n) => statSync(join(samples, n)).isDirectory() && readdirSync(join(samples, n)).length > 0)
        .sort()
        .map((name) => ({ name, dir: join(samples, name) }))
    : [];
  if (present.length > 0) return present;
  return FALLBACK.map((p) => ({ name: p.split('/').slice(-1)[0] ?? p, dir: join(ROOT, p) }));
}
