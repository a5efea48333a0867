// What the checks are written against: named facts per node, each a value with the lines that
// show it. `kubelet.<key>` for every key of the effective configuration; the rest from the other
// files of the node and the cluster. A fact the bundle cannot establish is absent (the check is
// then not determinable), never guessed.
import { X509Certificate } from 'node:crypto';
import type { CertificateInfo, ConfigValue, KubeconfigInfo, NodeConfigFragment, Sourced } from '../../model/config.js';
import type { SourceRef } from '../../model/event.js';
import type { FragmentAt, NodeConfig } from './nodes.js';
import type { CsrRow } from './kubelet-log.js';
import { nodePathMatches } from './node-path.js';
import { readPem } from '../../parse/config/pem.js';

/** A line that shows a fact: cited as evidence, like a log line. */
export interface Cite {
  readonly source: SourceRef;
  readonly text: string;
  readonly component: string;
}

export interface Fact {
  readonly value: ConfigValue;
  readonly cites: readonly Cite[];
  /** For list facts: each element with its own line (a removed flag, an expired certificate). */
  readonly items?: readonly { readonly value: string; readonly cite: Cite }[];
}

export type Facts = ReadonlyMap<string, Fact>;

export interface ClusterFacts {
  readonly dnsDomain?: Sourced<string>;
  readonly dnsIP?: Sourced<string>;
  readonly tokens: readonly FragmentAt[];
  readonly csrs: readonly CsrRow[];
  /** Every certificate in the bundle, for finding the API server's serving certificate. */
  readonly certificates: readonly { readonly host: string | undefined; readonly cert: CertificateInfo }[];
}

const DAY_SEC = 86_400;

export function nodeFacts(node: NodeConfig, cluster: ClusterFacts, now: Date | undefined): Facts {
  const facts = new Map<string, Fact>();
  const put = (name: string, value: ConfigValue | undefined, cites: readonly Cite[], items?: Fact['items']): void => {
    if (value !== undefined) facts.set(name, { value, cites, ...(items ? { items } : {}) });
  };
  const cite = (s: { source: SourceRef; text: string }, component = 'kubelet'): Cite => ({ source: s.source, text: s.text, component });
  const of = <K extends NodeConfigFragment['kind']>(kind: K): (FragmentAt & { fragment: Extract<NodeConfigFragment, { kind: K }> })[] =>
    node.fragments.filter((f): f is FragmentAt & { fragment: Extract<NodeConfigFragment, { kind: K }> } => f.fragment.kind === kind);

  // The effective configuration. A default is cited at the file that leaves it unset.
  const defaultAt = node.configFile.state === 'read' ? node.configFile.path : (node.commandLine?.files[0] ?? node.fragments[0]?.path ?? '(bundle)');
  for (const v of node.effective.values()) {
    const c = v.origin === 'default' || v.source === undefined
      ? { source: { path: defaultAt, line: 0 }, text: `${v.key}: ${show(v.value)} (not set; the kubelet's default)`, component: 'kubelet' }
      : { source: v.source, text: v.text ?? '', component: 'kubelet' };
    put(`kubelet.${v.key}`, v.value, [c]);
  }
  if (node.version !== undefined) put('kubelet.version', node.version.value, [cite(node.version)]);
  const given = (node.commandLine?.flags ?? []).map((f) => ({ value: f.name, cite: cite(f) }));
  if (node.commandLine !== undefined) put('kubelet.flagsGiven', given.map((g) => g.value), given.map((g) => g.cite), given);

  runtimeFacts(node, of, put);
  swapFacts(of('swap'), put);
  resolvFacts(node, of('resolv-conf'), put);

  if (cluster.dnsDomain !== undefined) put('cluster.dnsDomain', cluster.dnsDomain.value, [cite(cluster.dnsDomain, 'cluster')]);
  if (cluster.dnsIP !== undefined) put('cluster.dnsIP', cluster.dnsIP.value, [cite(cluster.dnsIP, 'cluster')]);
  if (cluster.csrs.length > 0) {
    const pending = cluster.csrs.filter((c) => c.node === node.host && /^Pending$/.test(c.value.condition) && (c.value.signerName === undefined || c.value.signerName === 'kubernetes.io/kubelet-serving'));
    put('csr.pendingServing', pending.length, pending.length > 0 ? pending.map((c) => cite(c, 'kubectl')) : [cite(cluster.csrs[0] as CsrRow, 'kubectl')]);
  }

  const kubeconfigs = of('kubeconfig');
  const flagPath = (name: string): string | undefined => [...node.flags].reverse().find((f) => f.name === name)?.value;
  const findKc = (name: string, fallback: RegExp): (typeof kubeconfigs)[number] | undefined => {
    const p = flagPath(name);
    return p !== undefined ? kubeconfigs.find((k) => nodePathMatches(k.path, p)) : kubeconfigs.find((k) => fallback.test(k.path));
  };
  const kc = findKc('kubeconfig', /(?:^|\/)kubelet\.(?:conf|kubeconfig)$/);
  const boot = findKc('bootstrap-kubeconfig', /bootstrap/);
  if (kc !== undefined) put('kubelet.kubeconfigPresent', true, [{ source: { path: kc.path, line: 1 }, text: kc.path, component: 'kubelet' }]);
  else if (boot !== undefined) put('kubelet.kubeconfigPresent', false, [{ source: { path: boot.path, line: 1 }, text: `${flagPath('kubeconfig') ?? 'kubelet.conf'} is not in the bundle, only the bootstrap kubeconfig`, component: 'kubelet' }]);

  const pems = of('certificates').flatMap((f) => f.fragment.certificates.map((cert) => ({ path: f.path, cert })));
  const clientCert = clientCertificate(kc, pems);
  if (clientCert !== undefined && now !== undefined) {
    const left = (Date.parse(clientCert.notAfter) - now.getTime()) / 1000 / DAY_SEC;
    const c = certCite(clientCert, `kubelet client certificate ${clientCert.subject}, valid ${clientCert.notBefore} to ${clientCert.notAfter}`);
    put('cert.client.daysLeft', Math.round(left * 10) / 10, [c]);
    put('cert.client.valid', left > 0 && Date.parse(clientCert.notBefore) <= now.getTime(), [c]);
  }
  if (pems.length > 0 && now !== undefined) {
    const t = now.getTime();
    const expired = pems.filter((p) => Date.parse(p.cert.notAfter) < t).map((p) => ({ value: `${p.cert.subject} (${p.path}) expired ${p.cert.notAfter}`, cite: certCite(p.cert, `certificate ${p.cert.subject}, issuer ${p.cert.issuer}, not after ${p.cert.notAfter}`) }));
    const early = pems.filter((p) => Date.parse(p.cert.notBefore) > t).map((p) => ({ value: `${p.cert.subject} (${p.path}) not valid before ${p.cert.notBefore}`, cite: certCite(p.cert, `certificate ${p.cert.subject}, issuer ${p.cert.issuer}, not before ${p.cert.notBefore}`) }));
    const all = pems.map((p) => certCite(p.cert, `certificate ${p.cert.subject}, valid ${p.cert.notBefore} to ${p.cert.notAfter}`));
    put('certs.expired', expired.map((e) => e.value), expired.length > 0 ? expired.map((e) => e.cite) : all, expired);
    put('certs.notYetValid', early.map((e) => e.value), early.length > 0 ? early.map((e) => e.cite) : all, early);
  }

  tokenFacts(node, boot?.fragment.kubeconfig, cluster, now, put);
  caFacts(kc, pems, cluster, put);
  return facts;
}

type Put = (name: string, value: ConfigValue | undefined, cites: readonly Cite[], items?: Fact['items']) => void;
type Of = <K extends NodeConfigFragment['kind']>(kind: K) => (FragmentAt & { fragment: Extract<NodeConfigFragment, { kind: K }> })[];

export function show(v: ConfigValue): string {
  return Array.isArray(v) ? (v.length === 0 ? '[]' : v.join(',')) : String(v);
}

function certCite(c: CertificateInfo, text: string): Cite {
  return { source: c.source, text, component: 'pki' };
}

/** The runtime's cgroup driver: containerd's SystemdCgroup or docker's Cgroup Driver, by the endpoint the kubelet uses. */
function runtimeFacts(node: NodeConfig, of: Of, put: Put): void {
  const endpoint = String(node.effective.get('containerRuntimeEndpoint')?.value ?? node.effective.get('--container-runtime-endpoint')?.value ?? '');
  const containerd = of('containerd-toml')[0];
  const docker = of('docker-info').find((d) => d.fragment.cgroupDriver !== undefined);
  const useDocker = /docker/.test(endpoint) || (containerd === undefined && docker !== undefined);
  if (useDocker && docker?.fragment.cgroupDriver !== undefined) {
    const d = docker.fragment.cgroupDriver;
    return put('runtime.cgroupDriver', d.value, [{ source: d.source, text: d.text, component: 'dockerd' }]);
  }
  if (containerd !== undefined && !/crio|cri-o/.test(endpoint)) {
    const s = containerd.fragment.systemdCgroup;
    // Unset, runc's option defaults to false: cgroupfs.
    if (s === undefined) put('runtime.cgroupDriver', 'cgroupfs', [{ source: { path: containerd.path, line: 0 }, text: 'SystemdCgroup not set (runc uses cgroupfs)', component: 'containerd' }]);
    else put('runtime.cgroupDriver', s.value ? 'systemd' : 'cgroupfs', [{ source: s.source, text: s.text, component: 'containerd' }]);
  }
}

function swapFacts(list: readonly (FragmentAt & { fragment: Extract<NodeConfigFragment, { kind: 'swap' }> })[], put: Put): void {
  const swaps = list.find((f) => f.format === 'proc-swaps') ?? list[0];
  if (swaps === undefined) return;
  const s = swaps.fragment;
  if (s.totalKiB !== undefined) return put('swap.active', s.totalKiB.value > 0, [{ source: s.totalKiB.source, text: s.totalKiB.text, component: 'kernel' }]);
  const cites = s.devices.length > 0 ? s.devices.map((d) => ({ source: d.source, text: d.text, component: 'kernel' })) : [{ source: { path: swaps.path, line: 1 }, text: '/proc/swaps lists no device', component: 'kernel' }];
  put('swap.active', s.devices.length > 0, cites);
}

/** The resolver file the kubelet hands to pods: its resolvConf, found in the bundle by path. */
function resolvFacts(node: NodeConfig, list: readonly (FragmentAt & { fragment: Extract<NodeConfigFragment, { kind: 'resolv-conf' }> })[], put: Put): void {
  const path = node.effective.get('resolvConf')?.value;
  if (typeof path !== 'string' || path === '') return;
  const r = list.find((f) => nodePathMatches(f.path, path));
  if (r === undefined) return;
  const ns = r.fragment.nameservers;
  const cites = ns.length > 0 ? ns.map((n) => ({ source: n.source, text: n.text, component: 'resolver' })) : [{ source: { path: r.path, line: 1 }, text: 'no nameserver line', component: 'resolver' }];
  put('resolv.nameservers', ns.length, cites);
  const loop = ns.filter((n) => /^127\.|^::1$/.test(n.value));
  put('resolv.loopback', loop.length > 0, loop.length > 0 ? loop.map((n) => ({ source: n.source, text: n.text, component: 'resolver' })) : cites);
}

function clientCertificate(kc: (FragmentAt & { fragment: Extract<NodeConfigFragment, { kind: 'kubeconfig' }> }) | undefined, pems: readonly { path: string; cert: CertificateInfo }[]): CertificateInfo | undefined {
  const user = kc?.fragment.kubeconfig.user;
  if (user?.certPem !== undefined) return certFromPem(user.certPem, kc?.path ?? '', user.at?.line ?? 1);
  const file = user?.certFile?.value;
  const match = file !== undefined ? pems.find((p) => nodePathMatches(p.path, file)) : pems.find((p) => /kubelet-client-current\.pem$/.test(p.path));
  return match?.cert;
}

/** An embedded certificate (kubeconfig data), read as the pem reader reads a file, cited at its key. */
function certFromPem(pem: string, path: string, line: number): CertificateInfo | undefined {
  const f = readPem(pem, path).fragment;
  const c = f?.kind === 'certificates' ? f.certificates[0] : undefined;
  return c === undefined ? undefined : { ...c, source: { path, line } };
}

/** The node's bootstrap token (by its kubeconfig's token id, else a token whose extra group names the node) in `kubeadm token list`. */
function tokenFacts(node: NodeConfig, boot: KubeconfigInfo | undefined, cluster: ClusterFacts, now: Date | undefined, put: Put): void {
  const rows = cluster.tokens.flatMap((t) => (t.fragment.kind === 'token-list' ? t.fragment.tokens : []));
  if (rows.length === 0) return;
  const id = boot?.user.tokenId;
  const row = id !== undefined ? rows.find((r) => r.value.id === id) : rows.find((r) => r.value.groups.some((g) => g === `system:bootstrappers:${node.host}`));
  if (row === undefined) return;
  const expiredByTtl = row.value.ttl === '<invalid>';
  const expires = row.value.expires === undefined ? undefined : Date.parse(row.value.expires);
  const expired = expiredByTtl || (expires !== undefined && now !== undefined && expires < now.getTime());
  if (!expiredByTtl && expires !== undefined && now === undefined) return; // cannot tell without the bundle's time
  put('token.bootstrapExpired', expired, [{ source: row.source, text: row.text, component: 'kubeadm' }]);
}

/** Did the CA of the kubelet's kubeconfig sign the API server's serving certificate (both in the bundle)? */
function caFacts(kc: (FragmentAt & { fragment: Extract<NodeConfigFragment, { kind: 'kubeconfig' }> }) | undefined, pems: readonly { path: string; cert: CertificateInfo }[], cluster: ClusterFacts, put: Put): void {
  if (kc === undefined) return;
  const ca = kc.fragment.kubeconfig.ca;
  const caCert = ca.kind === 'data' ? certFromPem(ca.pem, kc.path, ca.at.source.line) : ca.kind === 'file' ? pems.find((p) => nodePathMatches(p.path, ca.path.value))?.cert : undefined;
  const servers = cluster.certificates.filter((c) => !c.cert.isCA && /DNS:kubernetes\.default\.svc\b/.test(c.cert.subjectAltName));
  if (caCert === undefined || servers.length === 0) return;
  let x: X509Certificate;
  try {
    x = new X509Certificate(caCert.pem);
  } catch {
    return;
  }
  const signed = servers.filter((s) => {
    try {
      const sx = new X509Certificate(s.cert.pem);
      return sx.checkIssued(x) && sx.verify(x.publicKey);
    } catch {
      return false;
    }
  });
  const caLine = ca.kind === 'data' ? { source: ca.at.source, text: `${ca.at.text} (CA ${caCert.subject}, sha256 ${caCert.fingerprint256.slice(0, 23)}…)` } : { source: caCert.source, text: `CA ${caCert.subject}, sha256 ${caCert.fingerprint256.slice(0, 23)}…` };
  const server = signed[0] ?? servers[0];
  const cites: Cite[] = [
    { ...caLine, component: 'kubelet' },
    ...(server ? [certCite(server.cert, `API server serving certificate ${server.cert.subject}, issued by ${server.cert.issuer} (sha256 ${server.cert.fingerprint256.slice(0, 23)}…)`)] : []),
  ];
  put('kubeconfig.caSignsApiserver', signed.length > 0, cites);
}
