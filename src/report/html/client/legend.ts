// What the picture's colours and shapes mean, and how to move around in it.
import { element } from './dom.js';

export function legend(untimed: number): HTMLElement[] {
  const box = element('div', 'legend');
  const entries = [
    ['critical', 'critical'],
    ['warning', 'warning'],
    ['info', 'info'],
    ['hatched', 'resolved (hatched)'],
    ['dot', 'evidence line'],
    ['arrow', 'cause → symptom'],
  ] as const;
  for (const [cls, text] of entries) {
    const item = element('span', '');
    item.append(element('span', `sw ${cls}`), text);
    box.append(item);
  }
  const hint = element('p', 'note hint', 'Drag to pan, Ctrl+wheel to zoom; + / - / arrow keys / 0 when the picture has focus. Hover or focus a dot to read its line; Enter opens it in the lists below.');
  if (untimed > 0) hint.textContent += ` ${untimed} incident(s) carry no time and are only in the tables.`;
  return [box, hint];
}
