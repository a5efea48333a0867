// The normalized event model shared by every stage. A record is what a parser read from one
// line (or one multi-line object); a TimelineEvent is that record after normalize resolved its
// time, host and component. Both are unions on `kind`: an audit event *has* a verb and a user,
// a log line cannot carry them by accident.
import type { FormatId } from './format.js';
import type { EventTime, Instant, Stamp } from './time.js';

export type Severity = 'debug' | 'info' | 'notice' | 'warning' | 'error' | 'critical' | 'unknown';

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = {
  unknown: 0, debug: 1, info: 2, notice: 3, warning: 4, error: 5, critical: 6,
};

/** Where an event came from: the bundle-relative POSIX path and the 1-based line as shipped. */
export interface SourceRef {
  readonly path: string;
  readonly line: number;
  /** Byte offset of the line's start within the member, where known. */
  readonly offset?: number;
}

export type Fields = Readonly<Record<string, string>>;

export interface AuditDetail {
  readonly auditId: string;
  readonly stage: string;
  readonly verb: string;
  readonly user: string;
  readonly groups: readonly string[];
  readonly resource: string;
  readonly subresource?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly code?: number;
  readonly userAgent?: string;
  readonly requestUri?: string;
  readonly sourceIps: readonly string[];
}

export interface K8sEventDetail {
  readonly reason: string;
  /** Normal or Warning, as the Event's `type`. */
  readonly type: string;
  readonly involvedKind: string;
  readonly involvedName: string;
  readonly namespace?: string;
  readonly count: number;
  readonly reportingComponent?: string;
}

/** A node condition from `kubectl describe node`. */
export interface ConditionDetail {
  readonly type: string;
  readonly status: string;
  readonly reason: string;
}

/** One row of `kubectl get csr`. */
export interface CsrDetail {
  readonly name: string;
  readonly requestor: string;
  readonly condition: string;
  readonly signerName?: string;
  readonly age?: string;
}

/** One sample of a Prometheus text scrape. */
export interface MetricDetail {
  readonly name: string;
  readonly type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  readonly labels: Fields;
  readonly value: number;
}

/** A systemd unit's state from `systemctl status`. */
export interface UnitDetail {
  readonly unit: string;
  readonly loaded: string;
  readonly active: string;
  readonly sub: string;
}

export type MarkerKind = 'logs-begin' | 'boot' | 'reboot' | 'no-entries';

/** What kind of thing a record is, and what only that kind carries. */
export type RecordDetail =
  | { readonly kind: 'log' }
  | { readonly kind: 'marker'; readonly marker: MarkerKind }
  | { readonly kind: 'audit'; readonly audit: AuditDetail }
  | { readonly kind: 'k8s-event'; readonly event: K8sEventDetail }
  | { readonly kind: 'condition'; readonly condition: ConditionDetail }
  | { readonly kind: 'csr'; readonly csr: CsrDetail }
  | { readonly kind: 'metric'; readonly metric: MetricDetail }
  | { readonly kind: 'unit'; readonly unit: UnitDetail };

export type RecordKind = RecordDetail['kind'];

interface RecordCommon {
  readonly severity: Severity;
  readonly message: string;
  readonly fields: Fields;
  readonly pid?: number;
  readonly source: SourceRef;
}

/** What one parser read. Host and component only when the line itself names them. */
export type ParsedRecord = RecordCommon &
  RecordDetail & {
    readonly stamp: Stamp;
    readonly host?: string;
    readonly component?: string;
  };

/** A time the event carried inside its message (klog header or JSON `ts` inside a journal line). */
export interface InnerTime {
  readonly format: FormatId;
  readonly at: Instant;
  /** inner minus outer, in seconds: a large value means a clock or zone mismatch. */
  readonly skewSec: number;
}

/** An event on the timeline: time resolved, host and component always set. */
export type TimelineEvent = RecordCommon &
  RecordDetail & {
    readonly time: EventTime;
    readonly host: string;
    readonly component: string;
    readonly format: FormatId;
    readonly inner?: InnerTime;
  };

export const UNKNOWN_HOST = '(unknown host)';
