// Format id → parser. One module per format; this table is the only place that lists them.
import type { FormatId } from '../model/format.js';
import { audit } from './audit.js';
import { clusterObject } from './cluster-object.js';
import { containerdToml } from './containerd-toml.js';
import { dockerInfo } from './docker-info.js';
import { envFile } from './env-file.js';
import { free } from './free.js';
import { kubeadmTokenList } from './kubeadm-token-list.js';
import { kubeconfig } from './kubeconfig.js';
import { kubeletConfig } from './kubelet-config.js';
import { pem } from './pem.js';
import { procSwaps } from './proc-swaps.js';
import { resolvConf } from './resolv-conf.js';
import { systemdUnit } from './systemd-unit.js';
import { cri } from './cri.js';
import { csrTable } from './csr-table.js';
import { describeNode } from './describe-node.js';
import { dockerJson } from './docker-json.js';
import { journalJson } from './journal-json.js';
import { journalJsonPretty } from './journal-json-pretty.js';
import { journalShort } from './journal-short.js';
import { journalShortFull } from './journal-short-full.js';
import { journalShortIso } from './journal-short-iso.js';
import { journalShortMonotonic } from './journal-short-monotonic.js';
import { k8sEventsJson } from './k8s-events-json.js';
import { k8sEventsTable } from './k8s-events-table.js';
import { klog } from './klog.js';
import { klogJson } from './klog-json.js';
import type { LineParser, Parser } from './line-parser.js';
import { plain } from './plain.js';
import { promText } from './prom-text.js';
import { syslogRfc3164 } from './syslog-rfc3164.js';
import { syslogRfc5424 } from './syslog-rfc5424.js';
import { systemctlStatus } from './systemctl-status.js';

export const PARSERS: Readonly<Record<FormatId, Parser>> = {
  'journal-short': journalShort,
  'journal-short-iso': journalShortIso,
  'journal-short-full': journalShortFull,
  'journal-short-monotonic': journalShortMonotonic,
  'journal-json': journalJson,
  'journal-json-pretty': journalJsonPretty,
  'syslog-rfc3164': syslogRfc3164,
  'syslog-rfc5424': syslogRfc5424,
  klog,
  'klog-json': klogJson,
  cri,
  'docker-json': dockerJson,
  audit,
  'k8s-events-json': k8sEventsJson,
  'k8s-events-table': k8sEventsTable,
  'describe-node': describeNode,
  'csr-table': csrTable,
  'systemctl-status': systemctlStatus,
  'prom-text': promText,
  plain,
  'kubelet-config': kubeletConfig,
  'systemd-unit': systemdUnit,
  'env-file': envFile,
  kubeconfig,
  'containerd-toml': containerdToml,
  'docker-info': dockerInfo,
  'resolv-conf': resolvConf,
  'proc-swaps': procSwaps,
  free,
  'kubeadm-token-list': kubeadmTokenList,
  pem,
  'cluster-object': clusterObject,
};

/** Configuration formats: read whole into a NodeConfigFragment, never line by line. */
export const CONFIG_FORMATS: ReadonlySet<FormatId> = new Set(Object.values(PARSERS).filter((p) => p.kind === 'document').map((p) => p.format));

/**
 * Pasted text mixes components (a kubelet journal, then an apiserver klog excerpt): a line the
 * member's own parser cannot read is tried with these before it counts as a continuation or skip.
 */
export const TEXT_FALLBACKS: readonly LineParser[] = [klog, journalShort, journalShortIso, journalShortFull, syslogRfc3164, klogJson];

/** Formats whose files are scanned with the catalog's gate: single-line text or JSON-lines logs. */
export const GATED_FORMATS: ReadonlySet<FormatId> = new Set<FormatId>([
  'journal-short', 'journal-short-iso', 'journal-short-full', 'journal-short-monotonic', 'journal-json',
  'syslog-rfc3164', 'syslog-rfc5424', 'klog', 'klog-json', 'docker-json', 'plain',
]);

/** Formats whose raw lines are JSON, so the gate must allow `\"` where a signal has `"`. */
export const JSON_LINE_FORMATS: ReadonlySet<FormatId> = new Set<FormatId>(['journal-json', 'klog-json', 'docker-json']);
