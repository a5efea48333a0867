// The server's own pages, rendered on the server with escaping templates: the upload page, the
// history (usable without script), and the small page shown while a report is not ready.
import { byteSize } from './byte-size.js';
import { html, type Markup } from '../report/html/markup.js';
import type { AnalysisRecord, HistoryFilter } from './store.js';

// An inline icon: the browser asks for /favicon.ico otherwise, which the server does not have.
const FAVICON = "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'><rect width='16' height='16' rx='3' fill='%230b57d0'/><path d='M5 3v10M5 8l6-5M5 8l6 5' stroke='%23fff' stroke-width='2' fill='none'/></svg>";

function layout(title: string, body: Markup, opts: { script?: boolean; refreshSec?: number } = {}): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${opts.refreshSec !== undefined ? html`<meta http-equiv="refresh" content="${opts.refreshSec}">` : ''}
<title>${title}</title>
<link rel="icon" href="${FAVICON}">
<link rel="stylesheet" href="/assets/serve.css">
${opts.script === true ? html`<script src="/assets/upload.js" defer></script>` : ''}
</head>
<body>
<header><h1>kube-forensics</h1><nav><a href="/">Upload</a> · <a href="/analyses">History</a> · <a href="/api/v1/openapi.json">API</a></nav></header>
<main>
${body}
</main>
</body>
</html>
`.text;
}

export function uploadPage(o: { authRequired: boolean; maxUploadBytes: number }): string {
  const token = o.authRequired
    ? html`<details class="token" open><summary>Access token</summary>
<form id="token-form"><label>Bearer token <input type="password" autocomplete="off" name="token" required></label> <button type="submit">Use</button> <span class="saved note" hidden>saved for this browser session</span></form>
<p class="note">This server asks for a token (--auth-token-file). It is kept in a same-site cookie so report links open.</p></details>`
    : '';
  return layout(
    'kube-forensics: upload a support bundle',
    html`${token}
<section id="drop" aria-label="Drop zone">
<p><strong>Drop support bundles here</strong> (.tar, .tar.gz, .tgz, .zip, .gz, or a single log file)</p>
<p><label>or pick files <input id="files" type="file" multiple></label></p>
<p class="note">Up to ${binarySize(o.maxUploadBytes)} each. The bundle is analyzed and deleted; its redacted report is kept in the history.</p>
</section>
<noscript><p>This page needs JavaScript to upload; the API takes a bundle too: <code>curl --data-binary @bundle.tar.gz -H 'Content-Type: application/octet-stream' 'http://HOST/api/v1/analyses?name=bundle.tar.gz&amp;wait=true'</code></p></noscript>
<ol id="uploads" aria-live="polite"></ol>`,
    { script: true },
  );
}

/** A limit in binary units, as it is usually set: 64 MiB, 1 GiB, 1.5 GiB. */
function binarySize(n: number): string {
  const units: [number, string][] = [[1024 ** 3, 'GiB'], [1024 ** 2, 'MiB'], [1024, 'KiB']];
  const [div, unit] = units.find(([d]) => n >= d) ?? [1, 'bytes'];
  return `${Number((n / div).toFixed(1))} ${unit}`;
}


function filterHref(f: HistoryFilter): string {
  const q = new URLSearchParams();
  for (const k of ['pattern', 'host', 'since', 'until'] as const) {
    const v = f[k];
    if (v !== undefined) q.set(k, v);
  }
  const s = q.toString();
  return s === '' ? '/analyses' : `/analyses?${s}`;
}

function row(a: AnalysisRecord, f: HistoryFilter): Markup {
  return html`<tr data-id="${a.id}">
<td class="mono">${a.createdAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</td>
<td><a href="/analyses/${a.id}">${a.name}</a></td>
<td class="num">${byteSize(a.sizeBytes)}</td>
<td class="status-${a.status}">${a.status}${a.error !== null ? html`: ${a.error}` : ''}</td>
<td>${a.hosts.map((h, i) => html`${i > 0 ? ', ' : ''}<a href="${filterHref({ ...f, host: h })}">${h}</a>`)}</td>
<td>${a.topFinding !== null ? html`<a href="${filterHref({ ...f, pattern: a.topFinding })}"><code>${a.topFinding}</code></a>` : a.status === 'done' ? 'none' : ''}</td>
<td class="num">${a.findingCount}</td>
</tr>`;
}

function options(values: readonly string[], selected: string | undefined): Markup {
  return html`<option value="">any</option>${values.map((v) => html`<option value="${v}"${v === selected ? html` selected` : ''}>${v}</option>`)}`;
}

export function historyPage(rows: readonly AnalysisRecord[], f: HistoryFilter, facets: { patterns: readonly string[]; hosts: readonly string[] }): string {
  return layout(
    'kube-forensics: history',
    html`<h2>History</h2>
<form class="filters" method="get" action="/analyses">
<label>Pattern <select name="pattern">${options(facets.patterns, f.pattern)}</select></label>
<label>Host <select name="host">${options(facets.hosts, f.host)}</select></label>
<label>Uploaded since <input type="date" name="since" value="${f.since?.slice(0, 10) ?? ''}"></label>
<label>until <input type="date" name="until" value="${f.until?.slice(0, 10) ?? ''}"></label>
<button type="submit">Filter</button> <a href="/analyses">clear</a>
</form>
<p class="note">${rows.length} analys${rows.length === 1 ? 'is' : 'es'}, newest first. Each name links to its report (a stable link to share).</p>
<table>
<thead><tr><th>Uploaded (UTC)</th><th>Bundle</th><th class="num">Size</th><th>Status</th><th>Hosts</th><th>Top finding</th><th class="num">Findings</th></tr></thead>
<tbody>
${rows.map((a) => row(a, f))}
</tbody>
</table>`,
  );
}

/** Shown at a report's link until the report exists; refreshes itself without script. */
export function pendingPage(a: AnalysisRecord): string {
  return layout(
    `kube-forensics: ${a.name}`,
    html`<h2>${a.name}</h2>
<p class="status-${a.status}">${a.status === 'failed' ? html`The analysis failed: ${a.error ?? 'unknown error'}` : html`The analysis is ${a.status}; this page refreshes until the report is ready.`}</p>`,
    a.status === 'failed' ? {} : { refreshSec: 2 },
  );
}
