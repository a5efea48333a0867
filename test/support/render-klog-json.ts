// A writer for the klog-json property tests: one line as component-base logs/json (zap's JSON
// encoder through zapr) writes it, `ts` first in float milliseconds. Only tests use it.

export interface KlogJsonParts {
  readonly sec: number;
  readonly ms: number;
  /** Digits after the millisecond point, as zap's shortest float formatting leaves them. */
  readonly frac: string;
  readonly caller?: string;
  readonly msg: string;
  /** Present on Info lines only (zapr's LogInfoLevel("v")). */
  readonly v?: number;
  readonly err?: string;
  readonly extra: readonly (readonly [string, string | number | boolean | readonly unknown[] | Record<string, unknown>])[];
}

// zap's encoder escapes as Go's encoding/json does not, but both emit valid JSON; mirror the
// HTML-safe escapes so the parser sees what the kubelet writes.
function goJson(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatKlogJson(p: KlogJsonParts): string {
  const ts = `${p.sec * 1000 + p.ms}${p.frac === '' ? '' : `.${p.frac}`}`;
  const parts = [`"ts":${ts}`];
  if (p.caller !== undefined) parts.push(`"caller":${goJson(p.caller)}`);
  parts.push(`"msg":${goJson(p.msg)}`);
  if (p.v !== undefined) parts.push(`"v":${p.v}`);
  for (const [k, v] of p.extra) parts.push(`${goJson(k)}:${goJson(v)}`);
  if (p.err !== undefined) parts.push(`"err":${goJson(p.err)}`);
  return `{${parts.join(',')}}`;
}
