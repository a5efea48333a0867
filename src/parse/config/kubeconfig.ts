// A kubeconfig: /etc/kubernetes/kubelet.conf, bootstrap-kubelet.conf, seed 001's
// kubelet-bootstrap.kubeconfig. What the checks need: the server, the CA (embedded or a file),
// and how the current context's user authenticates.
//   clusters:
//   - cluster:
//       certificate-authority-data: LS0tLS1CRUdJTi...
//       server: https://10.0.0.10:6443
//     name: kubernetes
//   users:
//   - name: system:node:node-a
//     user:
//       client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem
// Credentials are never kept: of a bootstrap token only its public id; of embedded certificate
// data only the certificate (to read its dates and verify it), never a key.
import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ConfigReadResult, KubeconfigInfo, Sourced } from '../../model/config.js';
import { textLines, type TextLines } from './text-lines.js';
import { readYaml } from './yaml-settings.js';

export function readKubeconfig(text: string, path: string): ConfigReadResult {
  const lines = textLines(text, path);
  const y = readYaml(text);
  const root = y.docs[0]?.contents;
  if (!isMap(root)) return { fragment: undefined, skips: [...y.errors, { line: 1, reason: 'not a kubeconfig (no top-level map)' }], values: 0 };
  const lineOf = (n: unknown): number => y.lineCounter.linePos((n as Node | undefined)?.range?.[0] ?? 0).line;
  const str = (m: YAMLMap, k: string): Sourced<string> | undefined => {
    const node = m.get(k, true) as Node | undefined;
    const v = (node as { value?: unknown } | undefined)?.value;
    if (typeof v !== 'string') return undefined;
    const pair = m.items.find((p) => (p.key as { value?: unknown }).value === k);
    const line = lineOf(pair?.key ?? node);
    return lines.sourced(v, line);
  };
  const named = (list: string, name: string | undefined, inner: string): YAMLMap | undefined => {
    const seq = root.get(list, true);
    if (!isSeq(seq)) return undefined;
    const maps = seq.items.filter(isMap);
    const hit = maps.find((m) => (m.get('name') as unknown) === name) ?? (maps.length === 1 ? maps[0] : undefined);
    const v = hit?.get(inner, true);
    return isMap(v) ? v : undefined;
  };
  const current = root.get('current-context');
  const ctx = named('contexts', typeof current === 'string' ? current : undefined, 'context');
  const clusterName = ctx?.get('cluster');
  const userName = ctx?.get('user');
  const cluster = named('clusters', typeof clusterName === 'string' ? clusterName : undefined, 'cluster');
  const user = named('users', typeof userName === 'string' ? userName : undefined, 'user');

  const server = cluster === undefined ? undefined : str(cluster, 'server');
  const caData = cluster === undefined ? undefined : str(cluster, 'certificate-authority-data');
  const caFile = cluster === undefined ? undefined : str(cluster, 'certificate-authority');
  const caPem = caData === undefined ? undefined : pemFromBase64(caData.value);
  const ca: KubeconfigInfo['ca'] =
    caData !== undefined && caPem !== undefined
      ? { kind: 'data', pem: caPem, at: { value: 'certificate-authority-data', source: caData.source, text: redactedLine(lines, caData.source.line) } }
      : caFile !== undefined
        ? { kind: 'file', path: caFile }
        : { kind: 'none' };
  const info: KubeconfigInfo = { ...(server !== undefined ? { server } : {}), ca, user: userOf(user, str, lines, lineOf) };
  const values = [server, caData ?? caFile, info.user.kind !== 'none' ? 1 : undefined].filter((x) => x !== undefined).length;
  return { fragment: { kind: 'kubeconfig', kubeconfig: info }, skips: y.errors, values };
}

function userOf(
  user: YAMLMap | undefined,
  str: (m: YAMLMap, k: string) => Sourced<string> | undefined,
  lines: TextLines,
  lineOf: (n: unknown) => number,
): KubeconfigInfo['user'] {
  if (user === undefined) return { kind: 'none' };
  const certFile = str(user, 'client-certificate');
  const certData = str(user, 'client-certificate-data');
  const token = str(user, 'token');
  if (certFile !== undefined || certData !== undefined) {
    const at = (certFile ?? certData)?.source;
    const pem = certData === undefined ? undefined : pemFromBase64(certData.value);
    return { kind: 'client-certificate', ...(at ? { at } : {}), ...(certFile ? { certFile } : {}), ...(pem ? { certPem: pem } : {}) };
  }
  if (token !== undefined) {
    const boot = /^([a-z0-9]{6})\.[a-z0-9]{16}$/.exec(token.value);
    return boot !== null ? { kind: 'bootstrap-token', at: token.source, tokenId: boot[1] as string } : { kind: 'token', at: token.source };
  }
  const line = (k: string): number | undefined => {
    const pair = user.items.find((p) => (p.key as { value?: unknown }).value === k);
    return pair === undefined ? undefined : lineOf(pair.key);
  };
  for (const [k, kind] of [['exec', 'exec'], ['auth-provider', 'auth-provider'], ['username', 'basic-auth'], ['tokenFile', 'token']] as const) {
    const l = line(k);
    if (l !== undefined) return { kind, at: lines.ref(l) };
  }
  return { kind: 'none' };
}

/** base64 of a PEM certificate → the PEM text; keys and anything else are dropped. */
function pemFromBase64(b64: string): string | undefined {
  const text = Buffer.from(b64.replace(/\s+/g, ''), 'base64').toString('utf8');
  const m = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(text);
  return m === null ? undefined : m[0];
}

/** The line of an embedded-data key, its value cut: evidence shows where it is, never what. */
function redactedLine(lines: TextLines, n: number): string {
  return lines.at(n).replace(/:\s*\S.*$/, ': <data>');
}
