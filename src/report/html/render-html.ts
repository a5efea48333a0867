// The post-mortem as one self-contained HTML page: summary, timeline picture, findings with their
// playbooks, inventory. Plain HTML that reads without JavaScript; the bundled script (inlined)
// draws the picture. The page may load nothing: its Content-Security-Policy allows no fetch,
// and only the one inline script, by its hash.
import { createHash } from 'node:crypto';
import type { Diagnosis } from '../../diagnose/diagnosis.js';
import { findingArticle } from './findings.js';
import { configSection } from './config.js';
import { inventorySection } from './inventory.js';
import { html, trusted, type Markup } from './markup.js';
import { STYLE } from './style.js';
import { summarySection, utc } from './summary.js';
import { timelineSection } from './timeline.js';

export interface HtmlOptions {
  /** How many secrets the redactor masked. */
  readonly redactions: number;
  /** The bundled browser script (`clientScript()`), inlined as it is. */
  readonly script: string;
}

/** The report page's Content-Security-Policy: only its own inlined script may run. */
export function reportCsp(script: string): string {
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  return `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
}

export function renderHtml(d: Diagnosis, opts: HtmlOptions): string {
  if (/<\/script/i.test(opts.script)) throw new Error('the report script contains "</script": it cannot be inlined');
  const active = d.findings.filter((f) => f.status === 'active').length;
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  const headline = `${plural(d.findings.length, 'finding')} (${active} active) on ${plural(d.stats.hosts.length, 'host')}`;
  const root = d.findings[0];
  const title = root === undefined ? 'kube-forensics: no known failure mode' : `kube-forensics: ${root.pattern} on ${root.hosts.join(', ')}`;
  const page: Markup = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${reportCsp(opts.script)}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<a class="skip" href="#summary">Skip to the summary</a>
<header>
<p class="note">kube-forensics post-mortem</p>
<h1>${headline}</h1>
<p>Read ${d.stats.files} files, ${d.stats.lines} lines; time range ${utc(d.timeRange.start, '?')} to ${utc(d.timeRange.end, '?')} (UTC).</p>
<nav class="sections" aria-label="Sections"><a href="#summary">Summary</a><a href="#timeline">Timeline</a><a href="#findings">Findings</a>${d.config !== undefined ? html`<a href="#config">Configuration</a>` : ''}<a href="#inventory">Inventory</a></nav>
</header>
<main>
${summarySection(d)}
${timelineSection(d)}
<section id="findings" aria-labelledby="findings-h">
<h2 id="findings-h">Findings</h2>
${d.findings.length === 0 ? html`<p>No known failure mode found.</p>` : d.findings.map((f) => findingArticle(f, d.findings))}
</section>
${configSection(d)}
${inventorySection(d)}
</main>
<footer>
${opts.redactions > 0 ? html`<p>${plural(opts.redactions, 'secret value')} redacted (--no-redact to show them).</p>` : ''}
<p>Made by kube-forensics from the diagnosis alone; the picture is drawn with Observable Plot and d3 (ISC licence), bundled into this file. It loads nothing from the network.</p>
</footer>
<script>${trusted(opts.script)}</script>
</body>
</html>
`;
  return page.text;
}
