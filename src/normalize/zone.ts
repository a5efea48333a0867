// The zone a wall-clock time was written in: `--tz` (IANA name or fixed offset), else UTC,
// and in that case the time is marked as having an assumed zone.

export interface Zone {
  readonly name: string;
  /** UTC seconds for a wall-clock time read as if it were UTC. */
  wallToUtc(wallSec: number): number;
}

export const UTC_ZONE: Zone = { name: 'UTC', wallToUtc: (s) => s };

const OFFSET = /^(?:UTC|GMT)?([+-])(\d\d):?(\d\d)$/;

/** `UTC`, `+07:00`, `-0500`, `Asia/Bangkok`; undefined when Intl does not know the zone. */
export function parseZone(spec: string): Zone | undefined {
  if (/^(?:UTC|GMT|Z)$/i.test(spec)) return UTC_ZONE;
  const m = OFFSET.exec(spec);
  if (m !== null) {
    const off = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
    return { name: spec, wallToUtc: (s) => s - off };
  }
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: spec, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    return undefined;
  }
  const cache = new Map<number, number>();
  // Offset in force at a UTC instant, cached per hour: zones change offset on hour boundaries.
  const offsetAt = (utcSec: number): number => {
    const hour = Math.floor(utcSec / 3600);
    const hit = cache.get(hour);
    if (hit !== undefined) return hit;
    const parts = Object.fromEntries(fmt.formatToParts(new Date(hour * 3600_000)).map((p) => [p.type, p.value]));
    const wall = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second'])) / 1000;
    const off = wall - hour * 3600;
    if (cache.size > 10_000) cache.clear();
    cache.set(hour, off);
    return off;
  };
  return {
    name: spec,
    wallToUtc(wallSec) {
      const guess = wallSec - offsetAt(wallSec);
      return wallSec - offsetAt(guess);
    },
  };
}
