// The gate's two ways to find literals agree: native search hopping between occurrences of a
// substring all literals share (the audit gate's `"code":`), and the Aho-Corasick automaton.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { commonAnchor, gateFromSpec } from '../../src/ingest/literal-gate.js';
import type { GateSpec } from '../../src/model/gate.js';

const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');

describe('common anchor', () => {
  test('the audit gate\'s literals share `"code":`; unrelated literals share nothing', () => {
    const a = commonAnchor(['"code": 401', '"code":403', '"code": 5'].map(bytes));
    expect(Buffer.from(a?.bytes ?? []).toString()).toBe('"code":');
    expect(a?.offsets).toEqual([0, 0, 0]);
    expect(commonAnchor(['failed to run Kubelet', 'certificate has expired'].map(bytes))).toBeUndefined();
    expect(commonAnchor([])).toBeUndefined();
  });

  test('the anchor is found at its first place in each literal', () => {
    const a = commonAnchor(['xxABCDyyABCD', 'ABCDz'].map(bytes));
    expect(Buffer.from(a?.bytes ?? []).toString()).toBe('ABCD');
    expect(a?.offsets).toEqual([2, 0]);
  });
});

// Literals that share an anchor, and the same plus one that never occurs and shares nothing,
// which forces the automaton: both gates must pick the same lines.
const LITERALS = ['"code": 401', '"code":403', '"code": 5', 'x"code":9y'];
const UNSHARED = '\u0001\u0002\u0003\u0004';

const textArb = fc
  .array(fc.oneof(fc.constantFrom(...LITERALS, '"code":', '"code": 4', '\n', '\n', 'a', ' ', '"cod', 'e":', 'x', 'y', '9'), fc.string({ maxLength: 6 })), { maxLength: 80 })
  .map((parts) => parts.join(''));

test('anchored search and the automaton pick the same candidate lines, for any text and bounds', () => {
  const verifyArb = fc.array(fc.constantFrom([] as string[], ['^a'], ['y$'], ['401']), { minLength: LITERALS.length, maxLength: LITERALS.length });
  fc.assert(
    fc.property(textArb, verifyArb, fc.nat(), fc.nat(), (text, verify, a, b) => {
      const anchored: GateSpec = { literals: LITERALS, verify, residual: [] };
      const forced: GateSpec = { literals: [...LITERALS, UNSHARED], verify: [...verify, []], residual: [] };
      const buf = Buffer.from(text, 'latin1');
      const from = Math.min(a, b) % (buf.length + 1);
      const to = from + ((Math.max(a, b) - Math.min(a, b)) % (buf.length - from + 1));
      expect(gateFromSpec(anchored).candidates(buf, from, to)).toEqual(gateFromSpec(forced).candidates(buf, from, to));
    }),
    { numRuns: 2000 },
  );
});
