// What the page reads from the API: the fields it shows, nothing more.

export interface FindingView {
  readonly pattern: string;
  readonly title: string;
  readonly severity: string;
  readonly status: string;
  readonly rootCause: boolean;
  readonly rank: number;
  readonly hosts: readonly string[];
  readonly firstSeen: string | null;
  readonly summary: string;
  readonly causedBy: readonly { readonly pattern: string; readonly host: string }[];
}

export interface AnalysisView {
  readonly id: string;
  readonly status: 'queued' | 'running' | 'done' | 'failed';
  readonly error: string | null;
  readonly progress?: { readonly stage: string; readonly bytesRead: number; readonly path: string | null; readonly position?: number };
  readonly links: { readonly self: string; readonly report: string };
  readonly report?: { readonly findings: readonly FindingView[]; readonly stats: { readonly hosts: readonly string[]; readonly files: number; readonly bytes: number } };
}

/** POST the file as the raw body; upload progress through XHR (fetch cannot report it). */
export function upload(file: File, onProgress: (sent: number, total: number) => void): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/analyses?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size));
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { error: xhr.responseText };
      }
      resolve({ status: xhr.status, body, retryAfter: xhr.getResponseHeader('Retry-After') });
    });
    xhr.addEventListener('error', () => reject(new Error('the upload was interrupted')));
    xhr.send(file);
  });
}

export async function analysis(id: string): Promise<AnalysisView> {
  const r = await fetch(`/api/v1/analyses/${encodeURIComponent(id)}`, { credentials: 'same-origin' });
  if (!r.ok) throw new Error(`GET analysis: HTTP ${r.status}`);
  return (await r.json()) as AnalysisView;
}
