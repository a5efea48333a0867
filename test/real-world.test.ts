// Acceptance check: real log excerpts that users pasted in public issue threads (not fixtures),
// analyzed as a new user would (`analyze({ inputs: [file] })`, nothing else), must rank the entry
// the thread's resolution points at first. test/real-world/SOURCES.md says where each excerpt
// comes from and why that entry is the expected one.
//
// Excerpts that do not rank right are kept as they were pasted and run as expected failures
// (`test.fails`), each with the reason: a paste shorter than its entry's threshold (a deliberate
// trade-off against transients, kept as it is), or a parser/ingest matter. The day one starts
// ranking right, its expected failure starts failing: then move the case to RANKS_FIRST.
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
  { file: 'kubelet-csr-forbidden-bootstrap.log', expected: 'kubelet-csr-forbidden' },
  { file: 'messages-kubelet-csr-provide-credentials.log', expected: 'kubelet-csr-unauthorized' },
  { file: 'kubelet-bootstrap-provide-credentials.log', expected: 'kubelet-bootstrap-token-invalid' },
  { file: 'conditions-only-stopped-posting.txt', expected: 'node-stopped-posting-status' },
  { file: 'localkube-cgroup-driver.log', expected: 'kubelet-cgroup-driver-mismatch' },
  { file: 'kube-apiserver-minikube-logs-cert-expired.log', expected: 'client-certificate-expired' },
  { file: 'describe-pod-events-dns-config-forming.txt', expected: 'dns-config-invalid' },
  { file: 'oc-get-events-watch-dns.txt', expected: 'dns-config-invalid' },
  { file: 'messages-kubelet-no-certificate-available.log', expected: 'kubelet-server-csr-pending' },
];

const KNOWN_MISSES: readonly Miss[] = [
  // Threshold misses: the paste is shorter than the entry's threshold (count AND span), so its
  // matches are reported as a transient. That is the deliberate trade-off against transients
  // (an apiserver restart, a node still starting); the thresholds stay as they are.
  {
    file: 'kubelet-cni-not-initialized.log',
    expected: 'cni-not-ready',
    why: 'threshold miss (deliberate trade-off against transients): 4 "Container runtime network not ready" lines over 15 s, below the entry\'s threshold of 3 matches AND 2 m',
  },
  {
    file: 'kubelet-runtime-down.log',
    expected: 'container-runtime-unavailable',
    why: 'threshold miss (deliberate trade-off against transients): 5 "skipping pod synchronization - [container runtime is down]" lines over 20 s, below the entry\'s threshold of 3 matches AND 30 s',
  },
  {
    file: 'prometheus-adapter-throttling.log',
    expected: 'client-side-throttling',
    why: 'threshold miss (deliberate trade-off against transients): 6 "Waited for 22.8s due to client-side throttling" lines within 1 s, below the entry\'s threshold of 5 matches AND 60 s',
  },
  {
    file: 'event-exporter-throttling.log',
    expected: 'client-side-throttling',
    why: 'threshold miss (deliberate trade-off against transients): 6 "Waited for ... due to client-side throttling" lines over 52 s, below the entry\'s threshold of 5 matches AND 60 s',
  },
  {
    file: 'kube-apiserver-one-line-paste.log',
    expected: 'client-certificate-expired',
    why: 'threshold miss (deliberate trade-off against transients): the log was pasted as one line (newlines lost), so it is one record, below the entry\'s threshold of 3 matches; even split at its klog headers it holds 2 expired-certificate entries',
  },
  {
    file: 'kubelet-x509-wrapped-single.log',
    expected: 'kubelet-x509-unknown-authority',
    why: 'threshold miss (deliberate trade-off against transients): one "Unable to register ... x509: certificate signed by unknown authority" line, below the entry\'s threshold of 3 matches; it is also wrapped mid-word, and the gated read does not rejoin the wrap (a full scan does)',
  },
  // Parser / ingest matters, not the catalog.
  {
    file: 'describe-nodes-pleg.txt',
    expected: 'pleg-unhealthy',
    why: 'parser: the user elided the "Conditions:" line with [...]; describe-node rows are only read after "Conditions:", so the Ready/PLEG row is skipped',
  },
  {
    file: 'kubelet-csr-forbidden-anonymous-wrapped.log',
    expected: 'kubelet-csr-forbidden',
    why: 'ingest: the fatal "failed to run Kubelet: cannot create certificate signing request: User "system:a|nonymous" cannot create certificatesigningrequests..." line (pre-1.8 wording, decisive) is terminal-wrapped inside the user name; the gated read does not rejoin wraps, so neither half matches (analyze with fullScan rejoins it and ranks kubelet-csr-forbidden first)',
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

describe('real-world pastes missed today: threshold trade-offs and parser/ingest matters (expected failures)', () => {
  test.fails.each(KNOWN_MISSES.map((c) => [c.file, c] as const))('%s', async (_file, c) => {
    // c.why says why it misses; passes the day it ranks right: then move it up.
    expect(await topFinding(c.file), c.why).toBe(c.expected);
  });
});
