// The timeline picture mounted in #kf-picture: toolbar, lanes, metric charts, legend; the window
// it shows (the incident window first), and drawing again when the window, the width or the
// colours change. Returns how to show some spans, for the findings' "Show in timeline" buttons.
import type { PictureData, PictureSpan } from '../picture-types.js';
import { installHatches, readPalette } from './colors.js';
import { button, element } from './dom.js';
import { attachGestures } from './gestures.js';
import { legend } from './legend.js';
import { drawLanes, drawSeries, frameFor } from './picture.js';
import { hideTip } from './tooltip.js';
import { clamp, describe, padded, pan, zoom, type TimeWindow } from './view.js';

const ms = (t: string): number => Date.parse(t);

/** The window around some spans: their first start to their last end, with room. */
function around(spans: readonly PictureSpan[]): TimeWindow | null {
  if (spans.length === 0) return null;
  return padded(Math.min(...spans.map((s) => ms(s.start))), Math.max(...spans.map((s) => ms(s.end))));
}

/** Everything the picture could show: every time it holds and the bundle's range. */
function extentOf(data: PictureData, incidents: TimeWindow): TimeWindow {
  const times = [
    ...data.marks.map((m) => ms(m.time)),
    ...data.series.flatMap((s) => s.points.map(([t]) => ms(t))),
    ...[data.range.start, data.range.end].filter((t): t is string => t !== null).map(ms),
  ].filter((t) => Number.isFinite(t));
  const all = padded(Math.min(incidents.start, ...times), Math.max(incidents.end, ...times), 0.02, 1_000);
  return { start: Math.min(all.start, incidents.start), end: Math.max(all.end, incidents.end) };
}

export type ShowSpans = (spans: readonly PictureSpan[]) => void;

export function mountTimeline(root: HTMLElement, data: PictureData): ShowSpans | null {
  const incidents = around(data.spans);
  if (incidents === null) {
    root.append(element('p', 'note', data.untimed > 0 ? 'No incident carries a time, so there is nothing to draw; see the tables.' : 'No incident to draw.'));
    root.dataset['ready'] = 'true';
    return null;
  }
  const extent = extentOf(data, incidents);
  let view = clamp(incidents, extent);
  let palette = readPalette();
  installHatches(palette);

  const status = element('output', '');
  status.setAttribute('aria-live', 'polite');
  const area = element('div', 'plot-area');
  area.tabIndex = 0;
  area.setAttribute('role', 'group');
  area.setAttribute('aria-label', 'Timeline picture. Keys: + and - zoom, left and right arrows pan, 0 shows the incident window. Tab reaches each span and evidence mark.');
  const metrics = element('div', 'metrics');

  const render = (): void => {
    // Drawing replaces every element: keep keyboard focus on the same span or mark.
    const key = document.activeElement?.getAttribute('data-kf-key') ?? null;
    hideTip();
    const frame = frameFor(data, root.clientWidth);
    area.replaceChildren(drawLanes(data, view, frame, palette));
    metrics.replaceChildren(
      ...data.series.flatMap((s) => [element('h4', '', s.title), drawSeries(s, data.spans.filter((x) => x.finding === s.finding), view, frame, palette)]),
    );
    status.textContent = `Window: ${describe(view)}`;
    root.dataset['windowStart'] = new Date(view.start).toISOString();
    root.dataset['windowEnd'] = new Date(view.end).toISOString();
    root.dataset['ready'] = 'true';
    const again = key === null ? null : area.querySelector(`[data-kf-key="${key}"]`);
    if (again instanceof SVGElement) again.focus({ preventScroll: true });
  };
  const show = (w: TimeWindow): void => {
    view = clamp(w, extent);
    render();
  };

  const toolbar = element('div', 'toolbar');
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Timeline window');
  toolbar.append(
    button('+', 'Zoom in', () => show(zoom(view, 0.5))),
    button('−', 'Zoom out', () => show(zoom(view, 2))),
    button('◀', 'Pan earlier', () => show(pan(view, -0.25))),
    button('▶', 'Pan later', () => show(pan(view, 0.25))),
    button('Incident window', 'Show the incident window', () => show(incidents)),
    button('Whole bundle', 'Show the whole bundle time range', () => show(extent)),
    status,
  );
  attachGestures(area, {
    current: () => view,
    show,
    home: () => incidents,
    scale: () => {
      const f = frameFor(data, root.clientWidth);
      return { msPerPx: (view.end - view.start) / Math.max(1, f.width - f.marginLeft - f.marginRight), plotLeftPx: f.marginLeft };
    },
  });

  root.append(toolbar, area, metrics, ...legend(data.untimed));
  render();

  let lastWidth = root.clientWidth;
  new ResizeObserver(() => {
    if (root.clientWidth === lastWidth) return;
    lastWidth = root.clientWidth;
    render();
  }).observe(root);
  // Colours come from the stylesheet: draw again when it changes (system dark mode, printing).
  const repaint = (): void => {
    palette = readPalette();
    installHatches(palette);
    render();
  };
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', repaint);
  matchMedia('print').addEventListener('change', repaint);
  addEventListener('beforeprint', repaint);
  addEventListener('afterprint', repaint);

  return (spans) => {
    const w = around(spans);
    if (w !== null) show(w);
    document.getElementById('timeline')?.scrollIntoView({ block: 'start' });
    area.focus({ preventScroll: true });
  };
}
