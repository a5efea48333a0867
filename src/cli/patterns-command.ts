import type { CommandModule } from 'yargs';
import { loadCatalogFor } from '../analyze.js';
import { fixturesOf, runFixture } from '../check-fixtures.js';
import { toEre } from '../match/export-grep.js';
import { logRegexSources, plainGroups } from '../match/gate.js';
import type { Catalog } from '../match/pattern.js';

interface Args {
  action: 'list' | 'show' | 'test' | 'export';
  id?: string | undefined;
  patterns: string[];
  format: 'grep' | 'regex' | 'json';
}

export const patternsCommand: CommandModule<object, Args> = {
  command: 'patterns <action> [id]',
  describe: 'List, explain, test or export catalog entries',
  builder: (y) =>
    y
      .positional('action', { choices: ['list', 'show', 'test', 'export'] as const, demandOption: true })
      .positional('id', { type: 'string', describe: 'Entry id (show), or a catalog folder to test (test)' })
      .option('patterns', { type: 'string', array: true, default: [] as string[], describe: 'Extra catalog folder(s)' })
      .option('format', { choices: ['grep', 'regex', 'json'] as const, default: 'grep' as const, describe: 'export: grep -E patterns (one per line), JS regexes, or JSON' })
      .example('$0 patterns list', 'Every entry with its severity and title')
      .example('$0 patterns show kubelet-csr-forbidden', 'One entry in full')
      .example('$0 patterns test', 'Run every entry against its fixtures')
      .example('$0 patterns export --format grep > catalog.ere', 'For LC_ALL=C grep -E -f catalog.ere') as never,
  handler: async (a) => {
    const dirs = a.action === 'test' && a.id !== undefined ? [...a.patterns, a.id] : a.patterns;
    const catalog = loadCatalogFor({ patternDirs: dirs });
    switch (a.action) {
      case 'list':
        for (const p of catalog.patterns) process.stdout.write(`${p.id.padEnd(36)} ${p.severity.padEnd(9)} ${p.title}\n`);
        return;
      case 'show':
        return show(catalog, a.id);
      case 'export': {
        const sources = logRegexSources(catalog);
        if (a.format === 'json') process.stdout.write(JSON.stringify(sources, null, 2) + '\n');
        else process.stdout.write(sources.map((s) => (a.format === 'grep' ? toEre(s) : plainGroups(s))).join('\n') + '\n');
        return;
      }
      case 'test': {
        let failed = 0;
        let passed = 0;
        for (const p of catalog.patterns) {
          for (const kind of ['positive', 'negative'] as const) {
            const list = fixturesOf(p, kind);
            if (list.length === 0) {
              failed++;
              process.stdout.write(`FAIL ${p.id}: no ${kind} fixtures\n`);
            }
            for (const f of list) {
              const r = await runFixture(p, f, catalog);
              if (r.ok) passed++;
              else failed++;
              process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${p.id} ${kind}/${f.name}${r.problem ? `: ${r.problem} (found: ${r.found.join(', ') || 'nothing'})` : ''}\n`);
            }
          }
        }
        process.stdout.write(`${passed} passed, ${failed} failed\n`);
        process.exitCode = failed > 0 ? 1 : 0;
        return;
      }
    }
  },
};

function show(catalog: Catalog, id: string | undefined): void {
  const p = catalog.patterns.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no catalog entry "${id ?? ''}"; see 'kube-forensics patterns list'`);
  const out = [`${p.id} [${p.severity}]`, p.title, '', p.summary, '', `Source: ${p.sources.join(', ')}`, '', 'Signals:'];
  for (const m of p.signals) out.push(`  ${m.id} (${m.test.kind})${m.test.kind === 'log' ? `: ${m.test.message.source}` : ''}`);
  if (p.clears.length > 0) out.push('Cleared by:', ...p.clears.map((m) => `  ${m.id} (${m.test.kind})`));
  if (p.threshold.count > 1 || p.threshold.spanSec > 0) out.push(`Threshold: ${p.threshold.count} match(es) over ${p.threshold.spanSec}s`);
  if (p.explains.length > 0) out.push('Explains:', ...p.explains.map((l) => `  ${l.symptom} within ${l.withinSec}s${l.sameHost ? ' on the same host' : ''}`));
  out.push('Playbook:', ...p.playbook.map((s, i) => `  ${i + 1}. ${s.step}`));
  if (p.fix.length > 0) out.push('Fix:', ...p.fix.flatMap((f) => [`  - ${f.description}`, ...(f.command ? [`      $ ${f.command}`] : [])]));
  if (p.references.length > 0) out.push('References:', ...p.references.map((r) => `  ${r}`));
  process.stdout.write(out.join('\n') + '\n');
}
