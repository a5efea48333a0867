// The node configuration as text lines: briefly in the analyze report (per node its sources and
// how many values each gave, the checks that fired, the drift table), in full for
// `kube-forensics config` (every effective value with where it came from). Markdown shares the
// words and puts the same lines in tables. It decides nothing: it prints what the diagnosis holds.
import type { ConfigReport, DriftReport, NodeConfigReport } from '../diagnose/config-report.js';

export type ConfigDetail = 'brief' | 'full';

function nodeLine(n: NodeConfigReport): string {
  if (n.configFile.state === 'none') return `${n.host}: no kubelet configuration in the bundle`;
  const count = (o: string): number => n.settings.filter((s) => s.origin === o).length;
  const file = n.configFile.state === 'read' ? n.configFile.path : n.configFile.state === 'missing' ? `${n.configFile.path} (named by --config, not in the bundle)` : n.configFile.state === 'unused' ? 'no configuration file (flags and their defaults)' : 'no kubelet configuration';
  const version = n.kubeletVersion === null ? 'version not shown' : n.kubeletVersion.value;
  return `${n.host}: kubelet ${version}; ${file}; ${count('flag')} set by flag, ${count('file')} by file, ${count('default')} default`;
}

export function driftLines(drift: DriftReport): string[] {
  if (drift.nodes.length < 2) return [`Drift: ${drift.nodes.length === 1 ? 'one node' : 'no node'} to compare.`];
  if (drift.keys.length === 0) return [`Drift: none; ${drift.nodes.length} nodes (${drift.nodes.join(', ')}) agree on every compared key.`];
  const width = Math.max(...drift.keys.map((k) => k.key.length));
  const out = [`Drift between ${drift.nodes.length} nodes (${drift.nodes.join(', ')}), ${drift.keys.length} key${drift.keys.length === 1 ? '' : 's'} differ:`];
  for (const k of drift.keys) out.push(`  ${k.key.padEnd(width)}  ${k.values.map((v) => `${v.value} on ${v.nodes.join(', ')}`).join(' | ')}`);
  if (drift.partial.length > 0) out.push(`  (${drift.partial.join(', ')}: configuration file not in the bundle; compared on flags only)`);
  return out;
}

export function configLines(config: ConfigReport, drift: DriftReport | undefined, detail: ConfigDetail): string[] {
  const out: string[] = [`Node configuration${config.referenceTime === null ? '' : ` (dates judged at ${config.referenceTime})`}:`];
  for (const n of config.nodes) {
    out.push(`  ${nodeLine(n)}`);
    if (detail === 'full') {
      if (n.commandLine.length > 0) out.push(`    command line from ${n.commandLine.join(', ')}`);
      if (n.kubeletVersion !== null) out.push(`    version from ${n.kubeletVersion.source}`);
      const width = Math.max(0, ...n.settings.map((s) => s.key.length));
      for (const s of n.settings) {
        const where = s.origin === 'default' ? 'default' : `${s.origin === 'flag' ? `flag ${s.flag ?? ''}` : 'file'} ${s.source ?? ''}`.trim();
        out.push(`    ${s.key.padEnd(width)} = ${s.value}  [${where}]`);
      }
    }
    for (const note of n.notes) out.push(`    note: ${note}`);
  }
  const fired = config.checks.filter((c) => c.status === 'fired');
  out.push(fired.length === 0 ? '  No configuration check fired.' : '  Checks that fired:');
  for (const c of fired) {
    out.push(`    ${c.host}: ${c.check} (${c.severity}, joins ${c.pattern}): ${c.title}`);
    for (const e of c.evidence) out.push(`        ${e.file}${e.line > 0 ? `:${e.line}` : ''}  ${e.text.trim()}`);
  }
  if (detail === 'full') {
    const undecided = config.checks.filter((c) => c.status === 'not-determinable');
    const quiet = config.checks.filter((c) => c.status === 'quiet');
    out.push(`  Checks quiet: ${quiet.length}; not determinable from this bundle: ${undecided.length}`);
    for (const c of undecided) out.push(`    ${c.host}: ${c.check}: needs ${c.missing.join(', ')}`);
  }
  if (drift !== undefined) out.push(...driftLines(drift).map((l, i) => (i === 0 ? `  ${l}` : `  ${l}`)));
  return out;
}
