// The one door out: every format is rendered from the redacted diagnosis.
import type { Diagnosis } from '../diagnose/diagnosis.js';
import { renderMarkdown } from './markdown.js';
import { Redactor } from './redact.js';
import { renderText } from './text.js';

export type ReportFormat = 'text' | 'json' | 'markdown';

export interface RenderOptions {
  readonly format: ReportFormat;
  readonly color?: boolean;
  readonly redact?: boolean;
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
  }
}
