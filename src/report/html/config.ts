// Node configuration in the HTML report: the drift table first (what differs between nodes),
// then the checks that fired or could not be decided, then each node's effective kubelet
// configuration with where every value came from. Prints the diagnosis's config as given.
import type { Diagnosis } from '../../diagnose/diagnosis.js';
import { html, type Markup } from './markup.js';

export function configSection(d: Diagnosis): Markup | '' {
  const c = d.config;
  if (c === undefined) return '';
  const drift = d.drift;
  const driftTable =
    drift === undefined || drift.keys.length === 0
      ? html`<p>No drift: every key compared has the same effective value on ${drift?.nodes.join(', ') ?? 'every node'}.</p>`
      : html`<div class="table-wrap"><table><caption>Keys whose effective value differs between nodes (${drift.nodes.join(', ')})</caption><thead><tr><th scope="col">Key</th><th scope="col">Value</th><th scope="col">Nodes</th><th scope="col">Where</th></tr></thead><tbody>${drift.keys.flatMap((k) =>
          k.values.map((v, i) => html`<tr>${i === 0 ? html`<th scope="row" rowspan="${String(k.values.length)}" class="mono">${k.key}</th>` : ''}<td class="mono">${v.value}</td><td>${v.nodes.join(', ')}</td><td class="mono">${v.sources.map((s) => s ?? 'default').join(', ')}</td></tr>`),
        )}</tbody></table></div>`;
  const checks = c.checks.filter((k) => k.status !== 'quiet');
  const checkTable =
    checks.length === 0
      ? html`<p>Every configuration check that the bundle could decide stayed quiet.</p>`
      : html`<div class="table-wrap"><table><caption>Configuration checks that fired or could not be decided</caption><thead><tr><th scope="col">Check</th><th scope="col">Node</th><th scope="col">Status</th><th scope="col">Supports</th><th scope="col">Shown by</th></tr></thead><tbody>${checks.map(
          (k) => html`<tr><td>${k.title} <span class="mono">(${k.check})</span></td><td>${k.host}</td><td>${k.status === 'fired' ? 'fired' : 'not determinable'}</td><td class="mono">${k.pattern}</td><td class="mono">${k.status === 'fired' ? k.evidence.map((e) => `${e.file}:${e.line} ${e.text}`).join('\n') : `missing: ${k.missing.join(', ')}`}</td></tr>`,
        )}</tbody></table></div>`;
  const nodes = c.nodes.map(
    (n) => html`<details><summary>${n.host}: kubelet ${n.kubeletVersion?.value ?? 'version unknown'}, configuration file ${n.configFile.path ?? n.configFile.state}</summary>
<div class="table-wrap"><table><thead><tr><th scope="col">Key</th><th scope="col">Value</th><th scope="col">From</th><th scope="col">Where</th></tr></thead><tbody>${n.settings.map(
      (s) => html`<tr><td class="mono">${s.key}</td><td class="mono">${s.value}</td><td>${s.origin}${s.flag !== undefined ? ` ${s.flag}` : ''}</td><td class="mono">${s.source ?? ''}</td></tr>`,
    )}</tbody></table></div>${n.notes.length > 0 ? html`<ul>${n.notes.map((x) => html`<li>${x}</li>`)}</ul>` : ''}</details>`,
  );
  return html`<section id="config" aria-labelledby="config-h">
<h2 id="config-h">Node configuration</h2>
<h3>Drift between nodes</h3>
${driftTable}
<h3>Checks</h3>
${checkTable}
<h3>Effective kubelet configuration per node</h3>
${nodes}
</section>`;
}
