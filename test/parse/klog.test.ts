import { describe, expect, test } from 'vitest';
import { klog, klogFields, readKlogHeader } from '../../src/parse/klog.js';
import { excerptLines, recordsOf, runLines, skipsOf } from '../support/run-parser.js';

const at = { path: 'node-a/kubelet.log', line: 1 };

describe('klog', () => {
  test('reads the header comment sample (kubernetes/kubernetes#21248)', () => {
    const line =
      'E0610 02:55:28.211823   64201 kubelet.go:1306] "Image garbage collection failed once. Stats initialization may not have completed yet" err="invalid capacity 0 on image filesystem"';
    const r = klog.parseLine(line, at);
    expect(r).toEqual({
      kind: 'record',
      record: {
        kind: 'log',
        stamp: { kind: 'yearless', month: 6, day: 10, secOfDay: 2 * 3600 + 55 * 60 + 28, nsec: 211_823_000, precision: 'us' },
        severity: 'error',
        message: '"Image garbage collection failed once. Stats initialization may not have completed yet" err="invalid capacity 0 on image filesystem"',
        fields: {
          msg: 'Image garbage collection failed once. Stats initialization may not have completed yet',
          err: 'invalid capacity 0 on image filesystem',
          tid: '64201',
          caller: 'kubelet.go:1306',
        },
        source: at,
      },
    });
  });

  test.each([
    ['I', 'info'],
    ['W', 'warning'],
    ['E', 'error'],
    ['F', 'critical'],
  ])('level %s is severity %s', (level, severity) => {
    const r = klog.parseLine(`${level}0401 12:13:41.801997  128468 certificate_manager.go:385] x`, at);
    expect(r.kind === 'record' && r.record.severity).toBe(severity);
  });

  test('kubelet-startup-errors.log: four records, the tab-indented line is left to continuation', () => {
    const pushed = runLines(klog, 'k.log', excerptLines('klog', 'kubelet-startup-errors.log'));
    expect(recordsOf(pushed).map((r) => r.source.line)).toEqual([1, 3, 4, 5]);
    expect(skipsOf(pushed)).toEqual([{ line: 2, reason: 'no klog header', intentional: false }]);
    expect(klog.continuation).toBe(true);
    const third = recordsOf(pushed)[3];
    expect(third?.fields['err']).toBe('[container runtime status check may not have completed yet, PLEG is not healthy: pleg has yet to be successful]');
  });

  test('kubelet-standalone.log: empty quoted values and a bare [] value', () => {
    const recs = recordsOf(runLines(klog, 'k.log', excerptLines('klog', 'kubelet-standalone.log')));
    expect(recs).toHaveLength(7);
    expect(recs[1]?.fields).toMatchObject({ msg: 'Golang settings', GOGC: '', GOMAXPROCS: '', GOTRACEBACK: '' });
    expect(recs[2]?.fields).toEqual({ msg: 'Standalone mode, no API client', tid: '7655', caller: 'server.go:575' });
    expect(recs[6]?.fields['cgroupRoot']).toBe('[]');
  });

  test('controller-manager-unstructured.log: plain messages get only tid and caller', () => {
    const recs = recordsOf(runLines(klog, 'k.log', excerptLines('klog', 'controller-manager-unstructured.log')));
    expect(recs.map((r) => r.fields)).toEqual([
      { tid: '1', caller: 'controller_utils.go:285' },
      { tid: '1', caller: 'controller_utils.go:203' },
      { tid: '1', caller: 'event.go:218' },
    ]);
    expect(recs[2]?.message).toMatch(/^Event\(v1\.ObjectReference\{Kind:"Node".*NodeNotReady$/);
  });

  test('a 7-digit thread id leaves a single space after the microseconds', () => {
    const [line = ''] = excerptLines('klog', 'scheduler-seven-digit-tid.log');
    const r = klog.parseLine(line, at);
    expect(r.kind === 'record' && r.record.fields).toEqual({
      msg: 'Pod moved to an internal scheduling queue', pod: 'yuan/pod-143-c95674667-h6t7b', event: 'PodAdd', queue: 'ActiveQueue',
      tid: '1495316', caller: 'scheduling_queue.go:274',
    });
  });

  test('message keeps a U+2028 (flag s)', () => {
    const r = klog.parseLine('I0401 12:13:41.801997       1 a.go:1] before\u2028after', at);
    expect(r.kind === 'record' && r.record.message).toBe('before\u2028after');
  });

  test('an empty message, with or without klog\'s trailing space', () => {
    for (const line of ['I0401 12:13:41.801997       1 a.go:1] ', 'I0401 12:13:41.801997       1 a.go:1]']) {
      const r = klog.parseLine(line, at);
      expect(r.kind === 'record' && r.record.message).toBe('');
    }
  });

  test('--add_dir_header callers keep their directory', () => {
    const r = klog.parseLine('I0401 12:13:41.801997       1 kubelet/kubelet.go:1234] x', at);
    expect(r.kind === 'record' && r.record.fields['caller']).toBe('kubelet/kubelet.go:1234');
  });

  test('header tid and caller win over same-named keys', () => {
    const r = klog.parseLine('I0401 12:13:41.801997      42 a.go:7] "m" tid="spoof" caller="x.go:1" node="n"', at);
    expect(r.kind === 'record' && r.record.fields).toEqual({ msg: 'm', node: 'n', tid: '42', caller: 'a.go:7' });
  });

  test.each([
    ['no header', 'hello world'],
    ['lower-case level', 'i0401 12:13:41.801997       1 a.go:1] x'],
    ['month 13', 'I1301 12:13:41.801997       1 a.go:1] x'],
    ['31 April', 'I0431 12:13:41.801997       1 a.go:1] x'],
    ['hour 24', 'I0401 24:13:41.801997       1 a.go:1] x'],
    ['millisecond fraction', 'I0401 12:13:41.801       1 a.go:1] x'],
    ['no line number', 'I0401 12:13:41.801997       1 a.go] x'],
    ['journal prefix before the header', 'Apr 01 12:13:41 node-a kubelet[1]: I0401 12:13:41.801997       1 a.go:1] x'],
  ])('skips %s', (_name, line) => {
    expect(klog.parseLine(line, at)).toEqual({ kind: 'skip', reason: 'no klog header' });
  });

  test('29 February passes: the year is unknown', () => {
    expect(klog.parseLine('I0229 00:00:00.000000       1 a.go:1] leap', at).kind).toBe('record');
  });
});

describe('readKlogHeader', () => {
  test('lifts a header out of a journal message', () => {
    const h = readKlogHeader('E1121 08:21:42.526642    8228 kubelet.go:2424] "Error getting node" err="node \\"master-1-uxmal\\" not found"');
    expect(h).toMatchObject({ severity: 'error', tid: '8228', caller: 'kubelet.go:2424', message: '"Error getting node" err="node \\"master-1-uxmal\\" not found"' });
    expect(h && klogFields(h)).toEqual({ msg: 'Error getting node', err: 'node "master-1-uxmal" not found', tid: '8228', caller: 'kubelet.go:2424' });
  });

  test('is undefined when the text only contains a header later on', () => {
    expect(readKlogHeader('x I0401 12:13:41.801997       1 a.go:1] y')).toBeUndefined();
  });
});
