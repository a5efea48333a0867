// The Markdown report, for tickets and post-mortem documents.
import type { Diagnosis, EvidenceLine } from '../diagnose/diagnosis.js';
import { formatDiagnostic } from '../model/tally.js';
import { metricLines } from './text.js';
import { configMarkdown } from './config-markdown.js';
import { reasoning, STEP_MARK } from './words.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const fence = (lines: readonly string[]): string[] => {
  const longest = Math.max(2, ...lines.map((l) => (l.match(/`+/g) ?? []).reduce((m, r) => Math.max(m, r.length), 0)));
  const f = '`'.repeat(longest + 1);
  return [f, ...lines, f];
};
const cite = (e: EvidenceLine): string => `${e.file}:${e.line}  ${e.time ?? '(no time)'}  ${e.text}`;

export function renderMarkdown(d: Diagnosis, redactions: number): string {
  const out: string[] = ['# kube-forensics diagnosis', ''];
  out.push(`Read ${d.stats.files} files (${d.stats.lines} lines) from ${d.stats.hosts.length} host(s); time range ${d.timeRange.start ?? '?'} .. ${d.timeRange.end ?? '?'} UTC.`, '');
  if (d.findings.length === 0) out.push('No known failure mode found.', '');
  else {
    out.push('| rank | finding | severity | role | status | hosts | first seen |', '|---|---|---|---|---|---|---|');
    for (const f of d.findings) out.push(`| ${f.rank} | ${f.pattern} | ${f.severity} | ${f.rootCause ? '**root cause**' : 'symptom'} | ${f.status} | ${f.hosts.join(', ')} | ${f.firstSeen ?? ''} |`);
    out.push('');
  }
  for (const f of d.findings) {
    out.push(`## ${f.rank}. ${f.pattern}: ${cell(f.title)}`, '', `${reasoning(f)}`, '', f.summary, '');
    out.push(`Hosts: ${f.hosts.join(', ')}; first seen ${f.firstSeen ?? 'unknown'}; last seen ${f.lastSeen ?? 'unknown'}; ${f.count} matches; ${f.status}.`, '');
    out.push('### Evidence', '', ...fence(f.evidence.map(cite)), '');
    if (f.metrics !== undefined && f.metrics.length > 0) out.push('### Metrics', '', ...fence(f.metrics.flatMap(metricLines)), '');
    out.push('### Playbook', '');
    for (const s of f.playbook) {
      out.push(`- **${STEP_MARK[s.status]}**: ${s.step}`);
      if (s.evidence.length > 0) out.push('', ...fence(s.evidence.map(cite)).map((l) => `  ${l}`), '');
    }
    out.push('');
    if (f.fix.length > 0) {
      out.push('### Fix', '');
      for (const x of f.fix) {
        out.push(`- ${x.description}`);
        if (x.command !== undefined) out.push('', ...fence(x.command.split('\n')).map((l) => `  ${l}`), '');
      }
      out.push('');
    }
  }
  if (d.config !== undefined) out.push(...configMarkdown(d.config, d.drift), '');
  out.push('## Inputs', '', '| file | format | host | lines | parsed | unparsed | time |', '|---|---|---|---|---|---|---|');
  for (const i of d.inputs) out.push(`| ${cell(i.path)} | ${i.format} | ${i.host ?? ''} | ${i.lines} | ${i.parsed} | ${i.skipped} | ${cell(i.timeSource)} |`);
  out.push('');
  if (d.diagnostics.length > 0) out.push('## Problems reading the bundle', '', ...d.diagnostics.map((x) => `- ${cell(formatDiagnostic(x))}`), '');
  if (redactions > 0) out.push(`${redactions} secret value(s) redacted.`, '');
  return out.join('\n');
}
