// Does a bundle member hold the file a node path names? Bundles keep a node's tree under a folder
// (`node-a/var/lib/kubelet/config.yaml`) or flatten it (`node-a/kubelet-config.yaml`); a
// reference such as `--config=/var/lib/kubelet/config.yaml` must find either.
export function nodePathMatches(bundlePath: string, nodePath: string): boolean {
  const want = nodePath.replace(/^\/+/, '');
  if (want === '') return false;
  if (bundlePath === want || bundlePath.endsWith(`/${want}`)) return true;
  const have = bundlePath.split('/');
  const wantParts = want.split('/');
  if (have[have.length - 1] !== wantParts[wantParts.length - 1]) return false;
  // Same file name: accept when the bundle's parent folder is not a different folder of the node's tree.
  const parent = have[have.length - 2];
  return parent === undefined || !NODE_TREE.has(parent) || wantParts.slice(0, -1).includes(parent);
}

/** Folder names of a node's file system that tell two same-named files apart. */
const NODE_TREE = new Set(['etc', 'var', 'lib', 'run', 'usr', 'kubelet', 'kubernetes', 'systemd', 'system', 'resolve', 'default', 'sysconfig', 'pki', 'containerd', 'proc', 'opt', 'cert']);
