// The gate's two ways to find literals agree: one regex of all the literals, used when they share
// a long substring (the audit gate's `"code":`), and the Aho-Corasick automaton.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { commonAnchor, gateFromSpec } from '../../src/ingest/literal-gate.js';
import type { GateSpec } from '../../src/model/gate.js';

const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');

describe('common anchor', () => {
  test('the audit gate\'s literals share `"code":`; unrelated literals share nothing', () => {
    const a = commonAnchor(['"code": 401', '"code":403', '"code": 5'].map(bytes));
    expect(a?.toString()).toBe('"code":');
    expect(commonAnchor(['failed to run Kubelet', 'certificate has expired'].map(bytes))).toBeUndefined();
    expect(commonAnchor([])).toBeUndefined();
  });

  test('the shared substring may sit anywhere in each literal; shorter than 4 bytes does not count', () => {
    expect(commonAnchor(['xxABCDyyABCD', 'ABCDz'].map(bytes))?.toString()).toBe('ABCD');
    expect(commonAnchor(['xxABCyy', 'ABCz'].map(bytes))).toBeUndefined();
  });
});

// Literals that share an anchor, and the same plus one that never occurs and shares nothing,
// which forces the automaton: both gates must pick the same lines.
// One literal is a prefix of another (both must be tried where they start), one is not ASCII (the
// text holds its UTF-8 bytes, read here as latin1).
const LITERALS = ['"code": 401', '"code":403', '"code":40', '"code": 5', 'x"code":9y', '"code":é'];
const UNSHARED = '\u0001\u0002\u0003\u0004';

const textArb = fc
  .array(fc.oneof(fc.constantFrom(...LITERALS.filter((l) => l.endsWith('é') === false), '"code":\u00c3\u00a9', '"code":\u00c3', '"code":', '"code": 4', '\n', '\n', 'a', ' ', '"cod', 'e":', 'x', 'y', '9'), fc.string({ maxLength: 6 })), { maxLength: 80 })
  .map((parts) => parts.join(''));

test('the literals as one regex and the automaton pick the same candidate lines, for any text and bounds', () => {
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

test('the same over texts of many 32 KiB regex windows, with lines longer than a window', () => {
  // Pieces of the text above between runs of filler, some with no newline for over 32 KiB.
  const longArb = fc
    .array(fc.tuple(textArb, fc.nat({ max: 40_000 }), fc.boolean()), { minLength: 2, maxLength: 8 })
    .map((parts) => parts.map(([t, n, nl]) => t + 'z'.repeat(n) + (nl ? '\n' : '')).join(''));
  const anchored: GateSpec = { literals: LITERALS, verify: LITERALS.map(() => []), residual: [] };
  const forced: GateSpec = { literals: [...LITERALS, UNSHARED], verify: [...LITERALS.map(() => []), []], residual: [] };
  const [regexGate, automatonGate] = [gateFromSpec(anchored), gateFromSpec(forced)];
  fc.assert(
    fc.property(longArb, fc.nat(), (text, a) => {
      const buf = Buffer.from(text, 'latin1');
      const from = a % (buf.length + 1);
      const found = regexGate.candidates(buf, from, buf.length);
      expect(found).toEqual(automatonGate.candidates(buf, from, buf.length));
    }),
    { numRuns: 150 },
  );
});
