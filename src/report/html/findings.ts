// One article per finding, in rank order: what it is, how it links to the others, its evidence,
// the playbook walk (each step confirmed, ruled out or not determinable, with its lines), the fix
// commands in copyable blocks, the metric conditions that held with their samples, and where the entry comes from.
import type { EvidenceLine, FindingReport, LinkSummary, MetricEvidenceReport, MetricSeriesReport } from '../../diagnose/diagnosis.js';
import { lag, reasoning, STEP_MARK } from '../words.js';
import { html, type Markup } from './markup.js';
import { metricContext, metricsOf, seriesName } from './metrics.js';
import { evidenceId, findingId, laneLabel } from './picture-data.js';
import { badges, utc } from './summary.js';

const STEP_ICON = { confirmed: '✓', 'ruled-out': '✗', 'not-determinable': '?' } as const;

/** Evidence lines: file:line, UTC time (and how it was obtained), host, then the line itself. */
export function evidenceList(lines: readonly EvidenceLine[], label: string, ids?: (k: number) => string): Markup {
  const items = lines.map(
    (e, k) => html`<li${ids === undefined ? '' : html` id="${ids(k)}"`}><div class="cite"><span class="where mono">${e.file}:${e.line}</span> <span class="when">${utc(e.time, '(no time)')}${e.timeBasis === 'stated' ? '' : html` <span class="basis">${e.timeBasis}</span>`}</span> <span class="host">${e.host}</span></div><code class="line">${e.text}</code></li>`,
  );
  return html`<ol class="evidence" aria-label="${label}">${items}</ol>`;
}

const linkItem = (l: LinkSummary, verb: 'Caused by' | 'Explains', target: string | undefined, dir: 'earlier' | 'later'): Markup => {
  const name = target === undefined ? html`${l.pattern}` : html`<a href="#${target}">${l.pattern}</a>`;
  const when = l.lagSec === null || l.lagSec < 1 ? `(${lag(l.lagSec)})` : `${lag(l.lagSec)} ${dir}`;
  return html`<li>${verb} ${name} on ${l.host}, ${when}</li>`;
};

const reference = (r: string): Markup => (/^https?:\/\//.test(r) ? html`<a href="${r}" rel="noreferrer noopener">${r}</a>` : html`${r}`);

export function findingArticle(f: FindingReport, all: readonly FindingReport[]): Markup {
  const idOf = (pattern: string): string | undefined => {
    const other = all.find((x) => x.pattern === pattern);
    return other === undefined ? undefined : findingId(other);
  };
  const id = findingId(f);
  const links = [...f.causedBy.map((l) => linkItem(l, 'Caused by', idOf(l.pattern), 'earlier')), ...f.explains.map((l) => linkItem(l, 'Explains', idOf(l.pattern), 'later'))];
  const incidents = f.incidents.map(
    (i) => html`<tr><td>${laneLabel(i)}</td><td><span class="badge status ${i.status}">${i.status}</span></td><td>${utc(i.firstSeen)}</td><td>${utc(i.lastSeen)}</td><td class="num">${i.count}</td><td>${utc(i.resolvedAt, '')}</td></tr>`,
  );
  const steps = f.playbook.map(
    (s) => html`<li class="step step-${s.status}"><span class="step-mark"><span aria-hidden="true">${STEP_ICON[s.status]}</span> ${STEP_MARK[s.status]}</span>: ${s.step}
${s.evidence.length > 0 ? evidenceList(s.evidence, 'Evidence for this step') : ''}</li>`,
  );
  const fixes = f.fix.map(
    (x) => html`<li><p>${x.description}</p>${x.command === undefined ? '' : html`<pre class="cmd"><code>${x.command}</code></pre>`}</li>`,
  );
  const seriesTable = (s: MetricSeriesReport): Markup =>
    html`<h5 class="mono">${seriesName(s)}</h5><div class="table-wrap"><table class="metric"><thead><tr><th scope="col">Time (UTC)</th><th scope="col" class="num">Value</th><th scope="col">Where</th><th scope="col">Time from</th></tr></thead>
<tbody>${s.values.map((v) => html`<tr><td>${utc(v.time, '(no time)')}</td><td class="num">${v.value}</td><td class="mono">${v.file}:${v.line}</td><td>${v.timeSource}</td></tr>`)}</tbody></table></div>`;
  const condition = (m: MetricEvidenceReport): Markup =>
    html`<div class="metric-evidence"><p><code>${m.summary}</code></p><p class="note">${metricContext(m)}</p>${m.series.map(seriesTable)}${m.omittedSeries > 0 ? html`<p class="note">${m.omittedSeries} more series count in the figure and are not listed.</p>` : ''}</div>`;
  const metrics = metricsOf(f).map(condition);
  return html`<article class="finding sev-${f.severity}" id="${id}" aria-labelledby="${id}-h" data-pattern="${f.pattern}">
<div class="head"><h3 id="${id}-h"><span class="rank">#${f.rank}</span> ${f.pattern}</h3> ${badges(f)}</div>
<p><strong>${f.title}</strong></p>
<p class="why">${reasoning(f)}</p>
<p>${f.summary}</p>
<dl class="facts"><dt>Hosts</dt><dd>${f.hosts.join(', ')}</dd><dt>First seen</dt><dd>${utc(f.firstSeen)}</dd><dt>Last seen</dt><dd>${utc(f.lastSeen)}</dd><dt>Matches</dt><dd>${f.count}</dd></dl>
${links.length > 0 ? html`<ul class="links">${links}</ul>` : ''}
<section aria-label="Incidents of ${f.pattern}"><h4>Incidents</h4><div class="table-wrap"><table class="incidents"><thead><tr><th scope="col">Lane (host · components)</th><th scope="col">Status</th><th scope="col">First seen</th><th scope="col">Last seen</th><th scope="col" class="num">Matches</th><th scope="col">Resolved at</th></tr></thead><tbody>${incidents}</tbody></table></div></section>
<section aria-label="Evidence of ${f.pattern}"><h4>Evidence</h4>${f.evidence.length === 0 ? html`<p class="note">No line cited.</p>` : evidenceList(f.evidence, `Evidence lines of ${f.pattern}`, (k) => evidenceId(f, k))}</section>
${metrics.length > 0 ? html`<section aria-label="Metrics of ${f.pattern}"><h4>Metrics</h4>${metrics}</section>` : ''}
<section aria-label="Playbook of ${f.pattern}"><h4>Playbook</h4><ol class="playbook">${steps}</ol></section>
${fixes.length > 0 ? html`<section aria-label="Fix for ${f.pattern}"><h4>Fix</h4><ol class="fix">${fixes}</ol></section>` : ''}
${f.references.length > 0 ? html`<section aria-label="References of ${f.pattern}"><h4>References</h4><ul>${f.references.map((r) => html`<li>${reference(r)}</li>`)}</ul></section>` : ''}
${f.sources.length > 0 ? html`<p class="note">Catalog entry drawn from: ${f.sources.join(', ')}</p>` : ''}
</article>`;
}
