// The history database: numbered migrations applied once and in order, a newer database refused,
// filters that combine, pruning by age, and reports stored compressed and read back whole.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate, readMigrations } from '../../src/serve/migrate.js';
import { AnalysisStore } from '../../src/serve/store.js';

const dir = (): string => mkdtempSync(join(tmpdir(), 'kf-store-'));

describe('migrations', () => {
  test('the repository\'s migrations are numbered 1, 2, 3 … and apply once', () => {
    const ms = readMigrations();
    expect(ms.map((m) => m.version)).toEqual(ms.map((_m, i) => i + 1));
    const db = new Database(':memory:');
    expect(migrate(db, ms)).toBe(ms.length);
    expect(migrate(db, ms)).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(ms.length);
  });

  test('a gap in the numbering and a badly named file are refused, naming the file', () => {
    const d = dir();
    writeFileSync(join(d, '0001-a.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(d, '0003-c.sql'), 'CREATE TABLE c (x);');
    expect(() => readMigrations(d)).toThrow(/migration 2 is missing/);
    const e = dir();
    writeFileSync(join(e, '1-a.sql'), '');
    expect(() => readMigrations(e)).toThrow(/1-a\.sql: a migration is named NNNN-what\.sql/);
  });

  test('a failing migration leaves the database at the last good version', () => {
    const db = new Database(':memory:');
    const ms = [
      { version: 1, name: 'a', sql: 'CREATE TABLE a (x);' },
      { version: 2, name: 'b', sql: 'CREATE TABLE b (x); CREATE TABLE a (y);' },
    ];
    expect(() => migrate(db, ms)).toThrow(/already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });

  test('a database from a newer kube-forensics is refused', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 99');
    expect(() => migrate(db, readMigrations())).toThrow(/newer than this kube-forensics/);
  });
});

describe('store', () => {
  const outcome = (findings: { pattern: string; rank: number; rootCause: boolean }[], hosts: string[]) => ({
    finishedAt: '2026-01-01T00:00:01.000Z', durationMs: 1000, hosts, findings, reportJson: '{"x":1}\n', reportHtml: '<!doctype html>…',
  });

  test('filters by pattern, host, time and status combine with AND; newest first', () => {
    const d = dir();
    mkdirSync(d, { recursive: true });
    const s = new AnalysisStore(d);
    const add = (id: string, createdAt: string): void => s.create({ id, name: `${id}.tar.gz`, sizeBytes: 10, sha256: 'h', createdAt });
    add('a', '2026-01-01T00:00:00.000Z');
    add('b', '2026-01-02T00:00:00.000Z');
    add('c', '2026-01-03T00:00:00.000Z');
    s.finished('a', outcome([{ pattern: 'p1', rank: 1, rootCause: true }], ['n1']));
    s.finished('b', outcome([{ pattern: 'p2', rank: 1, rootCause: true }, { pattern: 'p1', rank: 2, rootCause: false }], ['n2']));
    s.failed('c', '2026-01-03T00:00:01.000Z', 5, 'boom');
    expect(s.list({}).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(s.list({ pattern: 'p1' }).map((r) => r.id)).toEqual(['b', 'a']);
    expect(s.list({ pattern: 'p1', host: 'n1' }).map((r) => r.id)).toEqual(['a']);
    expect(s.list({ since: '2026-01-02T00:00:00.000Z' }).map((r) => r.id)).toEqual(['c', 'b']);
    expect(s.list({ until: '2026-01-01T23:59:59.999Z' }).map((r) => r.id)).toEqual(['a']);
    expect(s.list({ status: 'failed' }).map((r) => [r.id, r.error])).toEqual([['c', 'boom']]);
    expect(s.get('b')?.topFinding).toBe('p2');
    expect(s.report('b', 'json')).toBe('{"x":1}\n');
    expect(s.report('c', 'json')).toBeUndefined();
    expect(s.facets()).toEqual({ patterns: ['p1', 'p2'], hosts: ['n1', 'n2'] });
    s.close();
  });

  test('prune forgets finished analyses older than the cut, findings and hosts with them; delete does too', () => {
    const s = new AnalysisStore(dir());
    s.create({ id: 'old', name: 'o', sizeBytes: 1, sha256: 'h', createdAt: '2020-01-01T00:00:00.000Z' });
    s.create({ id: 'new', name: 'n', sizeBytes: 1, sha256: 'h', createdAt: '2030-01-01T00:00:00.000Z' });
    s.create({ id: 'busy', name: 'b', sizeBytes: 1, sha256: 'h', createdAt: '2020-01-01T00:00:00.000Z' });
    s.finished('old', outcome([{ pattern: 'p', rank: 1, rootCause: true }], ['n']));
    s.finished('new', outcome([], []));
    expect(s.prune('2025-01-01T00:00:00.000Z').map((r) => r.id)).toEqual(['old']);
    expect(s.list({}).map((r) => r.id).sort()).toEqual(['busy', 'new']);
    expect(s.facets()).toEqual({ patterns: [], hosts: [] });
    expect(s.delete('new')).toBe(true);
    expect(s.delete('new')).toBe(false);
    s.close();
  });

  test('analyses a stopped server left queued or running are marked failed at the next start', () => {
    const d = dir();
    const s = new AnalysisStore(d);
    s.create({ id: 'q', name: 'q', sizeBytes: 1, sha256: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
    s.create({ id: 'r', name: 'r', sizeBytes: 1, sha256: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
    s.started('r', '2026-01-01T00:00:00.500Z');
    s.close();
    const again = new AnalysisStore(d);
    expect(again.abandon('2026-01-02T00:00:00.000Z')).toBe(2);
    expect(again.list({ status: 'failed' }).map((r) => r.error)).toEqual([expect.stringContaining('stopped'), expect.stringContaining('stopped')]);
    again.close();
  });
});
