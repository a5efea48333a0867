import { describe, expect, test } from 'vitest';
import { readPrefix, recordFromPrefix } from '../../src/parse/journal-prefix.js';

describe('readPrefix', () => {
  test.each([
    ['idc-k8s-01 kubelet[128468]: E0526 12:13:41.801997  128468 certificate_manager.go:385] Failed', { host: 'idc-k8s-01', ident: 'kubelet', pid: 128468, message: 'E0526 12:13:41.801997  128468 certificate_manager.go:385] Failed' }],
    ['node-a systemd[1]: Started kubelet.service.', { host: 'node-a', ident: 'systemd', pid: 1, message: 'Started kubelet.service.' }],
    ['node-a containerd[801]: time="2024-04-01T12:13:41Z" level=info', { host: 'node-a', ident: 'containerd', pid: 801, message: 'time="2024-04-01T12:13:41Z" level=info' }],
    ['node-a kernel: Out of memory: Killed process 1234', { host: 'node-a', ident: 'kernel', message: 'Out of memory: Killed process 1234' }],
    ['node-a (kubelet)[5123]: Failed at step EXEC', { host: 'node-a', ident: '(kubelet)', pid: 5123, message: 'Failed at step EXEC' }],
    ['cx20-2 postfix/pickup[7274]: B83DE2400BE: uid=30', { host: 'cx20-2', ident: 'postfix/pickup', pid: 7274, message: 'B83DE2400BE: uid=30' }],
    ['tarta r710_fan_controller.sh[20911]: Highest', { host: 'tarta', ident: 'r710_fan_controller.sh', pid: 20911, message: 'Highest' }],
    ['node-a kworker/0:1[12]: text', { host: 'node-a', ident: 'kworker/0:1', pid: 12, message: 'text' }],
    ['localhost rsyslogd:  message repeated 76 times: [-- MARK --]', { host: 'localhost', ident: 'rsyslogd', message: ' message repeated 76 times: [-- MARK --]' }],
    ['kubelet[7906]: W0401 12:13:43.000001', { ident: 'kubelet', pid: 7906, message: 'W0401 12:13:43.000001' }],
    ['kernel: ', { ident: 'kernel', message: '' }],
    ['node-a kubelet[1]:', { host: 'node-a', ident: 'kubelet', pid: 1, message: '' }],
    ['iZbp153spuk45ulvkwxf34Z last message repeated 3 times', { host: 'iZbp153spuk45ulvkwxf34Z', message: 'last message repeated 3 times' }],
    ['HOSTNAME01 app01 testmsg1', { host: 'HOSTNAME01', message: 'app01 testmsg1' }],
    ['2001:db8::1 kernel: text', { host: '2001:db8::1', ident: 'kernel', message: 'text' }],
    ['node-a kubelet:text', { host: 'node-a', message: 'kubelet:text' }],
    ['lonely', { message: 'lonely' }],
    [' leading space', { message: ' leading space' }],
    ['', { message: '' }],
  ])('%j', (rest, expected) => {
    expect(readPrefix(rest)).toEqual(expected);
  });

  test('recordFromPrefix names only what was written, and not the placeholder ident', () => {
    const source = { path: 'p', line: 1 };
    const base = { kind: 'log', stamp: { kind: 'none' }, severity: 'unknown', fields: {}, source } as const;
    expect(recordFromPrefix(readPrefix('node-a kubelet[1]: x'), { kind: 'none' }, 'unknown', {}, source)).toEqual({ ...base, message: 'x', host: 'node-a', component: 'kubelet', pid: 1 });
    expect(recordFromPrefix(readPrefix('kernel: x'), { kind: 'none' }, 'unknown', {}, source)).toEqual({ ...base, message: 'x', component: 'kernel' });
    expect(recordFromPrefix(readPrefix('node-a unknown: x'), { kind: 'none' }, 'unknown', {}, source, 'unknown')).toEqual({ ...base, message: 'x', host: 'node-a' });
    expect(recordFromPrefix(readPrefix('x'), { kind: 'none' }, 'unknown', {}, source)).toEqual({ ...base, message: 'x' });
  });
});
