// The eight syslog levels of <syslog.h> (RFC 5424 §6.2.1), as a `<PRI>` carries them (PRI % 8)
// and as journald stores them in PRIORITY= ("3" for LOG_ERR):
//   <165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.
//   (RFC 5424 §6.5 example 2: 165 = facility 20 × 8 + level 5, notice)
import type { Severity } from '../model/event.js';

// emerg, alert and crit all mean "critical" to us; the model has no finer step above error.
const BY_LEVEL: readonly Severity[] = ['critical', 'critical', 'critical', 'error', 'warning', 'notice', 'info', 'debug'];

/** Severity of syslog level 0–7; anything else is 'unknown'. */
export function severityOfLevel(level: number): Severity {
  return BY_LEVEL[level] ?? 'unknown';
}

/** Facility and level of a `<PRI>` value, or undefined outside 0–191 (RFC 5424 §6.2.1). */
export function splitPri(pri: number): { readonly facility: number; readonly level: number } | undefined {
  if (!Number.isInteger(pri) || pri < 0 || pri > 191) return undefined;
  return { facility: pri >> 3, level: pri & 7 };
}
