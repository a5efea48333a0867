// Small DOM helpers for the page's controls: text only, never markup.

export function button(label: string, name: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.title = name;
  b.setAttribute('aria-label', name);
  b.addEventListener('click', onClick);
  return b;
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}
