// The one-pass literal finder agrees with asking `includes` of every literal: it decides which
// matchers' regexes run on a record, so a literal it missed would be a hit the catalog lost.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MessageLiterals } from '../../src/match/message-literals.js';

/** Ids the finder reports, one by one, for `message`. */
function foundBy(index: MessageLiterals, literals: readonly string[], message: string): boolean[] {
  index.find(message);
  return literals.map((l) => index.hasAny([index.idOf(l)]));
}

describe('message literals', () => {
  test('overlapping literals, a literal inside another, one at the very start and end', () => {
    const literals = ['dial tcp', 'tcp', 'connection refused', 'refused', 'ab', 'b'];
    const index = new MessageLiterals(literals);
    expect(foundBy(index, literals, 'dial tcp 10.0.0.1:6443: connect: connection refused')).toEqual([true, true, true, true, false, false]);
    expect(foundBy(index, literals, 'ab')).toEqual([false, false, false, false, true, true]);
    expect(foundBy(index, literals, 'nothing here')).toEqual([false, false, false, false, false, false]);
  });

  test('results do not leak from one message to the next', () => {
    const index = new MessageLiterals(['x509', 'timeout']);
    index.find('x509: certificate signed by unknown authority');
    expect(index.hasAny([index.idOf('x509')])).toBe(true);
    index.find('i/o timeout');
    expect(index.hasAny([index.idOf('x509')])).toBe(false);
    expect(index.hasAny([index.idOf('x509'), index.idOf('timeout')])).toBe(true);
  });

  test('non-ASCII: latin1-range and wider literals, and wide characters in the message', () => {
    const literals = ['café', '→ failed', '节点', ''];
    const index = new MessageLiterals(literals);
    expect(foundBy(index, literals, 'le café → failed sur 节点 7')).toEqual([true, true, true, true]);
    expect(foundBy(index, literals, 'cafe -> failed, 节 点')).toEqual([false, false, false, true]);
  });

  test('for any literals and message, the same as includes', () => {
    // A small alphabet makes overlaps and near misses common; a wide character and é are in it.
    const char = fc.constantFrom('a', 'b', 'c', ' ', ':', 'é', '节');
    const text = (max: number) => fc.array(char, { maxLength: max }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(text(5), { minLength: 1, maxLength: 12 }), fc.array(text(40), { minLength: 1, maxLength: 4 }), (literals, messages) => {
        const index = new MessageLiterals(literals);
        for (const m of messages) expect(foundBy(index, literals, m)).toEqual(literals.map((l) => m.includes(l)));
      }),
      { numRuns: 500 },
    );
  });
});
