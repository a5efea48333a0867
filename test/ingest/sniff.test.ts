import { describe, expect, test } from 'vitest';
import { sniff } from '../../src/ingest/sniff.js';

const fmt = (text: string, path = 'x.log') => {
  const r = sniff(Buffer.from(text), path);
  return r.kind === 'text' ? r.sniffed.format : 'binary';
};

describe('sniff decides by content, not name', () => {
  test.each([
    ['journal-short', 'Apr 01 12:13:41 idc-k8s-01 kubelet[128468]: I0526 12:13:41.798230  128468 certificate_manager.go:366] Rotating certificates\n'],
    ['journal-short', '-- Logs begin at Mon 2024-04-01 10:00:00 UTC, end at Mon 2024-04-01 13:00:00 UTC. --\nApr 01 12:13:41 n kubelet[1]: x\n'],
    ['journal-short', '4月 01 12:13:41 node-a kubelet[1234]: hello\n4月 01 12:13:42 node-a kubelet[1234]: again\n'],
    ['syslog-rfc3164', 'Apr  1 12:13:41 node-a kubelet[1234]: hello\n'],
    ['journal-short-iso', '2024-04-01T12:13:41+0700 node-a kubelet[1234]: hello\n'],
    ['journal-short-full', 'Mon 2024-04-01 12:13:41 UTC node-a kubelet[1234]: hello\n'],
    ['journal-short-monotonic', '[ 1234.567890] node-a kubelet[1234]: hello\n'],
    ['journal-json', '{"__CURSOR":"s=1","__REALTIME_TIMESTAMP":"1711973621801997","MESSAGE":"x"}\n'],
    ['journal-json-pretty', '{\n\t"__CURSOR" : "s=1",\n\t"__REALTIME_TIMESTAMP" : "1711973621801997",\n\t"MESSAGE" : "x"\n}\n'],
    ['klog', 'E0401 12:13:41.801997  128468 certificate_manager.go:385] Failed\n'],
    ['klog-json', '{"ts":1711973621801.997,"caller":"app/server.go:1","msg":"x","v":0}\n'],
    ['cri', '2024-04-01T12:13:41.801997123Z stderr F E0401 12:13:41.801997       1 x.go:1] y\n'],
    ['docker-json', '{"log":"hello\\n","stream":"stderr","time":"2024-04-01T12:13:41.801997123Z"}\n'],
    ['audit', '{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"a","stage":"ResponseComplete"}\n'],
    ['k8s-events-json', '{\n    "apiVersion": "v1",\n    "items": [\n        {\n            "involvedObject": {"kind": "Node"},\n            "kind": "Event"\n        }\n    ],\n    "kind": "List"\n}\n'],
    ['k8s-events-table', 'LAST SEEN   TYPE      REASON         OBJECT        MESSAGE\n2m          Normal    NodeNotReady   node/node-b   Node node-b status is now: NodeNotReady\n'],
    ['csr-table', 'NAME        AGE   REQUESTOR                 CONDITION\ncsr-5d7cx   82s   system:node:idc-k8s-01    Pending\n'],
    ['describe-node', 'Name:               node-b\nRoles:              <none>\nConditions:\n'],
    ['systemctl-status', '● kubelet.service - kubelet: The Kubernetes Node Agent\n     Loaded: loaded (/lib/systemd/system/kubelet.service; enabled)\n     Active: activating (auto-restart)\n'],
    ['prom-text', '# HELP apiserver_audit_event_total Counter of audit events.\n# TYPE apiserver_audit_event_total counter\napiserver_audit_event_total 0\n'],
    ['plain', 'just some words\nthat are not a log\n'],
  ])('%s', (want, text) => {
    expect(fmt(text)).toBe(want);
  });

  test('journal-short and syslog look alike; /var/log/messages says syslog', () => {
    expect(fmt('Apr 01 12:13:41 node-a kubelet[1234]: hello\n', 'node-a/var/log/messages')).toBe('syslog-rfc3164');
  });

  test('pasted text: grep -n and > prefixes are detected and stripped before sniffing', () => {
    const r = sniff(Buffer.from('12:Apr 01 12:13:41 n kubelet[1]: a\n13-Apr 01 12:13:42 n kubelet[1]: b\n'), 'paste.txt');
    expect(r).toEqual({ kind: 'text', sniffed: { format: 'journal-short', paste: 'grep-n' } });
    const q = sniff(Buffer.from('> E0401 12:13:41.801997  1 x.go:1] a\n> E0401 12:13:41.801997  1 x.go:1] b\n'), 'ticket.txt');
    expect(q).toEqual({ kind: 'text', sniffed: { format: 'klog', paste: 'quote' } });
  });

  test('a binary blob named kubelet.log is binary', () => {
    expect(sniff(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]), 'kubelet.log').kind).toBe('binary');
  });
});
