// Every input format the tool knows, by the id used as parser file stem, `format` value in
// reports and row in docs/architecture.md's format table.

export const FORMAT_IDS = [
  'journal-short', // journalctl -o short / short-precise: `Apr 01 12:13:41[.123456] host unit[pid]: msg`
  'journal-short-iso', // -o short-iso / short-iso-precise: `2024-04-01T12:13:41[.123456]+0700 host unit[pid]: msg`
  'journal-short-full', // -o short-full: `Mon 2024-04-01 12:13:41 UTC host unit[pid]: msg`
  'journal-short-monotonic', // -o short-monotonic: `[ 1234.567890] host unit[pid]: msg`
  'journal-json', // -o json: one object per line with __REALTIME_TIMESTAMP
  'journal-json-pretty', // -o json-pretty: the same objects, indented over many lines
  'syslog-rfc3164', // /var/log/messages, kern.log: `<pri>?Apr  1 12:13:41 host tag[pid]: msg`
  'syslog-rfc5424', // `<pri>1 2024-04-01T12:13:41.1Z host app pid msgid [sd] msg`
  'klog', // k8s.io/klog text: `E0401 12:13:41.801997  128468 file.go:385] msg`
  'klog-json', // component JSON logging: `{"ts":1711973621801.997,"caller":"...","msg":"...","v":0}` (ts in ms)
  'cri', // /var/log/pods: `2024-04-01T12:13:41.801997123Z stderr F msg`
  'docker-json', // docker json-file: `{"log":"msg\n","stream":"stderr","time":"..."}`
  'audit', // apiserver audit.k8s.io/v1 Event, JSON lines
  'k8s-events-json', // kubectl get events -o json (a v1 List)
  'k8s-events-table', // kubectl get events (columns)
  'describe-node', // kubectl describe node
  'csr-table', // kubectl get csr
  'systemctl-status', // systemctl status kubelet
  'prom-text', // Prometheus text exposition format
  'plain', // text with no recognised structure (journalctl -o cat): lines kept, no time
  // Node configuration, read whole into a NodeConfigFragment (src/model/config.ts), no records:
  'kubelet-config', // KubeletConfiguration YAML: /var/lib/kubelet/config.yaml
  'systemd-unit', // kubelet.service, kubelet.service.d/10-kubeadm.conf, `systemctl cat kubelet`
  'env-file', // kubeadm-flags.env, /etc/default/kubelet, /etc/sysconfig/kubelet
  'kubeconfig', // kubelet.conf, bootstrap-kubelet.conf
  'containerd-toml', // /etc/containerd/config.toml
  'docker-info', // `docker info`
  'resolv-conf', // /etc/resolv.conf
  'proc-swaps', // /proc/swaps
  'free', // `free` (its Swap: row)
  'kubeadm-token-list', // `kubeadm token list`
  'pem', // PEM certificates (ca.crt, apiserver.crt, kubelet-client-current.pem)
  'cluster-object', // ClusterConfiguration, kubeadm-config / kubelet-config ConfigMaps, kube-dns Service
] as const;

export type FormatId = (typeof FORMAT_IDS)[number];

export function isFormatId(s: string): s is FormatId {
  return (FORMAT_IDS as readonly string[]).includes(s);
}
