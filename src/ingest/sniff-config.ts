// Configuration files, recognised by their content (the name only breaks ties where the content
// is a bare shape, as for an env file). Called by sniff.ts before the line formats.
import type { FormatId } from '../model/format.js';

const RESOLV = /^\s*(?:nameserver|search|domain|options|sortlist)\s+\S/;
const ENV_LINE = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=/;
const ENV_PATH = /(?:^|\/)(?:kubeadm-flags\.env|[^/]+\.env|(?:default|sysconfig)\/kubelet)$/;

export function sniffConfig(lines: readonly string[], head: string, path: string): FormatId | undefined {
  const sig = lines.filter((l) => l.trim() !== '' && !/^\s*[#;]/.test(l));
  const first = sig[0] ?? '';
  if (/^\s*-----BEGIN [A-Z0-9 ]*(?:CERTIFICATE|PRIVATE KEY)-----/.test(first)) return 'pem';
  if (/^\s*TOKEN\s+TTL\s+EXPIRES\s+USAGES/.test(first)) return 'kubeadm-token-list';
  if (/^Filename\s+Type\s+Size\s+Used\s+Priority/.test(first)) return 'proc-swaps';
  if (/^\s+total\s+used\s+free\s+shared/.test(first) && /^Swap:\s/m.test(head)) return 'free';
  const object = sniffObject(head);
  if (object !== undefined) return object;
  if (/^\s*\[(?:Unit|Service|Install)\]\s*$/m.test(head) && /^\s*[A-Za-z]+=/m.test(head)) return 'systemd-unit';
  if (/^\s*\[plugins(?:\.|\])/m.test(head) && (/^\s*version\s*=\s*\d/m.test(head) || /(?:^|\/)config\.toml$/.test(path))) return 'containerd-toml';
  if (/^\s*Server Version:\s/m.test(head) && /^\s*(?:Cgroup|Storage) Driver:\s/m.test(head)) return 'docker-info';
  if (sig.length > 0 && sig.every((l) => RESOLV.test(l)) && sig.some((l) => /^\s*nameserver\s/.test(l))) return 'resolv-conf';
  if (sig.length > 0 && sig.every((l) => ENV_LINE.test(l)) && (/\bKUBELET_[A-Z_]*=/.test(head) || ENV_PATH.test(path))) return 'env-file';
  return undefined;
}

/** A Kubernetes-style document (YAML or JSON) whose top-level kind the configuration readers know. */
function sniffObject(head: string): FormatId | undefined {
  const kinds = [...head.matchAll(/^kind:\s*["']?([A-Za-z]+)|^\s{0,4}"kind"\s*:\s*"([A-Za-z]+)"/gm)].map((m) => m[1] ?? m[2] ?? '');
  const named = (re: RegExp): boolean => re.test(head);
  if (kinds.includes('ClusterConfiguration')) return 'cluster-object';
  if (kinds.some((k) => k === 'ConfigMap' || k === 'List') && named(/["\s]name"?:\s*"?(?:kubeadm-config|kubelet-config)\b/)) return 'cluster-object';
  if (kinds.some((k) => k === 'Service' || k === 'List') && named(/["\s]name"?:\s*"?kube-dns\b/) && named(/clusterIP"?:/)) return 'cluster-object';
  if (kinds.includes('KubeletConfiguration')) return 'kubelet-config';
  if ((kinds.includes('Config') || kinds.length === 0) && /^clusters:/m.test(head) && /^(?:users|contexts):/m.test(head)) return 'kubeconfig';
  return undefined;
}
