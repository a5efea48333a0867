// The diagnosis as plain data: what every renderer, `batch` and `serve` consume. Key order here
// is the key order of the JSON report (other tools depend on its shape; add fields, keep these).
import type { Diagnostic, SkipCount } from '../model/tally.js';
import type { FormatId } from '../model/format.js';
import type { ConfigReport, DriftReport } from './config-report.js';

export type StepStatus = 'confirmed' | 'ruled-out' | 'not-determinable';

export interface EvidenceLine {
  readonly file: string;
  readonly line: number;
  /** RFC 3339 UTC, or null when the line carries no usable time. */
  readonly time: string | null;
  /** How the time was obtained: stated, or inferred with what was assumed. */
  readonly timeBasis: string;
  readonly host: string;
  readonly text: string;
}

export interface PlaybookWalk {
  readonly step: string;
  readonly status: StepStatus;
  readonly evidence: readonly EvidenceLine[];
}

export interface LinkSummary {
  readonly pattern: string;
  readonly host: string;
  /** Seconds from cause onset to symptom onset; null when the order could not be timed. */
  readonly lagSec: number | null;
}

export interface IncidentSummary {
  readonly host: string;
  readonly components: readonly string[];
  readonly status: 'active' | 'resolved';
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly count: number;
  readonly resolvedAt: string | null;
}

/** One sample of a series at one snapshot. Non-finite values (a TTL of +Inf) are written as text. */
export interface MetricValueReport {
  readonly file: string;
  readonly line: number;
  readonly time: string | null;
  /** sample timestamps, a time comment, the file name, or the file's mtime. */
  readonly timeSource: string;
  readonly value: number | string;
}

export interface MetricSeriesReport {
  readonly metric: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly values: readonly MetricValueReport[];
}

/** A metric condition that held: the samples behind it and the figure computed from them. */
export interface MetricEvidenceReport {
  /** The entry's matcher (signal, clear or check) the condition is. */
  readonly matcher: string;
  readonly host: string;
  readonly job: string;
  readonly instance: string | null;
  readonly expression: string;
  readonly aggregate: 'increase' | 'rate' | 'ratio' | 'value' | 'quantile';
  readonly figure: number | string;
  readonly compare: string;
  readonly threshold: number;
  readonly window: string | null;
  /** window: counters between two snapshots; lifetime: counters since the process started; state: a gauge. */
  readonly basis: 'window' | 'lifetime' | 'state';
  /** True when the figure is a lifetime figure, not a recent rate. */
  readonly lifetime: boolean;
  readonly lifetimeReason: 'one-snapshot' | 'span-below-window' | null;
  readonly from: string | null;
  readonly to: string | null;
  /** ratio: the two increases (part of whole) behind the figure. */
  readonly parts: { readonly part: number; readonly whole: number } | null;
  /** Counter resets (restarts) inside the span, counted from zero. */
  readonly resets: number;
  readonly series: readonly MetricSeriesReport[];
  readonly omittedSeries: number;
  readonly summary: string;
}

export interface FindingReport {
  readonly pattern: string;
  readonly title: string;
  readonly severity: 'critical' | 'warning' | 'info';
  readonly status: 'active' | 'resolved';
  readonly rootCause: boolean;
  readonly rank: number;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly count: number;
  readonly hosts: readonly string[];
  readonly summary: string;
  readonly causedBy: readonly LinkSummary[];
  readonly explains: readonly LinkSummary[];
  readonly incidents: readonly IncidentSummary[];
  readonly evidence: readonly EvidenceLine[];
  /** Metric conditions that held on the finding's hosts, with their samples; absent when there are none. */
  readonly metrics?: readonly MetricEvidenceReport[];
  readonly playbook: readonly PlaybookWalk[];
  readonly fix: readonly { readonly description: string; readonly command?: string }[];
  readonly references: readonly string[];
  readonly sources: readonly string[];
}

export interface InputReport {
  readonly path: string;
  readonly format: FormatId | 'binary' | 'unreadable';
  readonly host: string | null;
  readonly bytes: number;
  readonly lines: number;
  readonly parsed: number;
  /** Lines the gate passed over unread (counted, not parsed): none when read in full. */
  readonly scannedOnly: number;
  readonly skipped: number;
  readonly truncated: number;
  /** Where times came from: `stated`, or the year source and zone assumption for year-less formats. */
  readonly timeSource: string;
  readonly firstTime: string | null;
  readonly lastTime: string | null;
}

export interface TransientReport {
  readonly pattern: string;
  readonly host: string;
  readonly count: number;
  readonly reason: string;
}

export interface Diagnosis {
  readonly schemaVersion: 1;
  readonly inputs: readonly InputReport[];
  readonly timeRange: { readonly start: string | null; readonly end: string | null };
  readonly findings: readonly FindingReport[];
  readonly transients: readonly TransientReport[];
  readonly diagnostics: readonly Diagnostic[];
  readonly skipped: readonly SkipCount[];
  readonly stats: {
    readonly files: number;
    readonly bytes: number;
    readonly lines: number;
    readonly parsed: number;
    readonly skipped: number;
    /** Records that matched at least one matcher of the catalog. */
    readonly matchedLines: number;
    readonly hosts: readonly string[];
    readonly zone: string;
    readonly zoneAssumed: boolean;
    /** Events whose nested klog/JSON time disagreed with the outer time by more than 2 s. */
    readonly clockSkews: number;
    readonly catalogEntries: number;
  };
  /** Node configuration: effective kubelet configuration per node and the checks; absent when the bundle holds none. */
  readonly config?: ConfigReport;
  /** Keys whose effective value differs between nodes; absent with the config. */
  readonly drift?: DriftReport;
}
