// The terminal report: findings ranked, root cause first, each with its evidence, playbook walk
// and fix; then the inventory and everything skipped. Colour only when asked (the cli decides).
import type { Diagnosis, EvidenceLine, FindingReport, MetricEvidenceReport } from '../diagnose/diagnosis.js';
import { formatDiagnostic } from '../model/tally.js';
import { configLines } from './config-lines.js';
import { reasoning, STEP_MARK } from './words.js';

export interface TextOptions {
  readonly color: boolean;
  readonly redactions: number;
}

const SGR = { bold: '1', dim: '2', red: '31', yellow: '33', green: '32', cyan: '36', magenta: '35' } as const;

export function renderText(d: Diagnosis, opts: TextOptions): string {
  const c = (style: keyof typeof SGR, s: string): string => (opts.color ? `\u001b[${SGR[style]}m${s}\u001b[0m` : s);
  const out: string[] = [];
  const active = d.findings.filter((f) => f.status === 'active');
  out.push(c('bold', `kube-forensics: ${d.findings.length} finding${d.findings.length === 1 ? '' : 's'} (${active.length} active) on ${d.stats.hosts.length} host${d.stats.hosts.length === 1 ? '' : 's'}`));
  out.push(`Read ${d.stats.files} files, ${d.stats.lines} lines; time range ${d.timeRange.start ?? '?'} .. ${d.timeRange.end ?? '?'} (UTC)`);
  if (d.stats.zoneAssumed) out.push(c('dim', 'Times without a zone were read as UTC (assumed; use --tz to say otherwise).'));
  out.push('');
  if (d.findings.length === 0) out.push('No known failure mode found.', '');
  for (const f of d.findings) out.push(...finding(f, c), '');
  if (d.transients.length > 0) {
    out.push(c('bold', 'Transients (seen, not counted as findings):'));
    for (const t of d.transients) out.push(`  ${t.pattern} on ${t.host}: ${t.count}x, ${t.reason}`);
    out.push('');
  }
  if (d.config !== undefined) out.push(...configLines(d.config, d.drift, 'brief'), '');
  out.push(c('bold', 'Inputs:'));
  for (const i of d.inputs) {
    out.push(`  ${i.path}  [${i.format}${i.host ? `, host ${i.host}` : ''}]  ${i.lines} lines, ${i.parsed} parsed${i.scannedOnly > 0 ? `, ${i.scannedOnly} scanned only` : ''}${i.skipped > 0 ? `, ${i.skipped} unparsed` : ''}${i.truncated > 0 ? `, ${i.truncated} truncated` : ''}; time ${i.timeSource}`);
  }
  const unparsed = d.skipped.filter((s) => !s.intentional);
  if (unparsed.length > 0) {
    out.push('', c('bold', 'Unparsed lines:'));
    for (const s of unparsed) out.push(`  ${s.path}: ${s.count} line${s.count === 1 ? '' : 's'} skipped by ${s.format} (${s.reason}), first at line ${s.firstLines.join(', ')}`);
  }
  if (d.diagnostics.length > 0) {
    out.push('', c('bold', 'Problems reading the bundle:'));
    for (const x of d.diagnostics) out.push(`  ${formatDiagnostic(x)}`);
  }
  if (opts.redactions > 0) out.push('', `${opts.redactions} secret value${opts.redactions === 1 ? '' : 's'} redacted (--no-redact to show them).`);
  return out.join('\n') + '\n';
}

type Paint = (style: keyof typeof SGR, s: string) => string;

function finding(f: FindingReport, c: Paint): string[] {
  const sev = f.severity === 'critical' ? c('red', f.severity) : f.severity === 'warning' ? c('yellow', f.severity) : c('cyan', f.severity);
  const role = f.rootCause ? c('magenta', 'ROOT CAUSE') : 'symptom';
  const out = [
    c('bold', `#${f.rank} ${f.pattern}`) + ` [${sev}] ${role}, ${f.status === 'active' ? c('red', 'active') : c('green', 'resolved')}`,
    `   ${f.title}`,
    `   hosts: ${f.hosts.join(', ')}; first seen ${f.firstSeen ?? 'unknown'}; last seen ${f.lastSeen ?? 'unknown'}; ${f.count} match${f.count === 1 ? '' : 'es'}`,
    `   ${reasoning(f)}`,
    '   evidence:',
    ...f.evidence.map((e) => `     ${cite(e)}`),
    ...(f.metrics === undefined || f.metrics.length === 0 ? [] : ['   metrics:', ...f.metrics.flatMap((m) => metricLines(m).map((l) => `     ${l}`))]),
    '   playbook:',
  ];
  for (const s of f.playbook) {
    const mark = s.status === 'confirmed' ? c('green', STEP_MARK[s.status]) : s.status === 'ruled-out' ? c('yellow', STEP_MARK[s.status]) : c('dim', STEP_MARK[s.status]);
    out.push(`     - [${mark}] ${s.step}`);
    for (const e of s.evidence) out.push(`         ${cite(e)}`);
  }
  if (f.fix.length > 0) {
    out.push('   fix:');
    for (const x of f.fix) {
      out.push(`     - ${x.description}`);
      if (x.command !== undefined) for (const line of x.command.split('\n')) out.push(`         $ ${line}`);
    }
  }
  return out;
}

function cite(e: EvidenceLine): string {
  return `${e.file}:${e.line}  ${e.time ?? '(no time)'}  ${e.text}`;
}

const SERIES_SHOWN = 3;

/** A metric condition in brief: what held where, then the first series with their values per snapshot. */
export function metricLines(m: MetricEvidenceReport): string[] {
  const where = `${m.matcher} on ${m.host} [${m.job}${m.instance === null ? '' : ` ${m.instance}`}]`;
  const figure = typeof m.figure === 'number' ? String(Number(m.figure.toPrecision(4))) : m.figure;
  const note = m.lifetime ? '; a lifetime figure, not a recent rate' : m.resets > 0 ? `; ${m.resets} counter reset${m.resets === 1 ? '' : 's'}` : '';
  const out = [`${where}: ${m.expression} = ${figure} ${m.compare} ${m.threshold}${note}`];
  for (const s of m.series.slice(0, SERIES_SHOWN)) {
    const labels = Object.entries(s.labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',');
    out.push(`  ${s.metric}${labels === '' ? '' : `{${labels}}`}: ${s.values.map((v) => `${v.value} @${v.time ?? '?'}`).join(', ')}`);
  }
  const more = m.series.length - SERIES_SHOWN + m.omittedSeries;
  if (more > 0) out.push(`  … ${more} more series`);
  return out;
}
