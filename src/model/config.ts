// What a bundle says about a node's configuration: one NodeConfigFragment per configuration file,
// read whole by a parser (src/parse/config/). Every value keeps the line it was read from and that
// line's text as shipped, so a check can cite it like a log line. Fragments say nothing about hosts
// or about each other: match/config/ pairs them per node and computes the effective configuration.
import type { SourceRef } from './event.js';

export type ConfigScalar = string | number | boolean;
export type ConfigValue = ConfigScalar | readonly ConfigScalar[];

/** A value and where it was written: the bundle path and 1-based line, and that line's text. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: SourceRef;
  readonly text: string;
}

/** One key of a YAML document or env file: `authentication.anonymous.enabled`, `KUBELET_KUBEADM_ARGS`. */
export interface Setting extends Sourced<ConfigValue> {
  readonly key: string;
}

/** A directive of a systemd unit or drop-in; continuation lines joined, words split as systemd does. */
export interface UnitDirective {
  readonly section: string;
  readonly key: string;
  /** The value after `=`, continuation lines joined with a space. */
  readonly value: string;
  readonly source: SourceRef;
  readonly text: string;
  /** The value split into words (quotes removed), each with the physical line it sits on. */
  readonly words: readonly Sourced<string>[];
}

/** One unit file. `systemctl cat` output holds several, each after a `# /path` line. */
export interface UnitFile {
  /** The path on the node: from a `# /path` header, else the bundle path. */
  readonly path: string;
  readonly directives: readonly UnitDirective[];
}

/** How a kubeconfig's user authenticates. Credentials themselves are never kept. */
export type KubeconfigUserKind = 'client-certificate' | 'token' | 'bootstrap-token' | 'exec' | 'auth-provider' | 'basic-auth' | 'none';

export interface KubeconfigInfo {
  readonly server?: Sourced<string>;
  /** The CA: embedded (its PEM kept to verify signatures, never printed), a file path, or none. */
  readonly ca: { readonly kind: 'data'; readonly pem: string; readonly at: Sourced<string> } | { readonly kind: 'file'; readonly path: Sourced<string> } | { readonly kind: 'none' };
  readonly user: {
    readonly kind: KubeconfigUserKind;
    readonly at?: SourceRef;
    /** client-certificate: a path, or embedded data (PEM kept for dates, never printed). */
    readonly certFile?: Sourced<string>;
    readonly certPem?: string;
    /** bootstrap-token: the public token id (`abcdef` of `abcdef.0123456789abcdef`); the secret is dropped. */
    readonly tokenId?: string;
  };
}

export interface SwapDevice {
  readonly name: string;
  readonly type: string;
  readonly sizeKiB: number;
  readonly usedKiB: number;
}

export interface BootstrapTokenRow {
  /** The public id only. */
  readonly id: string;
  /** As printed: `23h`, `<forever>`, `<invalid>` (kubeadm prints that once it expired). */
  readonly ttl: string;
  /** RFC 3339 as printed, or undefined for `<never>`. */
  readonly expires?: string;
  readonly usages: readonly string[];
  readonly groups: readonly string[];
}

export interface CertificateInfo {
  readonly subject: string;
  readonly issuer: string;
  readonly subjectAltName: string;
  /** RFC 3339 UTC. */
  readonly notBefore: string;
  readonly notAfter: string;
  readonly serial: string;
  readonly fingerprint256: string;
  readonly isCA: boolean;
  /** The BEGIN line of the block. */
  readonly source: SourceRef;
  /** The PEM block, kept only to verify which CA signed what; renderers never see it. */
  readonly pem: string;
}

export type NodeConfigFragment =
  /** A KubeletConfiguration (or a drop-in of one), flattened to dotted keys. */
  | { readonly kind: 'kubelet-config'; readonly settings: readonly Setting[] }
  | { readonly kind: 'systemd-unit'; readonly files: readonly UnitFile[] }
  /** kubeadm-flags.env, /etc/default/kubelet, /etc/sysconfig/kubelet: variables with string values. */
  | { readonly kind: 'env-file'; readonly vars: readonly Setting[] }
  | { readonly kind: 'kubeconfig'; readonly kubeconfig: KubeconfigInfo }
  /** containerd's config.toml: whether runc uses the systemd cgroup driver. */
  | { readonly kind: 'containerd-toml'; readonly systemdCgroup?: Sourced<boolean> }
  | { readonly kind: 'docker-info'; readonly cgroupDriver?: Sourced<string>; readonly serverVersion?: Sourced<string> }
  | { readonly kind: 'resolv-conf'; readonly nameservers: readonly Sourced<string>[]; readonly search: readonly Sourced<string>[] }
  /** /proc/swaps lists devices; `free` only totals. Either says whether swap is on. */
  | { readonly kind: 'swap'; readonly devices: readonly Sourced<SwapDevice>[]; readonly totalKiB?: Sourced<number> }
  | { readonly kind: 'token-list'; readonly tokens: readonly Sourced<BootstrapTokenRow>[] }
  | { readonly kind: 'certificates'; readonly certificates: readonly CertificateInfo[]; readonly privateKeys: number }
  /**
   * The cluster's side: kubeadm's ClusterConfiguration (dnsDomain, serviceSubnet), the kube-dns
   * Service (its clusterIP), the kubelet-config ConfigMap (the kubelet configuration nodes get).
   */
  | { readonly kind: 'cluster-object'; readonly settings: readonly Setting[]; readonly kubeletConfig: readonly Setting[] };

export type NodeConfigFragmentKind = NodeConfigFragment['kind'];

/** What a configuration parser returns: the fragment, and lines it could not read (counted, never thrown). */
export interface ConfigReadResult {
  readonly fragment: NodeConfigFragment | undefined;
  readonly skips: readonly { readonly line: number; readonly reason: string }[];
  /** How many values were read (the inventory's `parsed` count). */
  readonly values: number;
}
