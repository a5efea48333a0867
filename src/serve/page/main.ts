// The upload page: drop bundles (or pick them), each is uploaded in turn with its progress, then
// polled until its analysis is done, then its ranked findings and report are shown.
import { analysis, upload, type AnalysisView } from './api.js';
import { UploadRow } from './view.js';

const POLL_MS = 400;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function follow(row: UploadRow, id: string): Promise<void> {
  for (;;) {
    let a: AnalysisView;
    try {
      a = await analysis(id);
    } catch (e) {
      row.failed(e instanceof Error ? e.message : String(e));
      return;
    }
    if (a.status === 'done') return row.done(a);
    if (a.status === 'failed') return row.failed(a.error ?? 'unknown error');
    row.progress(a);
    await sleep(POLL_MS);
  }
}

async function send(file: File, row: UploadRow): Promise<void> {
  for (;;) {
    const r = await upload(file, (sent, total) => row.uploading(sent, total)).catch((e: Error) => ({ status: 0, body: { error: e.message }, retryAfter: null }));
    const body = r.body as { id?: string; error?: string };
    if (r.status === 429) {
      // The server is at its caps: wait as it says and try again.
      const sec = Number(r.retryAfter ?? '5');
      row.failed(`the server is busy; retrying in ${sec} s`);
      await sleep(sec * 1000);
      continue;
    }
    if (r.status !== 202 || body.id === undefined) return row.failed(body.error ?? `HTTP ${r.status}`);
    void follow(row, body.id);
    return;
  }
}

let chain: Promise<void> = Promise.resolve();

function accept(files: FileList | null): void {
  const list = document.getElementById('uploads');
  if (files === null || list === null) return;
  // Newest drop on top; the files of one drop in the order they were given.
  const before = list.firstChild;
  for (const file of Array.from(files)) {
    const row = new UploadRow(file);
    list.insertBefore(row.root, before);
    // One upload at a time: the analyses themselves run side by side on the server.
    chain = chain.then(() => send(file, row));
  }
}

function setupToken(): void {
  const form = document.getElementById('token-form') as HTMLFormElement | null;
  if (form === null) return;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const input = form.querySelector('input');
    const token = input?.value.trim() ?? '';
    const secure = location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = `kf_token=${encodeURIComponent(token)}; Path=/; SameSite=Strict${secure}`;
    if (input !== null) input.value = '';
    form.querySelector('.saved')?.removeAttribute('hidden');
  });
}

function setup(): void {
  const zone = document.getElementById('drop');
  const picker = document.getElementById('files') as HTMLInputElement | null;
  if (zone === null || picker === null) return;
  picker.addEventListener('change', () => {
    accept(picker.files);
    picker.value = '';
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    accept(e.dataTransfer?.files ?? null);
  });
  setupToken();
  document.body.dataset['ready'] = 'true';
}

setup();
