// The picture's colours come from the page's stylesheet (light, dark or print), read when it is
// drawn, so there is one palette. Resolved incidents are hatched with SVG patterns in their colour.
import type { Severity } from '../picture-types.js';

export interface Palette {
  readonly fg: string;
  readonly bg: string;
  readonly muted: string;
  readonly border: string;
  readonly card: string;
  readonly link: string;
  readonly mark: string;
  readonly severity: Readonly<Record<Severity, string>>;
}

export function readPalette(): Palette {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg', '#1b1f24'), bg: v('--bg', '#fff'), muted: v('--muted', '#57606a'), border: v('--border', '#d0d7de'), card: v('--card', '#f6f8fa'),
    link: v('--link', '#6f42c1'), mark: v('--mark', '#1b1f24'),
    severity: { critical: v('--critical', '#c62828'), warning: v('--warning', '#b26a00'), info: v('--info', '#1565c0') },
  };
}

export const hatchId = (s: Severity): string => `kf-hatch-${s}`;

const SVG = 'http://www.w3.org/2000/svg';

/** One hidden <svg> of pattern definitions, replaced when the palette changes. */
export function installHatches(p: Palette): void {
  document.getElementById('kf-defs')?.remove();
  const svg = document.createElementNS(SVG, 'svg');
  svg.id = 'kf-defs';
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('width', '0');
  svg.setAttribute('height', '0');
  svg.style.position = 'absolute';
  const defs = document.createElementNS(SVG, 'defs');
  for (const s of ['critical', 'warning', 'info'] as const) {
    const pattern = document.createElementNS(SVG, 'pattern');
    pattern.id = hatchId(s);
    for (const [k, val] of [['patternUnits', 'userSpaceOnUse'], ['width', '6'], ['height', '6'], ['patternTransform', 'rotate(45)']] as const) pattern.setAttribute(k, val);
    const back = document.createElementNS(SVG, 'rect');
    for (const [k, val] of [['width', '6'], ['height', '6'], ['fill', p.severity[s]], ['fill-opacity', '0.18']] as const) back.setAttribute(k, val);
    const stripe = document.createElementNS(SVG, 'rect');
    for (const [k, val] of [['width', '2.5'], ['height', '6'], ['fill', p.severity[s]]] as const) stripe.setAttribute(k, val);
    pattern.append(back, stripe);
    defs.append(pattern);
  }
  svg.append(defs);
  document.body.append(svg);
}
