import { describe, expect, test } from 'vitest';
import type { ParsedRecord } from '../../src/model/event.js';
import { formatInstant, parseIso } from '../../src/model/time.js';
import { chooseYears } from '../../src/normalize/bundle-clock.js';
import { MemberNormalizer } from '../../src/normalize/normalize.js';
import { parseZone, UTC_ZONE } from '../../src/normalize/zone.js';

const at = { path: 'node-a/kubelet.log', line: 1 };
const yearless = (month: number, day: number, h: number, message = 'x'): ParsedRecord => ({
  kind: 'log', severity: 'info', message, fields: {}, source: at,
  stamp: { kind: 'yearless', month, day, secOfDay: h * 3600, nsec: 0, precision: 's' },
});
const utc = (iso: string): ParsedRecord => {
  const p = parseIso(iso);
  if (p === undefined) throw new Error(iso);
  return { kind: 'log', severity: 'info', message: 'x', fields: {}, source: at, stamp: { kind: 'utc', at: p.at, precision: p.precision } };
};
const times = { zone: UTC_ZONE, zoneGiven: false };

function run(members: { recs: ParsedRecord[]; mtime?: string }[], year?: number): string[][] {
  const ns = members.map((m, i) => new MemberNormalizer({ path: `m${i}.log`, format: 'journal-short', ...(m.mtime ? { mtime: new Date(m.mtime), mtimeSource: 'file' as const } : {}) }));
  const prepared = members.map((m, i) => m.recs.map((r) => (ns[i] as MemberNormalizer).prepare(r)));
  const years = chooseYears(ns, year);
  return prepared.map((ps, i) =>
    ps.map((p) => {
      const t = (ns[i] as MemberNormalizer).resolve(p, years[i] as never, times).time;
      return t.kind === 'none' ? 'none' : formatInstant(t.at, 's');
    }),
  );
}

describe('year inference', () => {
  test('a year another source of the bundle states wins over the file mtime', () => {
    const out = run([{ recs: [yearless(4, 1, 12)], mtime: '2026-11-22T00:00:00Z' }, { recs: [utc('2024-04-01T13:00:00Z')] }]);
    expect(out[0]).toEqual(['2024-04-01T12:00:00Z']);
  });

  test('Dec→Jan rollover moves to the next year', () => {
    const out = run([{ recs: [yearless(12, 31, 23), yearless(1, 1, 1)], mtime: '2025-01-02T00:00:00Z' }]);
    expect(out[0]).toEqual(['2024-12-31T23:00:00Z', '2025-01-01T01:00:00Z']);
  });

  test('journalctl -r (newest first) across New Year', () => {
    const out = run([{ recs: [yearless(1, 1, 1), yearless(12, 31, 23)], mtime: '2025-01-02T00:00:00Z' }]);
    expect(out[0]).toEqual(['2025-01-01T01:00:00Z', '2024-12-31T23:00:00Z']);
  });

  test('a stamp later in the year than the reference belongs to the year before', () => {
    const out = run([{ recs: [yearless(12, 20, 10)], mtime: '2025-01-05T00:00:00Z' }]);
    expect(out[0]).toEqual(['2024-12-20T10:00:00Z']);
  });

  test('--year names the year of the latest entry', () => {
    expect(run([{ recs: [yearless(12, 31, 23), yearless(1, 1, 1)] }], 2030)[0]).toEqual(['2029-12-31T23:00:00Z', '2030-01-01T01:00:00Z']);
  });

  test('a year-less time is marked inferred, with year and zone assumed', () => {
    const n = new MemberNormalizer({ path: 'a.log', format: 'journal-short', mtime: new Date('2024-05-01T00:00:00Z'), mtimeSource: 'file' });
    const p = n.prepare(yearless(4, 1, 12));
    const [y] = chooseYears([n], undefined);
    expect(n.resolve(p, y as never, times).time).toMatchObject({ kind: 'inferred', assumed: ['year', 'zone'] });
    expect(y?.source).toBe('file-mtime');
  });
});

describe('zones', () => {
  test('--tz with an IANA name converts wall time to UTC, summer and winter', () => {
    const z = parseZone('Europe/Berlin');
    expect(z).toBeDefined();
    expect(z?.wallToUtc(Date.UTC(2024, 6, 1, 12) / 1000)).toBe(Date.UTC(2024, 6, 1, 10) / 1000);
    expect(z?.wallToUtc(Date.UTC(2024, 0, 1, 12) / 1000)).toBe(Date.UTC(2024, 0, 1, 11) / 1000);
    expect(parseZone('+07:00')?.wallToUtc(7 * 3600)).toBe(0);
    expect(parseZone('Not/AZone')).toBeUndefined();
  });
});

describe('nested klog inside a journal line', () => {
  test('the klog level and fields are lifted, and the inner time is checked against the outer one', () => {
    const n = new MemberNormalizer({ path: 'node-a/kubelet.log', format: 'journal-short' });
    const rec = { ...yearless(4, 1, 12, 'E0401 12:00:00.250000    2211 certificate_manager.go:562] boom'), severity: 'unknown' as const, host: 'node-a', component: 'kubelet' };
    const p = n.prepare(rec);
    const ev = n.resolve(p, { baseYear: 2024, source: 'flag' }, times);
    expect(ev.severity).toBe('error');
    expect(ev.message).toBe('boom');
    expect(ev.fields['caller']).toBe('certificate_manager.go:562');
    expect(ev.inner?.skewSec).toBe(0.25);
    // Within a second the inner time only adds precision.
    expect(ev.time.kind !== 'none' && formatInstant(ev.time.at, 'us')).toBe('2024-04-01T12:00:00.250000Z');
  });

  test('the 24-hour boundary: a journal line just before midnight with a klog header just after', () => {
    const n = new MemberNormalizer({ path: 'k.log', format: 'journal-short' });
    const rec = { ...yearless(12, 31, 23, 'I0101 00:00:01.000000       1 x.go:1] hi'), secOfDay: 0 };
    rec.stamp = { kind: 'yearless', month: 12, day: 31, secOfDay: 86_399, nsec: 0, precision: 's' };
    const ev = n.resolve(n.prepare(rec), { baseYear: 2024, source: 'flag' }, times);
    expect(ev.inner?.skewSec).toBe(2);
  });
});
