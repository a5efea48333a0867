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

/**
 * The gate for apiserver audit logs (JSON lines): each audit matcher needs its status code, else
 * its resource, else its verb, as the line writes them. Undefined when some audit matcher names
 * none of these: then audit files are read in full.
 */
export function auditGateSpec(catalog: Catalog): GateSpec | undefined {
  const literals = new Set<string>();
  // The apiserver writes compact JSON; a re-serialised log may put a space after the colon.
  const both = (key: string, value: string): void => {
    literals.add(`"${key}":${value}`);
    literals.add(`"${key}": ${value}`);
  };
  for (const m of catalog.matchers) {
    const t = m.test;
    if (t.kind !== 'audit') continue;
    if (t.codes !== undefined) for (const c of t.codes) both('code', String(c));
    else if (t.codeAtLeast !== undefined) for (let d = Math.floor(t.codeAtLeast / 100); d <= 9; d++) both('code', String(d));
    else if (t.resource !== undefined) both('resource', `"${t.resource}"`);
    else if (t.verbs !== undefined) for (const v of t.verbs) both('verb', `"${v}"`);
    else return undefined;
  }
  if (literals.size === 0) return undefined;
  const sorted = [...literals].sort();
  return { literals: sorted, verify: sorted.map(() => []), residual: [] };
}
