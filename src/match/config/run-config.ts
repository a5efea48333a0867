// The configuration pass of one analysis, as analyze.ts drives it: collect fragments and log
// lines while members stream, then evaluate, join fired checks into the incidents, and say where
// each cited file came from. Checks are loaded once per catalog.
import type { FormatId } from '../../model/format.js';
import type { NodeConfigFragment } from '../../model/config.js';
import type { Catalog } from '../pattern.js';
import type { MatchResult } from '../incidents.js';
import type { Check } from './check.js';
import { evaluateConfig, firedHits, type ConfigResult } from './evaluate-config.js';
import { joinCheckHits } from './join.js';
import { KubeletLogCollector } from './kubelet-log.js';
import { BUILTIN_CHECKS, loadChecks } from './load-checks.js';
import type { FragmentAt } from './nodes.js';

const checkCache = new WeakMap<Catalog, readonly Check[]>();

/** Checks already loaded for this catalog (the rules snapshot, or what a batch's main thread sent). */
export function rememberChecks(catalog: Catalog, checks: readonly Check[]): void {
  checkCache.set(catalog, checks);
}

export function checksFor(catalog: Catalog, extraDirs: readonly string[] = []): readonly Check[] {
  if (extraDirs.length > 0) return loadChecks(catalog, BUILTIN_CHECKS(), ...extraDirs).checks;
  let c = checkCache.get(catalog);
  if (c === undefined) checkCache.set(catalog, (c = loadChecks(catalog, BUILTIN_CHECKS()).checks));
  return c;
}

export class ConfigPass {
  readonly fragments: FragmentAt[] = [];
  readonly logs = new KubeletLogCollector();
  private readonly formats = new Map<string, FormatId>();

  addFragment(path: string, format: FormatId, host: string | undefined, fragment: NodeConfigFragment): void {
    this.fragments.push({ path, format, host, fragment });
  }

  noteFormat(path: string, format: FormatId): void {
    this.formats.set(path, format);
  }

  readonly formatOf = (path: string): FormatId => this.formats.get(path) ?? 'plain';

  /** Evaluate the checks and join the fired ones into the match result. */
  finish(catalog: Catalog, checks: readonly Check[], match: MatchResult, now: Date | undefined): { result: ConfigResult; match: MatchResult } {
    const result = evaluateConfig(this.fragments, this.logs, checks, now);
    return { result, match: joinCheckHits(catalog, match, firedHits(result), this.formatOf) };
  }
}

/** Whether the bundle shows any node's kubelet configuration (then the report carries the config section). */
export function showsKubeletConfig(r: ConfigResult): boolean {
  return r.nodes.some((n) => n.effective.size > 0);
}
