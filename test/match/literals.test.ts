import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { requiredLiterals } from '../../src/match/literals.js';
import { BUILTIN_PATTERNS, loadCatalog } from '../../src/match/catalog.js';

describe('requiredLiterals', () => {
  test.each([
    ['Failed to ensure (?:node )?lease exists, will retry', ['lease exists, will retry']],
    ['[Ff]ailed to ensure lease', ['ailed to ensure lease']],
    ['PLEG is not healthy: pleg (?:was last seen active (?<inactive>[0-9hms.]+) ago; threshold is|has yet to be successful)', ['PLEG is not healthy: pleg ']],
    ['dial tcp [^ ]+: (?:connect: connection refused|i/o timeout)', ['connect: connection refused', 'i/o timeout']],
    ['x509: certificate signed by unknown authority', ['x509: certificate signed by unknown authority']],
    ['a|bc', undefined],
    ['User \\\\?"system:anonymous\\\\?"', ['"system:anonymous']],
    ['Waited for [0-9][0-9.hmns]* due to client-side throttling', [' due to client-side throttling']],
  ])('%s', (src, want) => {
    expect(requiredLiterals(src)).toEqual(want);
  });

  test('for every catalog regex, a line it matches contains one of its literals (property over fixtures)', () => {
    const catalog = loadCatalog(BUILTIN_PATTERNS());
    for (const m of catalog.matchers) {
      if (m.test.kind !== 'log') continue;
      const lits = requiredLiterals(m.test.message.source);
      if (lits === undefined) continue;
      // Strings built from the regex's own pieces: whatever matches must contain a literal.
      fc.assert(
        fc.property(fc.stringMatching(m.test.message), (s) => {
          expect(lits.some((l) => s.includes(l)), `${m.patternId}/${m.id}: ${s}`).toBe(true);
        }),
        { numRuns: 30 },
      );
    }
  });
});
