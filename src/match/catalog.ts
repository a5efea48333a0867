// Load and check the catalog: patterns/<id>/pattern.yaml, validated against
// docs/pattern.schema.json, regexes compiled once, durations turned into seconds. Every error
// names the spot, as `patterns/x/pattern.yaml:12:5: …`, and a bad catalog stops the run.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmp } from '../model/tally.js';
import { schemaValidator } from './schema-validator.js';
import { displayPath, readYamlEntry, schemaErrorPath } from './yaml-entry.js';
import { parseDuration } from './duration.js';
import type { Catalog, EvidenceRef, Explains, Matcher, MatcherRole, MatcherTest, Pattern, PlaybookStep } from './pattern.js';
import { findCycle } from './cycles.js';
import { compileMetric, type RawMetric } from './metrics/compile.js';

export class CatalogError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`catalog has ${problems.length} problem(s):\n${problems.join('\n')}`);
  }
}

/** The repository root, found from this file whether it runs from src/ or dist/src/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

export const BUILTIN_PATTERNS = (): string => join(packageRoot(), 'patterns');

const validate = schemaValidator(() => join(packageRoot(), 'docs', 'pattern.schema.json'));

/** Load every entry under the given folders; a later folder's entry replaces an earlier one with the same id. */
export function loadCatalog(...dirs: string[]): Catalog {
  const problems: string[] = [];
  const byId = new Map<string, Pattern>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort(cmp);
    } catch (e) {
      problems.push(`${dir}: cannot read catalog folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      continue;
    }
    for (const name of names) {
      const file = join(dir, name, 'pattern.yaml');
      if (!existsSync(file)) continue;
      const p = loadEntry(file, name, problems);
      if (p !== undefined) byId.set(p.id, p);
    }
  }
  const patterns = [...byId.values()].sort((a, b) => cmp(a.id, b.id));
  const links = patterns.flatMap((p) => p.explains);
  for (const p of patterns) {
    for (const l of p.explains) {
      if (!byId.has(l.symptom)) problems.push(`${displayPath(p.file)}: explains unknown entry "${l.symptom}"`);
    }
    for (const s of p.playbook) {
      for (const ref of [...s.confirmedBy, ...s.ruledOutBy]) {
        if (ref.kind === 'pattern' && !byId.has(ref.id)) problems.push(`${displayPath(p.file)}: playbook names unknown entry "pattern:${ref.id}"`);
      }
    }
  }
  const cycle = findCycle(links);
  if (cycle !== undefined) problems.push(`catalog: explains links form a cycle: ${cycle.join(' → ')}`);
  if (problems.length > 0) throw new CatalogError(problems);
  return { patterns, matchers: patterns.flatMap(allMatchers), links };
}

export function allMatchers(p: Pattern): Matcher[] {
  return [...p.signals, ...p.clears, ...p.checks, ...(p.grace?.signals ?? [])];
}

interface RawMatcher {
  id: string;
  hostFrom?: string;
  decisive?: boolean;
  log?: { component?: string; message: string; severity?: string[] };
  audit?: { user?: string; verb?: string[]; resource?: string; subresource?: string; code?: number[]; codeAtLeast?: number };
  event?: { reason?: string; kind?: string; type?: string; message?: string; component?: string };
  condition?: { type: string; status?: string; reason?: string; message?: string };
  csr?: { requestor?: string; condition?: string; signerName?: string };
  unit?: { unit: string; active?: string };
  metric?: RawMetric;
}

interface RawPattern {
  id: string;
  title: string;
  source: string | string[];
  severity: Pattern['severity'];
  summary: string;
  signals: RawMatcher[];
  threshold?: { count?: number; span?: string };
  clears?: RawMatcher[];
  graceAfter?: { within: string; signals: RawMatcher[] };
  checks?: RawMatcher[];
  explains?: { symptom: string; same?: string[]; within: string }[];
  playbook: { step: string; confirmedBy?: string[]; ruledOutBy?: string[] }[];
  fix?: { description: string; command?: string }[];
  references?: string[];
}

function loadEntry(file: string, folder: string, problems: string[]): Pattern | undefined {
  const entry = readYamlEntry(file, problems);
  if (entry === undefined) return undefined;
  const { at } = entry;
  const raw = entry.raw as RawPattern;
  const errors = validate(raw);
  if (errors.length > 0) {
    for (const e of errors) {
      problems.push(`${at(schemaErrorPath(e))}: ${e.instancePath || '(entry)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params['additionalProperty'])})` : ''}`);
    }
    return undefined;
  }
  const before = problems.length;
  if (raw.id !== folder) problems.push(`${at(['id'])}: id "${raw.id}" differs from its folder "${folder}"`);
  const ids = new Set<string>();
  const compile = (list: RawMatcher[] | undefined, role: MatcherRole, key: string): Matcher[] =>
    (list ?? []).flatMap((m, i) => {
      if (ids.has(m.id)) problems.push(`${at([key, i, 'id'])}: matcher id "${m.id}" used twice`);
      ids.add(m.id);
      const c = compileMatcher(m, raw.id, role, (sub, msg) => problems.push(`${at([key, i, ...sub])}: matcher "${m.id}": ${msg}`));
      return c === undefined ? [] : [c];
    });
  const signals = compile(raw.signals, 'signal', 'signals');
  const clears = compile(raw.clears, 'clear', 'clears');
  const checks = compile(raw.checks, 'check', 'checks');
  const graceSignals = raw.graceAfter ? compileGrace(raw.graceAfter.signals) : [];
  function compileGrace(list: RawMatcher[]): Matcher[] {
    return list.flatMap((m, i) => {
      if (ids.has(m.id)) problems.push(`${at(['graceAfter', 'signals', i, 'id'])}: matcher id "${m.id}" used twice`);
      ids.add(m.id);
      const c = compileMatcher(m, raw.id, 'grace', (sub, msg) => problems.push(`${at(['graceAfter', 'signals', i, ...sub])}: matcher "${m.id}": ${msg}`));
      return c === undefined ? [] : [c];
    });
  }
  const refs = (list: string[] | undefined, path: (string | number)[]): EvidenceRef[] =>
    (list ?? []).map((r, i): EvidenceRef => {
      if (r.startsWith('pattern:')) return { kind: 'pattern', id: r.slice('pattern:'.length) };
      if (r.startsWith('check:')) return { kind: 'check', id: r.slice('check:'.length) }; // checked by loadChecks
      if (!ids.has(r)) problems.push(`${at([...path, i])}: playbook names unknown matcher "${r}"`);
      return { kind: 'matcher', id: r };
    });
  const playbook: PlaybookStep[] = raw.playbook.map((s, i) => ({
    step: s.step.trim(),
    confirmedBy: refs(s.confirmedBy, ['playbook', i, 'confirmedBy']),
    ruledOutBy: refs(s.ruledOutBy, ['playbook', i, 'ruledOutBy']),
  }));
  const explains: Explains[] = (raw.explains ?? []).map((e) => ({
    cause: raw.id,
    symptom: e.symptom,
    sameHost: (e.same ?? ['host']).includes('host'),
    withinSec: parseDuration(e.within) ?? 0,
  }));
  if (problems.length > before) return undefined;
  const graceWithin = raw.graceAfter ? parseDuration(raw.graceAfter.within) ?? 0 : 0;
  return {
    id: raw.id,
    title: raw.title.trim(),
    sources: typeof raw.source === 'string' ? [raw.source] : raw.source,
    severity: raw.severity,
    summary: raw.summary.trim().replace(/\s+/g, ' '),
    dir: dirname(file),
    file,
    signals,
    clears,
    checks,
    ...(raw.graceAfter ? { grace: { withinSec: graceWithin, signals: graceSignals } } : {}),
    threshold: { count: raw.threshold?.count ?? 1, spanSec: raw.threshold?.span ? parseDuration(raw.threshold.span) ?? 0 : 0 },
    explains,
    playbook,
    fix: (raw.fix ?? []).map((f) => ({ description: f.description.trim(), ...(f.command ? { command: f.command.trim() } : {}) })),
    references: raw.references ?? [],
  };
}

type Report = (subpath: (string | number)[], message: string) => void;

/** Compile one regex; the gate needs them unanchored and without backreferences. */
function regex(src: string | undefined, where: (string | number)[], report: Report): RegExp | undefined {
  if (src === undefined) return undefined;
  if (/(^|[^\\])\^|(^|[^\\])\$$/.test(src.replace(/\[[^\]]*\]/g, '[]'))) report(where, 'regex must not be anchored with ^ or $ (signals run on raw lines with varying prefixes)');
  if (/\\[1-9]|\\k</.test(src)) report(where, 'regex must not use backreferences');
  if (/\(\?<?[=!]/.test(src)) report(where, 'regex must not use lookarounds (they cannot be exported to grep -E)');
  try {
    return new RegExp(src);
  } catch (e) {
    report(where, `invalid regex: ${(e as Error).message}`);
    return undefined;
  }
}

function compileMatcher(m: RawMatcher, patternId: string, role: MatcherRole, report: Report): Matcher | undefined {
  const base = { id: m.id, patternId, role, ...(m.hostFrom !== undefined ? { hostFrom: m.hostFrom } : {}), ...(m.decisive === true ? { decisive: true } : {}) };
  let test: MatcherTest | undefined;
  const opt = <K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } => (v === undefined ? {} : ({ [k]: v } as { [P in K]: V }));
  if (m.log) {
    const message = regex(m.log.message, ['log', 'message'], report);
    if (message === undefined) return undefined;
    test = {
      kind: 'log',
      message,
      ...opt('component', regex(m.log.component, ['log', 'component'], report)),
      ...opt('severities', m.log.severity ? new Set(m.log.severity as never[]) : undefined),
    };
  } else if (m.audit) {
    test = {
      kind: 'audit',
      ...opt('user', regex(m.audit.user, ['audit', 'user'], report)),
      ...opt('verbs', m.audit.verb ? new Set(m.audit.verb) : undefined),
      ...opt('resource', m.audit.resource),
      ...opt('subresource', m.audit.subresource),
      ...opt('codes', m.audit.code ? new Set(m.audit.code) : undefined),
      ...opt('codeAtLeast', m.audit.codeAtLeast),
    };
  } else if (m.event) {
    test = {
      kind: 'event',
      ...opt('reason', regex(m.event.reason, ['event', 'reason'], report)),
      ...opt('involvedKind', m.event.kind),
      ...opt('type', m.event.type),
      ...opt('message', regex(m.event.message, ['event', 'message'], report)),
      ...opt('component', regex(m.event.component, ['event', 'component'], report)),
    };
  } else if (m.condition) {
    test = {
      kind: 'condition',
      type: m.condition.type,
      ...opt('status', m.condition.status),
      ...opt('reason', regex(m.condition.reason, ['condition', 'reason'], report)),
      ...opt('message', regex(m.condition.message, ['condition', 'message'], report)),
    };
  } else if (m.csr) {
    test = {
      kind: 'csr',
      ...opt('requestor', regex(m.csr.requestor, ['csr', 'requestor'], report)),
      ...opt('condition', regex(m.csr.condition, ['csr', 'condition'], report)),
      ...opt('signerName', regex(m.csr.signerName, ['csr', 'signerName'], report)),
    };
  } else if (m.unit) {
    const unit = regex(m.unit.unit, ['unit', 'unit'], report);
    if (unit === undefined) return undefined;
    test = { kind: 'unit', unit, ...opt('active', regex(m.unit.active, ['unit', 'active'], report)) };
  } else if (m.metric) {
    const condition = compileMetric(m.metric, (key, msg) => report(['metric', key], msg));
    if (condition === undefined) return undefined;
    test = { kind: 'metric', condition };
  }
  if (test === undefined) return undefined;
  if (m.hostFrom !== undefined && !hasCapture(test, m.hostFrom)) {
    report(['hostFrom'], `hostFrom names capture "${m.hostFrom}", which no regex of this matcher defines`);
  }
  return { ...base, test };
}

function hasCapture(t: MatcherTest, name: string): boolean {
  const all = Object.values(t).filter((v): v is RegExp => v instanceof RegExp);
  return all.some((r) => r.source.includes(`(?<${name}>`));
}
