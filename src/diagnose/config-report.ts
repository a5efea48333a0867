// The configuration side of the diagnosis as plain data: each node's effective kubelet
// configuration with where every value came from, every check's outcome per node with the lines
// that show it, and the drift table. Key order here is the JSON report's.
import type { Cited } from '../match/incidents.js';
import type { CheckOutcome, ConfigResult } from '../match/config/evaluate-config.js';
import { show } from '../match/config/facts.js';
import { citeOf } from '../match/config/join.js';
import type { FormatId } from '../model/format.js';
import { cmp } from '../model/tally.js';
import { evidenceLine } from './cite.js';
import type { CheckLookup } from './diagnose.js';
import type { EvidenceLine } from './diagnosis.js';

export interface ConfigSettingReport {
  readonly key: string;
  readonly value: string;
  /** flag (a command-line flag wins), file (the configuration file), default (neither sets it). */
  readonly origin: 'flag' | 'file' | 'default';
  /** `path:line` where it was written; null for a default. */
  readonly source: string | null;
  /** For a flag: as written, `--cgroup-driver`; `(logged)` when only the kubelet's start-up log shows it. */
  readonly flag?: string;
}

export interface NodeConfigReport {
  readonly host: string;
  readonly kubeletVersion: { readonly value: string; readonly source: string } | null;
  /** read: the file --config names (or the one on the node when no command line says); missing: named but not in the bundle. */
  readonly configFile: { readonly state: 'read' | 'missing' | 'unused' | 'none'; readonly path: string | null; readonly dropIns: readonly string[] };
  /** Unit and env files the command line was built from. */
  readonly commandLine: readonly string[];
  readonly settings: readonly ConfigSettingReport[];
  readonly notes: readonly string[];
}

export type CheckStatus = 'fired' | 'quiet' | 'not-determinable';

export interface CheckReport {
  readonly check: string;
  readonly title: string;
  readonly severity: 'critical' | 'warning' | 'info';
  /** The catalog entry a firing check joins. */
  readonly pattern: string;
  readonly host: string;
  readonly status: CheckStatus;
  readonly evidence: readonly EvidenceLine[];
  /** Facts the bundle does not establish, for a check that could not be decided. */
  readonly missing: readonly string[];
}

export interface ConfigReport {
  /** The bundle time dates were judged at (the latest time it states); null when it states none. */
  readonly referenceTime: string | null;
  readonly nodes: readonly NodeConfigReport[];
  readonly checks: readonly CheckReport[];
}

export interface DriftReport {
  readonly nodes: readonly string[];
  /** Nodes whose configuration file is named but missing: left out of the keys it would set. */
  readonly partial: readonly string[];
  readonly keys: readonly { readonly key: string; readonly values: readonly { readonly value: string; readonly nodes: readonly string[]; readonly sources: readonly (string | null)[] }[] }[];
}

const at = (s: { path: string; line: number } | undefined): string | null => (s === undefined ? null : s.line > 0 ? `${s.path}:${s.line}` : s.path);

export function configReport(r: ConfigResult, formatOf: (path: string) => FormatId): { config: ConfigReport; drift: DriftReport } {
  const nodes = r.nodes
    .filter((n) => n.effective.size > 0 || n.fragments.length > 0)
    .map((n): NodeConfigReport => ({
      host: n.host,
      kubeletVersion: n.version === undefined ? null : { value: n.version.value, source: at(n.version.source) ?? '' },
      configFile: {
        state: n.configFile.state,
        path: n.configFile.state === 'read' ? n.configFile.path : n.configFile.state === 'missing' ? n.configFile.nodePath : null,
        dropIns: n.configFile.state === 'read' ? n.configFile.dropIns : [],
      },
      commandLine: n.commandLine?.files ?? [],
      settings: [...n.effective.values()]
        .sort((a, b) => cmp(a.key, b.key))
        .map((v) => ({
          key: v.key,
          value: show(v.value),
          origin: v.origin,
          source: v.origin === 'default' ? null : at(v.source),
          ...(v.flag !== undefined ? { flag: n.flags.some((f) => `--${f.name}` === v.flag && f.via === 'log' && f.source === v.source) ? `${v.flag} (logged)` : v.flag } : {}),
        })),
      notes: n.notes,
    }));
  const reported = new Set(nodes.map((n) => n.host));
  // A host with no kubelet configuration in the bundle (a control plane's certificates only) is not
  // reported as undecided on every kubelet check; what was decided there still is.
  const kubelets = new Set(r.nodes.filter((n) => n.effective.size > 0).map((n) => n.host));
  const checks = r.outcomes
    .filter((o) => reported.has(o.host) && (o.truth !== 'unknown' || kubelets.has(o.host)))
    .map((o): CheckReport => ({
      check: o.check.id,
      title: o.check.title,
      severity: o.check.severity,
      pattern: o.check.pattern,
      host: o.host,
      status: o.truth === 'true' ? 'fired' : o.truth === 'false' ? 'quiet' : 'not-determinable',
      evidence: cited(o, formatOf).map(evidenceLine),
      missing: o.missing,
    }));
  return {
    config: { referenceTime: r.now === undefined ? null : r.now.toISOString().replace(/\.000Z$/, 'Z'), nodes, checks },
    drift: {
      nodes: r.drift.nodes,
      partial: r.drift.partial,
      keys: r.drift.rows.map((row) => ({ key: row.key, values: row.values.map((v) => ({ value: v.value, nodes: v.nodes, sources: v.sources.map((s) => at(s)) })) })),
    },
  };
}

function cited(o: CheckOutcome, formatOf: (path: string) => FormatId): Cited[] {
  return o.cites.map((c) => citeOf(c, o.check.id, o.host, formatOf(c.source.path)));
}

/** For the playbook walk: a check's outcome on a host, its lines cited. */
export function checkLookup(r: ConfigResult, formatOf: (path: string) => FormatId): CheckLookup {
  const byKey = new Map(r.outcomes.map((o) => [`${o.check.id}\u0000${o.host}`, o] as const));
  return (checkId, host) => {
    const o = byKey.get(`${checkId}\u0000${host}`);
    return o === undefined ? undefined : { truth: o.truth, cited: cited(o, formatOf) };
  };
}
