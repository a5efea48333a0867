import { describe, expect, test } from 'vitest';
import { klogJson } from '../../src/parse/klog-json.js';
import { excerptLines, recordsOf, runLines, skipsOf } from '../support/run-parser.js';

const at = { path: 'node-a/kubelet.json.log', line: 1 };

describe('klog-json', () => {
  test('reads the header comment sample (kubernetes/kubernetes#104997): float milliseconds, no v → error', () => {
    const [line = ''] = excerptLines('klog-json', 'kubelet-startup-error.log');
    expect(klogJson.parseLine(line, at)).toEqual({
      kind: 'record',
      record: {
        kind: 'log',
        // 1631610094233.7605 ms = 2021-09-14T09:01:34.2337605Z
        stamp: { kind: 'utc', at: { sec: 1_631_610_094, nsec: 233_760_500 }, precision: 'ns' },
        severity: 'error',
        message: 'Failed to construct kubelet dependencies',
        fields: { caller: 'app/server.go:276', err: 'error reading /var/lib/kubelet/pki/kubelet.key, certificate and key must be supplied as a pair' },
        source: at,
      },
    });
  });

  test('kubelet-flags.log: v makes info, printf-style trailing newline dropped, no caller is fine', () => {
    const recs = recordsOf(runLines(klogJson, 'f.log', excerptLines('klog-json', 'kubelet-flags.log')));
    expect(recs.map((r) => [r.severity, r.message, r.fields])).toEqual([
      ['info', 'FLAG: --eviction-soft=""', { v: '1' }],
      ['info', 'FLAG: --eviction-soft-grace-period=""', { v: '1' }],
      ['info', 'FLAG: --experimental-check-node-capabilities-before-mount="false"', { v: '1' }],
      ['info', 'FLAG: --fail-swap-on="true"', { v: '1' }],
    ]);
    // 1616398324656.771: three digits after the millisecond point are microseconds.
    expect(recs[2]?.stamp).toEqual({ kind: 'utc', at: { sec: 1_616_398_324, nsec: 656_771_000 }, precision: 'us' });
  });

  test('component-base-test.log: non-string values become JSON text; no v and no err is still an error', () => {
    const recs = recordsOf(runLines(klogJson, 't.log', excerptLines('klog-json', 'component-base-test.log')));
    expect(recs[0]?.fields).toEqual({ caller: 'json/json_test.go:95', v: '3', ns: 'default', podnum: '2', time: '1µs' });
    expect(recs[0]?.stamp).toEqual({ kind: 'utc', at: { sec: 0, nsec: 123 }, precision: 'ns' });
    expect(recs[1]?.fields['pods']).toBe('[{"name":"pod-1","namespace":"kube-system"},{"name":"pod-2","namespace":"kube-system"}]');
    expect(recs[2]).toMatchObject({ severity: 'error', message: 'test 1', fields: { caller: 'json/klog_test.go:200' } });
  });

  test('an InfoS with an err key stays info: only zapr\'s Error omits v', () => {
    const r = klogJson.parseLine('{"ts":1711973621801.997,"caller":"kubelet/kubelet.go:1234","msg":"Retrying","v":2,"err":"timeout"}', at);
    expect(r.kind === 'record' && [r.record.severity, r.record.fields]).toEqual(['info', { caller: 'kubelet/kubelet.go:1234', v: '2', err: 'timeout' }]);
  });

  test('a "__proto__" key stays a field (shrunk by the property test)', () => {
    const r = klogJson.parseLine('{"ts":0,"msg":"","__proto__":[]}', at);
    expect(r.kind === 'record' && Object.entries(r.record.fields)).toEqual([['__proto__', '[]']]);
  });

  test('an integer ts has millisecond precision', () => {
    const r = klogJson.parseLine('{"ts":1711973621801,"msg":"m","v":0}', at);
    expect(r.kind === 'record' && r.record.stamp).toEqual({ kind: 'utc', at: { sec: 1_711_973_621, nsec: 801_000_000 }, precision: 'ms' });
  });

  test('ts not written first: the float is used', () => {
    const r = klogJson.parseLine('{"msg":"m","ts":1711973621801.5,"v":0}', at);
    expect(r.kind === 'record' && r.record.stamp).toEqual({ kind: 'utc', at: { sec: 1_711_973_621, nsec: 801_500_000 }, precision: 'us' });
  });

  test('not-component-json.log: a FATAL flag error and a docker json-file line are skips', () => {
    expect(skipsOf(runLines(klogJson, 'x.log', excerptLines('klog-json', 'not-component-json.log')))).toEqual([
      { line: 1, reason: 'not component JSON: no numeric "ts" and string "msg"', intentional: false },
      { line: 2, reason: 'not component JSON: a docker json-file line', intentional: false },
    ]);
  });

  test.each([
    ['a journal -o json entry', '{"__REALTIME_TIMESTAMP":"1711973621801997","MESSAGE":"m","_HOSTNAME":"node-a"}', 'not component JSON: a journal JSON entry'],
    ['an audit event', '{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"6c1a6e8a-1c1e-4b0b-9a3e-3b3f5e7b6c1d","stage":"ResponseComplete"}', 'not component JSON: an audit event'],
    ['a controller-runtime zap line (ts in seconds)', '{"level":"info","ts":1711973621.801997,"logger":"setup","msg":"starting manager"}', 'not component JSON: has "level" (another zap encoder, ts unit unknown)'],
    ['truncated JSON', '{"ts":1711973621801.997,"msg":"cut her', 'not a JSON object'],
    ['a JSON array', '[1,2]', 'not a JSON object'],
    ['klog text', 'I0401 12:13:41.801997       1 a.go:1] x', 'not a JSON object'],
    ['a string ts', '{"ts":"2024-04-01T12:13:41Z","msg":"m"}', 'not component JSON: no numeric "ts" and string "msg"'],
    ['a negative ts', '{"ts":-5,"msg":"m"}', 'ts out of range'],
  ])('skips %s', (_name, line, reason) => {
    expect(klogJson.parseLine(line, at)).toEqual({ kind: 'skip', reason });
  });
});
