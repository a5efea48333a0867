import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Severity } from '../../src/model/event.js';
import type { Stamp } from '../../src/model/time.js';
import { systemctlStatus } from '../../src/parse/systemctl-status.js';
import { formatSinceText, formatSystemctlStatus, type UnitStatus } from '../support/render-systemctl-status.js';
import { hostileLines, recordsOf, runBlock } from '../support/run-parser.js';

const path = 'node-a/systemctl-status.txt';

// Journal messages as the kubelet and systemd write them: no leading blank (journalctl prints the
// message right after "]: "), one line.
const msgChar = fc.oneof(fc.constantFrom('"', '\\', ':', '[', ']', '=', '\u2028', '😀', 'é'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }));
const message = fc.string({ unit: msgChar, minLength: 1, maxLength: 80 }).filter((m) => !/^\s|[\r\n]/.test(m));

const journalLine = fc.record({
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  secOfDay: fc.integer({ min: 0, max: 86_399 }),
  host: fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/),
  ident: fc.constantFrom('kubelet', 'systemd', 'containerd', 'kube-apiserver'),
  pid: fc.integer({ min: 1, max: 4_194_304 }),
  message,
});

const ZONES: readonly (readonly [string, number | undefined])[] = [['UTC', 0], ['GMT', 0], ['+07', 420], ['-0430', -270], ['CEST', undefined], ['EDT', undefined]];

const STATES = [
  { active: 'active', sub: 'running' }, { active: 'activating', sub: 'auto-restart', result: 'exit-code' }, { active: 'inactive', sub: 'dead' },
  { active: 'deactivating', sub: 'stop-sigterm' }, { active: 'activating', sub: 'start-pre' }, { active: 'active', sub: 'exited' },
] as const;

type GeneratedStatus = UnitStatus & { readonly zoneOffsetMin?: number };

const unitStatus: fc.Arbitrary<GeneratedStatus> = fc.record(
  {
    unit: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/).map((n) => `${n}.service`),
    description: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 :.-]{0,30}$/),
    unitFile: fc.constantFrom('/lib/systemd/system/kubelet.service', '/usr/lib/systemd/system/kubelet.service', '/etc/systemd/system/x.service'),
    unitFileState: fc.constantFrom('enabled', 'disabled', 'static'),
    preset: fc.constantFrom('enabled', 'disabled'),
    dropInDir: fc.constantFrom('/etc/systemd/system/kubelet.service.d', '/usr/lib/systemd/system/kubelet.service.d'),
    dropIns: fc.uniqueArray(fc.stringMatching(/^\d\d-[a-z]{1,10}\.conf$/), { maxLength: 3 }),
    state: fc.constantFrom(...STATES),
    since: fc.record({ wallSec: fc.integer({ min: 0, max: 4_102_444_800 }), zone: fc.constantFrom(...ZONES) }),
    processes: fc.array(fc.stringMatching(/^\d{1,7} ExecStart=\/usr\/bin\/[a-z]{1,8} \(code=exited, status=\d\/[A-Z]{4,7}\)$/), { maxLength: 3 }),
    mainPid: fc.record({ pid: fc.integer({ min: 1, max: 4_194_304 }), note: fc.constantFrom('kubelet', 'code=exited, status=1/FAILURE') }),
    indent: fc.constantFrom('new' as const, 'old' as const, 'none' as const),
    blankBeforeJournal: fc.boolean(),
    journal: fc.array(journalLine, { maxLength: 4 }),
  },
  { requiredKeys: ['unit', 'unitFile', 'unitFileState', 'dropIns', 'state', 'processes', 'indent', 'blankBeforeJournal', 'journal'] },
).map(({ state, since, ...u }) => {
  const offset = since?.zone[1];
  return {
    ...u, active: state.active, sub: state.sub,
    ...('result' in state && { result: state.result }),
    ...(since !== undefined && { since: { wallSec: since.wallSec, zone: since.zone[0] } }),
    ...(offset !== undefined && { zoneOffsetMin: offset }),
  };
});

function expectedStamp(u: GeneratedStatus): Stamp {
  const offsetMin = u.zoneOffsetMin;
  if (u.since === undefined) return { kind: 'none' };
  if (offsetMin === undefined) return { kind: 'wall', at: { sec: u.since.wallSec, nsec: 0 }, precision: 's' };
  return { kind: 'utc', at: { sec: u.since.wallSec - offsetMin * 60, nsec: 0 }, precision: 's' };
}

const SEVERITY: Record<string, Severity> = { active: 'info', activating: 'warning', deactivating: 'warning', inactive: 'notice' };

test('systemctl-status: rendered blocks parse back to unit records and their journal lines', () => {
  fc.assert(
    fc.property(fc.array(unitStatus, { minLength: 1, maxLength: 3 }), (blocks) => {
      const lines = blocks.flatMap((b) => formatSystemctlStatus(b));
      const recs = recordsOf(runBlock(systemctlStatus, path, lines));
      const expected = blocks.flatMap((u) => {
        const dropIns = u.dropInDir !== undefined && u.dropIns.length > 0 ? { dropIns: u.dropIns.map((f) => `${u.dropInDir}/${f}`).join(',') } : {};
        const unit = {
          kind: 'unit',
          unit: { unit: u.unit, loaded: 'loaded', active: u.active, sub: u.sub },
          stamp: expectedStamp(u),
          severity: u.result !== undefined ? 'error' : SEVERITY[u.active],
          message: `${u.unit}: loaded ${u.active} (${u.sub})${u.result === undefined ? '' : ` (Result: ${u.result})`}`,
          fields: {
            ...(u.description !== undefined && { description: u.description }),
            unitFile: u.unitFile, unitFileState: u.unitFileState,
            ...(u.preset !== undefined && { preset: u.preset }),
            ...dropIns,
            ...(u.result !== undefined && { result: u.result }),
            ...(u.since !== undefined && { since: formatSinceText(u.since.wallSec, u.since.zone) }),
            ...(u.processes.length > 0 && { process: u.processes.join('\n') }),
            ...(u.mainPid !== undefined && { mainPid: `${u.mainPid.pid} (${u.mainPid.note})` }),
          },
          component: u.unit.slice(0, -'.service'.length),
          ...(u.mainPid !== undefined && { pid: u.mainPid.pid }),
        };
        const journal = u.journal.map((j) => ({
          kind: 'log',
          stamp: { kind: 'yearless', month: j.month, day: j.day, secOfDay: j.secOfDay, nsec: 0, precision: 's' },
          message: j.message, host: j.host, component: j.ident, pid: j.pid,
          truncated: /…|\.\.\.\s*$/.test(j.message) ? 'true' : undefined,
        }));
        return [unit, ...journal];
      });
      expect(recs.map((r) => (r.kind === 'unit'
        ? { kind: r.kind, unit: r.unit, stamp: r.stamp, severity: r.severity, message: r.message, fields: r.fields, component: r.component, ...(r.pid !== undefined && { pid: r.pid }) }
        : { kind: r.kind, stamp: r.stamp, message: r.message, host: r.host, component: r.component, pid: r.pid, truncated: r.fields['truncated'] }))).toEqual(expected);
      // Every unit record points at its header line.
      let line = 1;
      const headers = blocks.map((b) => ((line += formatSystemctlStatus(b).length), line - formatSystemctlStatus(b).length));
      expect(recs.filter((r) => r.kind === 'unit').map((r) => r.source.line)).toEqual(headers);
    }),
  );
});

test('systemctl-status: any lines give records or counted skips, never a throw', () => {
  const run = (lines: string[]): void => {
    for (const p of runBlock(systemctlStatus, path, lines)) expect(['record', 'skip']).toContain(p.result.kind);
  };
  fc.assert(fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 8 }), (ls) => { run(ls); run(['● kubelet.service', ...ls]); }));
  fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 120 }), { maxLength: 6 }), (bs) => run(['● kubelet.service', ...bs.map((b) => Buffer.from(b).toString('utf8'))])));
  fc.assert(
    fc.property(unitStatus, fc.nat(), (u, cut) => {
      run(formatSystemctlStatus(u).map((l) => l.slice(0, cut % (l.length + 1))));
    }),
  );
  const sample = ['● kubelet.service - kubelet', '     Active: active (running) since Mon 2024-04-01 12:13:41 UTC; 3s ago', '', 'Apr 01 12:13:41 node-a kubelet[1]: x'];
  run(['● kubelet.service', ...hostileLines(sample)]);
  run(hostileLines(sample));
});
