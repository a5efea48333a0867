import { describe, expect, test } from 'vitest';
import { cri } from '../../src/parse/cri.js';
import { excerptLines, recordsOf, runBlock, skipsOf } from '../support/run-parser.js';

const path = 'var/log/pods/kube-system_kube-apiserver-kind-control-plane_279a/kube-apiserver/0.log';

describe('cri', () => {
  test('reads the header comment sample (kubernetes-sigs/kueue#4140)', () => {
    const line = '2025-02-03T15:52:04.259430674Z stderr F I0203 15:52:04.258997       1 eventhandlers.go:149] "Add event for unscheduled pod" pod="e2e-tas-fmr5x/test-pod"';
    expect(recordsOf(runBlock(cri, path, [line]))).toEqual([
      {
        kind: 'log',
        stamp: { kind: 'utc', at: { sec: 1_738_597_924, nsec: 259_430_674 }, precision: 'ns' },
        severity: 'unknown',
        message: 'I0203 15:52:04.258997       1 eventhandlers.go:149] "Add event for unscheduled pod" pod="e2e-tas-fmr5x/test-pod"',
        fields: { stream: 'stderr' },
        source: { path, line: 1, offset: 0 },
      },
    ]);
  });

  test('apiserver-kind.log: one record per F line, message is the inner line, second line\'s offset in bytes', () => {
    const lines = excerptLines('cri', 'apiserver-kind.log');
    const recs = recordsOf(runBlock(cri, path, lines));
    expect(recs.map((r) => r.source)).toEqual([{ path, line: 1, offset: 0 }, { path, line: 2, offset: Buffer.byteLength(lines[0] ?? '') + 1 }]);
    expect(recs[1]?.message).toMatch(/^I0203 15:52:14\.301079 {7}1 httplog\.go:134\] "HTTP" verb="PUT" .* resp=409$/);
  });

  test('crio-alertmanager-proxy.log: a +00:00 offset is UTC', () => {
    const recs = recordsOf(runBlock(cri, path, excerptLines('cri', 'crio-alertmanager-proxy.log')));
    expect(recs).toHaveLength(3);
    expect(recs[0]?.stamp).toEqual({ kind: 'utc', at: { sec: 1_580_008_649, nsec: 346_494_690 }, precision: 'ns' });
  });

  test('containerd-calico-offset.log: a +02:00 local time becomes true UTC', () => {
    const recs = recordsOf(runBlock(cri, path, excerptLines('cri', 'containerd-calico-offset.log')));
    // 09:24:33+02:00 is 07:24:33Z, which the calico line itself prints.
    expect(recs[0]?.stamp).toEqual({ kind: 'utc', at: { sec: 1_566_372_273, nsec: 260_739_149 }, precision: 'ns' });
    expect(recs[0]?.fields).toEqual({ stream: 'stdout' });
  });

  test('kubelet-logs-go-comment.log: a P line waits for its own stream, not the other one', () => {
    const pushed = runBlock(cri, path, excerptLines('cri', 'kubelet-logs-go-comment.log'));
    expect(recordsOf(pushed).map((r) => [r.source.line, r.message, r.fields])).toEqual([
      [2, 'log content 2', { stream: 'stderr' }],
      [1, 'log content 1', { stream: 'stdout', partial: 'true' }], // the file ends before stdout's F
    ]);
    expect(pushed.at(-1)?.line).toBe(0); // the unfinished part comes out of end()
  });

  test('conmon-unfinished-partial.log: the trailing space is content', () => {
    const recs = recordsOf(runBlock(cri, path, excerptLines('cri', 'conmon-unfinished-partial.log')));
    expect(recs.map((r) => [r.message, r.fields['partial']])).toEqual([['blah ', 'true']]);
    expect(recs[0]?.stamp).toEqual({ kind: 'utc', at: { sec: 1_617_066_980, nsec: 753_110_058 }, precision: 'ns' });
  });

  test('P parts join up to the F line, keeping the first part\'s time and line', () => {
    const pushed = runBlock(cri, path, [
      '2024-04-01T12:13:41.801997123Z stderr P E0401 12:13:41.801997 1 x.go:1] a very',
      '2024-04-01T12:13:41.9Z stdout F unrelated stdout line',
      '2024-04-01T12:13:41.801997124Z stderr P  long',
      '2024-04-01T12:13:41.801997125Z stderr F  line',
    ]);
    expect(recordsOf(pushed).map((r) => [r.source.line, r.message, r.stamp.kind === 'utc' && r.stamp.at.nsec])).toEqual([
      [2, 'unrelated stdout line', 900_000_000],
      [1, 'E0401 12:13:41.801997 1 x.go:1] a very long line', 801_997_123],
    ]);
    expect(pushed.filter((p) => p.line === 1 || p.line === 3)).toEqual([]); // absorbed lines give no result
  });

  test('an F line with no content, with or without the separating space (containers/conmon#629)', () => {
    const recs = recordsOf(runBlock(cri, path, ['2021-03-29T21:16:20.753110058-04:00 stdout P blah ', '2021-03-29T21:16:20.753110059-04:00 stdout F', '2021-03-29T21:16:21Z stdout F ']));
    expect(recs.map((r) => r.message)).toEqual(['blah ', '']);
  });

  test('a tag with more :-separated parts is read by its first', () => {
    expect(recordsOf(runBlock(cri, path, ['2024-04-01T12:13:41Z stdout F:x m'])).map((r) => r.message)).toEqual(['m']);
  });

  test.each([
    ['a klog line', 'I0401 12:13:41.801997       1 a.go:1] x', 'not a CRI log line'],
    ['an unknown stream', '2024-04-01T12:13:41Z stdin F x', 'not a CRI log line'],
    ['no zone', '2024-04-01T12:13:41.5 stdout F x', 'CRI timestamp is not RFC 3339 with a zone'],
    ['31 April', '2024-04-31T12:13:41Z stdout F x', 'CRI timestamp is not RFC 3339 with a zone'],
    ['an unknown tag', '2024-04-01T12:13:41Z stdout X x', 'unknown CRI tag "X"'],
    ['a docker json-file line', '{"log":"x\\n","stream":"stdout","time":"2024-04-01T12:13:41Z"}', 'not a CRI log line'],
  ])('skips %s', (_name, line, reason) => {
    expect(skipsOf(runBlock(cri, path, [line]))).toEqual([{ line: 1, reason, intentional: false }]);
  });

  test('a bad line between parts does not break the join', () => {
    const recs = recordsOf(runBlock(cri, path, ['2024-04-01T12:13:41Z stdout P a', 'garbage', '2024-04-01T12:13:41Z stdout F b']));
    expect(recs.map((r) => [r.source.line, r.message])).toEqual([[1, 'ab']]);
  });
});
