// The summary: the findings ranked as given, root cause first, each with its status, hosts,
// first and last seen, and the one sentence that says why it ranks where it does.
import type { Diagnosis, FindingReport } from '../../diagnose/diagnosis.js';
import { reasoning } from '../words.js';
import { html, type Markup } from './markup.js';
import { findingId } from './picture-data.js';

/** A UTC time as printed everywhere on the page: the diagnosis's string in a <time> element. */
export const utc = (t: string | null, missing = 'unknown'): Markup => (t === null ? html`<span class="note">${missing}</span>` : html`<time datetime="${t}">${t}</time>`);

export const badges = (f: FindingReport): Markup =>
  html`<span class="badge sev ${f.severity}">${f.severity}</span> <span class="badge role${f.rootCause ? ' root' : ''}">${f.rootCause ? 'root cause' : 'symptom'}</span> <span class="badge status ${f.status}">${f.status}</span>`;

export function summarySection(d: Diagnosis): Markup {
  const items = d.findings.map(
    (f) => html`<li class="sev-${f.severity}${f.rootCause ? ' root' : ''}" data-pattern="${f.pattern}">
<div class="head"><a href="#${findingId(f)}"><span class="rank">#${f.rank}</span> <strong>${f.pattern}</strong></a> ${badges(f)}</div>
<div>${f.title}</div>
<dl class="facts"><dt>Hosts</dt><dd>${f.hosts.join(', ')}</dd><dt>First seen</dt><dd>${utc(f.firstSeen)}</dd><dt>Last seen</dt><dd>${utc(f.lastSeen)}</dd><dt>Matches</dt><dd>${f.count}</dd></dl>
<p class="why">${reasoning(f)}</p>
</li>`,
  );
  return html`<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
${d.findings.length === 0 ? html`<p>No known failure mode found.</p>` : html`<ol class="summary">${items}</ol>`}
</section>`;
}
