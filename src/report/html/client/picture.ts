// The timeline picture drawn with Observable Plot: one swimlane per host and components, a row
// per finding inside it, incidents as spans (severity colour, hatched when resolved), evidence
// lines as marks, cause→symptom links as arrows; metric series as small charts on the same
// time axis. Every span and mark is focusable and names itself; the tooltip shows the line.
import * as Plot from '@observablehq/plot';
import type { PictureData, PictureMark, PictureSeries, PictureSpan } from '../picture-types.js';
import { hatchId, type Palette } from './colors.js';
import { hideTip, showTip, type TipContent } from './tooltip.js';
import { tickFormat, type TimeWindow } from './view.js';

export interface Frame {
  readonly width: number;
  readonly marginLeft: number;
  readonly marginRight: number;
}

const ROW_PX = 18;
const LABEL_PX = 11;
const LANE_PAD_PX = 14;
const MIN_SPAN_PX = 4;
/** A tooltip shows this much of a line; the evidence list has all of it. */
const TIP_CHARS = 600;

const at = (t: string): Date => new Date(t);

/** Margins shared by the lanes and the metric charts, so their time axes line up. */
export function frameFor(data: PictureData, width: number): Frame {
  const longest = Math.max(0, ...data.lanes.map((l) => l.label.length));
  return { width: Math.max(width, 480), marginLeft: Math.min(320, Math.max(120, Math.round(longest * LABEL_PX * 0.6) + 18)), marginRight: 24 };
}

/** Vertical placement: lane i spans [i, i+1]; its rows share the middle of it. */
function rowBand(data: PictureData, lane: number, row: number): { y1: number; y2: number; mid: number } {
  const rows = Math.max(1, data.lanes[lane]?.rows.length ?? 1);
  const h = 0.72 / rows;
  const y1 = lane + 0.14 + row * h;
  const y2 = y1 + h * 0.84;
  return { y1, y2, mid: (y1 + y2) / 2 };
}

/** A span's tooltip: the incident as the picture's data states it. */
function spanTip(s: PictureSpan): TipContent {
  const until = s.end === s.start ? '' : ` to ${s.end}`;
  return {
    heading: `#${s.rank} ${s.pattern} (${s.severity}, ${s.rootCause ? 'root cause' : 'symptom'}, ${s.status})`,
    where: `${s.host}${s.components.length > 0 ? ` · ${s.components.join(', ')}` : ''}: ${s.start}${until}, ${s.count} match${s.count === 1 ? '' : 'es'}${s.resolvedAt === null ? '' : `, resolved at ${s.resolvedAt}`}`,
  };
}

/** A mark's tooltip: its evidence line as the page's own (escaped, redacted) list prints it. */
function markTip(m: PictureMark): TipContent {
  const item = document.getElementById(m.id);
  const part = (cls: string): string => item?.querySelector(`.${cls}`)?.textContent?.trim() ?? '';
  const heading = document.getElementById(`${m.finding}-h`)?.textContent?.trim() ?? m.finding;
  const line = part('line');
  return { heading, where: `${part('where')}  ${part('when')}  ${part('host')}`, line: line.length > TIP_CHARS ? `${line.slice(0, TIP_CHARS)}… (the whole line is in the list below)` : line };
}

/** The drawn elements of a mark, one per index entry (Plot may wrap them in groups, for clipping). */
const shapes = (g: Element): Element[] => [...g.querySelectorAll('rect, circle, path')];

/** Makes each drawn element of a mark focusable and wires the tooltip and the link to its table. */
function interactive<T>(items: readonly T[], attrs: (d: T) => Record<string, string>, content: (d: T) => TipContent, target: (d: T) => string): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next?.(index, scales, values, dimensions, context) ?? null;
    if (g === null) return null;
    shapes(g).forEach((el, k) => {
      const d = items[index[k] ?? -1];
      if (d === undefined) return;
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'link');
      for (const [name, value] of Object.entries(attrs(d))) el.setAttribute(name, value);
      const show = (): void => showTip(el, content(d));
      const hide = (): void => hideTip(el);
      el.addEventListener('mouseenter', show);
      el.addEventListener('focus', show);
      el.addEventListener('mouseleave', hide);
      el.addEventListener('blur', hide);
      const go = (): void => {
        const dest = document.getElementById(target(d));
        dest?.scrollIntoView({ block: 'center' });
        if (dest instanceof HTMLElement) {
          dest.setAttribute('tabindex', '-1');
          dest.focus({ preventScroll: true });
        }
      };
      el.addEventListener('click', go);
      el.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Enter') go();
      });
    });
    return g;
  };
}

export function drawLanes(data: PictureData, w: TimeWindow, frame: Frame, p: Palette): SVGSVGElement | HTMLElement {
  const laneCount = data.lanes.length;
  const laneHeight = Math.max(34, LANE_PAD_PX + Math.max(1, ...data.lanes.map((l) => l.rows.length)) * ROW_PX);
  const plotWidth = frame.width - frame.marginLeft - frame.marginRight;
  const minSpanMs = ((w.end - w.start) / Math.max(1, plotWidth)) * MIN_SPAN_PX;
  const span = (s: PictureSpan) => rowBand(data, s.lane, s.row);
  const lanes = data.lanes.map((l, i) => ({ i, label: l.label }));
  return Plot.plot({
    width: frame.width,
    height: laneCount * laneHeight + 40,
    marginLeft: frame.marginLeft,
    marginRight: frame.marginRight,
    marginTop: 8,
    marginBottom: 32,
    style: { background: 'transparent', color: p.fg, fontSize: '11px' },
    ariaLabel: 'Timeline: one lane per host and components; spans are incidents, dots are evidence lines, arrows lead from cause to symptom',
    x: { type: 'utc', domain: [new Date(w.start), new Date(w.end)], label: 'time (UTC)', grid: true, tickFormat: tickFormat(w) },
    y: { domain: [0, laneCount], reverse: true, axis: null },
    marks: [
      Plot.rect(lanes.filter((l) => l.i % 2 === 0), { y1: (l) => l.i, y2: (l) => l.i + 1, fill: p.card, ariaHidden: 'true' }),
      Plot.ruleY(lanes.map((l) => l.i).concat([laneCount]), { stroke: p.border, ariaHidden: 'true' }),
      Plot.axisY(lanes.map((l) => l.i + 0.5), {
        tickFormat: (v: number) => lanes[Math.floor(v)]?.label ?? '',
        tickSize: 0,
        textOverflow: 'ellipsis-middle',
        fontSize: LABEL_PX,
        // Plot measures lines in ems of the label's font
        lineWidth: (frame.marginLeft - 16) / LABEL_PX,
        fill: p.fg,
        ariaLabel: 'lanes',
        render: (index, scales, values, dimensions, context, next) => {
          const g = next?.(index, scales, values, dimensions, context) ?? null;
          g?.querySelectorAll('text').forEach((t, k) => t.setAttribute('data-kf-lane', lanes[k]?.label ?? ''));
          return g;
        },
      }),
      Plot.rect(data.spans, {
        x1: (s: PictureSpan) => at(s.start),
        x2: (s: PictureSpan) => new Date(Math.max(at(s.end).getTime(), at(s.start).getTime() + minSpanMs)),
        y1: (s: PictureSpan) => span(s).y1,
        y2: (s: PictureSpan) => span(s).y2,
        fill: (s: PictureSpan) => (s.status === 'resolved' ? `url(#${hatchId(s.severity)})` : p.severity[s.severity]),
        stroke: (s: PictureSpan) => p.severity[s.severity],
        fillOpacity: (s: PictureSpan) => (s.status === 'resolved' ? 1 : 0.85),
        clip: 'frame',
        render: interactive(
          data.spans,
          (s) => ({ 'data-kf-key': `span-${data.spans.indexOf(s)}`, 'data-kf-span': s.finding, 'data-pattern': s.pattern, 'data-lane': data.lanes[s.lane]?.label ?? '', 'data-status': s.status, 'aria-label': `${spanTip(s).heading}: ${spanTip(s).where ?? ''}` }),
          spanTip,
          (s) => s.finding,
        ),
      }),
      Plot.arrow(data.links, {
        x1: (l) => at(l.from.time),
        y1: (l) => rowBand(data, l.from.lane, l.from.row).mid,
        x2: (l) => at(l.to.time),
        y2: (l) => rowBand(data, l.to.lane, l.to.row).mid,
        stroke: p.link,
        strokeWidth: 1.6,
        bend: true,
        headLength: 7,
        insetEnd: 3,
        clip: 'frame',
        title: (l) => `${l.cause} → ${l.symptom} on ${l.host}`,
        render: (index, scales, values, dimensions, context, next) => {
          const g = next?.(index, scales, values, dimensions, context) ?? null;
          (g === null ? [] : shapes(g)).forEach((el, k) => {
            const l = data.links[index[k] ?? -1];
            if (l !== undefined) el.setAttribute('data-kf-link', `${l.cause}>${l.symptom}`);
          });
          return g;
        },
      }),
      Plot.dot(data.marks, {
        x: (m: PictureMark) => at(m.time),
        y: (m: PictureMark) => rowBand(data, m.lane, m.row).mid,
        r: 4,
        fill: p.mark,
        stroke: p.bg,
        strokeWidth: 1.5,
        clip: 'frame',
        render: interactive(
          data.marks,
          (m) => ({ 'data-kf-key': m.id, 'data-kf-mark': m.id, 'aria-label': `Evidence line ${m.id} at ${m.time}` }),
          markTip,
          (m) => m.id,
        ),
      }),
      Plot.text(data.spans, {
        x: (s: PictureSpan) => new Date(Math.max(at(s.start).getTime(), w.start)),
        y: (s: PictureSpan) => span(s).mid,
        text: (s: PictureSpan) => `#${s.rank} ${s.pattern}`,
        textAnchor: 'start',
        dx: 4,
        fill: p.fg,
        stroke: p.bg,
        strokeWidth: 3,
        fontSize: 10,
        clip: 'frame',
        ariaHidden: 'true',
        pointerEvents: 'none',
      }),
    ],
  });
}

export function drawSeries(s: PictureSeries, windows: readonly PictureSpan[], w: TimeWindow, frame: Frame, p: Palette): SVGSVGElement | HTMLElement {
  const points = s.points.map(([t, v]) => ({ t: at(t), v }));
  return Plot.plot({
    width: frame.width,
    height: 96,
    marginLeft: frame.marginLeft,
    marginRight: frame.marginRight,
    marginTop: 8,
    marginBottom: 24,
    style: { background: 'transparent', color: p.fg, fontSize: '10px' },
    ariaLabel: `Metric ${s.title}`,
    x: { type: 'utc', domain: [new Date(w.start), new Date(w.end)], label: null, grid: true, tickFormat: tickFormat(w) },
    y: { grid: true, nice: true, label: null, ticks: 3, insetTop: 6, tickFormat: (v: number) => String(Number(v.toPrecision(6))) },
    marks: [
      Plot.rectX(windows, { x1: (x: PictureSpan) => at(x.start), x2: (x: PictureSpan) => at(x.end), fill: (x: PictureSpan) => p.severity[x.severity], fillOpacity: 0.12, clip: 'frame', ariaHidden: 'true' }),
      Plot.lineY(points, { x: 't', y: 'v', stroke: p.fg, clip: 'frame' }),
      Plot.dot(points, { x: 't', y: 'v', r: 2.5, fill: p.fg, clip: 'frame', title: (d: { t: Date; v: number }) => `${d.t.toISOString()}  ${d.v}` }),
    ],
  });
}
