// How much V8 lets old space grow past what was live after the last full GC: up to 4x by default.
// One analysis of one input keeps little (capped hits and counters, about 20 MB) but promotes a
// steady trickle of hits that die later, so with the default its heap grew with the input, to
// 130 MB at 2 GiB. At 1.3x, like GOGC, peak memory stays flat for a few more full GCs of a small
// heap (about 0.3 s over a 2 GiB journal). Not for batch or serve: their workers allocate much
// more per byte, and there the extra full GCs cost a quarter of a batch's time.
import { setFlagsFromString } from 'node:v8';

/** For analyze and timeline: read by V8 at each GC, so setting it as the command starts is enough. */
export function boundHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=30');
}

/**
 * For batch, before its workers start (V8 reads it as each isolate's heap is set up). A worker
 * keeps a bundle's hits and candidate lines until the bundle is done, so they are promoted and
 * then die together; V8 sized old space to the ~10 MB that stays live and ran a full GC every
 * second bundle or so. From 128 MB a full GC is rare: the warm per-bundle time fell by a quarter.
 */
export function roomyWorkerHeaps(): void {
  setFlagsFromString('--initial-heap-size=128');
}
