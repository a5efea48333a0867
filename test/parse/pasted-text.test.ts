// Text users paste into tickets: quote prefixes, grep -n prefixes, lines wrapped at terminal
// width, several components' logs concatenated. What can be recovered is; the rest is counted.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { UTC_ZONE } from '../../src/normalize/zone.js';
import { buildTimeline } from '../../src/timeline/build.js';
import { tempDir } from '../support/archive.js';

async function timelineOf(text: string) {
  const file = join(tempDir(), 'ticket-1234.txt');
  writeFileSync(file, text);
  const tl = await buildTimeline({ inputs: [file], time: { zone: UTC_ZONE, zoneGiven: false }, year: 2024 });
  const events = [];
  for await (const e of tl.events) events.push(e.event);
  return { events, tl };
}

test('> quoted journal lines with a klog line of another component mixed in', async () => {
  const { events } = await timelineOf(
    [
      '> Apr 01 12:13:41 node-b kubelet[2211]: E0401 12:13:41.801997    2211 certificate_manager.go:562] first',
      '> E0401 12:13:42.000001       1 controller.go:1] from the controller-manager, pasted below',
      '> Apr 01 12:13:43 node-b kubelet[2211]: E0401 12:13:43.801997    2211 certificate_manager.go:562] third',
      '',
    ].join('\n'),
  );
  expect(events.map((e) => [e.host, e.message])).toEqual([
    ['node-b', 'first'],
    ['(unknown host)', 'from the controller-manager, pasted below'],
    ['node-b', 'third'],
  ]);
});

test('grep -n prefixes are stripped and lines keep their numbers in the file', async () => {
  const { events } = await timelineOf(
    ['120:Apr 01 12:13:41 node-b kubelet[2211]: I0401 12:13:41.000001    2211 a.go:1] one', '121-Apr 01 12:13:42 node-b kubelet[2211]: I0401 12:13:42.000001    2211 a.go:1] two', ''].join('\n'),
  );
  expect(events.map((e) => [e.source.line, e.message])).toEqual([[1, 'one'], [2, 'two']]);
});

test('a line wrapped at terminal width is joined back; an indented line continues the message', async () => {
  const { events, tl } = await timelineOf(
    [
      'Apr 01 12:13:41 node-b kubelet[2211]: E0401 12:13:41.801997    2211 certificate_manager.go:562] Failed while requesting a signed certificat',
      'e from the control plane: cannot create certificate signing request',
      'Apr 01 12:13:42 node-b kubelet[2211]: I0401 12:13:42.000001    2211 swap_util.go:115] "Swap is on" /proc/swaps contents=<',
      '        /swapfile    file    3991548    0    -2',
      'Apr 01 12:13:43 node-b kubelet[2211]: I0401 12:13:43.000001    2211 a.go:1] last',
      '',
    ].join('\n'),
  );
  expect(events.map((e) => e.message)).toEqual([
    'Failed while requesting a signed certificate from the control plane: cannot create certificate signing request',
    '"Swap is on" /proc/swaps contents=<\n/swapfile    file    3991548    0    -2',
    'last',
  ]);
  expect(tl.tally.skipCounts().filter((s) => !s.intentional)).toEqual([]);
});

test('what cannot be read is counted with its line number, not lost', async () => {
  const { tl } = await timelineOf(['just prose from the ticket', 'Apr 01 12:13:43 node-b kubelet[2211]: I0401 12:13:43.000001    2211 a.go:1] a log line', ''].join('\n'));
  expect(tl.members.map((m) => [m.path, m.records])).toEqual([['ticket-1234.txt', 1]]);
  expect(tl.tally.skipCounts().filter((s) => !s.intentional).map((s) => [s.path, s.count, s.firstLines])).toEqual([['ticket-1234.txt', 1, [1]]]);
});
