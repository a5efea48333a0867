// A resolver file: /etc/resolv.conf, or /run/systemd/resolve/resolv.conf on systemd-resolved hosts.
//   # This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).
//   nameserver 127.0.0.53
//   options edns0 trust-ad
//   search corp.example.com
// The kubelet copies nameservers (at most three, glibc's MAXNS) and search domains into pods.
import type { ConfigReadResult, Sourced } from '../../model/config.js';
import { textLines } from './text-lines.js';

export function readResolvConf(text: string, path: string): ConfigReadResult {
  const lines = textLines(text, path);
  const nameservers: Sourced<string>[] = [];
  const search: Sourced<string>[] = [];
  const skips: { line: number; reason: string }[] = [];
  lines.lines.forEach((raw, i) => {
    const t = raw.trim();
    if (t === '' || t.startsWith('#') || t.startsWith(';')) return;
    const m = /^(nameserver|search|domain|options|sortlist)\s+(.*)$/.exec(t);
    if (m === null) return void skips.push({ line: i + 1, reason: 'not a resolv.conf directive' });
    if (m[1] === 'nameserver') nameservers.push(lines.sourced((m[2] as string).split(/\s+/)[0] as string, i + 1));
    // The last search (or domain) line wins, as in glibc.
    if (m[1] === 'search' || m[1] === 'domain') {
      search.length = 0;
      for (const d of (m[2] as string).split(/\s+/)) if (d !== '') search.push(lines.sourced(d, i + 1));
    }
  });
  return { fragment: { kind: 'resolv-conf', nameservers, search }, skips, values: nameservers.length + search.length };
}
