// HTML built from tagged templates: every interpolated value is escaped unless it is markup
// made by `html` itself, so a log line holding `<script>` stays text wherever it is printed.

export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Part = Markup | string | number | boolean | null | undefined | readonly Part[];

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function part(p: Part): string {
  if (p instanceof Markup) return p.text;
  if (Array.isArray(p)) return (p as readonly Part[]).map(part).join('');
  if (p === null || p === undefined || p === false) return '';
  return escapeHtml(String(p));
}

export function html(strings: TemplateStringsArray, ...values: readonly Part[]): Markup {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += part(values[i]) + (strings[i + 1] ?? '');
  return new Markup(out);
}

/** Markup that is trusted as it is: the bundled script and the stylesheet, never data. */
export function trusted(text: string): Markup {
  return new Markup(text);
}

/**
 * JSON for a `<script type="application/json">` island. `<`, `>` and `&` are written as \u escapes
 * so no string can close the element or open a comment; U+2028/2029 likewise, for old parsers.
 */
export function jsonIsland(id: string, value: unknown): Markup {
  const json = JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return html`<script type="application/json" id="${id}">${trusted(json)}</script>`;
}
