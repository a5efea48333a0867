import { describe, expect, test } from 'vitest';
import type { ParsedRecord } from '../../src/model/event.js';
import { systemctlStatus } from '../../src/parse/systemctl-status.js';
import { excerptLines, recordsOf, runBlock, skipsOf } from '../support/run-parser.js';

const path = 'node-a/systemctl-status-kubelet.txt';
const run = (file: string) => runBlock(systemctlStatus, path, excerptLines('systemctl-status', file));
const units = (recs: readonly ParsedRecord[]) => recs.filter((r) => r.kind === 'unit');
const logs = (recs: readonly ParsedRecord[]) => recs.filter((r) => r.kind === 'log');

describe('systemctl-status', () => {
  test('reads the header comment sample (kubernetes/website#22814)', () => {
    const recs = recordsOf(run('centos-auto-restart-edt.txt'));
    expect(recs[0]).toEqual({
      kind: 'unit',
      unit: { unit: 'kubelet.service', loaded: 'loaded', active: 'activating', sub: 'auto-restart' },
      // EDT is a zone name, not an offset: the wall clock is kept and normalize decides.
      stamp: { kind: 'wall', at: { sec: 1_596_012_392, nsec: 0 }, precision: 's' },
      severity: 'error',
      message: 'kubelet.service: loaded activating (auto-restart) (Result: exit-code)',
      fields: {
        description: 'kubelet: The Kubernetes Node Agent',
        unitFile: '/usr/lib/systemd/system/kubelet.service',
        unitFileState: 'enabled',
        preset: 'disabled',
        dropIns: '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf',
        result: 'exit-code',
        since: 'Wed 2020-07-29 08:46:32 EDT',
        process: '9982 ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS (code=exited, status=255)',
        mainPid: '9982 (code=exited, status=255)',
      },
      component: 'kubelet',
      pid: 9982,
      source: { path, line: 1, offset: 0 },
    });
    expect(logs(recs).map((r) => [r.source.line, r.host, r.component, r.pid, r.message])).toEqual([
      [10, 'node1', 'systemd', 1, 'Unit kubelet.service entered failed state.'],
      [11, 'node1', 'systemd', 1, 'kubelet.service failed.'],
    ]);
    expect(logs(recs)[0]?.stamp).toEqual({ kind: 'yearless', month: 7, day: 29, secOfDay: 8 * 3600 + 46 * 60 + 32, nsec: 0, precision: 's' });
  });

  test('every line is a record, part of one, or a counted skip', () => {
    const pushed = run('centos-auto-restart-edt.txt');
    expect(skipsOf(pushed)).toEqual([]);
    expect(recordsOf(pushed)).toHaveLength(3);
  });

  test('kubeasz-multiple-process-cst.txt: all Process lines kept in order; CST stays wall clock', () => {
    const [unit] = units(recordsOf(run('kubeasz-multiple-process-cst.txt')));
    expect(unit?.fields['process']?.split('\n').map((p) => p.split(' ')[0])).toEqual(['19256', '19254', '19252', '19248', '19247']);
    expect(unit?.fields['description']).toBe('Kubernetes Kubelet');
    expect(unit?.stamp.kind).toBe('wall');
  });

  test('ubuntu-running-node-not-found.txt: running is info, UTC is utc, CGroup lines absorbed', () => {
    const pushed = run('ubuntu-running-node-not-found.txt');
    const recs = recordsOf(pushed);
    expect(units(recs).map((u) => [u.kind === 'unit' && u.unit, u.severity, u.stamp, u.pid, u.fields['mainPid']])).toEqual([
      [{ unit: 'kubelet.service', loaded: 'loaded', active: 'active', sub: 'running' }, 'info',
        { kind: 'utc', at: { sec: 1_669_018_632, nsec: 0 }, precision: 's' }, 8228, '8228 (kubelet)'],
    ]);
    expect(logs(recs).map((r) => /^E1121 08:21:42\.(\d{6}) /.exec(r.message)?.[1])).toEqual(['526642', '626872', '727919', '829055']);
    expect(logs(recs)[0]?.message).toBe('E1121 08:21:42.526642    8228 kubelet.go:2424] "Error getting node" err="node \\"master-1-uxmal\\" not found"');
    expect(skipsOf(pushed)).toEqual([]);
  });

  test('pasted-without-indentation.txt: the prompt is a skip, properties still read', () => {
    const pushed = run('pasted-without-indentation.txt');
    expect(skipsOf(pushed)).toEqual([{ line: 1, reason: 'outside a unit status block', intentional: false }]);
    const [unit] = units(recordsOf(pushed));
    expect(unit?.fields).toMatchObject({ dropIns: '/etc/systemd/system/kubelet.service.d/10-kubeadm.conf', result: 'exit-code', mainPid: '1761 (code=exited, status=1/FAILURE)' });
    expect(unit?.stamp).toEqual({ kind: 'utc', at: { sec: 1_510_820_940, nsec: 0 }, precision: 's' });
    expect(logs(recordsOf(pushed))).toHaveLength(3);
  });

  test('coreos-no-bullet-wrapped-cgroup.txt: a header without its bullet, a wrapped line absorbed', () => {
    const pushed = run('coreos-no-bullet-wrapped-cgroup.txt');
    const recs = recordsOf(pushed);
    expect(units(recs).map((u) => [u.source.line, u.kind === 'unit' && u.unit.active, u.fields['description'], u.pid])).toEqual([[2, 'active', undefined, 832]]);
    expect(logs(recs).map((r) => [r.source.line, r.component])).toEqual([[17, 'kubelet-wrapper'], [18, 'kubelet-wrapper']]);
    expect(skipsOf(pushed)).toEqual([{ line: 1, reason: 'outside a unit status block', intentional: false }]);
  });

  test('two-units-concatenated.txt: two unit records, each journal after its own unit', () => {
    const pushed = run('two-units-concatenated.txt');
    const recs = recordsOf(pushed);
    expect(recs.map((r) => [r.kind, r.source.line])).toEqual([
      ['unit', 1], ['log', 13], ['unit', 14], ['log', 21], ['log', 22], ['log', 23],
    ]);
    expect(units(recs).map((u) => u.kind === 'unit' && u.unit.unit)).toEqual(['kube-controller-manager.service', 'kubelet.service']);
    expect(units(recs).map((u) => u.component)).toEqual(['kube-controller-manager', 'kubelet']);
    // The reporter's own "..." between the two: not a journal line.
    expect(skipsOf(pushed).map((s) => s.line)).toEqual([12]);
  });

  test('inactive-dead-chopped-by-less.txt: inactive is notice; less\'s `>` is not taken for systemd\'s ellipsis', () => {
    const recs = recordsOf(run('inactive-dead-chopped-by-less.txt'));
    expect(units(recs).map((u) => [u.severity, u.fields['result'], u.fields['process']?.endsWith('(code=exited, status=0/SUCCESS)')])).toEqual([['notice', undefined, true]]);
    expect(logs(recs).map((r) => r.fields['truncated'])).toEqual([undefined, undefined, undefined]);
  });

  test('journal lines cut by systemctl are marked truncated', () => {
    const recs = recordsOf(runBlock(systemctlStatus, path, [
      '● kubelet.service - kubelet: The Kubernetes Node Agent',
      '     Active: failed (Result: exit-code) since Mon 2024-04-01 12:13:41 +07; 3s ago',
      '',
      'Apr 01 12:13:41 node-a kubelet[1234]: E0401 12:13:41.801997    1234 run.go:74] "command failed" err="failed to load kubelet config file, path: /var/lib/kubelet/con…',
      'Apr 01 12:13:41 node-a kubelet[1234]: E0401 12:13:41.801997    1234 run.go:74] "command failed" err="failed to load kub…ubelet/config.yaml: no such file or directory"',
      'Apr 01 12:13:41 node-a systemd[1]: kubelet.service: Failed with result \'exit-code\'...',
      'Apr 01 12:13:41 node-a systemd[1]: kubelet.service: Failed with result \'exit-code\'.',
      'lines 1-7/7 (END)',
    ]));
    expect(logs(recs).map((r) => r.fields['truncated'])).toEqual(['true', 'true', 'true', undefined]);
    const [unit] = units(recs);
    // `+07` is an offset, so the instant is known: 12:13:41+07 = 05:13:41Z.
    expect(unit?.stamp).toEqual({ kind: 'utc', at: { sec: 1_711_948_421, nsec: 0 }, precision: 's' });
    expect([unit?.kind === 'unit' && unit.unit, unit?.severity, unit?.message]).toEqual([
      { unit: 'kubelet.service', loaded: '', active: 'failed', sub: '' }, 'error', 'kubelet.service: failed (Result: exit-code)',
    ]);
  });

  test('"could not be found" is a unit record that says so', () => {
    const pushed = runBlock(systemctlStatus, path, ['Unit kubelet.service could not be found.']);
    expect(recordsOf(pushed)).toEqual([
      {
        kind: 'unit', unit: { unit: 'kubelet.service', loaded: 'not-found', active: 'inactive', sub: 'dead' },
        stamp: { kind: 'none' }, severity: 'error', message: 'kubelet.service: not-found inactive (dead)', fields: {},
        component: 'kubelet', source: { path, line: 1, offset: 0 },
      },
    ]);
  });

  test('a not-found unit that is still referenced, and a masked one', () => {
    const recs = recordsOf(runBlock(systemctlStatus, path, [
      '○ kubelet.service',
      '     Loaded: not-found (Reason: Unit kubelet.service not found.)',
      '     Active: inactive (dead)',
      '× containerd.service - containerd container runtime',
      '     Loaded: masked (Reason: Unit containerd.service is masked.)',
      '     Active: inactive (dead)',
    ]));
    expect(recs.map((r) => [r.kind === 'unit' && r.unit.loaded, r.severity, r.fields['reason'], r.stamp.kind])).toEqual([
      ['not-found', 'error', 'Unit kubelet.service not found.', 'none'],
      ['masked', 'error', 'Unit containerd.service is masked.', 'none'],
    ]);
  });

  test('colour codes around the bullet are ignored; several drop-in directories are all listed', () => {
    const recs = recordsOf(runBlock(systemctlStatus, path, [
      '\x1b[0;1;32m●\x1b[0m kubelet.service - kubelet: The Kubernetes Node Agent',
      '     Loaded: loaded (/usr/lib/systemd/system/kubelet.service; enabled; preset: disabled)',
      '    Drop-In: /usr/lib/systemd/system/service.d',
      '             └─10-timeout-abort.conf',
      '             /etc/systemd/system/kubelet.service.d',
      '             └─10-kubeadm.conf, 20-extra.conf',
      '     Active: active (running) since Mon 2024-04-01 12:13:41 UTC; 3s ago',
    ]));
    expect(recs.map((r) => [r.kind === 'unit' && r.unit.unit, r.fields['dropIns'], r.fields['preset']])).toEqual([
      ['kubelet.service', '/usr/lib/systemd/system/service.d/10-timeout-abort.conf,/etc/systemd/system/kubelet.service.d/10-kubeadm.conf,/etc/systemd/system/kubelet.service.d/20-extra.conf', 'disabled'],
    ]);
  });

  test('a localised weekday is fine (Di = Tuesday in de_DE); a missing since leaves no time', () => {
    const recs = recordsOf(runBlock(systemctlStatus, path, [
      '● docker.service - Docker Application Container Engine',
      '   Active: active (running) since Di 2018-05-22 08:07:36 CEST; 1h 6min ago',
      '● kubelet.service',
      '   Active: inactive (dead)',
    ]));
    expect(recs.map((r) => r.stamp)).toEqual([{ kind: 'wall', at: { sec: 1_526_976_456, nsec: 0 }, precision: 's' }, { kind: 'none' }]);
  });

  test('hints, warnings and the pager footer are intentional skips', () => {
    const pushed = runBlock(systemctlStatus, path, [
      '● kubelet.service',
      '   Active: active (running) since Mon 2024-04-01 12:13:41 UTC; 3s ago',
      '',
      'Hint: Some lines were ellipsized, use -l to show in full.',
      'Warning: Journal has been rotated since unit was started. Log output is incomplete or unavailable.',
      'lines 1-4/4 (END)',
    ]);
    expect(skipsOf(pushed)).toEqual([4, 5, 6].map((line) => ({ line, reason: 'systemctl blank, pager or notice line', intentional: true })));
  });

  test('an indented continuation of a journal message is counted, not lost silently', () => {
    const pushed = runBlock(systemctlStatus, path, [
      '● kubelet.service',
      '   Active: active (running) since Mon 2024-04-01 12:13:41 UTC; 3s ago',
      '',
      'Apr 01 12:13:41 node-a kubelet[1]: E0401 12:13:41.801997       1 aws_credentials.go:77] while getting AWS credentials',
      '                                          For verbose messaging see aws.Config.CredentialsChainVerboseErrors',
    ]);
    expect(skipsOf(pushed)).toEqual([{ line: 5, reason: 'continuation of a journal message (not joined)', intentional: false }]);
  });

  test('lines before any unit are skips, not records', () => {
    const pushed = runBlock(systemctlStatus, path, ['Redirecting to /bin/systemctl status kubelet.service', 'Apr 01 12:13:41 node-a kubelet[1]: x']);
    expect(recordsOf(pushed)).toEqual([]);
    expect(skipsOf(pushed).map((s) => s.reason)).toEqual(['outside a unit status block', 'outside a unit status block']);
  });
});
