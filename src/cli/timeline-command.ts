import type { CommandModule } from 'yargs';
import { boundHeapGrowth } from './heap-policy.js';
import { formatDiagnostic } from '../model/tally.js';
import { SEVERITY_ORDER, type Severity } from '../model/event.js';
import { parseIso } from '../model/time.js';
import { parseZone, UTC_ZONE } from '../normalize/zone.js';
import { canonicalHost } from '../normalize/host.js';
import { Redactor } from '../report/redact.js';
import { timelineJson, timelineText } from '../report/timeline-lines.js';
import { buildTimeline } from '../timeline/build.js';
import { limitsFrom, readingOptions, type ReadingArgs } from './shared-options.js';

interface Args extends ReadingArgs {
  inputs: string[];
  since?: string | undefined;
  until?: string | undefined;
  host?: string[] | undefined;
  component?: string[] | undefined;
  severity?: Severity | undefined;
  grep?: string | undefined;
  format: 'text' | 'ndjson';
  redact: boolean;
}

export const timelineCommand: CommandModule<object, Args> = {
  command: 'timeline <inputs..>',
  describe: 'Merge every log, event and audit record of a bundle into one UTC timeline',
  builder: (y) =>
    readingOptions(y)
      .positional('inputs', { type: 'string', array: true, demandOption: true })
      .option('since', { type: 'string', describe: 'RFC 3339 time; earlier events are left out' })
      .option('until', { type: 'string', describe: 'RFC 3339 time; later events are left out' })
      .option('host', { type: 'string', array: true, describe: 'Only these hosts' })
      .option('component', { type: 'string', array: true, describe: 'Only these components (kubelet, kube-apiserver, ...)' })
      .option('severity', { choices: ['debug', 'info', 'notice', 'warning', 'error', 'critical'] as const, describe: 'At least this severity' })
      .option('grep', { type: 'string', describe: 'Only messages matching this regex' })
      .option('format', { choices: ['text', 'ndjson'] as const, default: 'text' as const })
      .option('redact', { type: 'boolean', default: true, describe: 'Mask secrets (--no-redact to show them)' })
      .example('$0 timeline bundle.tar.gz --severity warning', 'Warnings and errors of every node, in order')
      .example('$0 timeline node-a/ --since 2024-04-01T12:00:00Z --format ndjson', 'For jq') as never,
  handler: async (a) => {
    boundHeapGrowth();
    const zone = a.tz !== undefined ? parseZone(a.tz) : UTC_ZONE;
    if (zone === undefined) throw new Error(`unknown time zone "${a.tz}"`);
    const bound = (s: string | undefined, name: string) => {
      if (s === undefined) return undefined;
      const p = parseIso(s);
      if (p === undefined) throw new Error(`--${name} must be an RFC 3339 time such as 2024-04-01T12:00:00Z`);
      return p.at.sec + p.at.nsec / 1e9;
    };
    const since = bound(a.since, 'since');
    const until = bound(a.until, 'until');
    const grep = a.grep !== undefined ? new RegExp(a.grep) : undefined;
    const hosts = a.host?.map(canonicalHost);
    const minSev = a.severity !== undefined ? SEVERITY_ORDER[a.severity] : undefined;
    // Progress on stderr only when it is a terminal: piped output stays clean.
    const progress = process.stderr.isTTY === true;
    const tl = await buildTimeline({
      inputs: a.inputs,
      time: { zone, zoneGiven: a.tz !== undefined },
      ...(a.year !== undefined ? { year: a.year } : {}),
      limits: limitsFrom(a),
      ...(progress ? { onProgress: (p: { path: string; bytesRead: number }) => process.stderr.write(`\r\u001b[Kreading ${(p.bytesRead / 1e6).toFixed(1)} MB  ${p.path.slice(-60)}`) } : {}),
    });
    if (progress) process.stderr.write('\r\u001b[K');
    const redactor = new Redactor(a.redact);
    let shown = 0;
    let outside = 0;
    for await (const { event: ev } of tl.events) {
      const t = ev.time.kind === 'none' ? undefined : ev.time.at.sec + ev.time.at.nsec / 1e9;
      if ((since !== undefined || until !== undefined) && (t === undefined || (since !== undefined && t < since) || (until !== undefined && t > until))) {
        outside++;
        continue;
      }
      if (hosts !== undefined && !hosts.includes(ev.host)) continue;
      if (a.component !== undefined && !a.component.includes(ev.component)) continue;
      if (minSev !== undefined && SEVERITY_ORDER[ev.severity] < minSev) continue;
      if (grep !== undefined && !grep.test(ev.message)) continue;
      shown++;
      const line = a.format === 'ndjson' ? timelineJson(ev, redactor) : timelineText(ev, redactor);
      if (!process.stdout.write(line + '\n')) await new Promise((r) => process.stdout.once('drain', r));
    }
    const err: string[] = [];
    for (const m of tl.members) err.push(`${m.path}: ${m.format}, ${m.records} records${m.year.source !== 'stated' ? `, year from ${m.year.source} (${m.year.baseYear})` : ''}`);
    for (const s of tl.tally.skipCounts().filter((x) => !x.intentional)) err.push(`${s.path}: ${s.count} lines skipped by ${s.format} (${s.reason}), first at line ${s.firstLines.join(', ')}`);
    for (const d of tl.tally.diagnosticList()) err.push(formatDiagnostic(d));
    err.push(`${shown} events shown${outside > 0 ? `, ${outside} outside --since/--until` : ''}; times in UTC${a.tz === undefined ? ' (zone-less times assumed UTC; ~ marks inferred times)' : ''}`);
    if (redactor.count > 0) err.push(`${redactor.count} secret value(s) redacted`);
    process.stderr.write(err.join('\n') + '\n');
    if (tl.members.every((m) => m.records === 0)) process.exitCode = 2;
  },
};
