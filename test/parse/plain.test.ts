import { describe, expect, test } from 'vitest';
import { plain } from '../../src/parse/plain.js';
import { excerptLines, recordsOf, runLines } from '../support/run-parser.js';

const at = { path: 'node-a/kubelet.cat.txt', line: 1 };

describe('plain', () => {
  test('reads the header comment sample (journalctl -o cat)', () => {
    expect(plain.parseLine('Started kubelet: The Kubernetes Node Agent.', at)).toEqual({
      kind: 'record',
      record: { kind: 'log', stamp: { kind: 'none' }, severity: 'unknown', message: 'Started kubelet: The Kubernetes Node Agent.', fields: {}, source: at },
    });
  });

  test('journalctl-u-kubelet-paste.txt: every line kept verbatim, nothing claimed from the text', () => {
    const lines = excerptLines('plain', 'journalctl-u-kubelet-paste.txt');
    const recs = recordsOf(runLines(plain, 'p.txt', lines));
    expect(recs.map((r) => r.message)).toEqual(lines);
    for (const r of recs) {
      expect(r.stamp).toEqual({ kind: 'none' });
      expect([r.host, r.component, r.pid]).toEqual([undefined, undefined, undefined]);
    }
  });

  test.each([[''], ['   '], ['\t'], ['\u00a0']])('blank line %j is an intentional skip', (line) => {
    expect(plain.parseLine(line, at)).toEqual({ kind: 'skip', reason: 'blank line', intentional: true });
  });

  test('does not continue other lines: each line stands alone', () => {
    expect(plain.continuation).toBe(false);
  });
});
