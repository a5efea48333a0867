// The diagnosis as plain data: what every renderer, `batch` and `serve` consume. Key order here
// is the key order of the JSON report (other tools depend on its shape; add fields, keep these).
import type { Diagnostic, SkipCount } from '../model/tally.js';
import type { FormatId } from '../model/format.js';

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
}
