#!/usr/bin/env -S node --max-semi-space-size=8
// The command line: argv in, a renderer's output on stdout, progress and problems on stderr,
// exit codes out. The only module that knows yargs and process.
//
// The bin caps each young-generation semi-space at 8 MB (V8's default cap is 16 MB). V8 grows a
// semi-space each time enough has survived since it last grew (kept hits do), so over a long
// input it reached the cap: peak RSS at 2 GiB was 15% above that at 256 MiB, and with the cap
// about 10% (no time change measured; batch workers inherit it, also at no cost). V8 reads the
// flag only as an isolate starts, hence here and not in heap-policy.ts: run as
// `node dist/bundle/main.js` the tool works the same with V8's default.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { analyzeCommand } from './analyze-command.js';
import { batchCommand, summaryCommand } from './batch-command.js';
import { configCommand } from './config-command.js';
import { patternsCommand } from './patterns-command.js';
import { serveCommand } from './serve-command.js';
import { timelineCommand } from './timeline-command.js';

const EXIT_USAGE = 2;

const cli = yargs(hideBin(process.argv))
  .scriptName('kube-forensics')
  .usage('$0 <command> [options]\n\nOffline forensics for Kubernetes nodes and control planes.')
  .command(analyzeCommand)
  .command(timelineCommand)
  .command(configCommand)
  .command(patternsCommand)
  .command(batchCommand)
  .command(summaryCommand)
  .command(serveCommand)
  .demandCommand(1, 'Name a command: analyze, timeline, config, patterns, batch, summary or serve.')
  .strict()
  .help()
  .alias('h', 'help')
  .version()
  .wrap(Math.min(110, process.stdout.columns || 100))
  .fail((msg, err, y) => {
    if (err) {
      process.stderr.write(`kube-forensics: ${err.message}\n`);
      process.exit(EXIT_USAGE);
    }
    process.stderr.write(`${y.help().toString()}\n\nkube-forensics: ${msg}\n`);
    process.exit(EXIT_USAGE);
  });

// Right after starting a command's handler, yargs formats that command's whole help (cliui tables,
// wrap-ansi, Unicode widths: about 50 ms, before any of our work goes on) in case an error wants
// it later. The fail handler above never prints help for a handler's error, so it is never read;
// the Angular CLI drops it the same way (angular/angular-cli#34087). Internal API: if it is gone,
// nothing changes but the cost.
type WithUsage = { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };
const usage = (cli as unknown as WithUsage).getInternalMethods?.().getUsageInstance?.();
if (usage !== undefined && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;

await cli.parseAsync();
