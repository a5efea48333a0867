// `kube-forensics config`: the effective configuration per node and the drift table, redacted;
// exit 1 when a critical check fires. Runs the built CLI (npm test builds first).
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

const run = (args: string[]) => {
  const r = spawnSync('node', ['dist/src/cli/main.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

test('config prints every node, the checks that fired and the drift table', () => {
  const r = run(['config', 'samples/node-config-drift']);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/^Node configuration \(dates judged at 2024-04-22T10:03:34Z\):/);
  expect(r.out).toContain('    clusterDNS                                 = 10.96.0.53  [file node-c/var/lib/kubelet/config.yaml:16]');
  expect(r.out).toContain('    failSwapOn                                 = true  [default]');
  expect(r.out).toMatch(/Drift between 3 nodes \(node-a, node-b, node-c\), 2 keys differ:\n\s+cgroupDriver\s+cgroupfs on node-b \| systemd on node-a, node-c\n\s+clusterDNS\s+10\.96\.0\.10 on node-a, node-b \| 10\.96\.0\.53 on node-c/);
});

test('config --format json carries config and drift; secrets stay masked', () => {
  const j = JSON.parse(run(['config', 'checks/bootstrap-token-expired/fixtures/positive/never-joined', '--format', 'json']).out) as { config: { checks: { check: string; status: string; evidence: { text: string }[] }[] }; drift: unknown };
  const fired = j.config.checks.find((c) => c.check === 'bootstrap-token-expired');
  expect(fired?.status).toBe('fired');
  const text = JSON.stringify(j);
  expect(text).toContain('abcdef.<redacted>');
  expect(text).not.toContain('0123456789abcdef');
});

test('a bundle without kubelet configuration says so and exits 0', () => {
  const r = run(['config', 'patterns/kubelet-csr-forbidden/fixtures/negative/journal-bootstrap-succeeds.log', '--year', '2024']);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^No kubelet configuration in this bundle/);
});
