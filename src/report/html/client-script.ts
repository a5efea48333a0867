// The page's script: src/report/html/client/ bundled by esbuild, Observable Plot inside, minified
// into one IIFE. `npm run build` writes it to dist/report-client/report.js; at first use it is
// built again when that file is missing or older than the client's sources (a checkout after an
// edit), so tests and the CLI never inline a stale picture. Read once per process.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Esbuild = typeof import('esbuild');

/** The folder holding package.json: two levels up from src/report/html, three from dist/src/…. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('kube-forensics: package.json not found above the report renderer');
    dir = up;
  }
  return dir;
}

const ROOT = packageRoot();
const CLIENT_DIR = join(ROOT, 'src', 'report', 'html', 'client');
const ENTRY = join(CLIENT_DIR, 'main.ts');
export const CLIENT_ASSET = join(ROOT, 'dist', 'report-client', 'report.js');

let cached: string | undefined;

function newestSourceMs(): number {
  const files = readdirSync(CLIENT_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const shared = join(ROOT, 'src', 'report', 'html', 'picture-types.ts');
  return Math.max(...files.map((f) => statSync(join(CLIENT_DIR, f)).mtimeMs), existsSync(shared) ? statSync(shared).mtimeMs : 0);
}

/** Bundles the client now and writes the asset (atomically: parallel test workers may race). */
export function buildClientScript(): string {
  const esbuild = createRequire(import.meta.url)('esbuild') as Esbuild;
  const result = esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    charset: 'ascii',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error('esbuild produced no report script');
  mkdirSync(dirname(CLIENT_ASSET), { recursive: true });
  const tmp = `${CLIENT_ASSET}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, CLIENT_ASSET);
  return text;
}

/** The script to inline: the built asset, rebuilt first if the sources are newer. */
export function clientScript(): string {
  if (cached !== undefined) return cached;
  const haveSources = existsSync(ENTRY);
  const fresh = existsSync(CLIENT_ASSET) && (!haveSources || statSync(CLIENT_ASSET).mtimeMs >= newestSourceMs());
  if (fresh) cached = readFileSync(CLIENT_ASSET, 'utf8');
  else if (haveSources) cached = buildClientScript();
  else throw new Error(`kube-forensics: the HTML report script is missing (${CLIENT_ASSET}); run npm run build`);
  return cached;
}
