// containerd's /etc/containerd/config.toml: which cgroup driver runc gets. Config version 2
// (containerd 1.x, `containerd config default`):
//   version = 2
//   [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
//     SystemdCgroup = true
// version 3 (containerd 2.x) moves it under [plugins."io.containerd.cri.v1.runtime"...]; version 1
// files had `systemd_cgroup = true` under [plugins.cri]. Absent, runc uses cgroupfs.
import { parse as parseToml, type TomlTable } from 'smol-toml';
import type { ConfigReadResult } from '../../model/config.js';
import { textLines } from './text-lines.js';

const RUNC_PATHS: readonly (readonly string[])[] = [
  ['plugins', 'io.containerd.grpc.v1.cri', 'containerd', 'runtimes', 'runc', 'options', 'SystemdCgroup'],
  ['plugins', 'io.containerd.cri.v1.runtime', 'containerd', 'runtimes', 'runc', 'options', 'SystemdCgroup'],
  ['plugins', 'cri', 'systemd_cgroup'],
  ['plugins', 'io.containerd.grpc.v1.cri', 'systemd_cgroup'],
];

export function readContainerdToml(text: string, path: string): ConfigReadResult {
  const lines = textLines(text, path);
  let doc: TomlTable;
  try {
    doc = parseToml(text);
  } catch (e) {
    const m = /line (\d+)/.exec((e as Error).message);
    return { fragment: undefined, skips: [{ line: m ? Number(m[1]) : 1, reason: `TOML: ${(e as Error).message.split('\n')[0] ?? ''}` }], values: 0 };
  }
  for (const p of RUNC_PATHS) {
    let v: unknown = doc;
    for (const k of p) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    if (typeof v !== 'boolean') continue;
    // The line: the key's first uncommented occurrence (TOML parsers keep no positions).
    const key = p[p.length - 1] as string;
    const idx = lines.lines.findIndex((l) => new RegExp(`^\\s*${key}\\s*=`).test(l));
    const line = idx < 0 ? 1 : idx + 1;
    return { fragment: { kind: 'containerd-toml', systemdCgroup: lines.sourced(v, line) }, skips: [], values: 1 };
  }
  return { fragment: { kind: 'containerd-toml' }, skips: [], values: 0 };
}
