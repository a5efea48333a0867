// Does one record match one matcher, and which host is the match about?
import type { ParsedRecord } from '../model/event.js';
import type { Matcher, MatcherTest } from './pattern.js';

/** What a match without named captures carries: one shared object, since every hit keeps its captures. */
const NO_CAPTURES: Readonly<Record<string, string>> = Object.freeze({});

/** The match, with its named captures, or undefined. */
export function testMatcher(t: MatcherTest, r: ParsedRecord, component: string): Readonly<Record<string, string>> | undefined {
  let found: Record<string, string> | undefined;
  const re = (rx: RegExp | undefined, text: string | undefined): boolean => {
    if (rx === undefined) return true;
    if (text === undefined) return false;
    const m = rx.exec(text);
    if (m === null) return false;
    if (m.groups) for (const [k, v] of Object.entries(m.groups)) if (v !== undefined) (found ??= {})[k] = v;
    return true;
  };
  switch (t.kind) {
    case 'log':
      if (r.kind !== 'log' && r.kind !== 'marker') return undefined;
      if (t.severities !== undefined && !t.severities.has(r.severity)) return undefined;
      return re(t.component, component) && re(t.message, r.message) ? (found ?? NO_CAPTURES) : undefined;
    case 'audit': {
      if (r.kind !== 'audit') return undefined;
      const a = r.audit;
      if (t.verbs !== undefined && !t.verbs.has(a.verb)) return undefined;
      if (t.resource !== undefined && a.resource !== t.resource) return undefined;
      if (t.subresource !== undefined && a.subresource !== t.subresource) return undefined;
      if (t.codes !== undefined && (a.code === undefined || !t.codes.has(a.code))) return undefined;
      if (t.codeAtLeast !== undefined && (a.code === undefined || a.code < t.codeAtLeast)) return undefined;
      return re(t.user, a.user) ? (found ?? NO_CAPTURES) : undefined;
    }
    case 'event': {
      if (r.kind !== 'k8s-event') return undefined;
      const e = r.event;
      if (t.involvedKind !== undefined && e.involvedKind !== t.involvedKind) return undefined;
      if (t.type !== undefined && e.type !== t.type) return undefined;
      return re(t.reason, e.reason) && re(t.message, r.message) && re(t.component, e.reportingComponent ?? component) ? (found ?? NO_CAPTURES) : undefined;
    }
    case 'condition': {
      if (r.kind !== 'condition') return undefined;
      const c = r.condition;
      if (c.type !== t.type || (t.status !== undefined && c.status !== t.status)) return undefined;
      return re(t.reason, c.reason) && re(t.message, r.message) ? (found ?? NO_CAPTURES) : undefined;
    }
    case 'csr': {
      if (r.kind !== 'csr') return undefined;
      const c = r.csr;
      return re(t.requestor, c.requestor) && re(t.condition, c.condition) && re(t.signerName, c.signerName ?? '') ? (found ?? NO_CAPTURES) : undefined;
    }
    case 'unit': {
      if (r.kind !== 'unit') return undefined;
      return re(t.unit, r.unit.unit) && re(t.active, r.unit.active) ? (found ?? NO_CAPTURES) : undefined;
    }
    case 'metric':
      // Not a property of one record: evaluated on the series once the bundle is read (metrics/conditions.ts).
      return undefined;
    default: {
      const never: never = t;
      return never;
    }
  }
}

/** The host a match is about: a named capture, else the node an event or CSR names, else the record's host. */
export function hostOfMatch(m: Matcher, r: ParsedRecord, caps: Readonly<Record<string, string>>, recordHost: string): string {
  if (m.hostFrom !== undefined && caps[m.hostFrom] !== undefined) return caps[m.hostFrom] as string;
  if (r.kind === 'k8s-event' && r.event.involvedKind === 'Node' && r.event.involvedName !== '') return r.event.involvedName;
  if (r.kind === 'audit') {
    // The node an API request came from: its user `system:node:<name>`, or a bootstrap token's
    // per-node group `system:bootstrappers:<name>` (the convention seed 001's guide follows).
    const fromUser = /^system:node:(.+)$/.exec(r.audit.user)?.[1];
    const fromGroup = r.audit.groups.map((g) => /^system:bootstrappers:(.+)$/.exec(g)?.[1]).find((x) => x !== undefined);
    const n = fromUser ?? fromGroup;
    if (n !== undefined && n !== '') return n;
  }
  const node = r.fields['node'];
  if ((r.kind === 'csr' || r.kind === 'k8s-event') && node !== undefined && node !== '') return node;
  return recordHost;
}
