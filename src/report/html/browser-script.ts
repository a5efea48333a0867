// A browser script bundled by esbuild from TypeScript sources into one minified IIFE. The build
// writes it under dist/; at first use it is built again when that file is missing or older than
// its sources (a checkout after an edit), so tests and the CLI never serve a stale script. Read
// once per process. Used for the report's picture and for serve's upload page.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../match/catalog.js';

type Esbuild = typeof import('esbuild');

export interface BrowserScript {
  /** Folder of the script's TypeScript sources, relative to the package root. */
  readonly sourceDir: string;
  /** Its entry module, inside sourceDir. */
  readonly entry: string;
  /** Where the build writes it, relative to the package root. */
  readonly asset: string;
  /** Other source files it imports from outside its folder (for the freshness check). */
  readonly shared?: readonly string[];
}

const cache = new Map<string, string>();

function newestSourceMs(root: string, s: BrowserScript): number {
  const dir = join(root, s.sourceDir);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
  const shared = (s.shared ?? []).map((f) => join(root, f)).filter((f) => existsSync(f));
  return Math.max(...[...files, ...shared].map((f) => statSync(f).mtimeMs));
}

/** Bundles the script now and writes the asset (atomically: parallel test workers may race). */
export function buildBrowserScript(s: BrowserScript): string {
  const root = packageRoot();
  const esbuild = createRequire(import.meta.url)('esbuild') as Esbuild;
  const result = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: [join(root, s.sourceDir, s.entry)],
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
  if (text === undefined) throw new Error(`esbuild produced no script for ${s.entry}`);
  const asset = join(root, s.asset);
  mkdirSync(dirname(asset), { recursive: true });
  const tmp = `${asset}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, asset);
  return text;
}

/** The script: the built asset, rebuilt first if the sources are newer. */
export function browserScript(s: BrowserScript): string {
  const hit = cache.get(s.asset);
  if (hit !== undefined) return hit;
  const root = packageRoot();
  const asset = join(root, s.asset);
  const haveSources = existsSync(join(root, s.sourceDir, s.entry));
  let text: string;
  if (existsSync(asset) && (!haveSources || statSync(asset).mtimeMs >= newestSourceMs(root, s))) text = readFileSync(asset, 'utf8');
  else if (haveSources) text = buildBrowserScript(s);
  else throw new Error(`kube-forensics: the browser script ${asset} is missing; run npm run build`);
  cache.set(s.asset, text);
  return text;
}
