// `kubeadm token list` (seed 001):
//   TOKEN                     TTL       EXPIRES                     USAGES                   DESCRIPTION               EXTRA GROUPS
//   c1t7pc.0x5pu9f082zfbr1d   23h       2024-04-02T13:58:17+07:00   authentication,signing   kubelet-bootstrap-token   system:bootstrappers:idc-k8s-01
// Columns by the header's positions (the description may hold spaces). kubeadm prints TTL
// `<forever>` with EXPIRES `<never>`, and TTL `<invalid>` for a token past its expiry that the
// token cleaner has not deleted yet. Only the token's public id is kept.
import type { BootstrapTokenRow, ConfigReadResult, Sourced } from '../../model/config.js';
import { textLines } from './text-lines.js';

const HEADER = /^\s*TOKEN\s+TTL\s+EXPIRES\s+USAGES\s+DESCRIPTION\s+EXTRA GROUPS\s*$/;

export function readTokenList(text: string, path: string): ConfigReadResult {
  const lines = textLines(text, path);
  const tokens: Sourced<BootstrapTokenRow>[] = [];
  const skips: { line: number; reason: string }[] = [];
  let cols: number[] | undefined;
  lines.lines.forEach((raw, i) => {
    if (HEADER.test(raw)) {
      cols = ['TOKEN', 'TTL', 'EXPIRES', 'USAGES', 'DESCRIPTION', 'EXTRA GROUPS'].map((h) => raw.indexOf(h));
      return;
    }
    if (raw.trim() === '') return;
    const m = /^\s*([a-z0-9]{6})\.[a-z0-9]{16}\s+(\S+)\s+(\S+)\s+(\S+)/.exec(raw);
    if (cols === undefined || m === null) return void skips.push({ line: i + 1, reason: cols === undefined ? 'no kubeadm token list header before this line' : 'not a token row' });
    const groupsAt = cols[5] as number;
    const groups = raw.length > groupsAt ? raw.slice(groupsAt).trim() : '';
    const expires = m[3] as string;
    tokens.push(
      lines.sourced(
        {
          id: m[1] as string,
          ttl: m[2] as string,
          ...(/^\d{4}-/.test(expires) ? { expires } : {}),
          usages: (m[4] as string).split(','),
          groups: groups.includes(':') ? groups.split(',').filter((g) => g !== '') : [],
        },
        i + 1,
      ),
    );
  });
  return { fragment: { kind: 'token-list', tokens }, skips, values: tokens.length };
}
