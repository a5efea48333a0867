// A writer for the CRI property tests: container log lines as containerd and CRI-O write them,
// a long entry cut into `P` parts closed by an `F` part. Only tests use it.
import type { Instant } from '../../src/model/time.js';
import { formatRfc3339Nano } from './render-rfc3339nano.js';

export interface CriEntry {
  readonly at: Instant;
  readonly offsetMin: number;
  readonly stream: 'stdout' | 'stderr';
  /** The entry's text cut into parts; one part is a whole line. */
  readonly parts: readonly string[];
}

/** One line per part; every part but the last is tagged P. Each part is 1 ns later. */
export function formatCri(e: CriEntry): string[] {
  return e.parts.map((part, i) => {
    const at = { sec: e.at.sec + Math.floor((e.at.nsec + i) / 1e9), nsec: (e.at.nsec + i) % 1e9 };
    return `${formatRfc3339Nano(at, e.offsetMin)} ${e.stream} ${i === e.parts.length - 1 ? 'F' : 'P'} ${part}`;
  });
}
