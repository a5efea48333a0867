// `kube-forensics config`: the node configuration part of a diagnosis, redacted like every report,
// as text (every effective value with its source, then the drift table) or JSON ({config, drift}).
import type { Diagnosis } from '../diagnose/diagnosis.js';
import { configLines } from './config-lines.js';
import { Redactor } from './redact.js';

export type ConfigFormat = 'text' | 'json';

export function renderConfig(d: Diagnosis, opts: { readonly format: ConfigFormat; readonly redact?: boolean }): string {
  const redactor = new Redactor(opts.redact !== false);
  const config = d.config === undefined ? undefined : redactor.deep(d.config);
  const drift = d.drift === undefined ? undefined : redactor.deep(d.drift);
  if (opts.format === 'json') return `${JSON.stringify({ config: config ?? null, drift: drift ?? null }, null, 2)}\n`;
  if (config === undefined) return 'No kubelet configuration in this bundle (no KubeletConfiguration, kubelet unit, flags file or FLAG: lines).\n';
  const out = configLines(config, drift, 'full');
  if (redactor.count > 0) out.push('', `${redactor.count} secret value${redactor.count === 1 ? '' : 's'} redacted (--no-redact to show them).`);
  return `${out.join('\n')}\n`;
}
