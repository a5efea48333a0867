import { describe, expect, test } from 'vitest';
import { dockerJson } from '../../src/parse/docker-json.js';
import { excerptLines, recordsOf, runLines } from '../support/run-parser.js';

const at = { path: 'var/lib/docker/containers/aa0f/aa0f-json.log', line: 1 };

describe('docker-json', () => {
  test('reads the header comment sample (docker-library/docker#224)', () => {
    const line = excerptLines('docker-json', 'dind-shutdown.log')[1] ?? '';
    expect(dockerJson.parseLine(line, at)).toEqual({
      kind: 'record',
      record: {
        kind: 'log',
        stamp: { kind: 'utc', at: { sec: 1_586_527_490, nsec: 847_928_047 }, precision: 'ns' },
        severity: 'unknown',
        message: 'time="2020-04-10T14:04:50.847864698Z" level=info msg="Daemon shutdown complete"',
        fields: { stream: 'stderr' },
        source: at,
      },
    });
  });

  test('dind-shutdown.log: every line a record, trailing newline dropped', () => {
    const recs = recordsOf(runLines(dockerJson, 'd.log', excerptLines('docker-json', 'dind-shutdown.log')));
    expect(recs).toHaveLength(5);
    expect(recs.every((r) => !r.message.endsWith('\n') && r.fields['partial'] === undefined)).toBe(true);
    expect(recs[0]?.message).toBe('time="2020-04-10T14:04:50.847156802Z" level=info msg="Processing signal \'interrupt\'"');
  });

  test('a klog line inside keeps its header for normalize to lift', () => {
    const r = dockerJson.parseLine('{"log":"E0401 12:13:41.801997       1 x.go:1] msg\\n","stream":"stderr","time":"2024-04-01T12:13:41.801997123Z"}', at);
    expect(r.kind === 'record' && r.record.message).toBe('E0401 12:13:41.801997       1 x.go:1] msg');
  });

  test('a piece of a line cut at 16 KiB has no newline: its own record, marked partial', () => {
    const r = dockerJson.parseLine('{"log":"first 16 KiB","stream":"stdout","time":"2024-04-01T12:13:41.8Z"}', at);
    expect(r.kind === 'record' && [r.record.message, r.record.fields]).toEqual(['first 16 KiB', { stream: 'stdout', partial: 'true' }]);
  });

  test('attrs from --log-opt labels become attrs.* fields', () => {
    const r = dockerJson.parseLine('{"log":"m\\n","stream":"stdout","attrs":{"io.kubernetes.pod.name":"web-0","n":3},"time":"2024-04-01T12:13:41Z"}', at);
    expect(r.kind === 'record' && r.record.fields).toEqual({ stream: 'stdout', 'attrs.io.kubernetes.pod.name': 'web-0', 'attrs.n': '3' });
  });

  test('Go\'s HTML-safe escapes read back as the characters', () => {
    const r = dockerJson.parseLine('{"log":"\\u003chtml\\u003e \\u0026 \\u2028\\n","stream":"stdout","time":"2024-04-01T12:13:41Z"}', at);
    expect(r.kind === 'record' && r.record.message).toBe('<html> & \u2028');
  });

  test('a local offset is turned into UTC', () => {
    const r = dockerJson.parseLine('{"log":"m\\n","stream":"stdout","time":"2024-04-01T19:13:41+07:00"}', at);
    expect(r.kind === 'record' && r.record.stamp).toEqual({ kind: 'utc', at: { sec: 1_711_973_621, nsec: 0 }, precision: 'ns' });
  });

  test.each([
    ['a component JSON line', '{"ts":1711973621801.997,"msg":"m","v":0}', 'not docker json-file: needs string "log", "stream" and "time"'],
    ['a CRI line', '2024-04-01T12:13:41Z stdout F m', 'not a JSON object'],
    ['truncated JSON', '{"log":"m\\n","stream":"std', 'not a JSON object'],
    ['null', 'null', 'not a JSON object'],
    ['a time without a zone', '{"log":"m\\n","stream":"stdout","time":"2024-04-01T12:13:41"}', 'docker time is not RFC 3339 with a zone'],
    ['a numeric time', '{"log":"m\\n","stream":"stdout","time":1711973621}', 'not docker json-file: needs string "log", "stream" and "time"'],
  ])('skips %s', (_name, line, reason) => {
    expect(dockerJson.parseLine(line, at)).toEqual({ kind: 'skip', reason });
  });
});
