// What the cluster says a node's DNS and kubelet configuration should be:
// - kubeadm's ClusterConfiguration (networking.dnsDomain, networking.serviceSubnet), alone or
//   inside the kube-system/kubeadm-config ConfigMap;
// - the kube-system/kube-dns Service (spec.clusterIP: the address clusterDNS must name);
// - the kube-system/kubelet-config ConfigMap (data.kubelet: the KubeletConfiguration kubeadm
//   writes to each node at join), or a KubeletConfiguration next to a ClusterConfiguration.
//   apiVersion: v1
//   kind: ConfigMap
//   metadata: {name: kubeadm-config, namespace: kube-system}
//   data:
//     ClusterConfiguration: |
//       networking:
//         dnsDomain: cluster.local
//         serviceSubnet: 10.96.0.0/12
// A JSON List of such objects (`kubectl get cm,svc -n kube-system -o json`) is read item by item.
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ConfigReadResult, Setting } from '../../model/config.js';
import { kubeletSettings } from './kubelet-config.js';
import { textLines, type TextLines } from './text-lines.js';
import { flatten, readYaml } from './yaml-settings.js';

export function readClusterObject(text: string, path: string): ConfigReadResult {
  const lines = textLines(text, path);
  const y = readYaml(text);
  const settings: Setting[] = [];
  const kubeletConfig: Setting[] = [];
  const lineOf = (n: unknown): number => y.lineCounter.linePos((n as Node | undefined)?.range?.[0] ?? 0).line;
  const visit = (m: YAMLMap): void => {
    const kind = m.get('kind');
    const meta = m.get('metadata', true);
    const name = isMap(meta) ? meta.get('name') : undefined;
    if (kind === 'List') {
      const items = m.get('items', true);
      if (isSeq(items)) for (const it of items.items) if (isMap(it)) visit(it);
      return;
    }
    if (kind === 'ClusterConfiguration') return void settings.push(...clusterSettings(flatten(m, lines, y.lineCounter)));
    if (kind === 'KubeletConfiguration') return void kubeletConfig.push(...kubeletSettings(flatten(m, lines, y.lineCounter)));
    if (kind === 'Service' && name === 'kube-dns') {
      const spec = m.get('spec', true);
      const ip = isMap(spec) ? spec.get('clusterIP', true) : undefined;
      if (isScalar(ip) && typeof ip.value === 'string') settings.push({ key: 'dnsServiceIP', value: ip.value, source: lines.ref(lineOf(ip)), text: lines.at(lineOf(ip)) });
      return;
    }
    if (kind === 'ConfigMap' && typeof name === 'string') {
      const data = m.get('data', true);
      if (!isMap(data)) return;
      for (const pair of data.items) {
        const key = (pair.key as { value?: unknown }).value;
        const v = pair.value;
        if (!isScalar(v) || typeof v.value !== 'string') continue;
        const inner = embedded(v.value, lines, lineOf(pair.key), isBlock(v));
        if (name === 'kubeadm-config' && key === 'ClusterConfiguration') settings.push(...clusterSettings(inner));
        if (/^kubelet-config/.test(name) && /^kubelet$|^kubelet-config/.test(String(key))) kubeletConfig.push(...kubeletSettings(inner));
      }
    }
  };
  for (const d of y.docs) if (isMap(d.contents)) visit(d.contents);
  const values = settings.length + kubeletConfig.length;
  return { fragment: values === 0 ? undefined : { kind: 'cluster-object', settings, kubeletConfig }, skips: values === 0 ? [...y.errors, { line: 1, reason: 'no ClusterConfiguration, kube-dns Service or kubelet-config' }] : y.errors, values };
}

function clusterSettings(all: readonly Setting[]): Setting[] {
  const rename: Readonly<Record<string, string>> = { 'networking.dnsDomain': 'dnsDomain', 'networking.serviceSubnet': 'serviceSubnet', kubernetesVersion: 'kubernetesVersion' };
  return all.flatMap((s) => (rename[s.key] !== undefined ? [{ ...s, key: rename[s.key] as string }] : []));
}

function isBlock(v: unknown): boolean {
  const t = (v as { type?: string }).type;
  return t === 'BLOCK_LITERAL' || t === 'BLOCK_FOLDED';
}

/** A YAML document inside a ConfigMap value; in a block scalar its line n sits n lines below the key. */
function embedded(text: string, outer: TextLines, keyLine: number, block: boolean): Setting[] {
  const inner = textLines(text, outer.path);
  const y = readYaml(text);
  const doc = y.docs[0];
  if (doc === undefined) return [];
  return flatten(doc.contents, inner, y.lineCounter).map((s) => {
    const line = block ? keyLine + s.source.line : keyLine;
    return { ...s, source: outer.ref(line), text: outer.at(line) };
  });
}
