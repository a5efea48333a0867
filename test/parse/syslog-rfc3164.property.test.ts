import fc from 'fast-check';
import { expect, test } from 'vitest';
import { syslogRfc3164 } from '../../src/parse/syslog-rfc3164.js';
import { anyText, host, instantUs, monthDay, prefix } from '../support/journal-arbitraries.js';
import { renderRfc3164, renderRfc3164Precise } from '../support/render-syslog.js';
import { excerptLines, hostileLines } from '../support/run-parser.js';

const at = { path: 'node-a/var/log/syslog', line: 1 };
const severities = ['critical', 'critical', 'critical', 'error', 'warning', 'notice', 'info', 'debug'] as const;
const pri = fc.option(fc.integer({ min: 0, max: 191 }), { nil: undefined });
// rsyslog always writes the host.
const withHost = fc.tuple(prefix, host).map(([p, h]) => ({ prefix: { ...p.prefix, host: h }, names: { ...p.names, host: h } }));

const expectedPri = (value: number | undefined): { severity: string; fields: Record<string, string> } =>
  value === undefined
    ? { severity: 'unknown', fields: {} }
    : { severity: severities[value % 8] ?? 'unknown', fields: { facility: String(value >> 3) } };

test('syslog-rfc3164: classic lines round-trip time, PRI, host, tag, pid and message', () => {
  fc.assert(
    fc.property(monthDay, withHost, pri, (t, p, priValue) => {
      const line = renderRfc3164(t, p.prefix, priValue);
      const r = syslogRfc3164.parseLine(line, at);
      if (r.kind !== 'record') throw new Error(`skipped ${JSON.stringify(line)}: ${r.reason}`);
      expect(r.record).toEqual({
        kind: 'log',
        stamp: { kind: 'yearless', ...t, nsec: 0, precision: 's' },
        message: p.prefix.message,
        source: at,
        ...expectedPri(priValue),
        ...p.names,
      });
    }),
  );
});

test('syslog-rfc3164: rsyslog high-precision lines round-trip the UTC instant', () => {
  const offsetMin = fc.integer({ min: -48, max: 56 }).map((q) => q * 15);
  fc.assert(
    fc.property(instantUs, offsetMin, withHost, pri, (t, off, p, priValue) => {
      const line = renderRfc3164Precise(t, off, p.prefix, priValue);
      const r = syslogRfc3164.parseLine(line, at);
      if (r.kind !== 'record') throw new Error(`skipped ${JSON.stringify(line)}: ${r.reason}`);
      expect(r.record).toEqual({
        kind: 'log',
        stamp: { kind: 'utc', at: t, precision: 'us' },
        message: p.prefix.message,
        source: at,
        ...expectedPri(priValue),
        ...p.names,
      });
    }),
  );
});

test('syslog-rfc3164: any text is a record or a counted skip, never a throw', () => {
  fc.assert(fc.property(anyText, (s) => {
    expect(['record', 'skip']).toContain(syslogRfc3164.parseLine(s, at).kind);
  }));
  for (const s of hostileLines([...excerptLines('syslog', 'istio-42734-messages.txt'), ...excerptLines('syslog', 'plaso-3002-rsyslog-precise.txt')])) {
    expect(['record', 'skip']).toContain(syslogRfc3164.parseLine(s, at).kind);
  }
});
