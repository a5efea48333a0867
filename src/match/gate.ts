// One alternation over every log matcher's message regex, named groups made plain: the gate
// only says "maybe here"; the full matcher runs later on the parsed message.
import type { LineGate } from '../model/gate.js';
import type { Catalog } from './pattern.js';

export interface GateOptions {
  /** Lines are JSON (klog-json, docker-json, journal-json): a `"` in a regex may appear as `\"`. */
  readonly jsonEscaped: boolean;
}

/** The regex sources of all log matchers, for the gate and for `patterns export`. */
export function logRegexSources(catalog: Catalog): string[] {
  const out: string[] = [];
  for (const m of catalog.matchers) if (m.test.kind === 'log') out.push(m.test.message.source);
  return [...new Set(out)];
}

export function plainGroups(source: string): string {
  return source.replace(/\(\?<[A-Za-z_]\w*>/g, '(');
}

export function buildGate(catalog: Catalog, opts: GateOptions): LineGate {
  const sources = logRegexSources(catalog).map((s) => {
    const plain = plainGroups(s);
    return opts.jsonEscaped ? plain.replace(/(^|[^\\])"/g, '$1\\\\?"') : plain;
  });
  if (sources.length === 0) return { candidates: () => [] };
  const any = new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'g');
  return {
    *candidates(chunk: string) {
      any.lastIndex = 0;
      for (let m = any.exec(chunk); m !== null; m = any.exec(chunk)) {
        yield chunk.lastIndexOf('\n', m.index) + 1;
        const eol = chunk.indexOf('\n', m.index);
        if (eol < 0) return;
        any.lastIndex = eol + 1; // one hit per line is enough
      }
    },
  };
}
