import type { CommandModule } from 'yargs';
import { boundHeapGrowth } from './heap-policy.js';
import { analyze } from '../analyze.js';
import { renderReport, type ReportFormat } from '../report/render.js';
import { emitReport, readingAnalyzeOptions, readingOptions, wantsColor, type ReadingArgs } from './shared-options.js';

interface Args extends ReadingArgs {
  inputs: string[];
  format: ReportFormat;
  output?: string | undefined;
  patterns: string[];
  redact: boolean;
  'full-scan': boolean;
}

export const analyzeCommand: CommandModule<object, Args> = {
  command: 'analyze <inputs..>',
  describe: 'Diagnose a support bundle (directory, .tar, .tar.gz, .zip, .gz) or log files',
  builder: (y) =>
    readingOptions(y)
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'Bundles, folders or files' })
      .option('format', { alias: 'f', choices: ['text', 'json', 'markdown', 'html'] as const, default: 'text' as ReportFormat })
      .option('output', { alias: 'o', type: 'string', describe: 'Write the report here instead of stdout' })
      .option('patterns', { type: 'string', array: true, default: [] as string[], describe: 'Extra catalog folder(s); entries replace built-ins with the same id' })
      .option('redact', { type: 'boolean', default: true, describe: 'Mask secrets in all output (--no-redact to show them)' })
      .option('full-scan', { type: 'boolean', default: false, describe: 'Parse every line instead of only candidate lines (slower, same findings)' })
      .example('$0 analyze bundle.tar.gz', 'Diagnose a support bundle')
      .example('$0 analyze node-a/ --format json -o report.json', 'Machine-readable report')
      .example('$0 analyze bundle.tar.gz --format html -o report.html', 'Post-mortem page with a timeline picture, one self-contained file')
      .example('$0 analyze journal.txt --tz Europe/Berlin --year 2024', 'A pasted journal with local times') as never,
  handler: async (a) => {
    boundHeapGrowth();
    const progress = process.stderr.isTTY === true;
    const d = await analyze({
      ...readingAnalyzeOptions(a),
      fullScan: a['full-scan'],
      ...(progress ? { onProgress: (p: { path: string; bytesRead: number }) => process.stderr.write(`\r\u001b[K${(p.bytesRead / 1e6).toFixed(1)} MB  ${p.path.slice(-60)}`) } : {}),
    });
    if (progress) process.stderr.write('\r\u001b[K');
    const text = renderReport(d, { format: a.format, color: a.output === undefined && a.format === 'text' && wantsColor(process.stdout), redact: a.redact });
    if (emitReport(text, a.output, d)) return;
    process.exitCode = d.findings.some((f) => f.severity === 'critical' && f.status === 'active') ? 1 : 0;
  },
};
