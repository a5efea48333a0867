-- The history: one row per uploaded bundle, its redacted reports, and what it found.
CREATE TABLE analyses (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,                 -- the file name the user gave, for display only
  size_bytes    INTEGER NOT NULL,
  sha256        TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  created_at    TEXT NOT NULL,                 -- RFC 3339 UTC, millisecond precision
  started_at    TEXT,
  finished_at   TEXT,
  duration_ms   INTEGER,
  error         TEXT,
  hosts         TEXT NOT NULL DEFAULT '[]',    -- JSON array, sorted
  top_finding   TEXT,
  finding_count INTEGER NOT NULL DEFAULT 0,
  report_json   BLOB,                          -- gzip of the redacted JSON report
  report_html   BLOB,                          -- gzip of the redacted HTML report
  kept_bundle   TEXT                           -- file name under <data>/bundles with --keep-bundles
);
CREATE INDEX analyses_by_created ON analyses (created_at);

CREATE TABLE analysis_findings (
  analysis_id TEXT NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
  pattern     TEXT NOT NULL,
  rank        INTEGER NOT NULL,
  root_cause  INTEGER NOT NULL,
  PRIMARY KEY (analysis_id, pattern)
);
CREATE INDEX analysis_findings_by_pattern ON analysis_findings (pattern);

CREATE TABLE analysis_hosts (
  analysis_id TEXT NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
  host        TEXT NOT NULL,
  PRIMARY KEY (analysis_id, host)
);
CREATE INDEX analysis_hosts_by_host ON analysis_hosts (host);
