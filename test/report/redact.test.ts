import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Diagnosis } from '../../src/diagnose/diagnosis.js';
import { Redactor } from '../../src/report/redact.js';
import { renderReport } from '../../src/report/render.js';
import { secret } from '../support/secrets.js';

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
