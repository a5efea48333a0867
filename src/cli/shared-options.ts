import { writeFileSync } from 'node:fs';
import type { Argv } from 'yargs';

/** Options every reading command takes. */
export function readingOptions<T>(y: Argv<T>) {
  return y
    .option('year', { type: 'number', describe: 'Year of the latest entry of year-less logs (journal short, syslog, klog), when the bundle cannot tell' })
    .option('tz', { type: 'string', describe: 'Zone that year-less/zone-less times were written in (IANA name or +07:00); default UTC, marked assumed' })
    .option('max-line-bytes', { type: 'number', default: 1024 * 1024, describe: 'Cut longer lines (counted as truncated)' })
    .option('max-total-bytes', { type: 'number', default: 16 * 1024 ** 3, describe: 'Stop decompressing past this many bytes' })
    .option('max-ratio', { type: 'number', default: 200, describe: 'Report an archive as a decompression bomb past this ratio' });
}

export interface ReadingArgs {
  readonly year?: number | undefined;
  readonly tz?: string | undefined;
  readonly 'max-line-bytes': number;
  readonly 'max-total-bytes': number;
  readonly 'max-ratio': number;
}

export function limitsFrom(a: ReadingArgs) {
  return { maxLineBytes: a['max-line-bytes'], maxTotalBytes: a['max-total-bytes'], maxRatio: a['max-ratio'], maxNesting: 3 };
}

/** Colour when stdout is a terminal, unless NO_COLOR is set (https://no-color.org). */
export function wantsColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && (process.env['NO_COLOR'] ?? '') === '';
}

/** The analyze() options every reading command takes from its arguments. */
export function readingAnalyzeOptions(a: ReadingArgs & { readonly inputs: string[]; readonly patterns: string[] }) {
  return {
    inputs: a.inputs,
    patternDirs: a.patterns,
    ...(a.year !== undefined ? { year: a.year } : {}),
    ...(a.tz !== undefined ? { tz: a.tz } : {}),
    limits: limitsFrom(a),
  };
}

/** Write a rendered report to -o or stdout; true when nothing at all could be read (exit 2). */
export function emitReport(text: string, output: string | undefined, d: { readonly inputs: readonly unknown[]; readonly diagnostics: readonly unknown[] }): boolean {
  if (output !== undefined) writeFileSync(output, text);
  else process.stdout.write(text);
  if (d.inputs.length === 0 && d.diagnostics.length > 0) {
    process.stderr.write('kube-forensics: nothing could be read\n');
    process.exitCode = 2;
    return true;
  }
  return false;
}
