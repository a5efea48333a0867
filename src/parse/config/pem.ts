// PEM files: CA and serving certificates (/etc/kubernetes/pki/ca.crt, apiserver.crt), the
// kubelet's rotated client certificate (/var/lib/kubelet/pki/kubelet-client-current.pem holds the
// certificate and its key). Each certificate is read with Node's X509Certificate: subject,
// issuer, validity, CA flag. Private keys are counted, never kept; certificate bodies are kept
// only to verify which CA signed which certificate and never reach a report.
//   -----BEGIN CERTIFICATE-----
//   MIIDBTCCAe2gAwIBAgIIR0yU...
//   -----END CERTIFICATE-----
import { X509Certificate } from 'node:crypto';
import type { CertificateInfo, ConfigReadResult } from '../../model/config.js';
import { textLines } from './text-lines.js';

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

export function readPem(text: string, path: string): ConfigReadResult {
  const lines = textLines(text, path);
  const certificates: CertificateInfo[] = [];
  const skips: { line: number; reason: string }[] = [];
  let privateKeys = 0;
  for (const m of text.matchAll(BLOCK)) {
    const label = m[1] as string;
    const line = lines.lineOf(m.index);
    if (/PRIVATE KEY/.test(label)) {
      privateKeys++;
      continue;
    }
    if (label !== 'CERTIFICATE') continue;
    try {
      const x = new X509Certificate(m[0]);
      certificates.push({
        subject: oneLine(x.subject),
        issuer: oneLine(x.issuer),
        subjectAltName: x.subjectAltName ?? '',
        notBefore: isoOf(x.validFrom),
        notAfter: isoOf(x.validTo),
        serial: x.serialNumber,
        fingerprint256: x.fingerprint256,
        isCA: x.ca,
        source: lines.ref(line),
        pem: m[0],
      });
    } catch (e) {
      skips.push({ line, reason: `certificate not readable: ${(e as Error).message}` });
    }
  }
  if (certificates.length === 0 && privateKeys === 0 && skips.length === 0) skips.push({ line: 1, reason: 'no PEM certificate' });
  return { fragment: { kind: 'certificates', certificates, privateKeys }, skips, values: certificates.length };
}

/** `CN=kube-apiserver\nO=system` → `CN=kube-apiserver, O=system`. */
function oneLine(dn: string): string {
  return dn.split('\n').filter((x) => x !== '').join(', ');
}

/** X509Certificate's `Apr  1 14:16:12 2024 GMT` → RFC 3339 UTC. */
function isoOf(openssl: string): string {
  const d = new Date(openssl.replace(/ GMT$/, ' UTC'));
  return Number.isNaN(d.getTime()) ? openssl : d.toISOString().replace(/\.000Z$/, 'Z');
}
