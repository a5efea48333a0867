import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A worker thread's compiled script, next to the module that starts it. Under the test runner
 * (which runs src/*.ts) it is the build's copy in dist/, which `npm test` builds first.
 */
export function workerScript(name: string, from: string): URL {
  const here = new URL(name, from);
  if (existsSync(fileURLToPath(here))) return here;
  const built = fileURLToPath(here).replace(/([\\/])src([\\/])/, '$1dist$1src$2');
  if (existsSync(built)) return pathToFileURL(built);
  throw new Error(`${name} not found next to ${from} or in dist/: run \`npm run build\` first`);
}
