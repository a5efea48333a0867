// `docker info` as a bundle keeps it: the daemon's cgroup driver, which the kubelet must match.
//   Server:
//    Server Version: 24.0.7
//    Storage Driver: overlay2
//    Cgroup Driver: systemd
//    Cgroup Version: 2
import type { ConfigReadResult } from '../../model/config.js';
import { textLines } from './text-lines.js';

export function readDockerInfo(text: string, path: string): ConfigReadResult {
  const lines = textLines(text, path);
  const find = (label: string): { value: string; line: number } | undefined => {
    const re = new RegExp(`^\\s*${label}:\\s*(\\S.*?)\\s*$`);
    for (let i = 0; i < lines.lines.length; i++) {
      const m = re.exec(lines.lines[i] as string);
      if (m !== null) return { value: m[1] as string, line: i + 1 };
    }
    return undefined;
  };
  const driver = find('Cgroup Driver');
  const version = find('Server Version');
  return {
    fragment: {
      kind: 'docker-info',
      ...(driver ? { cgroupDriver: lines.sourced(driver.value, driver.line) } : {}),
      ...(version ? { serverVersion: lines.sourced(version.value, version.line) } : {}),
    },
    skips: driver === undefined ? [{ line: 1, reason: 'no "Cgroup Driver:" line' }] : [],
    values: (driver ? 1 : 0) + (version ? 1 : 0),
  };
}
