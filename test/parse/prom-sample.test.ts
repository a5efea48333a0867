import { expect, test } from 'vitest';
import { readSample } from '../../src/parse/prom-sample.js';

test.each([
  ['apiserver_client_certificate_expiration_seconds_bucket{le="1800"} 0', { name: 'apiserver_client_certificate_expiration_seconds_bucket', labels: { le: '1800' }, value: 0 }],
  ['go_memstats_alloc_bytes 2.2614512e+07', { name: 'go_memstats_alloc_bytes', labels: {}, value: 22_614_512 }],
  ['http_requests_total{method="post",code="200"} 1027 1395066363000', { name: 'http_requests_total', labels: { method: 'post', code: '200' }, value: 1027, timestampMs: 1_395_066_363_000 }],
  ['msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9', { name: 'msdos_file_access_time_seconds', labels: { path: 'C:\\DIR\\FILE.TXT', error: 'Cannot find file:\n"FILE.TXT"' }, value: 1_458_255_915 }],
  ['something_weird{problem="division by zero"} +Inf -3982045', { name: 'something_weird', labels: { problem: 'division by zero' }, value: Infinity, timestampMs: -3_982_045 }],
  ['jvm_gc_collection_seconds_count{gc="Copy",} 104.0', { name: 'jvm_gc_collection_seconds_count', labels: { gc: 'Copy' }, value: 104 }],
  ['empty_labels{} -Inf', { name: 'empty_labels', labels: {}, value: -Infinity }],
  ['label_with_brace{a="}",b="x y"}  7', { name: 'label_with_brace', labels: { a: '}', b: 'x y' }, value: 7 }],
])('%s', (line, sample) => {
  expect(readSample(line)).toEqual(sample);
});

test('NaN is a number', () => {
  const s = readSample('kubelet_cgroup_manager_latency_microseconds{operation_type="create",quantile="0.5"} NaN');
  expect(typeof s !== 'string' && Number.isNaN(s.value)).toBe(true);
});

test.each([
  ['{le="1"} 0', 'no metric name'],
  ['foo{a=b} 1', 'malformed labels'],
  ['foo{a="unterminated} 1', 'malformed labels'],
  ['foo', 'no value after the metric name'],
  ['foo{a="1"}', 'no value after the metric name'],
  ['foo bar', 'value is not a number'],
  ['garbage line here', 'value is not a number'],
  ['foo 1 notatime', 'timestamp is not an integer'],
  ['foo 1 2 3', 'extra text after the timestamp'],
])('%j is %s', (line, reason) => {
  expect(readSample(line)).toBe(reason);
});
