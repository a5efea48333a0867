import type { Explains } from './pattern.js';

/** A cycle in the cause→symptom graph, as the ids along it, or undefined when there is none. */
export function findCycle(links: readonly Explains[]): string[] | undefined {
  const next = new Map<string, string[]>();
  for (const l of links) next.set(l.cause, [...(next.get(l.cause) ?? []), l.symptom]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const m of next.get(n) ?? []) {
      const c = visit(m);
      if (c !== undefined) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of [...next.keys()].sort()) {
    const c = visit(n);
    if (c !== undefined) return c;
  }
  return undefined;
}
