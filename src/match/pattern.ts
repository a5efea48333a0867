// A catalog entry after loading: regexes compiled, durations in seconds, roles explicit.
// Nothing downstream re-checks what the loader checked (parse, don't validate).
import type { Severity } from '../model/event.js';
import type { Selector } from './metrics/selector.js';

export type PatternSeverity = 'critical' | 'warning' | 'info';

/** Why a matcher is in the entry. */
export type MatcherRole = 'signal' | 'clear' | 'check' | 'grace';

export type MatcherTest =
  | { readonly kind: 'log'; readonly component?: RegExp; readonly message: RegExp; readonly severities?: ReadonlySet<Severity> }
  | {
      readonly kind: 'audit';
      readonly user?: RegExp;
      readonly verbs?: ReadonlySet<string>;
      readonly resource?: string;
      readonly subresource?: string;
      readonly codes?: ReadonlySet<number>;
      readonly codeAtLeast?: number;
    }
  | { readonly kind: 'event'; readonly reason?: RegExp; readonly involvedKind?: string; readonly type?: string; readonly message?: RegExp; readonly component?: RegExp }
  | { readonly kind: 'condition'; readonly type: string; readonly status?: string; readonly reason?: RegExp; readonly message?: RegExp }
  | { readonly kind: 'csr'; readonly requestor?: RegExp; readonly condition?: RegExp; readonly signerName?: RegExp }
  | { readonly kind: 'unit'; readonly unit: RegExp; readonly active?: RegExp }
  /** Evaluated once the whole bundle is read, on the series of each scrape target (match/metrics/). */
  | { readonly kind: 'metric'; readonly condition: MetricCondition };

export type Comparison = '>' | '>=' | '<' | '<=' | '==' | '!=';

/** What a metric condition computes per target; each kind carries exactly what it needs. */
export type MetricAggregate =
  /** Counter increase between snapshots (resets counted from zero), summed over the selected series. */
  | { readonly kind: 'increase'; readonly select: Selector }
  /** That increase per second of the span. */
  | { readonly kind: 'rate'; readonly select: Selector }
  /** increase(select) / increase(of): the share of `of` that `select` is. */
  | { readonly kind: 'ratio'; readonly select: Selector; readonly of: Selector }
  /** A gauge as it is at each snapshot, series by series. */
  | { readonly kind: 'value'; readonly select: Selector }
  /** histogram_quantile over the bucket increases, buckets summed by `le`; `select` names the histogram. */
  | { readonly kind: 'quantile'; readonly select: Selector; readonly q: number };

export interface MetricCondition {
  readonly aggregate: MetricAggregate;
  readonly compare: Comparison;
  readonly threshold: number;
  /** Counters: the figure spans at least this long. Gauges: the comparison holds this long. */
  readonly windowSec?: number;
}

export interface Matcher {
  readonly id: string;
  readonly patternId: string;
  readonly role: MatcherRole;
  /** A named capture whose value is the host the match is about. */
  readonly hostFrom?: string;
  /** One match is enough, whatever the entry's threshold (a fatal exit line, a state snapshot). */
  readonly decisive?: boolean;
  readonly test: MatcherTest;
}

export interface Explains {
  readonly cause: string;
  readonly symptom: string;
  readonly sameHost: boolean;
  readonly withinSec: number;
}

/** A playbook step's evidence: one of the entry's matchers, or another entry's finding on the same host. */
export type EvidenceRef =
  | { readonly kind: 'matcher'; readonly id: string }
  | { readonly kind: 'pattern'; readonly id: string }
  /** A configuration check (checks/<id>/): it confirms when it fires on the host, rules out when it is evaluated and quiet. */
  | { readonly kind: 'check'; readonly id: string };

export interface PlaybookStep {
  readonly step: string;
  readonly confirmedBy: readonly EvidenceRef[];
  readonly ruledOutBy: readonly EvidenceRef[];
}

export interface Pattern {
  readonly id: string;
  readonly title: string;
  readonly sources: readonly string[];
  readonly severity: PatternSeverity;
  readonly summary: string;
  /** The folder holding pattern.yaml and fixtures/. */
  readonly dir: string;
  readonly file: string;
  readonly signals: readonly Matcher[];
  readonly clears: readonly Matcher[];
  readonly checks: readonly Matcher[];
  readonly grace?: { readonly withinSec: number; readonly signals: readonly Matcher[] };
  readonly threshold: { readonly count: number; readonly spanSec: number };
  readonly explains: readonly Explains[];
  readonly playbook: readonly PlaybookStep[];
  readonly fix: readonly { readonly description: string; readonly command?: string }[];
  readonly references: readonly string[];
}

export interface Catalog {
  readonly patterns: readonly Pattern[];
  /** Every matcher of every entry, in catalog order (entry id, then declaration order). */
  readonly matchers: readonly Matcher[];
  readonly links: readonly Explains[];
}
