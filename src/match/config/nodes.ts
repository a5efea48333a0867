// Configuration fragments → one NodeConfig per host: which unit and env files make the kubelet's
// command line, which configuration file --config names, and the effective configuration.
// Fragments whose path names no host go to the only node when the bundle has one, else to the
// cluster's side (token lists, ConfigMaps, CSR tables have no node).
import type { NodeConfigFragment, Setting, Sourced, UnitFile } from '../../model/config.js';
import { UNKNOWN_HOST } from '../../model/event.js';
import type { FormatId } from '../../model/format.js';
import { cmp } from '../../model/tally.js';
import { commandLine, isKubeletUnit, type CommandLine } from './command-line.js';
import { effectiveConfig, type ConfigFileState, type EffectiveValue, type FlagSetting } from './effective.js';
import type { KubeletLogCollector } from './kubelet-log.js';
import { nodePathMatches } from './node-path.js';

/** A fragment as analyze collected it: the member's path, format and host (from the path). */
export interface FragmentAt {
  readonly path: string;
  readonly format: FormatId;
  readonly host: string | undefined;
  readonly fragment: NodeConfigFragment;
}

/** Where a fragment without a host goes when the bundle has several nodes. */
export const CLUSTER_SCOPE = '(cluster)';

const CLUSTER_KINDS: ReadonlySet<NodeConfigFragment['kind']> = new Set(['token-list', 'cluster-object']);

export interface NodeConfig {
  readonly host: string;
  readonly fragments: readonly FragmentAt[];
  readonly version?: Sourced<string>;
  readonly commandLine?: CommandLine;
  /** Flags the kubelet got: the command line's, then logged ones it does not set. */
  readonly flags: readonly FlagSetting[];
  readonly configFile: { readonly state: 'read'; readonly path: string; readonly dropIns: readonly string[] } | { readonly state: 'missing'; readonly nodePath: string } | { readonly state: 'unused' } | { readonly state: 'none' };
  /** Empty when the bundle shows nothing of this node's kubelet configuration. */
  readonly effective: ReadonlyMap<string, EffectiveValue>;
  readonly notes: readonly string[];
}

export function nodeConfigs(all: readonly FragmentAt[], logs: KubeletLogCollector): { nodes: NodeConfig[]; cluster: FragmentAt[] } {
  const hosts = new Set<string>();
  for (const f of all) if (f.host !== undefined && !CLUSTER_KINDS.has(f.fragment.kind)) hosts.add(f.host);
  for (const h of logs.flags.keys()) hosts.add(h);
  const only = hosts.size === 1 ? [...hosts][0] : hosts.size === 0 && logs.hostsSeen.size === 1 ? [...logs.hostsSeen][0] : undefined;
  const fallback = hosts.size === 0 ? UNKNOWN_HOST : CLUSTER_SCOPE;
  const byHost = new Map<string, FragmentAt[]>();
  const cluster: FragmentAt[] = [];
  for (const f of all) {
    if (CLUSTER_KINDS.has(f.fragment.kind)) {
      cluster.push(f);
      continue;
    }
    const h = f.host ?? only ?? fallback;
    byHost.set(h, [...(byHost.get(h) ?? []), f]);
  }
  for (const h of logs.flags.keys()) if (!byHost.has(h)) byHost.set(h, []);
  const nodes = [...byHost.entries()].sort((a, b) => cmp(a[0], b[0])).map(([host, frags]) => nodeConfig(host, frags, logs));
  return { nodes, cluster };
}

function nodeConfig(host: string, frags: readonly FragmentAt[], logs: KubeletLogCollector): NodeConfig {
  const notes: string[] = [];
  const of = <K extends NodeConfigFragment['kind']>(kind: K): (FragmentAt & { fragment: Extract<NodeConfigFragment, { kind: K }> })[] =>
    frags.filter((f): f is FragmentAt & { fragment: Extract<NodeConfigFragment, { kind: K }> } => f.fragment.kind === kind);
  // A unit read without a `# /path` header has its bundle path as its path: both say where it sits.
  const units = of('systemd-unit').flatMap((f) => f.fragment.files.map((file): { bundlePath: string; file: UnitFile } => ({ bundlePath: f.path, file })));
  const envs = of('env-file').map((f) => ({ bundlePath: f.path, vars: f.fragment.vars }));
  const cl = units.some((u) => isKubeletUnit(u.file)) ? commandLine(units, envs, nodePathMatches) : undefined;
  for (const m of cl?.missingEnvFiles ?? []) notes.push(`${m}: named by EnvironmentFile= but not in the bundle`);
  const cmdFlags = cl?.flags ?? [];
  const logged = [...(logs.flags.get(host)?.values() ?? [])].filter((f) => !cmdFlags.some((c) => c.name === f.name));
  const flags = [...cmdFlags, ...logged];

  const configs = of('kubelet-config');
  const lastFlag = (name: string): FlagSetting | undefined => [...flags].reverse().find((f) => f.name === name);
  const configFlag = lastFlag('config');
  let file: ConfigFileState = { kind: 'unused' };
  let configFile: NodeConfig['configFile'] = { state: cl === undefined && configs.length === 0 && flags.length === 0 ? 'none' : 'unused' };
  let chosen: (typeof configs)[number] | undefined;
  if (configFlag !== undefined) {
    chosen = configs.find((c) => nodePathMatches(c.path, configFlag.value));
    if (chosen === undefined) {
      file = { kind: 'missing' };
      configFile = { state: 'missing', nodePath: configFlag.value };
      notes.push(`${configFlag.value}: named by --config but not in the bundle; its settings are unknown`);
    }
  } else if (configs.length > 0 && (cl === undefined || (cl.missingEnvFiles.length > 0 && cl.flags.length === 0))) {
    // No command line to say so: a KubeletConfiguration on the node is taken as the one in use.
    chosen = configs.find((c) => /(?:^|\/)var\/lib\/kubelet\/config\.yaml$/.test(c.path)) ?? [...configs].sort((a, b) => cmp(a.path, b.path))[0];
    if (chosen !== undefined) notes.push(`no kubelet command line in the bundle: ${chosen.path} taken as the configuration file in use`);
  } else if (configs.length > 0) {
    notes.push(`${configs.map((c) => c.path).join(', ')}: not named by --config, so not used`);
  }
  if (chosen !== undefined) {
    const dirFlag = lastFlag('config-dir');
    const dropIns = dirFlag === undefined ? [] : configs.filter((c) => c !== chosen && c.path.includes(`${dirFlag.value.replace(/^\/+|\/+$/g, '')}/`)).sort((a, b) => cmp(a.path, b.path));
    const merged = new Map<string, Setting>();
    for (const c of [chosen, ...dropIns]) for (const s of c.fragment.settings) merged.set(s.key, s);
    file = { kind: 'read', settings: [...merged.values()] };
    configFile = { state: 'read', path: chosen.path, dropIns: dropIns.map((d) => d.path) };
  }
  const effective = configFile.state === 'none' ? new Map<string, EffectiveValue>() : effectiveConfig({ file, flags });
  const version = logs.versions.get(host);
  return { host, fragments: frags, ...(version ? { version } : {}), ...(cl ? { commandLine: cl } : {}), flags, configFile, effective, notes };
}
