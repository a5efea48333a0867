// A configuration check after loading, and its evaluation against a node's facts. A condition is
// data (checks/<id>/check.yaml, docs/check.schema.json); evaluation is three-valued: a fact the
// bundle does not establish makes a leaf unknown, `all` is false as soon as one part is false,
// `any` true as soon as one part is true.
import type { ConfigScalar, ConfigValue } from '../../model/config.js';
import type { PatternSeverity } from '../pattern.js';
import type { Cite, Fact, Facts } from './facts.js';

export interface RemovedFlag {
  readonly flag: string;
  /** `1.24`: the first minor release that refuses it. */
  readonly removedIn: string;
}

export type Condition =
  | { readonly kind: 'all'; readonly of: readonly Condition[] }
  | { readonly kind: 'any'; readonly of: readonly Condition[] }
  | { readonly kind: 'not'; readonly cond: Condition }
  | { readonly kind: 'is'; readonly fact: string; readonly value: ConfigScalar }
  | { readonly kind: 'in'; readonly fact: string; readonly values: readonly ConfigScalar[] }
  | { readonly kind: 'above' | 'below'; readonly fact: string; readonly value: number }
  | { readonly kind: 'empty'; readonly fact: string }
  | { readonly kind: 'matches'; readonly fact: string; readonly re: RegExp }
  /** A list fact lacks the other fact's value, or two scalars differ. */
  | { readonly kind: 'differs'; readonly fact: string; readonly other: string }
  /** Some flag of a list fact was removed in a release at or before the version fact's. */
  | { readonly kind: 'removed'; readonly fact: string; readonly version: string; readonly table: readonly RemovedFlag[] };

export interface Check {
  readonly id: string;
  readonly title: string;
  readonly severity: PatternSeverity;
  /** The catalog entry this check is evidence for: its hits join that entry's incidents. */
  readonly pattern: string;
  readonly summary: string;
  readonly when: Condition;
  readonly references: readonly string[];
  readonly dir: string;
  readonly file: string;
}

export type Truth = 'true' | 'false' | 'unknown';

export interface Evaluation {
  readonly truth: Truth;
  /** The lines behind the facts the outcome rests on. */
  readonly cites: readonly Cite[];
  /** Facts the bundle did not establish (why an outcome is unknown). */
  readonly missing: readonly string[];
}

export function evaluate(c: Condition, facts: Facts): Evaluation {
  switch (c.kind) {
    case 'all':
    case 'any': {
      const parts = c.of.map((p) => evaluate(p, facts));
      const decisive = c.kind === 'all' ? 'false' : 'true';
      const hit = parts.filter((p) => p.truth === decisive);
      if (hit.length > 0) return { truth: decisive, cites: hit.flatMap((p) => p.cites), missing: [] };
      if (parts.some((p) => p.truth === 'unknown')) return { truth: 'unknown', cites: [], missing: parts.flatMap((p) => p.missing) };
      return { truth: decisive === 'false' ? 'true' : 'false', cites: parts.flatMap((p) => p.cites), missing: [] };
    }
    case 'not': {
      const e = evaluate(c.cond, facts);
      return { ...e, truth: e.truth === 'true' ? 'false' : e.truth === 'false' ? 'true' : 'unknown' };
    }
    case 'removed': {
      const list = facts.get(c.fact);
      const version = facts.get(c.version);
      const missing = [...(list ? [] : [c.fact]), ...(version ? [] : [c.version])];
      if (list === undefined || version === undefined) return { truth: 'unknown', cites: [], missing };
      const v = minorOf(String(version.value));
      if (v === undefined) return { truth: 'unknown', cites: [], missing: [c.version] };
      const gone = (list.items ?? []).filter((i) => c.table.some((r) => r.flag === i.value && compareMinor(minorOf(r.removedIn) ?? [99, 0], v) <= 0));
      return gone.length > 0 ? { truth: 'true', cites: [...gone.map((g) => g.cite), ...version.cites], missing: [] } : { truth: 'false', cites: version.cites, missing: [] };
    }
    case 'differs': {
      const a = facts.get(c.fact);
      const b = facts.get(c.other);
      if (a === undefined || b === undefined) return { truth: 'unknown', cites: [], missing: [...(a ? [] : [c.fact]), ...(b ? [] : [c.other])] };
      return { truth: differs(a.value, b.value) ? 'true' : 'false', cites: [...a.cites, ...b.cites], missing: [] };
    }
    default: {
      const f = facts.get(c.fact);
      if (f === undefined) return { truth: 'unknown', cites: [], missing: [c.fact] };
      return { truth: leaf(c, f) ? 'true' : 'false', cites: f.cites, missing: [] };
    }
  }
}

function leaf(c: Extract<Condition, { fact: string }>, f: Fact): boolean {
  const v = f.value;
  switch (c.kind) {
    case 'is':
      return same(v, c.value);
    case 'in':
      return c.values.some((x) => same(v, x));
    case 'above':
      return typeof v === 'number' && v > c.value;
    case 'below':
      return typeof v === 'number' && v < c.value;
    case 'empty':
      return Array.isArray(v) ? v.length === 0 : v === '';
    case 'matches':
      return (Array.isArray(v) ? v : [v]).some((x) => c.re.test(String(x)));
    default:
      return false;
  }
}

/** `true` equals "true" (a flag's text); a list equals a scalar when it holds just that. */
function same(v: ConfigValue, x: ConfigScalar): boolean {
  if (Array.isArray(v)) return v.length === 1 && String(v[0]) === String(x);
  return String(v) === String(x);
}

function differs(a: ConfigValue, b: ConfigValue): boolean {
  const la = (Array.isArray(a) ? a : [a]).map(String);
  const lb = (Array.isArray(b) ? b : [b]).map(String);
  if (!Array.isArray(b)) return !la.includes(lb[0] as string);
  return la.length !== lb.length || la.some((x, i) => x !== lb[i]);
}

/** `v1.28.4`, `1.24` → [1, 28]. */
export function minorOf(v: string): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(v);
  return m === null ? undefined : [Number(m[1]), Number(m[2])];
}

function compareMinor(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}
