// The kubelet's flags that mirror a KubeletConfiguration field, and the defaults of those fields.
// Two sets of defaults, as the kubelet has them (cmd/kubelet/app/options/options.go):
// - with --config, the file is decoded over the v1beta1 defaults
//   (pkg/kubelet/apis/config/v1beta1/defaults.go, SetDefaults_KubeletConfiguration);
// - without it, applyLegacyDefaults keeps the old command-line API: anonymous auth on, webhook
//   authentication off, authorization AlwaysAllow, read-only port 10255.
// Flags not listed here are kept as `--name` keys, compared as written.
import type { ConfigValue } from '../../model/config.js';

export type FlagType = 'bool' | 'int' | 'string' | 'list';

export interface ConfigFlag {
  readonly flag: string;
  readonly key: string;
  readonly type: FlagType;
}

export const CONFIG_FLAGS: readonly ConfigFlag[] = [
  { flag: 'address', key: 'address', type: 'string' },
  { flag: 'port', key: 'port', type: 'int' },
  { flag: 'read-only-port', key: 'readOnlyPort', type: 'int' },
  { flag: 'anonymous-auth', key: 'authentication.anonymous.enabled', type: 'bool' },
  { flag: 'authentication-token-webhook', key: 'authentication.webhook.enabled', type: 'bool' },
  { flag: 'client-ca-file', key: 'authentication.x509.clientCAFile', type: 'string' },
  { flag: 'authorization-mode', key: 'authorization.mode', type: 'string' },
  { flag: 'cgroup-driver', key: 'cgroupDriver', type: 'string' },
  { flag: 'fail-swap-on', key: 'failSwapOn', type: 'bool' },
  { flag: 'cluster-dns', key: 'clusterDNS', type: 'list' },
  { flag: 'cluster-domain', key: 'clusterDomain', type: 'string' },
  { flag: 'resolv-conf', key: 'resolvConf', type: 'string' },
  { flag: 'rotate-certificates', key: 'rotateCertificates', type: 'bool' },
  { flag: 'rotate-server-certificates', key: 'serverTLSBootstrap', type: 'bool' },
  { flag: 'tls-cert-file', key: 'tlsCertFile', type: 'string' },
  { flag: 'tls-private-key-file', key: 'tlsPrivateKeyFile', type: 'string' },
  { flag: 'healthz-bind-address', key: 'healthzBindAddress', type: 'string' },
  { flag: 'healthz-port', key: 'healthzPort', type: 'int' },
  { flag: 'max-pods', key: 'maxPods', type: 'int' },
  { flag: 'pod-cidr', key: 'podCIDR', type: 'string' },
  { flag: 'pod-manifest-path', key: 'staticPodPath', type: 'string' },
  { flag: 'cgroups-per-qos', key: 'cgroupsPerQOS', type: 'bool' },
  { flag: 'cgroup-root', key: 'cgroupRoot', type: 'string' },
  { flag: 'hairpin-mode', key: 'hairpinMode', type: 'string' },
  { flag: 'protect-kernel-defaults', key: 'protectKernelDefaults', type: 'bool' },
  { flag: 'serialize-image-pulls', key: 'serializeImagePulls', type: 'bool' },
  { flag: 'node-status-update-frequency', key: 'nodeStatusUpdateFrequency', type: 'string' },
  { flag: 'runtime-request-timeout', key: 'runtimeRequestTimeout', type: 'string' },
  { flag: 'container-runtime-endpoint', key: 'containerRuntimeEndpoint', type: 'string' },
  { flag: 'provider-id', key: 'providerID', type: 'string' },
  { flag: 'volume-plugin-dir', key: 'volumePluginDir', type: 'string' },
  { flag: 'enforce-node-allocatable', key: 'enforceNodeAllocatable', type: 'list' },
  { flag: 'register-node', key: 'registerNode', type: 'bool' },
];

export const FLAG_BY_NAME: ReadonlyMap<string, ConfigFlag> = new Map(CONFIG_FLAGS.map((f) => [f.flag, f]));

/** v1beta1 defaults of the keys above (a file decoded over them). */
export const FILE_DEFAULTS: Readonly<Record<string, ConfigValue>> = {
  address: '0.0.0.0',
  port: 10250,
  readOnlyPort: 0,
  'authentication.anonymous.enabled': false,
  'authentication.webhook.enabled': true,
  'authentication.x509.clientCAFile': '',
  'authorization.mode': 'Webhook',
  cgroupDriver: 'cgroupfs',
  failSwapOn: true,
  clusterDNS: [],
  clusterDomain: '',
  resolvConf: '/etc/resolv.conf',
  rotateCertificates: false,
  serverTLSBootstrap: false,
  healthzBindAddress: '127.0.0.1',
  healthzPort: 10248,
  maxPods: 110,
  cgroupsPerQOS: true,
  hairpinMode: 'promiscuous-bridge',
  protectKernelDefaults: false,
  serializeImagePulls: true,
  enforceNodeAllocatable: ['pods'],
  registerNode: true,
};

/** What applyLegacyDefaults changes when no --config is given. */
export const LEGACY_DEFAULTS: Readonly<Record<string, ConfigValue>> = {
  'authentication.anonymous.enabled': true,
  'authentication.webhook.enabled': false,
  'authorization.mode': 'AlwaysAllow',
  readOnlyPort: 10255,
};

/** A flag's text value as its field's type; undefined when it does not parse (the kubelet would refuse it). */
export function typedValue(type: FlagType, raw: string): ConfigValue | undefined {
  switch (type) {
    case 'bool':
      return raw === '' || /^(?:true|1|t|T|TRUE|True)$/.test(raw) ? true : /^(?:false|0|f|F|FALSE|False)$/.test(raw) ? false : undefined;
    case 'int':
      return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
    case 'list':
      return raw === '' ? [] : raw.split(',').map((s) => s.trim());
    case 'string':
      return raw;
  }
}
