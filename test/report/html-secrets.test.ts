// The HTML report holds no secret from the bundle (the redaction tests' list) and no absolute
// path of the machine that made it.
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Diagnosis } from '../../src/diagnose/diagnosis.js';
import { clientScript } from '../../src/report/html/client-script.js';
import { Redactor } from '../../src/report/redact.js';
import { renderReport } from '../../src/report/render.js';
import { tempDir } from '../support/archive.js';
import { bundlesUnderTest } from '../support/bundles-under-test.js';
import { HTML_DIAGNOSIS } from '../support/html-diagnosis.js';
import { SECRET_EXAMPLES, secret } from '../support/secrets.js';

/** A diagnosis with the text in every kind of string the page prints. */
function everywhere(text: string): Diagnosis {
  const [first, ...rest] = HTML_DIAGNOSIS.findings;
  if (first === undefined) throw new Error('fixture has no finding');
  const ev = { file: `node-a/${text}.log`, line: 3, time: '2024-04-01T12:10:02Z', timeBasis: 'stated', host: 'node-b', text };
  return {
    ...HTML_DIAGNOSIS,
    inputs: [...HTML_DIAGNOSIS.inputs, { ...HTML_DIAGNOSIS.inputs[0]!, path: `node-a/${text}`, timeSource: text }],
    findings: [
      {
        ...first,
        title: text,
        summary: text,
        evidence: [...first.evidence, ev],
        playbook: [...first.playbook, { step: text, status: 'confirmed', evidence: [ev] }],
        fix: [...first.fix, { description: text, command: text }],
        references: [...first.references, text],
      },
      ...rest,
    ],
    transients: [{ pattern: 'pleg-unhealthy', host: 'node-a', count: 1, reason: text }],
    diagnostics: [{ path: 'node-d/x.gz', severity: 'error', message: text }],
  };
}

/**
 * The page without its bundled script: the script is the same bytes for every diagnosis (it is
 * built from src/report/html/client/, never from data), and a short generated secret such as
 * "sOwnProperty" can occur in its code.
 */
function withoutScript(page: string): string {
  const at = page.lastIndexOf('<script>');
  expect(page.slice(at)).toBe(`<script>${clientScript()}</script>\n</body>\n</html>\n`);
  return page.slice(0, at);
}

const klog = (lines: readonly string[]): string =>
  lines.map((m, i) => `E0401 12:${String(13 + i).padStart(2, '0')}:41.801997    2211 ${m}`).join('\n') + '\n';
const CSR = 'certificate_manager.go:562] Failed while requesting a signed certificate from the control plane: cannot create certificate signing request: certificatesigningrequests.certificates.k8s.io is forbidden: User "system:bootstrap:9x2kqd" cannot create resource';

describe('no secret leaves in the HTML report', () => {
  test('generated secrets of every kind, in every place the page prints text', () => {
    fc.assert(
      fc.property(secret, (s) => {
        const out = withoutScript(renderReport(everywhere(`E0401 msg ${s.line} rest`), { format: 'html' }));
        expect(out.includes(s.secret)).toBe(false);
        expect(out).toContain('redacted');
      }),
      { numRuns: 150 },
    );
  });

  test('secrets planted in a bundle on disk: the evidence is cited, masked', async () => {
    for (const s of SECRET_EXAMPLES) expect(new Redactor().text(s.line), s.line).not.toContain(s.secret);
    const dir = tempDir();
    mkdirSync(join(dir, 'node-a'));
    writeFileSync(join(dir, 'node-a', 'kubelet.log'), klog(SECRET_EXAMPLES.map((s) => `${CSR}; ${s.line.replace(/\n/g, ' ')}`)));
    const d = await analyze({ inputs: [dir], year: 2024 });
    expect(d.findings.map((f) => f.pattern)).toContain('kubelet-csr-forbidden');
    const out = withoutScript(renderReport(d, { format: 'html' }));
    expect(out).toContain('&lt;redacted');
    for (const s of SECRET_EXAMPLES) expect(out.includes(s.secret), s.secret).toBe(false);
  });

  test.each(bundlesUnderTest().map((b) => [b.name, b.dir] as const))('%s: nothing the redactor would mask is left', async (_name, dir) => {
    const markup = withoutScript(renderReport(await analyze({ inputs: [dir] }), { format: 'html' }));
    const again = new Redactor();
    again.text(markup);
    expect(again.count).toBe(0);
  });
});

describe('no absolute path of this machine in the HTML report', () => {
  test('of the bundle, the working directory, the temp dir or the home directory', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'node-a'));
    writeFileSync(join(dir, 'node-a', 'kubelet.log'), klog([CSR, CSR, CSR]));
    const d = await analyze({ inputs: [dir], year: 2024 });
    const out = renderReport(d, { format: 'html' });
    expect(out).toContain('node-a/kubelet.log');
    const paths = [dir, realpathSync(dir), process.cwd(), realpathSync(process.cwd()), tmpdir(), homedir()].filter((p) => p.length > 1);
    for (const p of new Set(paths)) expect(out.includes(`${p}/`), p).toBe(false);
    expect(out).not.toMatch(/file:\/\//);
  });

  test.each(bundlesUnderTest().map((b) => [b.name, b.dir] as const))('%s', async (_name, dir) => {
    const out = renderReport(await analyze({ inputs: [dir] }), { format: 'html' });
    for (const p of new Set([dir, process.cwd(), homedir()])) expect(out.includes(p), p).toBe(false);
  });
});
