// One row per dropped file: name, upload bar, analysis stage, then the ranked findings and the
// report. Text only (textContent), never markup: file names and findings are data.
import { byteSize } from '../byte-size.js';
import type { AnalysisView, FindingView } from './api.js';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className !== '') e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}


const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export class UploadRow {
  readonly root = el('li', 'upload');
  private readonly bar = el('progress', 'bar');
  private readonly state = el('p', 'state', 'waiting to upload');
  private readonly result = el('div', 'result');

  constructor(file: File) {
    const head = el('div', 'row-head');
    head.append(el('strong', 'name', file.name), el('span', 'size', byteSize(file.size)));
    this.bar.max = 1;
    this.bar.value = 0;
    this.root.append(head, this.bar, this.state, this.result);
    this.root.dataset['state'] = 'waiting';
  }

  uploading(sent: number, total: number): void {
    this.root.dataset['state'] = 'uploading';
    this.bar.max = Math.max(total, 1);
    this.bar.value = sent;
    this.state.textContent = `uploading ${byteSize(sent)} of ${byteSize(total)}`;
  }

  progress(a: AnalysisView): void {
    this.root.dataset['state'] = a.status;
    const p = a.progress;
    if (a.status === 'queued') {
      this.bar.removeAttribute('value');
      this.state.textContent = `queued${p?.position !== undefined ? ` (position ${p.position})` : ''}`;
    } else if (a.status === 'running') {
      this.bar.removeAttribute('value');
      const where = p?.path !== null && p?.path !== undefined ? ` · ${p.path}` : '';
      this.state.textContent = `${p?.stage ?? 'analyzing'}: ${byteSize(p?.bytesRead ?? 0)} read${where}`;
    }
  }

  failed(message: string): void {
    this.root.dataset['state'] = 'failed';
    this.bar.max = 1;
    this.bar.value = 0;
    this.state.textContent = `failed: ${message}`;
    this.state.classList.add('error');
  }

  done(a: AnalysisView): void {
    this.root.dataset['state'] = 'done';
    this.bar.max = 1;
    this.bar.value = 1;
    const r = a.report;
    const findings = r?.findings ?? [];
    this.state.textContent = `done: ${count(findings.length, 'finding', 'findings')} on ${count(r?.stats.hosts.length ?? 0, 'host', 'hosts')}, ${count(r?.stats.files ?? 0, 'file', 'files')} read`;
    const list = el('ol', 'findings');
    for (const f of findings) list.append(findingItem(f));
    if (findings.length === 0) list.append(el('li', 'none', 'No known failure mode found in this bundle.'));
    const link = el('a', 'report-link', 'Open the full report');
    link.href = a.links.report;
    link.target = '_blank';
    link.rel = 'noopener';
    const frame = el('iframe', 'report');
    // The report runs its own script in an opaque origin: it can read nothing of this page.
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.title = 'Report';
    frame.src = a.links.report;
    this.result.append(list, link, frame);
  }
}

function findingItem(f: FindingView): HTMLLIElement {
  const li = el('li', `finding sev-${f.severity}`);
  li.dataset['pattern'] = f.pattern;
  li.dataset['role'] = f.rootCause ? 'root-cause' : 'symptom';
  const head = el('div', 'finding-head');
  head.append(
    el('span', 'rank', `#${f.rank}`),
    el('span', `badge role ${f.rootCause ? 'root' : 'symptom'}`, f.rootCause ? 'root cause' : 'symptom'),
    el('span', `badge sev ${f.severity}`, f.severity),
    el('code', 'pattern', f.pattern),
    el('span', 'hosts', f.hosts.length > 0 ? `on ${f.hosts.join(', ')}` : ''),
  );
  li.append(head, el('p', 'title', f.title));
  if (f.causedBy.length > 0) {
    // One cause on several hosts is named once: "symptom of a on h1, h2; b on h3".
    const hosts = new Map<string, string[]>();
    for (const c of f.causedBy) hosts.set(c.pattern, [...(hosts.get(c.pattern) ?? []), c.host]);
    li.append(el('p', 'caused-by', `symptom of ${[...hosts].map(([p, h]) => `${p} on ${h.join(', ')}`).join('; ')}`));
  }
  return li;
}
