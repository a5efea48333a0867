import { describe, expect, test } from 'vitest';
import { alignedCells, columnIndex, isRule, looseCells, readAge, readEventSource, readHeader } from '../../src/parse/kubectl-table.js';

describe('kubectl-table: headers', () => {
  test('names may hold one space; columns start where their names do', () => {
    const h = readHeader('LAST SEEN   TYPE      REASON         OBJECT            MESSAGE');
    expect(h).toEqual({ names: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], starts: [0, 12, 22, 37, 55], tabbed: false });
    expect(columnIndex(h, 'OBJECT')).toBe(3);
    expect(columnIndex(h, 'KIND', 'OBJECT')).toBe(3);
    expect(columnIndex(h, 'COUNT')).toBe(-1);
  });

  test('an indented describe header keeps its offsets', () => {
    expect(readHeader('  Type     Reason   Age').starts).toEqual([2, 11, 20]);
  });

  test('a tab-padded header (kubectl describe before ~1.5) is split at tabs', () => {
    expect(readHeader('  Type\t\t\tStatus\t\tLastHeartbeatTime')).toEqual({ names: ['Type', 'Status', 'LastHeartbeatTime'], starts: [], tabbed: true });
  });

  test('rules under describe headers', () => {
    expect(isRule('  ----     ------   ---')).toBe(true);
    expect(isRule('  ----\t\t\t------')).toBe(true);
    expect(isRule('  -1 (x2)')).toBe(false);
  });
});

describe('kubectl-table: rows', () => {
  const h = readHeader('LAST SEEN   TYPE      REASON         OBJECT            MESSAGE');
  test('cells are cut at the header offsets and trimmed; the last takes the rest', () => {
    expect(alignedCells(h, '31m         Normal    NodeNotReady   node/i-w0msdm7d   Node i-w0msdm7d  status   is now')).toEqual([
      '31m', 'Normal', 'NodeNotReady', 'node/i-w0msdm7d', 'Node i-w0msdm7d  status   is now',
    ]);
  });

  test('a short row has empty trailing cells', () => {
    expect(alignedCells(h, '31m         Normal')).toEqual(['31m', 'Normal', '', '', '']);
  });

  test('a row whose cell runs into the next column does not line up', () => {
    expect(alignedCells(h, '31m         Normal    NodeNotReadyAndMore node/x  msg')).toBeUndefined();
  });

  test('loose cells split at two or more spaces, the last taking the rest', () => {
    expect(looseCells(h, '53m  Warning  Unhealthy  pod/kube-apiserver-x  Liveness probe failed:  HTTP 500')).toEqual([
      '53m', 'Warning', 'Unhealthy', 'pod/kube-apiserver-x', 'Liveness probe failed:  HTTP 500',
    ]);
    expect(looseCells(h, 'one  two')).toEqual(['one', 'two']);
  });

  test('tabwriter counts runes: a cell with an astral character still lines up', () => {
    const wide = readHeader('NAME   MESSAGE');
    expect(alignedCells(wide, '😀a     hello')).toEqual(['😀a', 'hello']);
  });

  test('tabbed rows split at tabs, spaces before the tab dropped', () => {
    const t = readHeader('  Type\t\t\tStatus\t\tReason');
    expect(alignedCells(t, '  OutOfDisk \t\tUnknown \tNodeStatusUnknown')).toEqual(['OutOfDisk', 'Unknown', 'NodeStatusUnknown']);
    expect(alignedCells(t, '  Ready \t\tTrue')).toEqual(['Ready', 'True', '']);
  });
});

describe('kubectl-table: ages and sources', () => {
  test.each([
    ['5m', { age: '5m' }],
    ['2d3h', { age: '2d3h' }],
    ['3m20s', { age: '3m20s' }],
    ['<unknown>', { age: '<unknown>' }],
    ['<invalid>', { age: '<invalid>' }],
    ['54m (x2 over 54m)', { age: '54m', count: 2, firstAge: '54m' }],
    ['9h (x108 over 18h)', { age: '9h', count: 108, firstAge: '18h' }],
  ])('%s', (cell, age) => {
    expect(readAge(cell)).toEqual(age);
  });

  test.each(['', 'Normal', '5 m', 'Thu, 26 Mar 2015 15:39:53 -0700', '5m (x over 3m)'])('%j is no age', (cell) => {
    expect(readAge(cell)).toBeUndefined();
  });

  test.each([
    ['kubelet, node-b', { component: 'kubelet', instance: 'node-b' }],
    ['default-scheduler, default-scheduler-master', { component: 'default-scheduler', instance: 'default-scheduler-master' }],
    ['node-controller', { component: 'node-controller' }],
    ['{kubelet cloud}', { component: 'kubelet', instance: 'cloud' }],
    ['{default-scheduler }', { component: 'default-scheduler' }],
  ])('source %j', (cell, source) => {
    expect(readEventSource(cell)).toEqual(source);
  });

  test('an empty source is none', () => {
    expect(readEventSource('')).toBeUndefined();
  });
});
