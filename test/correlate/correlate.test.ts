// Findings at times in, roots out, like promtool's rule tests: a cause that starts after its
// symptom explains nothing.
import { describe, expect, test } from 'vitest';
import { correlate } from '../../src/correlate/correlate.js';
import type { Incident } from '../../src/match/incidents.js';
import type { Catalog, Pattern } from '../../src/match/pattern.js';
import { parseIso } from '../../src/model/time.js';

const pattern = (id: string, severity: Pattern['severity'] = 'critical'): Pattern => ({
  id, title: id, sources: ['catalog'], severity, summary: '', dir: '', file: '', signals: [], clears: [], checks: [],
  threshold: { count: 1, spanSec: 0 }, explains: [], playbook: [], fix: [], references: [],
});
const catalog: Catalog = {
  patterns: [pattern('kubelet-csr-forbidden'), pattern('node-stopped-posting-status', 'warning'), pattern('apiserver-unreachable')],
  matchers: [],
  links: [
    { cause: 'kubelet-csr-forbidden', symptom: 'node-stopped-posting-status', sameHost: true, withinSec: 1800 },
    { cause: 'apiserver-unreachable', symptom: 'node-stopped-posting-status', sameHost: true, withinSec: 1800 },
  ],
};
const inc = (patternId: string, host: string, hhmm: string | undefined): Incident => {
  const at = hhmm === undefined ? undefined : parseIso(`2024-04-01T${hhmm}:00Z`)?.at;
  return { patternId, host, components: [], onset: at, last: at, count: 1, resolution: { kind: 'active' }, evidence: [] };
};
const roots = (incidents: Incident[]) => correlate(catalog, incidents).filter((f) => f.rootCause).map((f) => f.pattern.id);

describe('correlate', () => {
  test('a cause on the same host before the symptom is the root; the symptom is not', () => {
    const ranked = correlate(catalog, [inc('node-stopped-posting-status', 'node-a', '09:40'), inc('kubelet-csr-forbidden', 'node-a', '09:39')]);
    expect(ranked.map((f) => [f.rank, f.pattern.id, f.rootCause])).toEqual([[1, 'kubelet-csr-forbidden', true], [2, 'node-stopped-posting-status', false]]);
    expect(ranked[1]?.causedBy[0]?.lagSec).toBe(60);
  });

  test('a "cause" that starts after the symptom explains nothing', () => {
    expect(roots([inc('node-stopped-posting-status', 'node-a', '09:40'), inc('kubelet-csr-forbidden', 'node-a', '09:41')]).sort()).toEqual(['kubelet-csr-forbidden', 'node-stopped-posting-status']);
  });

  test('a cause on another host explains nothing', () => {
    expect(roots([inc('node-stopped-posting-status', 'node-b', '09:40'), inc('kubelet-csr-forbidden', 'node-a', '09:39')])).toHaveLength(2);
  });

  test('outside the window explains nothing', () => {
    expect(roots([inc('node-stopped-posting-status', 'node-a', '10:40'), inc('kubelet-csr-forbidden', 'node-a', '09:39')])).toHaveLength(2);
  });

  test('the same symptom on two nodes with two different causes: each node gets its own cause', () => {
    const ranked = correlate(catalog, [
      inc('node-stopped-posting-status', 'node-a', '09:40'), inc('kubelet-csr-forbidden', 'node-a', '09:30'),
      inc('node-stopped-posting-status', 'node-b', '09:50'), inc('apiserver-unreachable', 'node-b', '09:45'),
    ]);
    const symptom = ranked.find((f) => f.pattern.id === 'node-stopped-posting-status');
    expect(symptom?.rootCause).toBe(false);
    expect(symptom?.causedBy.map((l) => [l.cause.patternId, l.cause.host]).sort()).toEqual([['apiserver-unreachable', 'node-b'], ['kubelet-csr-forbidden', 'node-a']]);
  });

  test('a symptom on a node no cause reaches stays a root', () => {
    const ranked = correlate(catalog, [inc('node-stopped-posting-status', 'node-a', '09:40'), inc('node-stopped-posting-status', 'node-c', '09:41'), inc('kubelet-csr-forbidden', 'node-a', '09:30')]);
    expect(ranked.find((f) => f.pattern.id === 'node-stopped-posting-status')?.rootCause).toBe(true);
  });
});
