// The built-in catalog and checks, loaded, validated and compiled once by `npm run build` and kept
// as a V8 structured-clone snapshot next to the bundled CLI. Parsing the YAML and compiling the
// JSON schemas costs about a quarter of a second per run, as much as grep needs for a whole
// 256 MiB file; reading the snapshot takes a few ms. What is computed from the regexes (the gates'
// specs and each matcher's literals, another 85 ms) is kept with them, and a batch's main thread
// hands the same record to its workers. The snapshot is trusted only while every file it was made
// from hashes as it did then: an edited pattern.yaml is loaded the slow way. Paths inside are kept
// relative to the package and re-rooted where it is read.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { cmp } from '../model/tally.js';
import { BUILTIN_PATTERNS, loadCatalog, packageRoot } from './catalog.js';
import { messageLiterals, rememberMessageLiterals } from './collect.js';
import type { Check } from './config/check.js';
import { loadChecks } from './config/load-checks.js';
import { checksFor, rememberChecks } from './config/run-config.js';
import { allGateSpecs, rememberGateSpecs, type GateSpecs } from './gate-specs.js';
import type { Catalog } from './pattern.js';

/** Bump when what loadCatalog, loadChecks or the derived values look like changes. */
const SNAPSHOT_FORMAT = 4;

/** What is computed from a catalog once, and can be handed to another thread or stored. */
export interface CatalogDerived {
  readonly checks: readonly Check[];
  readonly gateSpecs: GateSpecs;
  /** Per matcher (catalog order), the literals its message regex needs: collect.ts tests them first. */
  readonly messageLiterals: readonly (readonly string[] | null)[];
}

/** Computes what is not known yet (checks: the built-in ones, unless already remembered). */
export function derivedOf(catalog: Catalog, checks: readonly Check[] = checksFor(catalog)): CatalogDerived {
  return { checks, gateSpecs: allGateSpecs(catalog), messageLiterals: messageLiterals(catalog) };
}

/** Makes this catalog use values computed elsewhere instead of computing them again. */
export function rememberDerived(catalog: Catalog, d: CatalogDerived): void {
  rememberChecks(catalog, d.checks);
  rememberGateSpecs(catalog, d.gateSpecs);
  rememberMessageLiterals(catalog, d.messageLiterals);
}

export interface BuiltinRules {
  readonly catalog: Catalog;
  /** From the snapshot; loaded from YAML, each is computed when first needed instead. */
  readonly derived?: CatalogDerived;
}

interface Snapshot {
  readonly fingerprint: string;
  readonly catalog: Catalog;
  readonly derived: CatalogDerived;
}

/**
 * The rules with every entry's and check's folder and file passed through `move`: the snapshot
 * keeps them relative to the package, so a build made elsewhere (a published package) still holds
 * where it is installed, and `patterns test` finds the fixtures beside each entry.
 */
function moved(rules: Required<BuiltinRules>, move: (path: string) => string): Required<BuiltinRules> {
  const catalog = { ...rules.catalog, patterns: rules.catalog.patterns.map((p) => ({ ...p, dir: move(p.dir), file: move(p.file) })) };
  const checks = rules.derived.checks.map((c) => ({ ...c, dir: move(c.dir), file: move(c.file) }));
  return { catalog, derived: { ...rules.derived, checks } };
}

/** Every file the built-in rules are made from, sorted, as paths relative to the package root. */
function sourceFiles(root: string): string[] {
  const entries = (dir: string, file: string): string[] =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir), { withFileTypes: true })
          .filter((d) => d.isDirectory() && existsSync(join(root, dir, d.name, file)))
          .map((d) => `${dir}/${d.name}/${file}`)
      : [];
  return ['package.json', 'docs/pattern.schema.json', 'docs/check.schema.json', ...entries('patterns', 'pattern.yaml'), ...entries('checks', 'check.yaml')].sort(cmp);
}

/**
 * A hash of what the rules are made from: the files' names (relative to the package) and bytes,
 * and the V8 that wrote the snapshot.
 */
export function rulesFingerprint(root = packageRoot()): string {
  const h = createHash('sha256');
  h.update(`kube-forensics rules snapshot ${SNAPSHOT_FORMAT}\0${process.versions.v8}\0`);
  for (const f of sourceFiles(root)) {
    const bytes = readFileSync(join(root, f));
    h.update(`${f}\0${bytes.length}\0`);
    h.update(bytes);
  }
  return h.digest('hex');
}

/** Loads the built-in rules from their YAML (the slow way, with every check) and writes the snapshot. */
export function writeRulesSnapshot(file: string, root = packageRoot()): Required<BuiltinRules> {
  const catalog = loadCatalog(join(root, 'patterns'));
  const derived = derivedOf(catalog, loadChecks(catalog, join(root, 'checks')).checks);
  const stored = moved({ catalog, derived }, (path) => relative(root, path));
  const snapshot: Snapshot = { fingerprint: rulesFingerprint(root), ...stored };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, serialize(snapshot));
  renameSync(tmp, file);
  return { catalog, derived };
}

/** The snapshot's rules when it exists and still matches its sources; otherwise undefined. */
export function readRulesSnapshot(file: string, root = packageRoot()): Required<BuiltinRules> | undefined {
  if (!existsSync(file)) return undefined;
  let snapshot: Snapshot;
  try {
    snapshot = deserialize(readFileSync(file)) as Snapshot;
  } catch {
    return undefined; // written by another Node, or cut short: the YAML is still there
  }
  if (snapshot.fingerprint !== rulesFingerprint(root)) return undefined;
  return moved({ catalog: snapshot.catalog, derived: snapshot.derived }, (path) => join(root, path));
}

/** Where the build puts the snapshot: beside the running code (the bundle's folder). */
export const RULES_SNAPSHOT = (): string => fileURLToPath(new URL('./rules.snapshot', import.meta.url));

/** The built-in catalog, from the snapshot when one beside the code still holds (its derived values remembered), else from YAML. */
export function loadBuiltinCatalog(): Catalog {
  const hit = readRulesSnapshot(RULES_SNAPSHOT());
  if (hit === undefined) return loadCatalog(BUILTIN_PATTERNS());
  rememberDerived(hit.catalog, hit.derived);
  return hit.catalog;
}
