// The inventory: every input with its detected format, host, time source and line counts, then
// the lines that could not be read, problems with whole members, transients, and what the
// diagnosis says about clocks. It prints the diagnosis's counts and measures nothing itself.
import type { Diagnosis } from '../../diagnose/diagnosis.js';
import { formatDiagnostic } from '../../model/tally.js';
import { html, type Markup } from './markup.js';
import { utc } from './summary.js';

export function inventorySection(d: Diagnosis): Markup {
  const inputs = d.inputs.map(
    (i) => html`<tr><td class="mono">${i.path}</td><td class="mono">${i.format}</td><td>${i.host ?? ''}</td><td class="num">${i.bytes}</td><td class="num">${i.lines}</td><td class="num">${i.parsed}</td><td class="num">${i.scannedOnly}</td><td class="num">${i.skipped}</td><td class="num">${i.truncated}</td><td>${i.timeSource}</td><td>${utc(i.firstTime, '')}</td><td>${utc(i.lastTime, '')}</td></tr>`,
  );
  const skips = (intentional: boolean) =>
    d.skipped
      .filter((s) => s.intentional === intentional)
      .map((s) => html`<tr><td class="mono">${s.path}</td><td class="mono">${s.format}</td><td>${s.reason}</td><td class="num">${s.count}</td><td class="mono">${s.firstLines.join(', ')}</td></tr>`);
  const skipTable = (rows: Markup[], title: string) =>
    rows.length === 0
      ? ''
      : html`<h3>${title}</h3><div class="table-wrap"><table><thead><tr><th scope="col">File</th><th scope="col">Format</th><th scope="col">Reason</th><th scope="col" class="num">Lines</th><th scope="col">First at line</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  return html`<section id="inventory" aria-labelledby="inventory-h">
<h2 id="inventory-h">Inventory</h2>
<p>${d.stats.files} files, ${d.stats.bytes} bytes, ${d.stats.lines} lines: ${d.stats.parsed} parsed, ${d.stats.skipped} unparsed, ${d.stats.matchedLines} matched by the catalog (${d.stats.catalogEntries} entries). Hosts: ${d.stats.hosts.join(', ')}.</p>
<div class="table-wrap"><table class="inputs"><caption class="sr-only">Every input file</caption><thead><tr><th scope="col">File</th><th scope="col">Format</th><th scope="col">Host</th><th scope="col" class="num">Bytes</th><th scope="col" class="num">Lines</th><th scope="col" class="num">Parsed</th><th scope="col" class="num">Scanned only</th><th scope="col" class="num">Unparsed</th><th scope="col" class="num">Truncated</th><th scope="col">Time source</th><th scope="col">First (UTC)</th><th scope="col">Last (UTC)</th></tr></thead>
<tbody>${inputs}</tbody></table></div>
<p class="note">Scanned only: lines the catalog's literal gate passed over unread (counted, not parsed). Unparsed: lines a parser could not read.</p>
${skipTable(skips(false), 'Unparsed lines')}
${skipTable(skips(true), 'Lines skipped on purpose')}
${d.diagnostics.length > 0 ? html`<h3>Problems reading the bundle</h3><ul class="mono">${d.diagnostics.map((x) => html`<li>${formatDiagnostic(x)}</li>`)}</ul>` : ''}
${d.transients.length > 0 ? html`<h3>Transients (seen, not counted as findings)</h3><div class="table-wrap"><table><thead><tr><th scope="col">Entry</th><th scope="col">Host</th><th scope="col" class="num">Matches</th><th scope="col">Why transient</th></tr></thead><tbody>${d.transients.map((t) => html`<tr><td class="mono">${t.pattern}</td><td>${t.host}</td><td class="num">${t.count}</td><td>${t.reason}</td></tr>`)}</tbody></table></div>` : ''}
<h3>Clocks</h3>
<p>Zone of zone-less times: ${d.stats.zone}${d.stats.zoneAssumed ? ' (assumed; --tz to say otherwise)' : ''}. Lines whose nested klog/JSON time disagreed with the outer time by more than 2 s: ${d.stats.clockSkews}.</p>
<p class="note">Clock offsets between hosts (the same event seen on two hosts) are not measured by this diagnosis, so none are shown.</p>
</section>`;
}
