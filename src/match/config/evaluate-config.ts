// The configuration side of a bundle, once it has been read: nodes and their effective
// configuration, every check on every node (fired, quiet or not determinable), and the drift
// between nodes. analyze.ts joins the fired checks into the catalog's incidents (join.ts).
import type { Sourced } from '../../model/config.js';
import { cmp } from '../../model/tally.js';
import { evaluate, type Check, type Truth } from './check.js';
import { drift, type Drift } from './drift.js';
import { nodeFacts, type Cite, type ClusterFacts, type Facts } from './facts.js';
import type { CheckHit } from './join.js';
import type { KubeletLogCollector } from './kubelet-log.js';
import { nodeConfigs, type FragmentAt, type NodeConfig } from './nodes.js';

export interface CheckOutcome {
  readonly check: Check;
  readonly host: string;
  readonly truth: Truth;
  readonly cites: readonly Cite[];
  readonly missing: readonly string[];
}

export interface ConfigResult {
  readonly nodes: readonly NodeConfig[];
  readonly facts: ReadonlyMap<string, Facts>;
  readonly outcomes: readonly CheckOutcome[];
  readonly drift: Drift;
  readonly cluster: ClusterFacts;
  /** The bundle's time the dates were judged at (certificates, tokens). */
  readonly now: Date | undefined;
}

export function evaluateConfig(fragments: readonly FragmentAt[], logs: KubeletLogCollector, checks: readonly Check[], now: Date | undefined): ConfigResult {
  const { nodes, cluster: clusterFrags } = nodeConfigs(fragments, logs);
  const cluster = clusterFacts(fragments, clusterFrags, logs);
  const facts = new Map(nodes.map((n) => [n.host, nodeFacts(n, cluster, now)] as const));
  const outcomes = nodes.flatMap((n) =>
    checks.map((check): CheckOutcome => {
      const e = evaluate(check.when, facts.get(n.host) ?? new Map());
      return { check, host: n.host, truth: e.truth, cites: dedupe(e.cites), missing: [...new Set(e.missing)].sort(cmp) };
    }),
  );
  return { nodes, facts, outcomes, drift: drift(nodes), cluster, now };
}

export function firedHits(r: ConfigResult): CheckHit[] {
  return r.outcomes.filter((o) => o.truth === 'true').map((o) => ({ check: o.check, host: o.host, cites: o.cites }));
}

function dedupe(cites: readonly Cite[]): Cite[] {
  const seen = new Set<string>();
  return cites.filter((c) => {
    const k = `${c.source.path}\u0000${c.source.line}\u0000${c.text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function clusterFacts(all: readonly FragmentAt[], clusterFrags: readonly FragmentAt[], logs: KubeletLogCollector): ClusterFacts {
  const settings = clusterFrags.flatMap((f) => (f.fragment.kind === 'cluster-object' ? f.fragment.settings : []));
  const get = (k: string): Sourced<string> | undefined => {
    const s = settings.find((x) => x.key === k);
    return s === undefined ? undefined : { value: String(s.value), source: s.source, text: s.text };
  };
  const dnsDomain = get('dnsDomain');
  const subnet = get('serviceSubnet');
  // kubeadm gives the DNS Service the tenth address of the service range.
  const derived = subnet === undefined ? undefined : tenthAddress(subnet.value.split(',')[0] ?? '');
  const dnsIP = get('dnsServiceIP') ?? (subnet !== undefined && derived !== undefined ? { value: derived, source: subnet.source, text: `${subnet.text.trim()} (the DNS Service takes its 10th address, ${derived})` } : undefined);
  const certificates = all.flatMap((f) => (f.fragment.kind === 'certificates' ? f.fragment.certificates.map((cert) => ({ host: f.host, cert })) : []));
  return {
    ...(dnsDomain ? { dnsDomain } : {}),
    ...(dnsIP ? { dnsIP } : {}),
    tokens: clusterFrags.filter((f) => f.fragment.kind === 'token-list'),
    csrs: logs.csrs,
    certificates,
  };
}

function tenthAddress(cidr: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/\d+$/.exec(cidr.trim());
  if (m === null) return undefined;
  const n = ((Number(m[1]) << 24) >>> 0) + (Number(m[2]) << 16) + (Number(m[3]) << 8) + Number(m[4]) + 10;
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
