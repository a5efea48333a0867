// The HTML report as a string: escaping, order, self-containment, the inventory, the picture's
// data, metric evidence, its size on the sample bundles, and the CLI that writes it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Diagnosis } from '../../src/diagnose/diagnosis.js';
import { escapeHtml, html } from '../../src/report/html/markup.js';
import { pictureData } from '../../src/report/html/picture-data.js';
import { renderReport } from '../../src/report/render.js';
import { tempDir } from '../support/archive.js';
import { bundlesUnderTest } from '../support/bundles-under-test.js';
import { HOSTILE_LINE, HTML_DIAGNOSIS } from '../support/html-diagnosis.js';

const render = (d: Diagnosis): string => renderReport(d, { format: 'html' });
/** The page's markup without its two script elements (the data island and the bundle). */
function markupOf(page: string): string {
  const island = page.indexOf('<script type="application/json"');
  const bundle = page.lastIndexOf('<script>');
  return page.slice(0, island) + page.slice(page.indexOf('</script>', island) + '</script>'.length, bundle) + page.slice(page.indexOf('</script>', bundle) + '</script>'.length);
}
const between = (s: string, from: string, to: string): string => s.slice(s.indexOf(from), s.indexOf(to, s.indexOf(from)));

describe('escaping', () => {
  test('a log line holding <script> stays text', () => {
    const page = render(HTML_DIAGNOSIS);
    const markup = markupOf(page);
    expect(markup).not.toMatch(/<script|<img/i);
    expect(markup).toContain(escapeHtml(HOSTILE_LINE));
    expect(markup).toContain('&lt;/script&gt;&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    const island = between(page, '<script type="application/json"', '</script>');
    expect(island.slice(island.indexOf('>') + 1)).not.toMatch(/[<>&]/);
    expect(page.match(/<script/g)).toHaveLength(2);
  });

  test('every interpolated value is escaped, nested markup is not escaped twice', () => {
    expect(html`<p title="${'"x"'}">${'<b>'}${html`<i>${'&'}</i>`}${[1, null, undefined, false]}</p>`.text).toBe('<p title="&quot;x&quot;">&lt;b&gt;<i>&amp;</i>1</p>');
  });

  test('only http(s) references become links', () => {
    const page = render(HTML_DIAGNOSIS);
    expect(page).toContain('<a href="https://kubernetes.io/docs/reference/access-authn-authz/kubelet-tls-bootstrapping/" rel="noreferrer noopener">');
    expect(page).not.toMatch(/href="javascript:/i);
    expect(page).toContain('<li>javascript:alert(1)</li>');
  });
});

describe('deciding nothing', () => {
  test('prints the findings in the order given, summary and articles alike', () => {
    const reversed = { ...HTML_DIAGNOSIS, findings: [...HTML_DIAGNOSIS.findings].reverse() };
    const order = (page: string, section: string): string[] => [...between(page, `<section id="${section}"`, `</section>\n${section === 'summary' ? '<section id="timeline"' : '<section id="inventory"'}`).matchAll(/<(?:li|article)[^>]* data-pattern="([^"]+)"/g)].map((m) => m[1] ?? '');
    for (const d of [HTML_DIAGNOSIS, reversed]) {
      const page = render(d);
      const given = d.findings.map((f) => f.pattern);
      expect(order(page, 'summary')).toEqual(given);
      expect(order(page, 'findings')).toEqual(given);
    }
  });

  test('the same diagnosis gives the same bytes', () => {
    expect(render(HTML_DIAGNOSIS)).toBe(render(structuredClone(HTML_DIAGNOSIS)));
  });

  test('the summary gives each finding its status, hosts, first/last seen and the reasoning for its rank', () => {
    const summary = between(render(HTML_DIAGNOSIS), '<section id="summary"', '<section id="timeline"');
    expect(summary).toContain('root cause');
    expect(summary).toContain('Root cause from 2024-04-01T12:10:01.5Z: caused node-stopped-posting-status on node-b 40 s later.');
    expect(summary).toContain('Symptom: caused by kubelet-csr-forbidden on node-b 40 s earlier.');
    expect(summary).toContain('<time datetime="2024-04-01T12:14:20Z">2024-04-01T12:14:20Z</time>');
    expect(summary).toContain('<dd>cp-1, node-b</dd>');
  });

  test('the playbook marks each step and the fix commands are code blocks', () => {
    const page = render(HTML_DIAGNOSIS);
    for (const status of ['confirmed', 'ruled-out', 'not-determinable']) expect(page).toContain(`class="step step-${status}"`);
    expect(page).toContain('<pre class="cmd"><code>kubectl create clusterrolebinding kubeadm:kubelet-bootstrap \\\n  --clusterrole=system:node-bootstrapper --group=system:bootstrappers</code></pre>');
    expect(page).toContain('<span class="basis">inferred (assumed year, assumed zone)</span>');
  });
});

describe('self-contained', () => {
  test('a Content-Security-Policy allows no fetch and only the inlined script, by its hash', () => {
    const page = render(HTML_DIAGNOSIS);
    const script = page.slice(page.lastIndexOf('<script>') + '<script>'.length, page.lastIndexOf('</script>'));
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(`default-src 'none'; script-src 'sha256-${hash}';`)}`);
    expect(script).not.toMatch(/<\/script/i);
    const markup = markupOf(page);
    expect(markup).not.toMatch(/<link\b|<[a-z][^<>]*\ssrc=|@import|url\(\s*['"]?(?:https?:)?\/\//i);
  });

  test.each(bundlesUnderTest().map((b) => [b.name, b.dir] as const))('%s: under 1 MB', async (_name, dir) => {
    const page = render(await analyze({ inputs: [dir] }));
    expect(Buffer.byteLength(page)).toBeLessThan(1_000_000);
  });
});

describe('inventory', () => {
  test('every input with its format, time source and line counts; unparsed lines; problems; clocks', () => {
    const inv = between(render(HTML_DIAGNOSIS), '<section id="inventory"', '</section>');
    for (const i of HTML_DIAGNOSIS.inputs) {
      expect(inv).toContain(`<td class="mono">${i.path}</td><td class="mono">${i.format}</td>`);
      expect(inv).toContain(`<td>${i.timeSource}</td>`);
      expect(inv).toContain(`<td class="num">${i.lines}</td><td class="num">${i.parsed}</td><td class="num">${i.scannedOnly}</td><td class="num">${i.skipped}</td>`);
    }
    expect(inv).toContain('<td>no klog header</td><td class="num">3</td><td class="mono">2, 5, 11</td>');
    expect(inv).toContain('node-d/kubelet.log.gz: error: unexpected end of file');
    expect(inv).toContain('Clock offsets between hosts');
  });
});

describe('the picture data', () => {
  const p = pictureData(HTML_DIAGNOSIS);

  test('one lane per host and components, in the order the findings give them', () => {
    expect(p.lanes).toEqual([
      { label: 'cp-1 · audit', rows: ['kubelet-csr-forbidden'] },
      { label: 'node-b · kubelet', rows: ['kubelet-csr-forbidden'] },
      { label: 'node-b · kube-controller-manager', rows: ['node-stopped-posting-status'] },
    ]);
  });

  test('a span per timed incident, a mark per timed evidence line, untimed ones counted', () => {
    expect(p.spans.map((s) => [s.pattern, s.lane, s.status, s.start, s.end])).toEqual([
      ['kubelet-csr-forbidden', 0, 'active', '2024-04-01T12:10:01.5Z', '2024-04-01T12:14:00Z'],
      ['kubelet-csr-forbidden', 1, 'active', '2024-04-01T12:10:01.6Z', '2024-04-01T12:14:20Z'],
      ['node-stopped-posting-status', 2, 'resolved', '2024-04-01T12:10:41.6Z', '2024-04-01T12:12:00Z'],
    ]);
    expect(p.untimed).toBe(1);
    expect(p.marks.map((m) => [m.id, m.lane])).toEqual([
      ['finding-1-ev-1', 0], ['finding-1-ev-2', 1], ['finding-1-ev-3', 1], ['finding-1-ev-4', 0], ['finding-1-ev-5', 1],
      ['finding-2-ev-1', 2], ['finding-2-ev-2', 2],
    ]);
  });

  test('a causedBy link runs from the cause onset on that host to the symptom onset', () => {
    expect(p.links).toEqual([
      { cause: 'finding-1', symptom: 'finding-2', host: 'node-b', lagSec: 40, from: { lane: 1, row: 0, time: '2024-04-01T12:10:01.6Z' }, to: { lane: 2, row: 0, time: '2024-04-01T12:10:41.6Z' } },
    ]);
  });

  test('metric series are drawn from timed, finite samples; all are printed', () => {
    expect(p.series).toEqual([
      { finding: 'finding-2', title: 'kubelet_node_status_errors_total{node="node-b"} on node-b', points: [['2024-04-01T12:09:00Z', 0], ['2024-04-01T12:11:00Z', 7], ['2024-04-01T12:13:00Z', 12]] },
    ]);
    const page = render(HTML_DIAGNOSIS);
    expect(page).toContain('<code>increase(kubelet_node_status_errors_total[5m]) = 12 &gt; 3</code>');
    expect(page).toContain('<td class="num">+Inf</td>');
    const without = { ...HTML_DIAGNOSIS, findings: HTML_DIAGNOSIS.findings.map(({ metrics: _m, ...f }) => f) };
    expect(pictureData(without).series).toEqual([]);
    expect(render(without)).not.toContain('<h4>Metrics</h4>');
  });
});

describe('kube-forensics analyze --format html', () => {
  test('-o writes one self-contained page; the exit code is the same as for text', () => {
    const out = join(tempDir(), 'report.html');
    const fixture = 'patterns/kubelet-csr-forbidden/fixtures/positive/journal-bootstrap-forbidden-v1.31.log';
    const r = spawnSync('node', ['dist/src/cli/main.js', 'analyze', fixture, '--year', '2024', '--format', 'html', '-o', out], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const page = readFileSync(out, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('data-pattern="kubelet-csr-forbidden"');
  });
});
