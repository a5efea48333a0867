import { describe, expect, test } from 'vitest';
import type { ParsedRecord } from '../../src/model/event.js';
import { journalShort } from '../../src/parse/journal-short.js';
import { excerptLines, recordsOf, runLines, skipsOf } from '../support/run-parser.js';

const at = { path: 'node-a/journal/kubelet.txt', line: 1 };
const hms = (h: number, m: number, s: number): number => h * 3600 + m * 60 + s;

function record(text: string): ParsedRecord {
  const r = journalShort.parseLine(text, at);
  if (r.kind !== 'record') throw new Error(`skipped: ${r.reason}`);
  return r.record;
}

describe('journal-short', () => {
  test('reads the header comment sample (seed 001, lines 314-315)', () => {
    const [line] = excerptLines('journal', 'seed-001-short.txt').slice(1);
    expect(journalShort.parseLine(line ?? '', at)).toEqual({
      kind: 'record',
      record: {
        kind: 'log',
        stamp: { kind: 'yearless', month: 4, day: 1, secOfDay: hms(12, 13, 41), nsec: 0, precision: 's' },
        severity: 'unknown',
        message:
          'E0526 12:13:41.801997  128468 certificate_manager.go:385] Failed while requesting a signed certificate from the master: cannot create certificate signing request: certificatesigningrequests.certificates.k8s.io is forbidden: User "system:bootstrap:82jfrm" cannot create resource "certificatesigningrequests" in API group "certificates.k8s.io" at the cluster scope',
        fields: {},
        source: at,
        host: 'idc-k8s-01',
        component: 'kubelet',
        pid: 128468,
      },
    });
  });

  test('short-precise keeps the microseconds and says so (openshift/kubernetes#670)', () => {
    const r = record(excerptLines('journal', 'openshift-kubernetes-670-short-precise.txt')[0] ?? '');
    expect(r.stamp).toEqual({ kind: 'yearless', month: 4, day: 14, secOfDay: hms(19, 7, 33), nsec: 590_507_000, precision: 'us' });
    expect(r.host).toBe('ci-op-j3hh76if-b2c4f-spvvq-master-2');
    expect(r.component).toBe('hyperkube');
    expect(r.message.startsWith('I0414 19:07:33.590419    1539 certificate_manager.go:263]')).toBe(true);
  });

  test.each([
    ['Jun 06 15:39:28 gke-node kernel: cbr0: port 13(vethf3ff2094) entered disabled state', { host: 'gke-node', component: 'kernel', message: 'cbr0: port 13(vethf3ff2094) entered disabled state' }],
    ['Apr 01 12:13:41 node-a (kubelet)[5123]: Failed to locate executable /usr/bin/kubelet', { host: 'node-a', component: '(kubelet)', pid: 5123 }],
    ['Mar 13 12:04:09 cx20-2 postfix/pickup[7274]: B83DE2400BE: uid=30 from=<wwwrun>', { component: 'postfix/pickup', pid: 7274, message: 'B83DE2400BE: uid=30 from=<wwwrun>' }],
    ['Sep 08 17:20:30 tarta r710_fan_controller.sh[20911]: Highest drive temperature: 43 Celcius.', { component: 'r710_fan_controller.sh', pid: 20911 }],
    ['Apr 01 12:13:41 node-a kworker/0:1[12]: events_unbound', { component: 'kworker/0:1', pid: 12, message: 'events_unbound' }],
    ['Apr 01 12:13:41 node-a kubelet[1]: ', { component: 'kubelet', message: '' }],
    ['Apr 01 12:13:41 node-a kubelet[1]:', { component: 'kubelet', message: '' }],
    ['Apr 01 12:13:41 node-a kubelet[1]:   indented: text', { message: '  indented: text' }],
    ['Nov 22 17:38:51 vm kernel[7592]: [18B blob data]', { message: '[18B blob data]' }],
  ])('%s', (line, expected) => {
    expect(record(line)).toMatchObject(expected);
  });

  test('--no-hostname: the first word is already the tag, so no host is claimed', () => {
    const r = record(excerptLines('journal', 'journalctl-252-short.no-hostname.txt')[2] ?? '');
    expect(r.host).toBeUndefined();
    expect(r.component).toBe('kubelet');
    expect(r.pid).toBe(7592);
  });

  test('"unknown" is journalctl saying the entry named no process, not a component', () => {
    const r = record('Apr 01 12:13:41 node-a unknown: a message with no SYSLOG_IDENTIFIER or _COMM');
    expect(r.component).toBeUndefined();
    expect(r.host).toBe('node-a');
  });

  test('a day padded with a space, as other tools write it, reads the same', () => {
    expect(record('Apr  1 12:13:41 node-a kubelet[1]: x').stamp).toEqual(record('Apr 01 12:13:41 node-a kubelet[1]: x').stamp);
  });

  test.each([
    ['4月 01 12:13:41 node-a kubelet[1]: x', 4, 1], // zh_CN
    [' 4月 01 12:13:41 node-a kubelet[1]: x', 4, 1], // ja_JP pads to two columns
    ['4月  1 12:13:41 node-a kubelet[1]: x', 4, 1],
    ['12月 31 12:13:41 node-a kubelet[1]: x', 12, 31],
    [' 4월 01 12:13:41 node-a kubelet[1]: x', 4, 1], // ko_KR
    ['Mär 01 12:13:41 node-a kubelet[1]: x', 3, 1],
    ['Okt 01 12:13:41 node-a kubelet[1]: x', 10, 1],
    ['févr. 01 12:13:41 node-a kubelet[1]: x', 2, 1],
    ['avril 01 12:13:41 node-a kubelet[1]: x', 4, 1],
    ['déc. 01 12:13:41 node-a kubelet[1]: x', 12, 1],
    ['abr 01 12:13:41 node-a kubelet[1]: x', 4, 1],
    ['ene 01 12:13:41 node-a kubelet[1]: x', 1, 1],
    ['апр 01 12:13:41 node-a kubelet[1]: x', 4, 1],
    ['мая 01 12:13:41 node-a kubelet[1]: x', 5, 1],
  ])('localized month: %s', (line, month, day) => {
    expect(record(line).stamp).toMatchObject({ kind: 'yearless', month, day });
  });

  test('every %b of 15 glibc locales, as `date` prints it, gives its month back', () => {
    const rows = excerptLines('journal', 'strftime-b-d-glibc-2.36.tsv').map((l) => l.split('\t'));
    expect(rows).toHaveLength(180);
    for (const [locale, month, printed] of rows) {
      const r = journalShort.parseLine(`${printed} node-a kubelet[1]: x`, at);
      expect({ locale, stamp: r.kind === 'record' ? r.record.stamp : r }).toEqual({
        locale,
        stamp: { kind: 'yearless', month: Number(month), day: 1, secOfDay: hms(12, 13, 41), nsec: 0, precision: 's' },
      });
    }
  });

  test.each([
    ['journalctl-252-short.ja_JP.txt', '11月'],
    ['journalctl-252-short.zh_CN.txt', '11月'],
    ['journalctl-252-short.de_DE.txt', 'Nov'],
    ['journalctl-252-short.fr_FR.txt', 'nov.'],
    ['journalctl-252-short.ru_RU.txt', 'ноя'],
  ])('journalctl 252 in a real locale: %s', (file, name) => {
    const lines = excerptLines('journal', file);
    expect(lines[0]?.startsWith(name)).toBe(true);
    const pushed = runLines(journalShort, file, lines);
    const recs = recordsOf(pushed);
    expect(recs).toHaveLength(9);
    expect(recs.every((r) => r.stamp.kind === 'yearless' && r.stamp.month === 11 && r.stamp.day === 22 && r.host === 'vm')).toBe(true);
    // The indented second line of containerd's two-line MESSAGE is left to continuation.
    expect(skipsOf(pushed)).toEqual([{ line: 6, reason: 'no journal short timestamp', intentional: false }]);
  });

  test.each([
    ['systemd-4782-fi_FI.txt', 4, 11, 'vmtarasxp.tq-net.de'],
    ['kubernetes-54542-zh_CN.txt', 1, 10, 'test-node1'],
    ['kubernetes-98150-short.txt', 4, 1, 'aura'],
    ['kubernetes-47057-kernel.txt', 3, 6, 'gke-gat-cluster-nonprod--default-pool-24705367-1f74'],
  ])('%s: %i records in month %i on %s', (file, count, month, host) => {
    const recs = recordsOf(runLines(journalShort, file, excerptLines('journal', file)));
    expect(recs).toHaveLength(count);
    expect(recs.every((r) => r.stamp.kind === 'yearless' && r.stamp.month === month && r.host === host)).toBe(true);
  });

  test('journalctl 252 -o short and -r: the same records, in reverse order', () => {
    const forward = recordsOf(runLines(journalShort, 'f', excerptLines('journal', 'journalctl-252-short.txt')));
    const reverse = recordsOf(runLines(journalShort, 'r', excerptLines('journal', 'journalctl-252-short.reverse.txt')));
    expect(forward).toHaveLength(9);
    const key = (r: ParsedRecord): string => `${JSON.stringify(r.stamp)} ${r.component} ${r.message}`;
    expect(reverse.map(key)).toEqual(forward.map(key).reverse());
  });

  test('journalctl 252 -o short-precise: nine records with microseconds', () => {
    const recs = recordsOf(runLines(journalShort, 'p', excerptLines('journal', 'journalctl-252-short-precise.txt')));
    expect(recs).toHaveLength(9);
    expect(recs[2]?.stamp).toEqual({ kind: 'yearless', month: 11, day: 22, secOfDay: hms(17, 38, 51), nsec: 119_211_000, precision: 'us' });
  });

  test('markers and catalog lines between entries (kubernetes/kubeadm#2015, easzlab/kubeasz#210)', () => {
    const begin = runLines(journalShort, 'k', excerptLines('journal', 'kubeadm-2015-logs-begin.txt'));
    expect(begin[0]?.result).toMatchObject({ kind: 'record', record: { kind: 'marker', marker: 'logs-begin' } });
    expect(recordsOf(begin)).toHaveLength(4);
    const catalog = runLines(journalShort, 'c', excerptLines('journal', 'kubeasz-210-catalog.txt'));
    expect(recordsOf(catalog).map((r) => r.message)).toEqual(['Stopped Kubernetes Kubelet.', 'Starting Kubernetes Kubelet...']);
    expect(skipsOf(catalog).every((s) => s.intentional && s.reason === 'journalctl -x catalog text')).toBe(true);
    expect(skipsOf(catalog)).toHaveLength(10);
  });

  test.each([
    ['Feb 30 12:13:41 node-a kubelet[1]: x', 'impossible date or time'],
    ['Apr 01 24:00:00 node-a kubelet[1]: x', 'impossible date or time'],
    ['Foo 01 12:13:41 node-a kubelet[1]: x', 'unknown month name'],
    ['13月 01 12:13:41 node-a kubelet[1]: x', 'unknown month name'],
    ['                                       second line of the same entry', 'no journal short timestamp'],
    ['Apr 01 12:13:41', 'no journal short timestamp'],
    ['2024-04-01T12:13:41+0000 node-a kubelet[1]: x', 'no journal short timestamp'],
  ])('skips %j: %s', (line, reason) => {
    expect(journalShort.parseLine(line, at)).toEqual({ kind: 'skip', reason });
  });

  test('29 February is a date: the year is not known here', () => {
    expect(record('Feb 29 00:00:00 node-a kubelet[1]: x').stamp).toMatchObject({ month: 2, day: 29 });
  });

  test('lines that do not parse continue the previous message', () => {
    expect(journalShort.continuation).toBe(true);
  });
});
