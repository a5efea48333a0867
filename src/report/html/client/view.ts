// The picture's time window and the arithmetic of zooming and panning it. Milliseconds since
// the epoch, UTC; pure functions, so the page's controls only decide which one to call.

export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

/** The narrowest window: a tenth of a second, enough to tell apart lines 0.11 s apart. */
export const MIN_WIDTH_MS = 100;

/** `[start, end]` with room on both sides: a share of its width, at least `minPadMs`. */
export function padded(start: number, end: number, share = 0.06, minPadMs = 5_000): TimeWindow {
  const pad = Math.max((end - start) * share, minPadMs);
  return { start: start - pad, end: end + pad };
}

/** Keeps a window inside the extent (moving it, not shrinking it, where it fits). */
export function clamp(w: TimeWindow, extent: TimeWindow): TimeWindow {
  const width = Math.min(Math.max(w.end - w.start, MIN_WIDTH_MS), extent.end - extent.start);
  let start = Math.max(w.start, extent.start);
  if (start + width > extent.end) start = extent.end - width;
  return { start, end: start + width };
}

/** Scales the window by `factor` (below 1 zooms in) around the instant `at`. */
export function zoom(w: TimeWindow, factor: number, at = (w.start + w.end) / 2): TimeWindow {
  return { start: at - (at - w.start) * factor, end: at + (w.end - at) * factor };
}

/** Moves the window by a share of its width (negative: back in time). */
export function pan(w: TimeWindow, share: number): TimeWindow {
  const d = (w.end - w.start) * share;
  return { start: w.start + d, end: w.end + d };
}

/** `12:13:40.794Z` style: what a window's ends read like, at a precision its width needs. */
export function describe(w: TimeWindow): string {
  const iso = (ms: number): string => new Date(ms).toISOString();
  const width = w.end - w.start;
  const cut = (s: string): string => (width < 10_000 ? s : s.replace(/\.\d{3}Z$/, 'Z'));
  const seconds = width / 1000;
  const span = seconds < 120 ? `${seconds.toFixed(seconds < 10 ? 2 : 0)} s` : seconds < 7200 ? `${Math.round(seconds / 60)} min` : seconds < 172_800 ? `${Math.round(seconds / 3600)} h` : `${Math.round(seconds / 86_400)} d`;
  return `${cut(iso(w.start))} to ${cut(iso(w.end))} (${span})`;
}

/** Tick labels in UTC at the precision the window needs (Plot's default would add AM/PM). */
export function tickFormat(w: TimeWindow): (d: Date) => string {
  const width = w.end - w.start;
  const iso = (d: Date): string => d.toISOString();
  if (width < 10_000) return (d) => iso(d).slice(11, 23);
  if (width < 600_000) return (d) => iso(d).slice(11, 19);
  if (width < 2 * 86_400_000) return (d) => iso(d).slice(11, 16);
  return (d) => `${iso(d).slice(5, 10)} ${iso(d).slice(11, 16)}`;
}
