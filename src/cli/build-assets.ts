// The build's last step, after tsc: the browser scripts, the CLI bundle and the rules snapshot.
//
// The bundle (dist/bundle/) is what `kube-forensics` runs: tsc's output in dist/src bundled by
// esbuild into a few files, one per entry (the CLI and the three worker scripts) plus shared
// chunks. Loading ~150 modules one by one, with the CommonJS lexer run over every package that
// ESM imports, cost each process (and each worker thread) 0.2–0.3 s; a batch of small bundles
// and a run over one 256 MiB audit log are both dominated by that fixed cost.
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from '../match/catalog.js';
import { writeRulesSnapshot } from '../match/catalog-snapshot.js';
import { buildClientScript } from '../report/html/client-script.js';
import { buildPageScript } from '../serve/page-script.js';

type Esbuild = typeof import('esbuild');
type Plugin = import('esbuild').Plugin;

/** Entry points of the bundle, by the name the code starts them under (workerScript's names). */
const ENTRIES = {
  main: 'dist/src/cli/main.js',
  'scan-worker': 'dist/src/ingest/scan-worker.js',
  'batch-worker': 'dist/src/batch/batch-worker.js',
  'analysis-worker': 'dist/src/serve/analysis-worker.js',
};

/**
 * Left as imports from node_modules: a native addon, the bundler itself (the browser scripts are
 * rebuilt with it when their sources are newer), and serve's server stack, loaded only by `serve`
 * and carrying worker files and optional requires of its own.
 */
const EXTERNAL = ['better-sqlite3', 'esbuild', 'fastify', '@fastify/multipart', 'prom-client'];

/**
 * yargs and cliui import string-width, whose module builds Unicode emoji regexes and an
 * Intl.Segmenter as it loads: about 45 ms of every start-up, for help text a normal run never
 * formats. In the bundle each such import gets a wrapper that measures printable ASCII itself (one
 * column a character, nothing to strip) and loads the real module only for other text: esbuild
 * initialises a `require`d ES module on first use. cli-progress's CommonJS copy is left alone.
 */
const lazyStringWidth: Plugin = {
  name: 'lazy-string-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.kind !== 'import-statement' || (args.pluginData as { real?: boolean } | undefined)?.real === true) return undefined;
      const real = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { real: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'lazy-string-width' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      resolveDir: dirname(args.path),
      contents: [
        'let real;',
        'export default function stringWidth(string, options) {',
        "  if (typeof string === 'string' && /^[\\x20-\\x7e]*$/.test(string)) return string.length;",
        `  real ??= require(${JSON.stringify(args.path)}).default;`,
        '  return real(string, options);',
        '}',
      ].join('\n'),
    }));
  },
};

export async function buildCliBundle(root = packageRoot()): Promise<string> {
  const esbuild = createRequire(import.meta.url)('esbuild') as Esbuild;
  const outdir = join(root, 'dist', 'bundle');
  rmSync(outdir, { recursive: true, force: true }); // chunk names carry hashes: no stale ones left behind
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(root, file)])),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunk-[hash]',
    external: EXTERNAL,
    // Bundled CommonJS packages call require() for Node's own modules: give ESM output one.
    banner: { js: "import { createRequire as __kfRequire } from 'node:module'; const require = __kfRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [lazyStringWidth],
  });
  return outdir;
}

const root = packageRoot();
buildClientScript();
buildPageScript();
const outdir = await buildCliBundle(root);
writeRulesSnapshot(join(outdir, 'rules.snapshot'), root);
