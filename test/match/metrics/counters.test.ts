import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluateCondition } from '../../../src/match/metrics/conditions.js';
import { counterIncrease, counterResets, valuesAt } from '../../../src/match/metrics/counters.js';
import { matcherOf, snapshots } from './notation.js';

describe('counterIncrease: Prometheus increase() between snapshots, without extrapolation', () => {
  test.each([
    ['steady rise', [5, 9, 12], 7, 0],
    ['a drop is a reset: the new value counts from zero (5 → 9 → 2 → 4 is 4 + 2 + 2)', [5, 9, 2, 4], 8, 1],
    ['reset to zero', [100, 0, 3], 3, 1],
    ['two resets', [10, 2, 1, 7], 2 + 1 + 6, 2],
    ['flat', [3, 3, 3], 0, 0],
    ['one snapshot: nothing between', [42], 0, 0],
  ])('%s', (_name, values, increase, resets) => {
    expect(counterIncrease(values, 0, values.length - 1)).toBe(increase);
    expect(counterResets(values, 0, values.length - 1)).toBe(resets);
  });

  test('between inner positions only the steps inside count', () => {
    expect(counterIncrease([1, 5, 2, 9, 10], 1, 3)).toBe(2 + 7);
  });

  test('a series missing from a snapshot reads 0 there: created at its first increment, dropped by a restart', () => {
    const points = [
      { snapshot: 1, value: 7, source: { path: 'b', line: 1 } },
      { snapshot: 3, value: 2, source: { path: 'd', line: 1 } },
    ];
    expect(valuesAt(points, [0, 1, 2, 3])).toEqual([0, 7, 0, 2]);
    expect(counterIncrease(valuesAt(points, [0, 1, 2, 3]), 0, 3)).toBe(9);
  });
});

/** A counter's life: increments between snapshots, some of them after a restart. */
const counterLife = fc.array(fc.record({ inc: fc.nat({ max: 1_000_000 }), restart: fc.boolean()}), { minLength: 1, maxLength: 30 });

/**
 * Scrape values and the true increase. At a restart the process counts from zero again, and the
 * scrape sees only what it counted since: a value below the last one (else no scrape could tell a
 * restart happened, in Prometheus either), so it is drawn below the previous value.
 */
function scrape(start: number, life: readonly { inc: number; restart: boolean }[]): { values: number[]; trueIncrease: number } {
  const values = [start];
  let trueIncrease = 0;
  for (const step of life) {
    const prev = values[values.length - 1] as number;
    if (step.restart && prev > 0) {
      const since = step.inc % prev;
      values.push(since);
      trueIncrease += since;
    } else {
      values.push(prev + step.inc);
      trueIncrease += step.inc;
    }
  }
  return { values, trueIncrease };
}

describe('property: for counter series with random resets, the computed increase is the true increase', () => {
  test('counterIncrease', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), counterLife, (start, life) => {
        const { values, trueIncrease } = scrape(start, life);
        expect(counterIncrease(values, 0, values.length - 1)).toBe(trueIncrease);
      }),
    );
  });

  test('through snapshots, series and an increase condition (figure over first to last snapshot)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), counterLife, (start, life) => {
        const { values, trueIncrease } = scrape(start, life);
        const times = values.map((_, i) => `12:${String(i).padStart(2, '0')}`);
        const t = snapshots(times, { get_token_fail_count: values.join(' ') });
        const condition = { aggregate: { kind: 'increase', select: { name: 'get_token_fail_count', matchers: [] } }, compare: '>=', threshold: 0 } as const;
        const hit = evaluateCondition(matcherOf(condition), condition, t);
        expect(hit?.figure).toBe(trueIncrease);
        expect(hit?.basis).toEqual({ kind: 'window', from: 0, to: values.length - 1 });
      }),
      { numRuns: 60 },
    );
  });
});
