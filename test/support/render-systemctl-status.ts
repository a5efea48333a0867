// A writer for the systemctl-status property tests: `systemctl status <unit>` as systemd's
// systemctl-show.c prints it (labels right-aligned; since v245 one column wider), then the
// unit's journal in journalctl's short format. Only tests use it.
import { civilFromDays, SEC_PER_DAY } from '../../src/model/time.js';

export interface StatusJournalLine {
  readonly month: number;
  readonly day: number;
  readonly secOfDay: number;
  readonly host: string;
  readonly ident: string;
  readonly pid: number;
  readonly message: string;
}

export interface UnitStatus {
  readonly unit: string;
  readonly description?: string;
  readonly unitFile: string;
  readonly unitFileState: string;
  readonly preset?: string;
  readonly dropInDir?: string;
  readonly dropIns: readonly string[];
  readonly active: string;
  readonly sub: string;
  readonly result?: string;
  /** Seconds since the epoch of the wall clock shown, and the zone name shown after it. */
  readonly since?: { readonly wallSec: number; readonly zone: string };
  readonly processes: readonly string[];
  readonly mainPid?: { readonly pid: number; readonly note: string };
  /** 'new': systemd ≥ 245 columns; 'old': before; 'none': a paste that lost the indentation. */
  readonly indent: 'new' | 'old' | 'none';
  /** A paste may lose the blank line before the journal. */
  readonly blankBeforeJournal: boolean;
  readonly journal: readonly StatusJournalLine[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed']; // 1970-01-01 was a Thursday
const p2 = (n: number): string => String(n).padStart(2, '0');
const clock = (sod: number): string => `${p2(Math.floor(sod / 3600))}:${p2(Math.floor((sod % 3600) / 60))}:${p2(sod % 60)}`;

export function formatSinceText(wallSec: number, zone: string): string {
  const days = Math.floor(wallSec / SEC_PER_DAY);
  const { year, month, day } = civilFromDays(days);
  const weekday = WEEKDAYS[((days % 7) + 7) % 7] ?? 'Mon';
  return `${weekday} ${year}-${p2(month)}-${p2(day)} ${clock(wallSec - days * SEC_PER_DAY)} ${zone}`;
}

export function formatJournalShort(j: StatusJournalLine): string {
  return `${MONTHS[j.month - 1]} ${p2(j.day)} ${clock(j.secOfDay)} ${j.host} ${j.ident}[${j.pid}]: ${j.message}`;
}

export function formatSystemctlStatus(u: UnitStatus): string[] {
  const width = u.indent === 'new' ? 12 : u.indent === 'old' ? 10 : 0;
  const prop = (label: string, value: string): string => `${`${label}:`.padStart(width)} ${value}`;
  const tree = (text: string): string => `${' '.repeat(width === 0 ? 0 : width + 1)}└─${text}`;
  const preset = u.preset === undefined ? '' : `; vendor preset: ${u.preset}`;
  const lines = [`● ${u.unit}${u.description === undefined ? '' : ` - ${u.description}`}`];
  lines.push(prop('Loaded', `loaded (${u.unitFile}; ${u.unitFileState}${preset})`));
  if (u.dropInDir !== undefined && u.dropIns.length > 0) {
    lines.push(prop('Drop-In', u.dropInDir), tree(u.dropIns.join(', ')));
  }
  const result = u.result === undefined ? '' : ` (Result: ${u.result})`;
  const since = u.since === undefined ? '' : ` since ${formatSinceText(u.since.wallSec, u.since.zone)}; 3s ago`;
  lines.push(prop('Active', `${u.active} (${u.sub})${result}${since}`));
  lines.push(prop('Docs', 'https://kubernetes.io/docs/home/'));
  for (const p of u.processes) lines.push(prop('Process', p));
  if (u.mainPid !== undefined) lines.push(prop('Main PID', `${u.mainPid.pid} (${u.mainPid.note})`));
  if (u.journal.length > 0) {
    if (u.blankBeforeJournal) lines.push('');
    lines.push(...u.journal.map(formatJournalShort));
  }
  return lines;
}
