// The gate must never turn away a line that a signal would match.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { BUILTIN_PATTERNS, loadCatalog } from '../../src/match/catalog.js';
import { gateSpec, logRegexSources } from '../../src/match/gate.js';
import { gateFromSpec } from '../../src/ingest/literal-gate.js';

const buildGate = (c: typeof catalog, o: { jsonEscaped: boolean }) => gateFromSpec(gateSpec(c, o));

const catalog = loadCatalog(BUILTIN_PATTERNS());
const regexes = logRegexSources(catalog).map((s) => new RegExp(s));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}
const fixtureLines = filesUnder('patterns')
  .filter((f) => /fixtures\/positive\//.test(f) && !f.endsWith('.md') && !f.endsWith('.yaml'))
  .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
  .filter((l) => l.length > 0 && l.length < 5000);

function candidatesOf(gate: ReturnType<typeof buildGate>, lines: string[]): Set<number> {
  const buf = Buffer.from(lines.join('\n') + '\n');
  const starts: number[] = [];
  let off = 0;
  for (const l of lines) {
    starts.push(off);
    off += Buffer.byteLength(l) + 1;
  }
  const picked = new Set([...gate.candidates(buf, 0, buf.length)]);
  return new Set(starts.flatMap((s, i) => (picked.has(s) ? [i] : [])));
}

test('every fixture line some signal matches is a candidate, in any company (property)', () => {
  const gate = buildGate(catalog, { jsonEscaped: false });
  const line = fc.oneof(fc.constantFrom(...fixtureLines), fc.string({ maxLength: 80 }).map((s) => s.replace(/\n/g, ' ')));
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (lines) => {
      const got = candidatesOf(gate, lines);
      lines.forEach((l, i) => {
        if (regexes.some((r) => r.test(l))) expect(got.has(i), l).toBe(true);
      });
    }),
    { numRuns: 300 },
  );
});

test('the JSON gate finds the same lines with their quotes escaped inside JSON strings', () => {
  const gate = buildGate(catalog, { jsonEscaped: true });
  const matching = fixtureLines.filter((l) => regexes.some((r) => r.test(l)));
  const asJson = matching.map((l) => JSON.stringify({ log: l + '\n', stream: 'stderr', time: '2024-04-01T12:00:00Z' }));
  const got = candidatesOf(gate, asJson);
  expect(got.size).toBe(asJson.length);
});

test('ordinary chatter is not a candidate', () => {
  const gate = buildGate(catalog, { jsonEscaped: false });
  const chatter = [
    'Apr 01 12:00:00 node-a kubelet[2211]: I0401 12:00:00.000001    2211 kubelet.go:2443] "SyncLoop (PLEG): event for pod" pod="default/web-1"',
    'Apr 01 12:00:01 node-a kubelet[2211]: I0401 12:00:01.000001    2211 operation_generator.go:721] "MountVolume.SetUp succeeded for volume \\"config\\""',
  ];
  expect(candidatesOf(gate, chatter).size).toBe(0);
});

test('the audit gate passes every audit line an audit matcher matches', async () => {
  const { auditGateSpec } = await import('../../src/match/gate.js');
  const { audit } = await import('../../src/parse/audit.js');
  const { testMatcher } = await import('../../src/match/evaluate.js');
  const spec = auditGateSpec(catalog);
  expect(spec).toBeDefined();
  const gate = gateFromSpec(spec as NonNullable<typeof spec>);
  const lines = filesUnder('patterns').filter((f) => !f.endsWith('.md') && !f.endsWith('.yaml')).flatMap((f) => readFileSync(f, 'utf8').split('\n')).filter((l) => l.includes('"auditID"'));
  const matching = lines.filter((l) => {
    const r = audit.parseLine(l, { path: 'a', line: 1 });
    return r.kind === 'record' && catalog.matchers.some((m) => m.test.kind === 'audit' && testMatcher(m.test, r.record, 'audit') !== undefined);
  });
  expect(matching.length).toBeGreaterThan(3);
  expect(candidatesOf(gate, matching).size).toBe(matching.length);
});
