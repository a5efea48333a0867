import fc from 'fast-check';
import { expect, test } from 'vitest';
import { dockerJson } from '../../src/parse/docker-json.js';
import { formatDockerJson, type DockerJsonParts } from '../support/render-docker-json.js';
import { hostileLines } from '../support/run-parser.js';

const at = { path: 'var/lib/docker/containers/x/x-json.log', line: 1 };

const tricky = fc.constantFrom('\u2028', '\u2029', '\t', '"', '\\', '<', '>', '&', '\u0000', '\r', '😀');
const message = fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) }).filter((s) => !s.includes('\n'));

const parts = fc.record(
  {
    message,
    whole: fc.boolean(),
    stream: fc.constantFrom('stdout' as const, 'stderr' as const),
    at: fc.record({ sec: fc.integer({ min: 0, max: 4_102_444_800 }), nsec: fc.integer({ min: 0, max: 999_999_999 }) }),
    attrs: fc.dictionary(fc.stringMatching(/^[a-z][a-z.]{0,10}$/), fc.string(), { maxKeys: 3 }),
  },
  { requiredKeys: ['message', 'whole', 'stream', 'at'] },
);

test('docker-json: rendering then parsing gives time, stream and message back', () => {
  fc.assert(
    fc.property(parts, (p) => {
      const line: DockerJsonParts = { log: p.whole ? `${p.message}\n` : p.message, stream: p.stream, at: p.at, ...(p.attrs !== undefined && { attrs: p.attrs }) };
      const r = dockerJson.parseLine(formatDockerJson(line), at);
      if (r.kind !== 'record') throw new Error(`skipped: ${r.reason}`);
      expect(r.record.stamp).toEqual({ kind: 'utc', at: p.at, precision: 'ns' });
      expect(r.record.message).toBe(p.message);
      expect(r.record.severity).toBe('unknown');
      const attrs = Object.fromEntries(Object.entries(p.attrs ?? {}).map(([k, v]) => [`attrs.${k}`, v]));
      expect(r.record.fields).toEqual({ stream: p.stream, ...(p.whole ? {} : { partial: 'true' }), ...attrs });
      expect([r.record.host, r.record.component]).toEqual([undefined, undefined]);
    }),
  );
});

test('docker-json: any string is a record or a counted skip, never a throw', () => {
  const check = (s: string): void => {
    expect(['record', 'skip']).toContain(dockerJson.parseLine(s, at).kind);
  };
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => { check(s); check(`{"log":${s}`); }));
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => check(Buffer.from(b).toString('utf8'))));
  fc.assert(
    fc.property(parts, fc.nat(), (p, cut) => {
      const s = formatDockerJson({ log: p.message, stream: p.stream, at: p.at });
      check(s.slice(0, cut % (s.length + 1)));
    }),
  );
  for (const s of hostileLines(['{"log":"m\\n","stream":"stdout","time":"2024-04-01T12:13:41Z"}'])) check(s);
});
