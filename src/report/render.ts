// The one door out: every format is rendered from the redacted diagnosis.
import type { Diagnosis } from '../diagnose/diagnosis.js';
import { clientScript } from './html/client-script.js';
import { renderHtml } from './html/render-html.js';
import { renderMarkdown } from './markdown.js';
import { Redactor } from './redact.js';
import { renderText } from './text.js';

export type ReportFormat = 'text' | 'json' | 'markdown' | 'html';

export interface RenderOptions {
  readonly format: ReportFormat;
  readonly color?: boolean;
  readonly redact?: boolean;
  /** The HTML page's bundled script; the built one (`clientScript()`) unless given. */
  readonly script?: string;
}

export function renderReport(d: Diagnosis, opts: RenderOptions): string {
  const redactor = new Redactor(opts.redact !== false);
  const safe = redactor.deep(d);
  switch (opts.format) {
    case 'json':
      return JSON.stringify({ ...safe, redactions: redactor.count }, null, 2) + '\n';
    case 'markdown':
      return renderMarkdown(safe, redactor.count);
    case 'text':
      return renderText(safe, { color: opts.color === true, redactions: redactor.count });
    case 'html':
      return renderHtml(safe, { redactions: redactor.count, script: opts.script ?? clientScript() });
  }
}
