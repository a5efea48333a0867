// Matching, streaming: each record is tested against the matchers for its kind, and hits are kept
// per (matcher, host): the first HIT_HEAD and the last HIT_TAIL in full, the ones between only
// counted, so memory stays bounded on a journal that repeats one error a million times while the
// onset, the latest hit and the count stay exact.
import type { ParsedRecord } from '../model/event.js';
import { testMatcher, hostOfMatch } from './evaluate.js';
import type { Catalog, Matcher } from './pattern.js';
import { canonicalHost } from '../normalize/host.js';
import { requiredLiterals } from './literals.js';
import { MessageLiterals } from './message-literals.js';

/** A matched record, with enough to resolve its time later and cite it. */
export interface Hit<P> {
  readonly matcher: Matcher;
  readonly host: string;
  /** The caller's handle on the record (the analyze driver keeps member index and raw line there). */
  readonly item: P;
  readonly captures: Readonly<Record<string, string>>;
}

export interface HitBucket<P> {
  readonly matcher: Matcher;
  readonly host: string;
  /** The hits kept in full, in arrival order. */
  readonly kept: Hit<P>[];
  /** Hits between the first and the last kept ones: counted, not kept. */
  overflow: number;
}

export const HIT_HEAD = 100;
export const HIT_TAIL = 100;

/** A bucket while hits arrive: head, a ring of the latest, and the count between. */
interface OpenBucket<P> {
  readonly matcher: Matcher;
  readonly host: string;
  readonly head: Hit<P>[];
  readonly tail: Hit<P>[];
  next: number; // next ring slot once the tail is full
  between: number;
}

/** A matcher as offered records meet it: the ids of the literals its message needs, if any. */
interface Offered {
  readonly matcher: Matcher;
  readonly literalIds: readonly number[] | undefined;
}

/** What the collector derives from a catalog: the same for every bundle, so made once per catalog. */
interface CatalogIndex {
  readonly byKind: ReadonlyMap<string, readonly Offered[]>;
  readonly literals: MessageLiterals;
}

const indexes = new WeakMap<Catalog, CatalogIndex>();

function indexOf(catalog: Catalog): CatalogIndex {
  let index = indexes.get(catalog);
  if (index !== undefined) return index;
  const needs = new Map<Matcher, readonly string[]>();
  for (const m of catalog.matchers) {
    const lits = m.test.kind === 'log' ? literalsOf(m, m.test.message) : undefined;
    if (lits !== undefined) needs.set(m, lits);
  }
  const literals = new MessageLiterals([...needs.values()].flat());
  const byKind = new Map<string, Offered[]>();
  for (const m of catalog.matchers) {
    if (m.test.kind === 'metric') continue; // evaluated on series after the bundle (metrics/conditions.ts)
    const lits = needs.get(m);
    const offered: Offered = { matcher: m, literalIds: lits?.map((l) => literals.idOf(l)) };
    const kinds = m.test.kind === 'log' ? ['log', 'marker'] : [recordKindOf(m.test.kind)];
    for (const k of kinds) byKind.set(k, [...(byKind.get(k) ?? []), offered]);
  }
  index = { byKind, literals };
  indexes.set(catalog, index);
  return index;
}

export class HitCollector<P> {
  /** Buckets by matcher, then host: no key string built per hit. */
  private readonly byMatcher = new Map<Matcher, Map<string, OpenBucket<P>>>();
  /** The same buckets in the order they opened, the order allBuckets() keeps. */
  private readonly opened: OpenBucket<P>[] = [];
  private readonly index: CatalogIndex;

  constructor(catalog: Catalog) {
    this.index = indexOf(catalog);
  }

  /** Test one record; returns how many matchers it hit. */
  offer(r: ParsedRecord, component: string, host: string, item: P): number {
    const list = this.index.byKind.get(r.kind);
    if (list === undefined) return 0;
    // Which literals the message holds, once; a matcher whose literals are all absent is skipped.
    const literals = this.index.literals;
    if (r.kind === 'log' || r.kind === 'marker') literals.find(r.message);
    let n = 0;
    for (const { matcher: m, literalIds } of list) {
      if (literalIds !== undefined && !literals.hasAny(literalIds)) continue;
      const caps = testMatcher(m.test, r, component);
      if (caps === undefined) continue;
      n++;
      const h = canonicalHost(hostOfMatch(m, r, caps, host));
      this.add({ matcher: m, host: h, item, captures: caps });
    }
    return n;
  }

  private add(hit: Hit<P>): void {
    let hosts = this.byMatcher.get(hit.matcher);
    if (hosts === undefined) this.byMatcher.set(hit.matcher, (hosts = new Map()));
    let b = hosts.get(hit.host);
    if (b === undefined) {
      b = { matcher: hit.matcher, host: hit.host, head: [], tail: [], next: 0, between: 0 };
      hosts.set(hit.host, b);
      this.opened.push(b);
    }
    if (b.head.length < HIT_HEAD) b.head.push(hit);
    else if (b.tail.length < HIT_TAIL) b.tail.push(hit);
    else {
      b.tail[b.next] = hit; // the oldest of the tail moves to the counted middle
      b.next = (b.next + 1) % HIT_TAIL;
      b.between++;
    }
  }

  allBuckets(): HitBucket<P>[] {
    return this.opened.map((b) => ({
      matcher: b.matcher,
      host: b.host,
      kept: [...b.head, ...b.tail.slice(b.next), ...b.tail.slice(0, b.next)],
      overflow: b.between,
    }));
  }
}

function recordKindOf(k: Exclude<Matcher['test']['kind'], 'log' | 'metric'>): ParsedRecord['kind'] {
  return k === 'event' ? 'k8s-event' : k;
}

const literalCache = new WeakMap<Matcher, readonly string[] | null>();

/** Per matcher of the catalog (in its order), the literals its message needs (null: none); computed on first use. */
export function messageLiterals(catalog: Catalog): (readonly string[] | null)[] {
  return catalog.matchers.map((m) => (m.test.kind === 'log' ? (literalsOf(m, m.test.message) ?? null) : null));
}

/** Literals computed elsewhere for this catalog's matchers (the rules snapshot). */
export function rememberMessageLiterals(catalog: Catalog, literals: readonly (readonly string[] | null)[]): void {
  catalog.matchers.forEach((m, i) => {
    if (m.test.kind === 'log') literalCache.set(m, literals[i] ?? null);
  });
}
function literalsOf(m: Matcher, message: RegExp): readonly string[] | undefined {
  let l = literalCache.get(m);
  if (l === undefined) {
    l = requiredLiterals(message.source) ?? null;
    literalCache.set(m, l);
  }
  return l ?? undefined;
}
