// `kube-forensics config <bundle>`: each node's effective kubelet configuration (every value with
// the file and line it came from, or "default"), the configuration checks, and the drift table.
import type { CommandModule } from 'yargs';
import { analyze } from '../analyze.js';
import { renderConfig, type ConfigFormat } from '../report/render-config.js';
import { emitReport, readingAnalyzeOptions, readingOptions, type ReadingArgs } from './shared-options.js';

interface Args extends ReadingArgs {
  inputs: string[];
  format: ConfigFormat;
  output?: string | undefined;
  patterns: string[];
  redact: boolean;
}

export const configCommand: CommandModule<object, Args> = {
  command: 'config <inputs..>',
  describe: 'Show the effective kubelet configuration per node, the configuration checks and the drift between nodes',
  builder: (y) =>
    readingOptions(y)
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'Bundles, folders or files' })
      .option('format', { alias: 'f', choices: ['text', 'json'] as const, default: 'text' as ConfigFormat })
      .option('output', { alias: 'o', type: 'string', describe: 'Write it here instead of stdout' })
      .option('patterns', { type: 'string', array: true, default: [] as string[], describe: 'Extra catalog folder(s)' })
      .option('redact', { type: 'boolean', default: true, describe: 'Mask secrets (--no-redact to show them)' })
      .example('$0 config bundle.tar.gz', 'Effective configuration of every node, and what differs between them') as never,
  handler: async (a) => {
    const d = await analyze({
      ...readingAnalyzeOptions(a),
    });
    const text = renderConfig(d, { format: a.format, redact: a.redact });
    if (emitReport(text, a.output, d)) return;
    process.exitCode = (d.config?.checks ?? []).some((c) => c.status === 'fired' && c.severity === 'critical') ? 1 : 0;
  },
};
