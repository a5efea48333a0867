// An audit.k8s.io Event as the apiserver's JSON log backend writes it: one line, keys in the Go
// struct's order, empty fields left out. Only tests use it.
import { formatInstant, type Instant, type Precision } from '../../src/model/time.js';

export interface AuditEventInput {
  readonly apiVersion: 'audit.k8s.io/v1' | 'audit.k8s.io/v1beta1';
  readonly level: string;
  readonly auditID: string;
  readonly stage: string;
  readonly requestURI: string;
  readonly verb: string;
  readonly username: string;
  readonly groups: readonly string[];
  readonly impersonatedUser?: string;
  readonly sourceIPs: readonly string[];
  readonly userAgent?: string;
  readonly objectRef?: {
    readonly resource: string;
    readonly namespace?: string;
    readonly name?: string;
    readonly apiGroup?: string;
    readonly apiVersion: string;
    readonly subresource?: string;
  };
  readonly responseStatus?: { readonly code: number; readonly status?: string; readonly message?: string; readonly reason?: string };
  readonly received: Instant;
  readonly stage_: Instant;
  readonly precision: Precision;
  readonly annotations?: Readonly<Record<string, string>>;
}

export function formatAuditEvent(e: AuditEventInput): string {
  const time = (at: Instant): string => formatInstant(at, e.precision);
  const status = e.responseStatus === undefined ? undefined : { metadata: {}, ...e.responseStatus };
  const o = {
    kind: 'Event',
    apiVersion: e.apiVersion,
    level: e.level,
    auditID: e.auditID,
    stage: e.stage,
    requestURI: e.requestURI,
    verb: e.verb,
    user: { username: e.username, groups: e.groups },
    ...(e.impersonatedUser === undefined ? {} : { impersonatedUser: { username: e.impersonatedUser } }),
    sourceIPs: e.sourceIPs,
    ...(e.userAgent === undefined ? {} : { userAgent: e.userAgent }),
    ...(e.objectRef === undefined ? {} : { objectRef: e.objectRef }),
    ...(status === undefined ? {} : { responseStatus: status }),
    requestReceivedTimestamp: time(e.received),
    stageTimestamp: time(e.stage_),
    ...(e.annotations === undefined ? {} : { annotations: e.annotations }),
  };
  return JSON.stringify(o);
}
