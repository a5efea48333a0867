import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Diagnosis } from '../../src/diagnose/diagnosis.js';
import { Redactor } from '../../src/report/redact.js';
import { renderReport } from '../../src/report/render.js';

const b64url = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: 12, maxLength: 60 });
const lowerAlnum = (n: number) => fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: n, maxLength: n });

/** Secrets of every kind the tool must mask, each with the text that must not survive. */
export const secret = fc.oneof(
  fc.tuple(b64url, b64url, b64url).map(([a, b, c]) => ({ line: `token=eyJ${a}.eyJ${b}.${c}`, secret: `eyJ${a}.eyJ${b}.${c}` })),
  fc.tuple(b64url).map(([t]) => ({ line: `Authorization: Bearer ${t}x1`, secret: `${t}x1` })),
  fc.tuple(lowerAlnum(6), lowerAlnum(16)).map(([id, s]) => ({ line: `kubeadm join --token ${id}.${s} 10.0.0.1:6443`, secret: `${id}.${s}` })),
  fc.tuple(b64url).map(([t]) => ({ line: `ExecStart=/usr/bin/kubelet --token=${t}9`, secret: `${t}9` })),
  fc.tuple(b64url).map(([k]) => ({ line: `-----BEGIN RSA PRIVATE KEY-----${k}-----END RSA PRIVATE KEY-----`, secret: k })),
  fc.tuple(b64url).map(([k]) => ({ line: `-----BEGIN CERTIFICATE-----\n${k}\n-----END CERTIFICATE-----`, secret: k })),
  fc.tuple(b64url).map(([p]) => ({ line: `proxy https://admin:${p}7@proxy.example:3128/`, secret: `${p}7` })),
  fc.tuple(b64url).map(([k]) => ({ line: `client-key-data: LS0tLS1CRUdJTi${k}`, secret: `LS0tLS1CRUdJTi${k}` })),
);

function diagnosisWith(text: string): Diagnosis {
  const ev = { file: 'node-a/kubelet.log', line: 3, time: '2024-04-01T12:00:00Z', timeBasis: 'stated', host: 'node-a', text };
  return {
    schemaVersion: 1, inputs: [], timeRange: { start: null, end: null }, transients: [], diagnostics: [], skipped: [],
    findings: [{
      pattern: 'kubelet-csr-forbidden', title: 't', severity: 'critical', status: 'active', rootCause: true, rank: 1,
      firstSeen: null, lastSeen: null, count: 1, hosts: ['node-a'], summary: 's', causedBy: [], explains: [], incidents: [],
      evidence: [ev], playbook: [{ step: 'look', status: 'confirmed', evidence: [ev] }], fix: [], references: [], sources: [],
    }],
    stats: { files: 1, bytes: 1, lines: 1, parsed: 1, skipped: 0, matchedLines: 1, hosts: ['node-a'], zone: 'UTC', zoneAssumed: true, clockSkews: 0, catalogEntries: 1 },
  };
}

describe('redaction', () => {
  test('no generated secret survives into any output format', () => {
    fc.assert(
      fc.property(secret, fc.constantFrom('text', 'json', 'markdown') as fc.Arbitrary<'text' | 'json' | 'markdown'>, (s, format) => {
        const out = renderReport(diagnosisWith(`E0401 msg ${s.line} rest`), { format });
        expect(out).not.toContain(s.secret);
        expect(out).toContain('redacted');
      }),
      { numRuns: 300 },
    );
  });

  test('the line stays useful: the bootstrap token id and the rest of the line are kept', () => {
    const r = new Redactor();
    expect(r.text('User "system:bootstrap:82jfrm" token 82jfrm.0x5pu9f082zfbr1d rejected')).toBe('User "system:bootstrap:82jfrm" token 82jfrm.<redacted> rejected');
    expect(r.count).toBe(1);
  });

  test('--no-redact shows the text as it was', () => {
    const line = 'Authorization: Bearer abcdef123456';
    expect(renderReport(diagnosisWith(line), { format: 'json', redact: false })).toContain('abcdef123456');
  });

  test('ordinary log text is left alone', () => {
    const r = new Redactor();
    const line = 'Failed while requesting a signed certificate from the control plane: cannot create certificate signing request';
    expect(r.text(line)).toBe(line);
    expect(r.count).toBe(0);
  });
});
