// kube-apiserver audit log (--audit-log-format=json): one audit.k8s.io/v1 Event per line, as
// k8s.io/apiserver's log backend writes it (v1beta1 from Kubernetes 1.8-1.12 is read too):
//   {"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"263db4e4-f0bb-41b4-913d-c03815f49be5","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/kube-system/secrets","verb":"create","user":{"username":"admin","groups":["system:masters","system:authenticated"]},"sourceIPs":["127.0.0.1"],"userAgent":"kubeadm/v1.16.2 (linux/amd64) kubernetes/c97fe50","objectRef":{"resource":"secrets","namespace":"kube-system","name":"bootstrap-token-ne7bxu","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":201},"requestReceivedTimestamp":"2020-03-24T18:53:49.023018Z","stageTimestamp":"2020-03-24T18:53:49.025530Z","annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":""}}
// The legacy text format (--audit-log-format=legacy) is not read: its lines are skipped.
import type { AuditDetail, Fields, Severity } from '../model/event.js';
import type { Stamp } from '../model/time.js';
import { isRecord, numberAt, recordAt, stringAt, stringsAt, type JsonRecord } from './json-value.js';
import type { LineParser, LineResult } from './line-parser.js';
import { stampFromIso } from './stamp-iso.js';

const VERSIONS = new Set(['audit.k8s.io/v1', 'audit.k8s.io/v1beta1']);
/** Annotations worth keeping: who allowed or refused the request, and why. */
const KEPT_ANNOTATIONS = /^(?:authorization\.k8s\.io|authentication\.k8s\.io|pod-security\.kubernetes\.io)\//;

export const audit: LineParser = {
  kind: 'line',
  format: 'audit',
  continuation: false,
  parseLine(text, source): LineResult {
    // Cheap refusals first: most lines handed here by mistake are not JSON at all.
    if (!text.trimStart().startsWith('{')) return { kind: 'skip', reason: 'not JSON' };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { kind: 'skip', reason: 'malformed JSON' };
    }
    if (!isRecord(value) || value['kind'] !== 'Event' || !VERSIONS.has(String(value['apiVersion']))) {
      return { kind: 'skip', reason: 'not an audit.k8s.io Event' };
    }
    const detail = auditDetail(value);
    const status = recordAt(value, 'responseStatus');
    return {
      kind: 'record',
      record: {
        kind: 'audit',
        audit: detail,
        stamp: auditStamp(value),
        severity: severityOf(detail.code),
        message: summary(detail, stringAt(status, 'message')),
        fields: auditFields(value),
        source,
      },
    };
  },
};

function auditDetail(e: JsonRecord): AuditDetail {
  const user = recordAt(e, 'user');
  const ref = recordAt(e, 'objectRef');
  const code = numberAt(recordAt(e, 'responseStatus'), 'code');
  const optional = {
    subresource: stringAt(ref, 'subresource'),
    namespace: stringAt(ref, 'namespace'),
    name: stringAt(ref, 'name'),
    code,
    userAgent: stringAt(e, 'userAgent'),
    requestUri: stringAt(e, 'requestURI'),
  };
  return {
    auditId: stringAt(e, 'auditID') ?? '',
    stage: stringAt(e, 'stage') ?? '',
    verb: stringAt(e, 'verb') ?? '',
    user: stringAt(user, 'username') ?? '',
    groups: stringsAt(user, 'groups'),
    resource: stringAt(ref, 'resource') ?? '',
    sourceIps: stringsAt(e, 'sourceIPs'),
    ...definedOnly(optional),
  };
}

/** stageTimestamp, else requestReceivedTimestamp, else v1beta1's `timestamp`. */
function auditStamp(e: JsonRecord): Stamp {
  for (const key of ['stageTimestamp', 'requestReceivedTimestamp', 'timestamp']) {
    const stamp = stampFromIso(stringAt(e, key));
    if (stamp !== undefined) return stamp;
  }
  return { kind: 'none' };
}

function severityOf(code: number | undefined): Severity {
  if (code === undefined) return 'info';
  return code >= 500 ? 'error' : code >= 400 ? 'warning' : 'info';
}

/** `create certificatesigningrequests 403 system:bootstrap:82jfrm: <status message>` */
function summary(d: AuditDetail, statusMessage: string | undefined): string {
  const object = d.name === undefined ? '' : ` ${d.namespace === undefined ? '' : `${d.namespace}/`}${d.name}`;
  const target = d.resource === '' ? (d.requestUri ?? '') : `${d.resource}${d.subresource === undefined ? '' : `/${d.subresource}`}${object}`;
  const words = [d.verb, target, d.code === undefined ? '' : String(d.code), d.user].filter((w) => w !== '');
  return words.join(' ') + (statusMessage === undefined ? '' : `: ${statusMessage}`);
}

function auditFields(e: JsonRecord): Fields {
  const status = recordAt(e, 'responseStatus');
  const fields: Record<string, string> = {
    ...definedOnly({
      level: stringAt(e, 'level'),
      reason: stringAt(status, 'reason'),
      apiGroup: stringAt(recordAt(e, 'objectRef'), 'apiGroup'),
      impersonatedUser: stringAt(recordAt(e, 'impersonatedUser'), 'username'),
    }),
  };
  const annotations = recordAt(e, 'annotations') ?? {};
  for (const [key, value] of Object.entries(annotations)) {
    if (KEPT_ANNOTATIONS.test(key) && typeof value === 'string') fields[key] = value;
  }
  return fields;
}

/**
 * Drop undefined members, so optional properties stay absent (exactOptionalPropertyTypes); keys
 * keep their order. A loop: entries, filter and fromEntries cost a tenth of a line's parse.
 */
function definedOnly<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
