// Shared phrasing for the text and Markdown renderers: the data decides, these only say it.
import type { FindingReport, LinkSummary, StepStatus } from '../diagnose/diagnosis.js';

export function lag(sec: number | null): string {
  if (sec === null) return 'order not timed';
  if (sec < 1) return 'at the same time';
  if (sec < 120) return `${Math.round(sec)} s`;
  if (sec < 7200) return `${Math.round(sec / 60)} min`;
  return `${Math.round(sec / 3600)} h`;
}

function linkText(l: LinkSummary, dir: 'later' | 'earlier'): string {
  const t = lag(l.lagSec);
  return `${l.pattern} on ${l.host}${l.lagSec === null || l.lagSec < 1 ? ` (${t})` : ` ${t} ${dir}`}`;
}

/** The one-sentence reasoning for a finding's rank. */
export function reasoning(f: FindingReport): string {
  if (f.rootCause) {
    const start = f.firstSeen === null ? '' : ` from ${f.firstSeen}`;
    if (f.explains.length === 0) return `Root cause: nothing in the bundle explains it${start}.`;
    return `Root cause${start}: caused ${f.explains.map((l) => linkText(l, 'later')).join('; ')}.`;
  }
  return `Symptom: caused by ${f.causedBy.map((l) => linkText(l, 'earlier')).join('; ')}.`;
}

export const STEP_MARK: Readonly<Record<StepStatus, string>> = {
  confirmed: 'confirmed',
  'ruled-out': 'ruled out',
  'not-determinable': 'not determinable from this bundle',
};
