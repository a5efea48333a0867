// The timeline section: the notes on how times were obtained, the place the script draws the
// picture into, and, readable without the script, every incident by lane.
import type { Diagnosis } from '../../diagnose/diagnosis.js';
import { html, jsonIsland, type Markup } from './markup.js';
import { findingId, laneLabel, pictureData } from './picture-data.js';
import { PICTURE_DATA_ID } from './picture-types.js';
import { utc } from './summary.js';

/** Which inputs had their times inferred, and how, as the diagnosis's inventory says. */
export function timeNotes(d: Diagnosis): Markup[] {
  const notes: Markup[] = [];
  if (d.stats.zoneAssumed) notes.push(html`<li>Times written without a zone were read as ${d.stats.zone} (assumed; run with --tz to say otherwise).</li>`);
  const bySource = new Map<string, string[]>();
  for (const i of d.inputs) {
    if (i.timeSource === 'stated' || i.timeSource === 'none') continue;
    bySource.set(i.timeSource, [...(bySource.get(i.timeSource) ?? []), i.path]);
  }
  for (const [source, paths] of bySource) notes.push(html`<li>Times ${source}: <span class="mono">${paths.join(', ')}</span></li>`);
  return notes;
}

export function timelineSection(d: Diagnosis): Markup {
  const notes = timeNotes(d);
  const rows = d.findings.flatMap((f) =>
    f.incidents.map(
      (i) => html`<tr><td>${laneLabel(i)}</td><td><a href="#${findingId(f)}">#${f.rank} ${f.pattern}</a></td><td><span class="badge sev ${f.severity}">${f.severity}</span></td><td><span class="badge status ${i.status}">${i.status}</span></td><td>${utc(i.firstSeen)}</td><td>${utc(i.lastSeen)}</td><td class="num">${i.count}</td></tr>`,
    ),
  );
  return html`<section id="timeline" aria-labelledby="timeline-h">
<h2 id="timeline-h">Timeline</h2>
<p class="note">All times are UTC. Bundle time range: ${utc(d.timeRange.start, '?')} to ${utc(d.timeRange.end, '?')}.</p>
${notes.length > 0 ? html`<ul class="note time-notes">${notes}</ul>` : ''}
<div id="kf-picture" class="picture" data-ready="false"></div>
<noscript><p class="note">The timeline picture needs JavaScript; the table below and each finding's evidence carry the same times.</p></noscript>
${rows.length === 0 ? '' : html`<div class="table-wrap"><table class="incidents"><caption>Incidents by lane (host · components)</caption><thead><tr><th scope="col">Lane</th><th scope="col">Finding</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">First seen</th><th scope="col">Last seen</th><th scope="col" class="num">Matches</th></tr></thead><tbody>${rows}</tbody></table></div>`}
${jsonIsland(PICTURE_DATA_ID, pictureData(d))}
</section>`;
}
