import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Precision } from '../../src/model/time.js';
import { audit } from '../../src/parse/audit.js';
import { formatAuditEvent, type AuditEventInput } from '../support/render-audit.js';
import { hostileLines } from '../support/run-parser.js';

const at = { path: 'audit/audit.log', line: 1 };
const DIGITS: Record<Precision, number> = { s: 0, ms: 3, us: 6, ns: 9 };

const word = fc.string({ minLength: 1, maxLength: 20 });
const instant = (precision: Precision) =>
  fc.record({ sec: fc.integer({ min: 946_684_800, max: 4_102_444_799 }), nsec: fc.integer({ min: 0, max: 999_999_999 }) })
    .map(({ sec, nsec }) => ({ sec, nsec: nsec - (nsec % 10 ** (9 - DIGITS[precision])) }));

const event: fc.Arbitrary<AuditEventInput> = fc.constantFrom<Precision>('s', 'ms', 'us', 'ns').chain((precision) =>
  fc.record(
    {
      apiVersion: fc.constantFrom('audit.k8s.io/v1', 'audit.k8s.io/v1beta1') as fc.Arbitrary<AuditEventInput['apiVersion']>,
      level: fc.constantFrom('Metadata', 'Request', 'RequestResponse'),
      auditID: fc.uuid(),
      stage: fc.constantFrom('RequestReceived', 'ResponseStarted', 'ResponseComplete', 'Panic'),
      requestURI: fc.webPath().map((p) => `/api${p}`),
      verb: fc.constantFrom('get', 'list', 'watch', 'create', 'update', 'patch', 'delete'),
      username: word,
      groups: fc.array(word, { maxLength: 3 }),
      impersonatedUser: word,
      sourceIPs: fc.array(fc.ipV4(), { minLength: 1, maxLength: 2 }),
      userAgent: word,
      objectRef: fc.record(
        { resource: fc.stringMatching(/^[a-z]{1,20}$/), namespace: word, name: word, apiGroup: word, apiVersion: fc.constant('v1'), subresource: word },
        { requiredKeys: ['resource', 'apiVersion'] },
      ),
      responseStatus: fc.record({ code: fc.integer({ min: 100, max: 599 }), message: word, reason: word }, { requiredKeys: ['code'] }),
      received: instant(precision),
      stage_: instant(precision),
      precision: fc.constant(precision),
      annotations: fc.dictionary(fc.constantFrom('authorization.k8s.io/decision', 'authorization.k8s.io/reason', 'authentication.k8s.io/stale-token', 'example.com/other'), fc.string()),
    },
    { requiredKeys: ['apiVersion', 'level', 'auditID', 'stage', 'requestURI', 'verb', 'username', 'groups', 'sourceIPs', 'received', 'stage_', 'precision'] },
  ),
);

test('audit: rendering an Event then parsing it gives back time, severity, message and fields', () => {
  fc.assert(
    fc.property(event, (e) => {
      const r = audit.parseLine(formatAuditEvent(e), at);
      if (r.kind !== 'record' || r.record.kind !== 'audit') throw new Error(`not an audit record: ${JSON.stringify(r)}`);
      const rec = r.record;
      expect(rec.stamp).toEqual({ kind: 'utc', at: e.stage_, precision: e.precision });
      expect(rec.host).toBeUndefined();
      const code = e.responseStatus?.code;
      expect(rec.severity).toBe(code === undefined || code < 400 ? 'info' : code < 500 ? 'warning' : 'error');
      const ref = e.objectRef;
      const object = ref?.name === undefined ? '' : ` ${ref.namespace === undefined ? '' : `${ref.namespace}/`}${ref.name}`;
      const target = ref === undefined ? e.requestURI : `${ref.resource}${ref.subresource === undefined ? '' : `/${ref.subresource}`}${object}`;
      const head = [e.verb, target, code === undefined ? '' : String(code), e.username].filter((w) => w !== '').join(' ');
      expect(rec.message).toBe(head + (e.responseStatus?.message === undefined ? '' : `: ${e.responseStatus.message}`));
      const kept = Object.fromEntries(Object.entries(e.annotations ?? {}).filter(([k]) => !k.startsWith('example.com/')));
      expect(rec.fields).toEqual({
        level: e.level,
        ...(e.responseStatus?.reason === undefined ? {} : { reason: e.responseStatus.reason }),
        ...(ref?.apiGroup === undefined ? {} : { apiGroup: ref.apiGroup }),
        ...(e.impersonatedUser === undefined ? {} : { impersonatedUser: e.impersonatedUser }),
        ...kept,
      });
      expect(rec.audit).toMatchObject({ auditId: e.auditID, verb: e.verb, user: e.username, groups: e.groups, sourceIps: e.sourceIPs });
    }),
  );
});

test('audit: any string is a record or a counted skip, never a throw', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(['record', 'skip']).toContain(audit.parseLine(s, at).kind);
    }),
  );
});

test('audit: broken UTF-8, NULs, a 1 MB line and truncated JSON never throw', () => {
  fc.assert(
    fc.property(event, fc.nat(), (e, cut) => {
      const line = formatAuditEvent(e);
      expect(['record', 'skip']).toContain(audit.parseLine(line.slice(0, cut % (line.length + 1)), at).kind);
    }),
  );
  const valid = [formatAuditEvent({ apiVersion: 'audit.k8s.io/v1', level: 'Metadata', auditID: 'x', stage: 'ResponseComplete', requestURI: '/healthz', verb: 'get', username: 'u', groups: [], sourceIPs: [], received: { sec: 1, nsec: 0 }, stage_: { sec: 1, nsec: 0 }, precision: 's' })];
  for (const line of hostileLines(valid)) expect(['record', 'skip']).toContain(audit.parseLine(line, at).kind);
  // {"kind":"<ff fe>"} decoded leniently: valid JSON with U+FFFD in it, so not an audit Event.
  const bytes = Buffer.concat([Buffer.from('{"kind":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]).toString('utf8');
  expect(audit.parseLine(bytes, at)).toEqual({ kind: 'skip', reason: 'not an audit.k8s.io Event' });
});
