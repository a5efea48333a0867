// Zoom and pan by keyboard (on the focused picture), drag, and Ctrl+wheel. The gestures only
// compute the window asked for; the timeline clamps and draws it.
import { pan, zoom, type TimeWindow } from './view.js';

export interface Viewport {
  /** The window drawn now. */
  current(): TimeWindow;
  /** Milliseconds per pixel of the plot, and the plot's left edge in the drawing. */
  scale(): { readonly msPerPx: number; readonly plotLeftPx: number };
  show(w: TimeWindow): void;
  home(): TimeWindow;
}

export function attachGestures(area: HTMLElement, v: Viewport): void {
  area.addEventListener('keydown', (e) => {
    const w = v.current();
    const actions: Readonly<Record<string, () => TimeWindow>> = {
      '+': () => zoom(w, 0.5),
      '=': () => zoom(w, 0.5),
      '-': () => zoom(w, 2),
      ArrowLeft: () => pan(w, -0.1),
      ArrowRight: () => pan(w, 0.1),
      '0': v.home,
      Home: v.home,
    };
    const act = actions[e.key];
    if (act === undefined) return;
    e.preventDefault();
    v.show(act());
  });

  // Drag to pan: the instant under the pointer stays under it.
  let drag: { x: number; from: TimeWindow; moved: boolean } | null = null;
  let dragged = false;
  area.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, from: v.current(), moved: false };
    dragged = false;
  });
  area.addEventListener('pointermove', (e) => {
    if (drag === null) return;
    const dx = e.clientX - drag.x;
    if (!drag.moved && Math.abs(dx) < 4) return;
    if (!drag.moved) {
      drag.moved = dragged = true;
      area.setPointerCapture(e.pointerId);
      area.classList.add('dragging');
    }
    const shift = -dx * v.scale().msPerPx;
    v.show({ start: drag.from.start + shift, end: drag.from.end + shift });
  });
  const endDrag = (): void => {
    drag = null;
    area.classList.remove('dragging');
  };
  area.addEventListener('pointerup', endDrag);
  area.addEventListener('pointercancel', endDrag);
  // A drag ends with a click on whatever is under the pointer: that click is not a choice.
  area.addEventListener(
    'click',
    (e) => {
      if (dragged) e.stopPropagation();
      dragged = false;
    },
    true,
  );

  // Ctrl+wheel zooms around the pointer; a plain wheel scrolls the page as ever.
  area.addEventListener(
    'wheel',
    (e) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const w = v.current();
      const { msPerPx, plotLeftPx } = v.scale();
      const left = area.querySelector('svg')?.getBoundingClientRect().left ?? 0;
      const at = Math.min(Math.max(w.start + (e.clientX - left - plotLeftPx) * msPerPx, w.start), w.end);
      v.show(zoom(w, e.deltaY > 0 ? 1.5 : 1 / 1.5, at));
    },
    { passive: false },
  );
}
