// One tooltip for the picture: shown on hover and on keyboard focus, filled with text nodes only
// (never markup), so a logged `<script>` stays text here too.

export interface TipContent {
  readonly heading: string;
  readonly where?: string;
  readonly line?: string;
}

function tip(): HTMLElement {
  let el = document.getElementById('kf-tip');
  if (el === null) {
    el = document.createElement('div');
    el.id = 'kf-tip';
    el.setAttribute('role', 'tooltip');
    el.hidden = true;
    document.body.append(el);
  }
  return el;
}

export function showTip(anchor: Element, c: TipContent): void {
  const el = tip();
  el.replaceChildren();
  const add = (cls: string, text: string): void => {
    const div = document.createElement('div');
    div.className = cls;
    div.textContent = text;
    el.append(div);
  };
  add('tip-head', c.heading);
  if (c.where !== undefined) add('tip-where', c.where);
  if (c.line !== undefined) add('tip-line', c.line);
  el.hidden = false;
  anchor.setAttribute('aria-describedby', 'kf-tip');
  const r = anchor.getBoundingClientRect();
  const width = el.offsetWidth;
  // Starts just left of the mark, so it reads on from there, and stays inside the viewport.
  const left = Math.max(window.scrollX + 8, Math.min(r.left + window.scrollX - 16, window.scrollX + document.documentElement.clientWidth - width - 8));
  el.style.left = `${left}px`;
  el.style.top = `${r.bottom + window.scrollY + 8}px`;
}

export function hideTip(anchor?: Element): void {
  anchor?.removeAttribute('aria-describedby');
  const el = document.getElementById('kf-tip');
  if (el !== null) el.hidden = true;
}
