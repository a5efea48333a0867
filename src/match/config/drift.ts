// Drift: the effective configurations of a bundle's nodes compared key by key. Keys that are
// meant to differ per node (addresses, the hostname override, the node IP, serving certificate
// files) are left out, and a value that names the node itself or a rotation date is compared
// with those replaced, so `kubelet-client-2024-04-01-14-16-12.pem` equals its peers.
import { show } from './facts.js';
import type { NodeConfig } from './nodes.js';
import { CLUSTER_SCOPE } from './nodes.js';
import { cmp } from '../../model/tally.js';
import type { SourceRef } from '../../model/event.js';

export const NODE_SPECIFIC_KEYS: ReadonlySet<string> = new Set([
  'address', 'healthzBindAddress', '--hostname-override', '--node-ip', 'providerID', 'podCIDR', 'tlsCertFile', 'tlsPrivateKeyFile',
]);

export interface DriftValue {
  /** As compared (node name and dates replaced), `(not set)` for a key the node's files leave out. */
  readonly value: string;
  readonly nodes: readonly string[];
  /** Where each node's value was written, in `nodes` order (undefined for a default or `(not set)`). */
  readonly sources: readonly (SourceRef | undefined)[];
}

export interface DriftRow {
  readonly key: string;
  readonly values: readonly DriftValue[];
}

export interface Drift {
  /** Nodes compared: those whose kubelet configuration the bundle shows. */
  readonly nodes: readonly string[];
  /** Nodes left out of some keys: their configuration file is not in the bundle. */
  readonly partial: readonly string[];
  readonly rows: readonly DriftRow[];
}

export const NOT_SET = '(not set)';

export function drift(nodes: readonly NodeConfig[]): Drift {
  const compared = nodes.filter((n) => n.host !== CLUSTER_SCOPE && n.configFile.state !== 'none' && n.effective.size > 0);
  const keys = [...new Set(compared.flatMap((n) => [...n.effective.keys()]))].filter((k) => !NODE_SPECIFIC_KEYS.has(k)).sort(cmp);
  const rows: DriftRow[] = [];
  if (compared.length >= 2) {
    for (const key of keys) {
      const groups = new Map<string, { nodes: string[]; sources: (SourceRef | undefined)[] }>();
      for (const n of compared) {
        const v = n.effective.get(key);
        if (v === undefined && n.configFile.state === 'missing') continue; // unknown, not different
        const text = v === undefined ? NOT_SET : normalize(show(v.value), n.host);
        const g = groups.get(text) ?? { nodes: [], sources: [] };
        g.nodes.push(n.host);
        g.sources.push(v?.origin === 'default' ? undefined : v?.source);
        groups.set(text, g);
      }
      if (groups.size > 1) rows.push({ key, values: [...groups.entries()].sort((a, b) => cmp(a[0], b[0])).map(([value, g]) => ({ value, nodes: g.nodes, sources: g.sources })) });
    }
  }
  return { nodes: compared.map((n) => n.host), partial: compared.filter((n) => n.configFile.state === 'missing').map((n) => n.host), rows };
}

/** The node's own name and rotation timestamps replaced, so per-node spellings compare equal. */
function normalize(value: string, host: string): string {
  const esc = host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return value.replace(new RegExp(`(?<![A-Za-z0-9-])${esc}(?![A-Za-z0-9-])`, 'gi'), '<node>').replace(/\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d/g, '<date>');
}
