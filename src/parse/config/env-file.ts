// An environment file the kubelet's unit reads: /var/lib/kubelet/kubeadm-flags.env (written by
// kubeadm init/join), /etc/default/kubelet (deb), /etc/sysconfig/kubelet (rpm):
//   KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.9"
//   KUBELET_EXTRA_ARGS=
// systemd reads `KEY=value` lines; quotes group, `#` and `;` start comments, `export ` is tolerated.
import type { ConfigReadResult, Setting } from '../../model/config.js';
import { textLines } from './text-lines.js';
import { splitWords } from './words.js';

export function readEnvFile(text: string, path: string): ConfigReadResult {
  const lines = textLines(text, path);
  const vars: Setting[] = [];
  const skips: { line: number; reason: string }[] = [];
  lines.lines.forEach((raw, i) => {
    const t = raw.trim();
    if (t === '' || t.startsWith('#') || t.startsWith(';')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(t);
    if (m === null) {
      skips.push({ line: i + 1, reason: 'not a KEY=value line' });
      return;
    }
    // The value as one word: quotes removed, inner spaces kept (`"--a=1 --b=2"`).
    const words = splitWords([{ text: m[2] as string, line: i + 1 }], path, lines.at);
    const value = words.map((w) => w.value).join(' ');
    vars.push({ key: m[1] as string, value, source: lines.ref(i + 1), text: raw });
  });
  return { fragment: { kind: 'env-file', vars }, skips, values: vars.length };
}
