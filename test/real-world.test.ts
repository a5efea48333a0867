// Acceptance check: real log excerpts that users pasted in public issue threads (not fixtures),
// analyzed as a new user would (`analyze({ inputs: [file] })`, nothing else), must rank the entry
// the thread's resolution points at first. test/real-world/SOURCES.md says where each excerpt
// comes from and why that entry is the expected one.
//
// Excerpts the catalog does not rank right yet are kept as they were pasted and run as expected
// failures (`test.fails`), each with the reason; the day the catalog learns the line, the
// expected failure starts failing: then move the case to RANKS_FIRST.
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { analyze } from '../src/analyze.js';

const DIR = join(import.meta.dirname, 'real-world');

interface Case {
  readonly file: string;
  readonly expected: string;
}

interface Miss extends Case {
  /** Why the catalog misses it today, and what it would need. */
  readonly why: string;
}

const RANKS_FIRST: readonly Case[] = [
  { file: 'kubelet-pleg-skipping-sync.log', expected: 'pleg-unhealthy' },
  { file: 'describe-node-tabs-stopped-posting.txt', expected: 'node-stopped-posting-status' },
  { file: 'kubelet-swap-on.log', expected: 'kubelet-swap-enabled' },
  { file: 'kubelet-cgroup-driver-quoted.log', expected: 'kubelet-cgroup-driver-mismatch' },
  { file: 'kubelet-bootstrap-cert-expired.log', expected: 'kubelet-certificate-expired' },
  { file: 'kubelet-config-missing.log', expected: 'kubelet-config-invalid' },
  { file: 'kubelet-config-missing-sinhala-locale.log', expected: 'kubelet-config-invalid' },
  { file: 'kube-apiserver-client-cert-expired.log', expected: 'client-certificate-expired' },
  { file: 'kubelet-csr-unauthorized-rotation.log', expected: 'kubelet-csr-unauthorized' },
  { file: 'kubelet-apiserver-lb-no-route.log', expected: 'apiserver-unreachable' },
  { file: 'kubelet-nameserver-limits-bare.log', expected: 'dns-config-invalid' },
];

const KNOWN_MISSES: readonly Miss[] = [
  {
    file: 'kubelet-csr-forbidden-bootstrap.log',
    expected: 'kubelet-csr-forbidden',
    why: 'one fatal "failed to run Kubelet: cannot create certificate signing request: ...is forbidden" line (the kubelet exits after it); threshold count 2 makes it a transient',
  },
  {
    file: 'kubelet-csr-forbidden-anonymous-wrapped.log',
    expected: 'kubelet-csr-forbidden',
    why: 'pre-1.8 RBAC wording "cannot create certificate signing request: User "system:anonymous" cannot create certificatesigningrequests.certificates.k8s.io at the cluster scope" has no "...is forbidden"; and one line only (threshold count 2)',
  },
  {
    file: 'messages-kubelet-csr-provide-credentials.log',
    expected: 'kubelet-csr-unauthorized',
    why: 'pre-1.8 401 wording "cannot create certificate signing request: the server has asked for the client to provide credentials" instead of "...: Unauthorized"',
  },
  {
    file: 'kubelet-bootstrap-provide-credentials.log',
    expected: 'kubelet-bootstrap-token-invalid',
    why: 'v1.12 bootstrap wording "Failed to connect to apiserver: the server has asked for the client to provide credentials" instead of "...: Unauthorized"',
  },
  {
    file: 'describe-nodes-pleg.txt',
    expected: 'pleg-unhealthy',
    why: 'the user elided the "Conditions:" line with [...]; describe-node rows are only read after "Conditions:", so the Ready/PLEG row is skipped (parser, not catalog)',
  },
  {
    file: 'conditions-only-stopped-posting.txt',
    expected: 'node-stopped-posting-status',
    why: 'only the Conditions rows were pasted (no Name:, no header): read as plain text, and no log signal matches "NodeStatusUnknown  Kubelet stopped posting node status."',
  },
  {
    file: 'localkube-cgroup-driver.log',
    expected: 'kubelet-cgroup-driver-mismatch',
    why: 'the kubelet runs inside minikube\'s localkube (journal ident localkube[pid]); the signal\'s component is kubelet|kubelite|k3s',
  },
  {
    file: 'kubelet-cni-not-initialized.log',
    expected: 'cni-not-ready',
    why: '4 "Container runtime network not ready" lines over 15 s; threshold needs 3 over 120 s',
  },
  {
    file: 'kubelet-runtime-down.log',
    expected: 'container-runtime-unavailable',
    why: '5 "skipping pod synchronization - [container runtime is down]" lines over 20 s; threshold needs 3 over 30 s',
  },
  {
    file: 'kube-apiserver-minikube-logs-cert-expired.log',
    expected: 'client-certificate-expired',
    why: 'pre-1.20 wording "Unable to authenticate the request due to an error: x509: certificate has expired or is not yet valid" ends the line; the signal requires ": current time", ",", "]" or \'"\' after it',
  },
  {
    file: 'kube-apiserver-one-line-paste.log',
    expected: 'client-certificate-expired',
    why: 'the user pasted the log as one line (newlines lost): one record, threshold count 3',
  },
  {
    file: 'kubelet-x509-wrapped-single.log',
    expected: 'kubelet-x509-unknown-authority',
    why: 'one "Unable to register ... x509: certificate signed by unknown authority" line (threshold count 3), wrapped mid-word; the gated read does not rejoin the wrap (a full scan does)',
  },
  {
    file: 'describe-pod-events-dns-config-forming.txt',
    expected: 'dns-config-invalid',
    why: 'a `kubectl describe pod` Events row in prose: read as plain text without component, and nameserver-limits-exceeded requires component kubelet|kubelite|k3s',
  },
  {
    file: 'oc-get-events-watch-dns.txt',
    expected: 'dns-config-invalid',
    why: '`oc get events -w -A` row without the table header: read as plain text without component (same signal restriction as above)',
  },
  {
    file: 'prometheus-adapter-throttling.log',
    expected: 'client-side-throttling',
    why: '6 "Waited for 22.8s due to client-side throttling" lines within 1 s; threshold needs 5 over 60 s',
  },
  {
    file: 'event-exporter-throttling.log',
    expected: 'client-side-throttling',
    why: '6 "Waited for ... due to client-side throttling" lines over 52 s; threshold needs 5 over 60 s',
  },
  {
    file: 'messages-kubelet-no-certificate-available.log',
    expected: 'kubelet-server-csr-pending',
    why: 'v1.8 wording "http: TLS handshake error from ...: no certificate available" instead of "no serving certificate available for the kubelet"',
  },
];

async function topFinding(file: string): Promise<string | undefined> {
  const d = await analyze({ inputs: [join(DIR, file)] });
  return d.findings[0]?.pattern;
}

describe('real-world pastes rank the right entry first', () => {
  test.each(RANKS_FIRST.map((c) => [c.file, c] as const))('%s', async (_file, c) => {
    expect(await topFinding(c.file)).toBe(c.expected);
  });
});

describe('real-world pastes the catalog misses today (expected failures)', () => {
  test.fails.each(KNOWN_MISSES.map((c) => [c.file, c] as const))('%s', async (_file, c) => {
    // c.why says what is missing; passes the day the catalog ranks it right: then move it up.
    expect(await topFinding(c.file), c.why).toBe(c.expected);
  });
});
