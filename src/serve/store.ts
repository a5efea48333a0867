// The history in an embedded SQLite database (WAL): each analysis's metadata, its redacted JSON
// and HTML reports (gzip), and the patterns and hosts it found, indexed for the history filters.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { migrate } from './migrate.js';

export type AnalysisStatus = 'queued' | 'running' | 'done' | 'failed';

/** One row of the history, as the API shows it (reports are fetched on their own). */
export interface AnalysisRecord {
  readonly id: string;
  readonly name: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly status: AnalysisStatus;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly durationMs: number | null;
  readonly error: string | null;
  readonly hosts: readonly string[];
  readonly topFinding: string | null;
  readonly findingCount: number;
  readonly keptBundle: string | null;
}

export interface FindingRow {
  readonly pattern: string;
  readonly rank: number;
  readonly rootCause: boolean;
}

/** What a finished analysis leaves behind. */
export interface AnalysisOutcome {
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly hosts: readonly string[];
  readonly findings: readonly FindingRow[];
  readonly reportJson: string;
  readonly reportHtml: string;
}

export interface HistoryFilter {
  readonly pattern?: string | undefined;
  readonly host?: string | undefined;
  /** RFC 3339 bounds on created_at, inclusive. */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly status?: AnalysisStatus | undefined;
  readonly limit?: number | undefined;
}

interface Row {
  id: string;
  name: string;
  size_bytes: number;
  sha256: string;
  status: AnalysisStatus;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  error: string | null;
  hosts: string;
  top_finding: string | null;
  finding_count: number;
  kept_bundle: string | null;
}

const COLUMNS = 'id, name, size_bytes, sha256, status, created_at, started_at, finished_at, duration_ms, error, hosts, top_finding, finding_count, kept_bundle';

function record(r: Row): AnalysisRecord {
  return {
    id: r.id, name: r.name, sizeBytes: r.size_bytes, sha256: r.sha256, status: r.status,
    createdAt: r.created_at, startedAt: r.started_at, finishedAt: r.finished_at, durationMs: r.duration_ms,
    error: r.error, hosts: JSON.parse(r.hosts) as string[], topFinding: r.top_finding, findingCount: r.finding_count,
    keptBundle: r.kept_bundle,
  };
}

export class AnalysisStore {
  readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'kube-forensics.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
  }

  create(a: { id: string; name: string; sizeBytes: number; sha256: string; createdAt: string }): void {
    this.db
      .prepare('INSERT INTO analyses (id, name, size_bytes, sha256, status, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(a.id, a.name, a.sizeBytes, a.sha256, 'queued', a.createdAt);
  }

  started(id: string, at: string): void {
    this.db.prepare("UPDATE analyses SET status = 'running', started_at = ? WHERE id = ?").run(at, id);
  }

  finished(id: string, o: AnalysisOutcome): void {
    const top = [...o.findings].sort((a, b) => a.rank - b.rank)[0]?.pattern ?? null;
    this.db.transaction(() => {
      this.db
        .prepare(
          "UPDATE analyses SET status = 'done', finished_at = ?, duration_ms = ?, hosts = ?, top_finding = ?, finding_count = ?, report_json = ?, report_html = ? WHERE id = ?",
        )
        .run(o.finishedAt, o.durationMs, JSON.stringify(o.hosts), top, o.findings.length, gzipSync(o.reportJson), gzipSync(o.reportHtml), id);
      const f = this.db.prepare('INSERT OR REPLACE INTO analysis_findings (analysis_id, pattern, rank, root_cause) VALUES (?, ?, ?, ?)');
      for (const x of o.findings) f.run(id, x.pattern, x.rank, x.rootCause ? 1 : 0);
      const h = this.db.prepare('INSERT OR REPLACE INTO analysis_hosts (analysis_id, host) VALUES (?, ?)');
      for (const host of o.hosts) h.run(id, host);
    })();
  }

  failed(id: string, at: string, durationMs: number | null, error: string): void {
    this.db.prepare("UPDATE analyses SET status = 'failed', finished_at = ?, duration_ms = ?, error = ? WHERE id = ?").run(at, durationMs, error, id);
  }

  keptBundle(id: string, file: string): void {
    this.db.prepare('UPDATE analyses SET kept_bundle = ? WHERE id = ?').run(file, id);
  }

  get(id: string): AnalysisRecord | undefined {
    const r = this.db.prepare(`SELECT ${COLUMNS} FROM analyses WHERE id = ?`).get(id) as Row | undefined;
    return r === undefined ? undefined : record(r);
  }

  report(id: string, kind: 'json' | 'html'): string | undefined {
    const r = this.db.prepare(`SELECT report_${kind} AS body FROM analyses WHERE id = ?`).get(id) as { body: Buffer | null } | undefined;
    return r?.body == null ? undefined : gunzipSync(r.body).toString('utf8');
  }

  /** Newest first; every filter is optional and they combine with AND. */
  list(f: HistoryFilter): AnalysisRecord[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (f.pattern !== undefined) {
      where.push('id IN (SELECT analysis_id FROM analysis_findings WHERE pattern = ?)');
      args.push(f.pattern);
    }
    if (f.host !== undefined) {
      where.push('id IN (SELECT analysis_id FROM analysis_hosts WHERE host = ?)');
      args.push(f.host);
    }
    if (f.since !== undefined) {
      where.push('created_at >= ?');
      args.push(f.since);
    }
    if (f.until !== undefined) {
      where.push('created_at <= ?');
      args.push(f.until);
    }
    if (f.status !== undefined) {
      where.push('status = ?');
      args.push(f.status);
    }
    const sql = `SELECT ${COLUMNS} FROM analyses ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id LIMIT ?`;
    return (this.db.prepare(sql).all(...args, f.limit ?? 100) as Row[]).map(record);
  }

  /** Patterns and hosts seen in the history, for the history page's filter choices. */
  facets(): { patterns: string[]; hosts: string[] } {
    const patterns = (this.db.prepare('SELECT DISTINCT pattern FROM analysis_findings ORDER BY pattern').all() as { pattern: string }[]).map((r) => r.pattern);
    const hosts = (this.db.prepare('SELECT DISTINCT host FROM analysis_hosts ORDER BY host').all() as { host: string }[]).map((r) => r.host);
    return { patterns, hosts };
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM analyses WHERE id = ?').run(id).changes > 0;
  }

  /** Finished analyses created before `before`; their kept bundles are the caller's to remove. */
  prune(before: string): AnalysisRecord[] {
    const gone = (this.db.prepare(`SELECT ${COLUMNS} FROM analyses WHERE created_at < ? AND status IN ('done', 'failed')`).all(before) as Row[]).map(record);
    const del = this.db.prepare('DELETE FROM analyses WHERE id = ?');
    this.db.transaction(() => {
      for (const r of gone) del.run(r.id);
    })();
    return gone;
  }

  /** Analyses a stopped server left queued or running: they can never finish now. */
  abandon(at: string): number {
    return this.db
      .prepare("UPDATE analyses SET status = 'failed', finished_at = ?, error = 'the server stopped before this analysis finished' WHERE status IN ('queued', 'running')")
      .run(at).changes;
  }

  close(): void {
    this.db.close();
  }
}
