import { describe, expect, test } from 'vitest';
import { civilToInstant } from '../../src/model/time.js';
import { stampFromComment, stampFromFileName } from '../../src/parse/prom-time.js';

const T = civilToInstant(2024, 4, 1, 12 * 3600 + 13 * 60 + 41);

describe('prom-time: the time in a file name', () => {
  test.each([
    ['node-a/metrics-20240401T121341Z.txt', { kind: 'utc', at: T, precision: 's' }],
    ['node-a/kubelet-metrics-2024-04-01T12-13-41Z.prom', { kind: 'utc', at: T, precision: 's' }],
    ['1711973621.prom', { kind: 'utc', at: T, precision: 's' }],
    ['apiserver-1711973621801.prom', { kind: 'utc', at: { sec: T.sec, nsec: 801_000_000 }, precision: 'ms' }],
    ['metrics-2024-04-01T12:13:41.801Z.txt', { kind: 'utc', at: { sec: T.sec, nsec: 801_000_000 }, precision: 'ms' }],
    ['metrics-20240401T191341+0700.txt', { kind: 'utc', at: T, precision: 's' }],
    ['metrics_2024-04-01_12-13-41.txt', { kind: 'wall', at: T, precision: 's' }],
  ])('%s', (path, stamp) => {
    expect(stampFromFileName(path)).toEqual(stamp);
  });

  test.each(['metrics.txt', 'kubelet/metrics', 'metrics-2024-04-01.txt', '2024-04-01T12-13-41Z/metrics.txt', 'metrics-20241301T121341Z.txt', 'pod-123456789.txt'])('%s has none', (path) => {
    expect(stampFromFileName(path)).toEqual({ kind: 'none' });
  });
});

describe('prom-time: the time in a comment at the top', () => {
  test.each([
    ['# timestamp: 2024-04-01T12:13:41Z', { kind: 'utc', at: T, precision: 's' }],
    ['# scraped at 2024-04-01T19:13:41.5+07:00', { kind: 'utc', at: { sec: T.sec, nsec: 500_000_000 }, precision: 'ms' }],
    ['# scraped at Mon Apr  1 12:13:41 UTC 2024', { kind: 'utc', at: T, precision: 's' }],
    ['# scraped at Mon Apr  1 12:13:41 CEST 2024', { kind: 'wall', at: T, precision: 's' }],
    ['# timestamp: Mon, 01 Apr 2024 12:13:41 +0000', { kind: 'utc', at: T, precision: 's' }],
    ['# Timestamp=1711973621', { kind: 'utc', at: T, precision: 's' }],
    ['# scrape time: 1711973621.25', { kind: 'utc', at: { sec: T.sec, nsec: 250_000_000 }, precision: 'ms' }],
    ['#timestamp 2024-04-01 12:13:41', { kind: 'wall', at: T, precision: 's' }],
  ])('%s', (line, stamp) => {
    expect(stampFromComment(line)).toEqual(stamp);
  });

  test.each(['# HELP go_goroutines Number of goroutines that currently exist.', '# TYPE go_goroutines gauge', '# timestamp: soon', 'timestamp: 2024-04-01T12:13:41Z'])('%j states no time', (line) => {
    expect(stampFromComment(line)).toBeUndefined();
  });
});
