// Deterministic (seeded) bench inputs: a kubelet journal in `journalctl -o short` with klog
// payloads, realistic chatter and about 1% real failure lines taken from the catalog's positive
// fixtures, and an apiserver audit log. Written once into a cache folder outside the repo.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

const CHATTER: readonly ((r: () => number, pod: string, uid: string) => [string, string, string])[] = [
  (r, pod) => ['I', 'kubelet.go:2443', `"SyncLoop (PLEG): event for pod" pod="default/${pod}" event={"ID":"${hex(r, 8)}-${hex(r, 4)}","Type":"ContainerStarted","Data":"${hex(r, 64)}"}`],
  (_r, pod, uid) => ['I', 'reconciler_common.go:258', `"operationExecutor.VerifyControllerAttachedVolume started for volume \\"kube-api-access-${pod.slice(-5)}\\" (UniqueName: \\"kubernetes.io/projected/${uid}-kube-api-access-${pod.slice(-5)}\\") pod \\"${pod}\\" (UID: \\"${uid}\\") " pod="default/${pod}"`],
  (_r, pod) => ['I', 'kubelet.go:2414', `"SyncLoop UPDATE" source="api" pods=["default/${pod}"]`],
  (_r, pod, uid) => ['I', 'operation_generator.go:721', `"MountVolume.SetUp succeeded for volume \\"config\\" (UniqueName: \\"kubernetes.io/configmap/${uid}-config\\") pod \\"${pod}\\" (UID: \\"${uid}\\") " pod="default/${pod}"`],
  (r, pod) => ['I', 'pod_startup_latency_tracker.go:102', `"Observed pod startup duration" pod="default/${pod}" podStartSLOduration=${(r() * 9).toFixed(9)} podStartE2EDuration="${(r() * 20).toFixed(6)}s"`],
  (_r, pod) => ['I', 'kuberuntime_container.go:779', `"Killing container with a grace period" pod="default/${pod}" podUID="${pod}" containerName="app" containerID="containerd://${'0'.repeat(8)}" gracePeriod=30`],
  (r) => ['I', 'eviction_manager.go:369', `"Eviction manager: able to reduce resource pressure without evicting pods." resourceName="ephemeral-storage" available="${Math.floor(r() * 9e9)}"`],
  (r) => ['W', 'sysinfo.go:203', `Nodes topology is not available, providing CPU topology${r() < 0.5 ? '' : ' (cpu count ' + Math.floor(r() * 64) + ')'}`],
  (_r, pod) => ['I', 'scope.go:117', `"RemoveContainer" containerID="${pod}"`],
  (r) => ['I', 'log.go:245', `http: TLS handshake error from 10.0.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}:${40000 + Math.floor(r() * 20000)}: EOF`],
];

function hex(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(r() * 16)];
  return s;
}

/** Failure messages (level, caller, text after the klog header) from the catalog's positive journal fixtures. */
export function failureMessages(patternsDir: string): [string, string, string][] {
  const out: [string, string, string][] = [];
  const head = /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ kubelet\[\d+\]: ([IWE])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ ([^ \]]+)\] (.*)$/;
  for (const id of readdirSync(patternsDir).sort()) {
    const dir = join(patternsDir, id, 'fixtures', 'positive');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (!statSync(p).isFile()) continue;
      for (const line of readFileSync(p, 'utf8').split('\n')) {
        const m = head.exec(line);
        if (m !== null && (m[1] === 'E' || m[1] === 'W')) out.push([m[1], m[2] as string, m[3] as string]);
      }
    }
  }
  return out;
}

/** Write a journal of about `bytes` bytes (unless the cache already has it); returns its path. */
export function writeJournal(cacheDir: string, bytes: number, failures: readonly [string, string, string][], seed = 42): string {
  const path = join(cacheDir, `kubelet-journal-${Math.floor(bytes / 2 ** 20)}MiB-seed${seed}.log`);
  if (existsSync(path)) return path;
  const r = prng(seed);
  let t = Date.UTC(2024, 3, 1, 0, 0, 0) / 1000; // Apr 01, a week of journal at -v=2
  const secPerLine = (7 * 86_400) / (bytes / 230);
  let frac = 0;
  const pods = Array.from({ length: 40 }, (_, i) => `web-${hex(r, 10)}-${hex(r, 5)}-${i}`);
  const uids = pods.map(() => `${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)}`);
  writeLines(path, bytes, () => {
    frac += secPerLine;
    const whole = Math.floor(frac);
    t += whole;
    frac -= whole;
    const d = new Date(t * 1000);
    const us = Math.floor(r() * 1e6);
    const hms = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
    const i = Math.floor(r() * pods.length);
    const [lvl, caller, msg] =
      r() < 0.01 && failures.length > 0
        ? (failures[Math.floor(r() * failures.length)] as [string, string, string])
        : (CHATTER[Math.floor(r() * CHATTER.length)] as (typeof CHATTER)[number])(r, pods[i] as string, uids[i] as string);
    return `${MON[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${hms} node-a kubelet[2211]: ${lvl}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${hms}.${String(us).padStart(6, '0')}    2211 ${caller}] ${msg}\n`;
  });
  return path;
}

/** An apiserver audit log (audit.k8s.io/v1 JSON lines), about 1% non-2xx. */
export function writeAudit(cacheDir: string, bytes: number, seed = 7): string {
  const path = join(cacheDir, `audit-${Math.floor(bytes / 2 ** 20)}MiB-seed${seed}.log`);
  if (existsSync(path)) return path;
  const r = prng(seed);
  let ms = Date.UTC(2024, 3, 1, 0, 0, 0);
  const verbs = ['get', 'list', 'watch', 'update', 'patch', 'create'];
  const resources = ['pods', 'leases', 'nodes', 'configmaps', 'endpointslices', 'events', 'certificatesigningrequests'];
  writeLines(path, bytes, () => {
    ms += Math.floor(r() * 20);
    const bad = r() < 0.01;
    const code = (bad ? [401, 403, 404, 409, 429, 500, 503][Math.floor(r() * 7)] : [200, 200, 200, 201][Math.floor(r() * 4)]) ?? 200;
    const verb = verbs[Math.floor(r() * verbs.length)];
    const resource = resources[Math.floor(r() * resources.length)];
    const ts = new Date(ms).toISOString().replace('Z', '') + '123Z';
    const user = r() < 0.3 ? `system:node:node-${Math.floor(r() * 20)}` : 'system:serviceaccount:kube-system:generic-garbage-collector';
    return (
      `{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)}","stage":"ResponseComplete",` +
      `"requestURI":"/api/v1/namespaces/default/${resource}?limit=500","verb":"${verb}","user":{"username":"${user}","groups":["system:authenticated"]},` +
      `"sourceIPs":["10.0.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}"],"userAgent":"kube-controller-manager/v1.29.3 (linux/amd64) kubernetes/6813625",` +
      `"objectRef":{"resource":"${resource}","namespace":"default","apiVersion":"v1"},"responseStatus":{"metadata":{},${code >= 300 ? '"status":"Failure","reason":"Forbidden",' : ''}"code":${code}},` +
      `"requestReceivedTimestamp":"${ts}","stageTimestamp":"${ts}","annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":""}}\n`
    );
  });
  return path;
}

/**
 * Write lines from `next()` to `path` in 4 MiB writes until about `bytes` are written, through a
 * .partial file so a killed run never leaves a file the cache would trust.
 */
function writeLines(path: string, bytes: number, next: () => string): void {
  const tmp = `${path}.partial`;
  const fd = openSync(tmp, 'w');
  let written = 0;
  let buf = '';
  while (written < bytes) {
    buf += next();
    if (buf.length > 4 << 20) {
      written += writeSync(fd, buf);
      buf = '';
    }
  }
  if (buf.length > 0) writeSync(fd, buf);
  closeSync(fd);
  renameSync(tmp, path);
}
