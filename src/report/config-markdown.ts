// The node configuration in the Markdown report: per node its sources, the checks that fired with
// their lines, and the drift table (key by node).
import type { ConfigReport, DriftReport } from '../diagnose/config-report.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function configMarkdown(config: ConfigReport, drift: DriftReport | undefined): string[] {
  const out = ['## Node configuration', ''];
  if (config.referenceTime !== null) out.push(`Dates judged at ${config.referenceTime} (the bundle's latest time).`, '');
  out.push('| node | kubelet | configuration file | set by flag | by file | default |', '|---|---|---|---|---|---|');
  for (const n of config.nodes) {
    const count = (o: string): number => n.settings.filter((s) => s.origin === o).length;
    out.push(`| ${n.host} | ${n.kubeletVersion?.value ?? ''} | ${cell(n.configFile.path ?? n.configFile.state)} | ${count('flag')} | ${count('file')} | ${count('default')} |`);
  }
  out.push('');
  const fired = config.checks.filter((c) => c.status === 'fired');
  if (fired.length > 0) {
    out.push('### Checks that fired', '', '| node | check | joins | evidence |', '|---|---|---|---|');
    for (const c of fired) out.push(`| ${c.host} | ${c.check} | ${c.pattern} | ${cell(c.evidence.map((e) => `${e.file}${e.line > 0 ? `:${e.line}` : ''} \`${e.text.trim()}\``).join('; '))} |`);
    out.push('');
  }
  if (drift !== undefined && drift.nodes.length >= 2) {
    out.push('### Drift between nodes', '');
    if (drift.keys.length === 0) out.push(`No drift: ${drift.nodes.join(', ')} agree on every compared key.`);
    else {
      out.push(`| key | ${drift.nodes.join(' | ')} |`, `|---|${drift.nodes.map(() => '---').join('|')}|`);
      for (const k of drift.keys) {
        const of = (node: string): string => k.values.find((v) => v.nodes.includes(node))?.value ?? '';
        out.push(`| ${cell(k.key)} | ${drift.nodes.map((n) => cell(of(n))).join(' | ')} |`);
      }
    }
    out.push('');
  }
  return out;
}
