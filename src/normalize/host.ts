// Host and component from where a file sits in the bundle, for formats whose lines do not say
// (klog files, CRI logs, audit logs). Lines that name a host (journal, syslog) win over this.

/** Folder names that are layout, never a host. */
const LAYOUT = new Set([
  'var', 'log', 'logs', 'journal', 'journals', 'pods', 'containers', 'nodes', 'node', 'hosts', 'host',
  'cluster-resources', 'host-collectors', 'run-host', 'system', 'kubelet', 'etc', 'kubernetes', 'sos_commands',
  'sos_logs', 'sos_reports', 'must-gather', 'namespaces', 'core', 'events', 'metrics', 'audit', 'control-plane',
  'static-pods', 'manifests', 'tmp', 'support-bundle', 'bundle', 'logs-archive', 'systemd', 'proc', 'lib',
  'kube-system', 'default', 'kubectl', 'describe', 'config', 'configs', 'certs', 'pki', 'cert', 'cluster',
  'cluster-info', 'cluster-scoped-resources', 'host_service_logs', 'masters', 'workers', 'var_log', 'journalctl',
  'sos_strings', 'networking', 'resources', 'k8s', 'kube', 'kubelet-logs', 'node-logs', 'crio', 'containerd',
]);

const ARCHIVE = /\.(?:tar|tgz|zip|tar\.gz|gz)$/;

/**
 * The folder an archive wraps everything in (`tar czf b.tar.gz b/`, troubleshoot's
 * `support-bundle-<time>.tar.gz/support-bundle-<time>/`) names the bundle, not a host.
 */
function wrapsArchive(dir: string, before: string | undefined): boolean {
  return before !== undefined && ARCHIVE.test(before) && before.replace(/(?:\.tar\.gz|\.tgz|\.tar|\.zip|\.gz)$/, '') === dir;
}

/** The canonical host name: lowercase, short name unless an IP address. */
export function canonicalHost(name: string): string {
  const h = name.trim().toLowerCase();
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(h) || h.includes(':')) return h;
  const dot = h.indexOf('.');
  return dot > 0 ? h.slice(0, dot) : h;
}

/** A host named by the path, e.g. `nodes/node-a/kubelet.log` or `bundle.tar.gz/node-b/journal/kubelet.txt`. */
export function hostFromPath(path: string): string | undefined {
  const segments = path.split('/').slice(0, -1);
  const dirs = segments.filter((d, i) => !ARCHIVE.test(d) && d !== '' && !wrapsArchive(d, segments[i - 1]) && !/^support-bundle-/.test(d));
  // Strong signals first: a folder named after the node by the layout itself.
  for (let i = 0; i < dirs.length - 1; i++) {
    // must-gather and many dumps: …/nodes/<node>/…; troubleshoot's host collectors: …/hosts/<node>/…
    if (/^(?:nodes|hosts)$/i.test(dirs[i] ?? '')) return canonicalHost(dirs[i + 1] ?? '');
  }
  for (const d of dirs) {
    // sosreport-<host>[-<case id>]-<yyyy>-<mm>-<dd>-<random>
    const sos = /^sosreport-(.+?)(?:-\d+)?-\d{4}-\d\d-\d\d(?:-[a-z0-9]+)?$/.exec(d) ?? /^sosreport-(.+)$/.exec(d);
    if (sos !== null) return canonicalHost(sos[1] ?? '');
  }
  for (const d of dirs) {
    // `/var/log/pods/<ns>_<pod>_<uid>/…` names a pod, not a host.
    if (/^[a-z0-9-]+_[a-z0-9.-]+_[0-9a-f-]{36}$/i.test(d)) return undefined; // below it: containers
    if (LAYOUT.has(d.toLowerCase()) || /^must-gather/.test(d) || /sha256|^quay-io-|^registry-/.test(d) || d.length > 63) continue;
    if (/^\d{4}-\d\d-\d\d/.test(d)) continue;
    if (/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(d) && !/^\d+$/.test(d)) return canonicalHost(d);
  }
  return undefined;
}

const KNOWN_COMPONENTS = [
  'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy', 'kubelet', 'etcd',
  'containerd', 'crio', 'cri-o', 'dockerd', 'docker', 'coredns', 'cloud-controller-manager', 'metrics-server', 'kernel', 'audit',
];

/** A component named by the path: `kube-apiserver.log`, `pods/kube-system_kube-apiserver-n_uid/kube-apiserver/0.log`. */
export function componentFromPath(path: string): string | undefined {
  const parts = path.split('/');
  const file = parts[parts.length - 1] ?? '';
  // /var/log/pods/<ns>_<pod>_<uid>/<container>/<n>.log: the container's folder names it.
  if (/^\d+\.log(?:\.\d+|\.gz)*$/.test(file) && parts.length >= 2) return parts[parts.length - 2];
  // /var/log/containers/<pod>_<ns>_<container>-<64 hex>.log
  const c = /^[^_]+_[^_]+_(.+)-[0-9a-f]{64}\.log$/.exec(file);
  if (c !== null) return c[1];
  const stem = file.toLowerCase();
  // `kubelet.log`, `kube-apiserver-2024.log`, must-gather's `<node>_kubelet.log`
  for (const k of KNOWN_COMPONENTS) if (stem.startsWith(k) || stem.includes(`_${k}`)) return k === 'cri-o' ? 'crio' : k;
  return undefined;
}
