// What the logs say about a node's configuration, collected while records stream:
// - the kubelet's start-up flags, `FLAG: --cgroup-driver="systemd"` (component-base's PrintFlags,
//   klog.V(1).Infof("FLAG: --%s=%q")): every flag with its value, defaults included;
// - its version: `"Kubelet version" kubeletVersion="v1.28.4"` (server.go Run, v1.21+),
//   `Version: v1.16.6` before, or `Kubelet Version:` of `kubectl describe node`;
// - `kubectl get csr` rows, for serving requests still pending.
// PrintFlags runs before the configuration file is applied, so a config-backed flag shows the
// command line's value or its legacy default, not the file's (kubernetes/kubernetes#122736).
// Only values that differ from that default are taken as flags given.
import { UNKNOWN_HOST, type CsrDetail, type ParsedRecord } from '../../model/event.js';
import type { Sourced } from '../../model/config.js';
import { canonicalHost } from '../../normalize/host.js';
import type { FlagSetting } from './effective.js';
import { FILE_DEFAULTS, FLAG_BY_NAME, LEGACY_DEFAULTS, typedValue } from './kubelet-flags.js';

/** Flags outside the configuration file that say something about the node; others are not kept. */
const PLAIN_FLAGS = new Set(['config', 'kubeconfig', 'bootstrap-kubeconfig', 'node-ip', 'hostname-override', 'network-plugin', 'container-runtime']);
const KUBELET = /^(?:kubelet|kubelite|k3s)$/;

/** Literals the gate must let through so these lines reach the collector. */
export const KUBELET_LOG_LITERALS: readonly string[] = ['FLAG: --', 'Kubelet version', 'Version: v'];

export interface CsrRow extends Sourced<CsrDetail> {
  /** The node a `system:node:<name>` requestor names. */
  readonly node?: string;
}

export class KubeletLogCollector {
  readonly flags = new Map<string, Map<string, FlagSetting>>();
  readonly versions = new Map<string, Sourced<string>>();
  readonly csrs: CsrRow[] = [];
  /** Hosts the bundle's records name, so files in a flat folder can go to the one node there is. */
  readonly hostsSeen = new Set<string>();

  offer(r: ParsedRecord, component: string, host: string, raw: string): void {
    if (host !== UNKNOWN_HOST && r.host !== undefined) this.hostsSeen.add(host);
    if (r.kind === 'csr') {
      const m = /^system:node:(.+)$/.exec(r.csr.requestor);
      this.csrs.push({ value: r.csr, source: r.source, text: raw, ...(m ? { node: canonicalHost(m[1] as string) } : {}) });
      return;
    }
    if (r.kind !== 'log') return;
    const described = r.fields['kubeletVersion'];
    if (described !== undefined && r.host !== undefined) return void this.version(canonicalHost(r.host), described, r, raw);
    if (!KUBELET.test(component)) return;
    const msg = r.message;
    const flag = /^FLAG: --([A-Za-z0-9-]+)=("(?:[^"\\]|\\.)*")\s*$/.exec(msg);
    if (flag !== null) return void this.flag(host, flag[1] as string, unquote(flag[2] as string), r, raw);
    const v = /"Kubelet version" kubeletVersion="(v\d+\.\d+\.\d+[^"]*)"|^Version: (v\d+\.\d+\.\d+\S*)\s*$/.exec(msg);
    if (v !== null) this.version(host, (v[1] ?? v[2]) as string, r, raw);
  }

  private version(host: string, value: string, r: ParsedRecord, raw: string): void {
    this.versions.set(host, { value, source: r.source, text: raw });
  }

  private flag(host: string, name: string, value: string, r: ParsedRecord, raw: string): void {
    const known = FLAG_BY_NAME.get(name);
    if (known !== undefined) {
      const typed = typedValue(known.type, value);
      const dflt = LEGACY_DEFAULTS[known.key] ?? FILE_DEFAULTS[known.key];
      if (typed === undefined || (dflt !== undefined && JSON.stringify(typed) === JSON.stringify(dflt)) || (dflt === undefined && value === '')) return;
    } else if (!PLAIN_FLAGS.has(name) || value === '') return;
    let m = this.flags.get(host);
    if (m === undefined) this.flags.set(host, (m = new Map()));
    m.set(name, { name, value, source: r.source, text: raw, via: 'log' });
  }
}

/** Go's %q: a JSON string for everything the kubelet's flags hold; \x escapes are rare. */
function unquote(q: string): string {
  try {
    return JSON.parse(q.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')) as string;
  } catch {
    return q.slice(1, -1);
  }
}

/** The catalog's gate spec widened by the lines this collector reads, so gated and full scans agree. */
export function withKubeletLogLiterals<S extends { readonly literals: readonly string[] }>(spec: S): S {
  return { ...spec, literals: [...spec.literals, ...KUBELET_LOG_LITERALS.filter((l) => !spec.literals.includes(l))] };
}
