const UNIT_SEC = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** `30m` → 1800. The schema admits only `<digits><unit>`. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(text);
  if (m === null) return undefined;
  return Number(m[1]) * UNIT_SEC[m[2] as keyof typeof UNIT_SEC];
}

/** 1800 → `30m`, for printing. */
export function formatDuration(sec: number): string {
  const s = Math.abs(sec);
  if (s < 1) return `${Math.round(sec * 1000)}ms`;
  if (s < 120) return `${Math.round(sec)}s`;
  if (s < 7200) return `${Math.round(sec / 60)}m`;
  if (s < 172_800) return `${Math.round(sec / 3600)}h`;
  return `${Math.round(sec / 86_400)}d`;
}
