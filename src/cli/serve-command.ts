import { availableParallelism } from 'node:os';
import type { CommandModule } from 'yargs';
import { parseDuration } from '../match/duration.js';
import { limitsFrom, readingOptions, type ReadingArgs } from './shared-options.js';

interface Args extends ReadingArgs {
  host: string;
  port: number;
  data: string;
  'max-upload': string;
  'max-concurrent': number;
  'max-queue': number;
  'analysis-timeout': string;
  'keep-bundles': boolean;
  retain?: string | undefined;
  'auth-token-file'?: string | undefined;
  insecure: boolean;
  'log-level': string;
  patterns: string[];
}

const SIZE_UNITS: Readonly<Record<string, number>> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** `1G`, `512M`, `1GiB`, `2048` (bytes). */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(text.trim());
  if (m === null) throw new Error(`not a size: ${text} (use e.g. 512M or 1G)`);
  return Math.round(Number(m[1]) * (SIZE_UNITS[(m[2] ?? '').toLowerCase()] ?? 1));
}

function durationMs(text: string, option: string): number {
  const sec = parseDuration(text);
  if (sec === undefined || sec <= 0) throw new Error(`--${option}: not a duration: ${text} (use e.g. 90s, 10m, 30d)`);
  return sec * 1000;
}

export const serveCommand: CommandModule<object, Args> = {
  command: 'serve',
  describe: 'Upload page and API: drop bundles, watch them analyzed, keep their reports in a searchable history',
  builder: (y) =>
    readingOptions(y)
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to listen on; other than loopback it needs --auth-token-file (or --insecure)' })
      .option('port', { type: 'number', default: 8080 })
      .option('data', { type: 'string', default: 'kube-forensics-data', describe: 'Folder of the history database (SQLite) and kept bundles' })
      .option('max-upload', { type: 'string', default: '1G', describe: 'Largest upload; beyond it 413, decided while streaming' })
      .option('max-concurrent', { type: 'number', default: availableParallelism(), describe: 'Analyses run at once, each on its own worker thread' })
      .option('max-queue', { type: 'number', default: 16, describe: 'Analyses waiting beyond those; more get 429 with Retry-After' })
      .option('analysis-timeout', { type: 'string', default: '10m', describe: 'Time limit of one analysis' })
      .option('keep-bundles', { type: 'boolean', default: false, describe: 'Keep uploaded bundles under --data/bundles (default: deleted once analyzed)' })
      .option('retain', { type: 'string', describe: 'Forget analyses older than this, e.g. 30d (checked at start and hourly)' })
      .option('auth-token-file', { type: 'string', describe: 'File of bearer tokens, one per line; requests must present one' })
      .option('insecure', { type: 'boolean', default: false, describe: 'Listen on a non-loopback address without tokens' })
      .option('log-level', { choices: ['fatal', 'error', 'warn', 'info', 'debug', 'silent'], default: 'info', describe: 'JSON request logs on stdout (pino)' })
      .option('patterns', { type: 'string', array: true, default: [] as string[], describe: 'Extra catalog folder(s)' })
      .example('$0 serve', 'On http://127.0.0.1:8080, history in ./kube-forensics-data')
      .example('$0 serve --host 0.0.0.0 --auth-token-file /etc/kube-forensics/tokens --retain 30d', 'For a team') as never,
  handler: async (a) => {
    // Loaded here, not at the top: every other command would pay for fastify and SQLite.
    const { startServer } = await import('../serve/server.js');
    const { readTokenFile } = await import('../serve/auth.js');
    const server = await startServer({
      host: a.host,
      port: a.port,
      dataDir: a.data,
      limits: {
        maxUploadBytes: parseSize(a['max-upload']),
        maxConcurrent: Math.max(1, a['max-concurrent']),
        maxQueue: Math.max(0, a['max-queue']),
        analysisTimeoutMs: durationMs(a['analysis-timeout'], 'analysis-timeout'),
      },
      analyze: { patternDirs: a.patterns, ...(a.year !== undefined ? { year: a.year } : {}), ...(a.tz !== undefined ? { tz: a.tz } : {}), limits: limitsFrom(a) },
      keepBundles: a['keep-bundles'],
      ...(a.retain !== undefined ? { retainMs: durationMs(a.retain, 'retain') } : {}),
      ...(a['auth-token-file'] !== undefined ? { authTokens: readTokenFile(a['auth-token-file']) } : {}),
      insecure: a.insecure,
      logger: { level: a['log-level'], redact: ['req.headers.authorization', 'req.headers.cookie'] },
    });
    process.stderr.write(`kube-forensics: serving on ${server.url} (history in ${a.data})\n`);
    let stopping = false;
    const stop = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`kube-forensics: ${signal}: finishing running analyses, then stopping\n`);
      server.close().then(
        () => process.exit(0),
        (e: Error) => {
          process.stderr.write(`kube-forensics: shutdown failed: ${e.message}\n`);
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  },
};
