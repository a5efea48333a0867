// A KubeletConfiguration file: /var/lib/kubelet/config.yaml (kubeadm), /etc/kubernetes/kubelet-config.yaml
// (seed 001's hand-made layout), a drop-in of --config-dir, or the YAML inside a kubelet-config ConfigMap.
//   kind: KubeletConfiguration
//   apiVersion: kubelet.config.k8s.io/v1beta1
//   authentication:
//     anonymous:
//       enabled: false
//   cgroupDriver: cgroupfs
// Settings are the document flattened to dotted keys (yaml-settings.ts); kind and apiVersion are not
// settings. A file with several documents contributes its KubeletConfiguration one.
import type { ConfigReadResult, Setting } from '../../model/config.js';
import { textLines } from './text-lines.js';
import { flatten, kindOf, readYaml } from './yaml-settings.js';

export function readKubeletConfig(text: string, path: string): ConfigReadResult {
  const lines = textLines(text, path);
  const y = readYaml(text);
  const doc = y.docs.find((d) => kindOf(d).kind === 'KubeletConfiguration') ?? (y.docs.length === 1 ? y.docs[0] : undefined);
  if (doc === undefined) return { fragment: undefined, skips: [...y.errors, ...(y.errors.length === 0 ? [{ line: 1, reason: 'no KubeletConfiguration document' }] : [])], values: 0 };
  const settings = kubeletSettings(flatten(doc.contents, lines, y.lineCounter));
  return { fragment: { kind: 'kubelet-config', settings }, skips: y.errors, values: settings.length };
}

/** A KubeletConfiguration's settings without the type header. */
export function kubeletSettings(all: readonly Setting[]): Setting[] {
  return all.filter((s) => s.key !== 'kind' && s.key !== 'apiVersion');
}
