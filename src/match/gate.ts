// The gate's knowledge: which literals (literals.ts) and, failing those, which regexes every log
// matcher of the catalog needs. ingest searches raw bytes for them (literal-gate.ts). The gate
// only says "maybe here": the full matcher runs later, on the parsed message, so a false
// candidate costs a parse, never a wrong finding.
import type { GateSpec } from '../model/gate.js';
import { requiredLiterals } from './literals.js';
import type { Catalog } from './pattern.js';

export interface GateOptions {
  /** Lines are JSON (klog-json, docker-json, journal-json): a `"` in a regex may appear as `\"`. */
  readonly jsonEscaped: boolean;
}

/** The regex sources of all log matchers, for the gate and for `patterns export`. */
export function logRegexSources(catalog: Catalog): string[] {
  const out: string[] = [];
  for (const m of catalog.matchers) if (m.test.kind === 'log') out.push(m.test.message.source);
  return [...new Set(out)];
}

export function plainGroups(source: string): string {
  return source.replace(/\(\?<[A-Za-z_]\w*>/g, '(');
}

/** The literals to search for, and the regexes that have none (run as a regex instead). */
export function gateLiterals(sources: readonly string[], opts: GateOptions): { literals: string[]; verify: string[][]; residual: string[] } {
  const byLiteral = new Map<string, Set<string>>();
  const residual: string[] = [];
  for (const s of sources) {
    let lits = requiredLiterals(s);
    // In JSON text a quote or backslash is escaped: search for the longest piece without them.
    if (lits !== undefined && opts.jsonEscaped) {
      lits = lits.map((l) => l.split(/["\\\n\t]/).reduce((a, b) => (b.length > a.length ? b : a), ''));
      if (lits.some((l) => l.length < 4)) lits = undefined;
    }
    if (lits === undefined) residual.push(s);
    else for (const l of lits) byLiteral.set(l, (byLiteral.get(l) ?? new Set()).add(s));
  }
  const literals = [...byLiteral.keys()].sort();
  // In JSON lines every quote and backslash is escaped once more, which a regex written for the
  // message cannot be rewritten to follow exactly: there the literal alone decides.
  const verify = literals.map((l) => (opts.jsonEscaped ? [] : [...(byLiteral.get(l) ?? [])].sort().map(plainGroups)));
  return { literals, verify, residual };
}

/** The gate's search data for a catalog; ingest turns it into a LineGate (gateFromSpec). */
export function gateSpec(catalog: Catalog, opts: GateOptions): GateSpec {
  const sources = logRegexSources(catalog);
  const { literals, verify, residual } = gateLiterals(sources, opts);
  return { literals, verify, residual: residual.map((s) => jsonify(plainGroups(s), opts)) };
}

function jsonify(source: string, opts: GateOptions): string {
  return opts.jsonEscaped ? source.replace(/(^|[^\\])"/g, '$1\\\\?"') : source;
}
