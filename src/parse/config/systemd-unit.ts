// A systemd unit or drop-in: kubelet.service, kubelet.service.d/10-kubeadm.conf, or `systemctl cat
// kubelet`, which prints each file after a `# /path` line:
//   # /lib/systemd/system/kubelet.service.d/10-kubeadm.conf
//   [Service]
//   Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
//   EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
//   ExecStart=
//   ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
// Lines ending in `\` continue (seed 001's ExecStart puts one flag per line); `#` and `;` start
// comments. Directives keep their words with the line each starts on. Variables ($VAR, ${VAR})
// are left for match/config to expand: their values may sit in other files.
import type { ConfigReadResult, UnitDirective, UnitFile } from '../../model/config.js';
import { textLines } from './text-lines.js';
import { splitWords, type Piece } from './words.js';

const HEADER = /^# (\/\S+\.(?:service|conf))\s*$/;

export function readSystemdUnit(text: string, path: string): ConfigReadResult {
  const lines = textLines(text, path);
  const files: UnitFile[] = [];
  const skips: { line: number; reason: string }[] = [];
  let current: { path: string; directives: UnitDirective[] } = { path, directives: [] };
  let section = '';
  let values = 0;
  const n = lines.lines.length;
  for (let i = 1; i <= n; i++) {
    const raw = lines.at(i);
    const header = HEADER.exec(raw);
    if (header !== null) {
      if (current.directives.length > 0 || files.length > 0 || current.path !== path) files.push(current);
      current = { path: header[1] as string, directives: [] };
      section = '';
      continue;
    }
    const t = raw.trim();
    if (t === '' || t.startsWith('#') || t.startsWith(';')) continue;
    const sec = /^\[([A-Za-z]+)\]$/.exec(t);
    if (sec !== null) {
      section = sec[1] as string;
      continue;
    }
    const kv = /^([A-Za-z][A-Za-z0-9]*)\s*=\s?(.*)$/.exec(t);
    if (kv === null) {
      skips.push({ line: i, reason: 'not a section header or Key=Value line' });
      continue;
    }
    const start = i;
    const pieces: Piece[] = [];
    let value = kv[2] as string;
    // Continuation: the backslash becomes a space and the next line is read on.
    while (value.endsWith('\\') && i < n) {
      pieces.push({ text: value.slice(0, -1), line: i });
      i++;
      value = lines.at(i).replace(/^\s+/, '');
      if (value.startsWith('#') || value.startsWith(';')) value = ''; // systemd drops comments inside continuations
    }
    pieces.push({ text: value.endsWith('\\') ? value.slice(0, -1) : value, line: i });
    current.directives.push({
      section,
      key: kv[1] as string,
      value: pieces.map((p) => p.text.trim()).filter((x) => x !== '').join(' '),
      source: lines.ref(start),
      text: lines.at(start),
      words: splitWords(pieces, path, lines.at),
    });
    values++;
  }
  files.push(current);
  const kept = files.filter((f) => f.directives.length > 0 || files.length === 1);
  return { fragment: { kind: 'systemd-unit', files: kept }, skips, values };
}
