// The upload page in a real browser: Debian's headless Chromium, driven by playwright-core,
// against a server on a loopback port. A sample bundle dropped on the page (or picked with the
// file input) is uploaded with its progress shown, analyzed, then its ranked findings are listed
// with the root cause first and its report is framed below. Nothing leaves 127.0.0.1 and the
// console stays clean. Screenshots go to test/artifacts/serve-*.png. Skipped, saying so, when
// /usr/bin/chromium is absent.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, HAVE_CHROMIUM, launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packSample, startTestServer, type TestServer } from '../support/serve.js';

// What the callbacks given to page.evaluate use: they run in the page, while this file is typed for Node.
interface PageElement {
  readonly dataset: Record<string, string | undefined>;
  readonly files: ArrayLike<object> | null;
  readonly textContent: string | null;
  type: string;
  multiple: boolean;
  querySelector(selector: string): PageElement | null;
}
interface PageMutation {
  readonly type: string;
  readonly target: PageElement;
  readonly oldValue: string | null;
}
declare const document: {
  getElementById(id: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  createElement(tag: string): PageElement;
  readonly body: object;
};
declare const window: {
  __kfStates?: Map<PageElement, (string | null)[]>;
  readonly DataTransfer: new () => { readonly items: { add(file: object): void } };
  readonly File: new (bits: readonly object[], name: string, options?: { type?: string }) => object;
  readonly MutationObserver: new (callback: (records: readonly PageMutation[]) => void) => { observe(target: object, options: object): void };
};
declare function getComputedStyle(element: object): { readonly backgroundColor: string };

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
// The machine is shared and small: waiting is generous, nothing is timed.
const WAIT = { timeout: 60_000 };

if (!HAVE_CHROMIUM) console.warn(`test/serve/page-browser.test.ts: skipped, ${CHROMIUM} is absent (apt-get install chromium)`);

interface Opened {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
}

async function openUploadPage(browser: Browser, url: string, options: { dark?: boolean } = {}): Promise<Opened> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: options.dark === true ? 'dark' : 'light' });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  // The context sees the framed report's requests too.
  context.on('request', (r) => requests.push(r.url()));
  await page.goto(`${url}/`);
  await page.waitForSelector('body[data-ready="true"]', WAIT);
  // Every value each upload row's data-state takes, in order: recorded from before the first drop.
  await page.evaluate(() => {
    const states = new Map<PageElement, (string | null)[]>();
    window.__kfStates = states;
    new window.MutationObserver((records) => {
      for (const r of records) {
        if (r.type !== 'attributes') continue;
        const seen = states.get(r.target) ?? [];
        seen.push(r.oldValue);
        states.set(r.target, seen);
      }
    }).observe(document.getElementById('uploads') as object, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-state'] });
  });
  return { page, errors, requests };
}

/** Each row's file name and the states it went through, repeats collapsed, its current one last. */
async function rowStates(page: Page): Promise<Map<string, string[]>> {
  const rows = await page.evaluate(() =>
    Array.from(document.querySelectorAll('#uploads > li.upload')).map((li): [string, (string | null)[]] => [
      li.querySelector('.name')?.textContent ?? '',
      [...(window.__kfStates?.get(li) ?? []), li.dataset['state'] ?? null],
    ]),
  );
  return new Map(rows.map(([name, seq]) => [name, seq.filter((s, i) => i === 0 || s !== seq[i - 1]).map(String)]));
}

/** Drops the files on #drop as a user would: a DataTransfer holding them, dragover then drop. */
async function dropFiles(page: Page, paths: readonly string[], names: readonly string[] = []): Promise<void> {
  // A file input outside the page's own controls carries the bytes in; its File objects are dropped.
  const carrier = await page.evaluateHandle(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    return input;
  });
  await carrier.setInputFiles([...paths]);
  const transfer = await page.evaluateHandle(
    ({ input, rename }) => {
      const dt = new window.DataTransfer();
      Array.from(input.files ?? []).forEach((f, k) => dt.items.add(rename[k] !== undefined ? new window.File([f], rename[k]) : f));
      return dt;
    },
    { input: carrier, rename: [...names] },
  );
  const zone = page.locator('#drop');
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
  await transfer.dispose();
  await carrier.dispose();
}

interface ApiFinding {
  readonly pattern: string;
  readonly rank: number;
  readonly rootCause: boolean;
}

/** The findings of the analysis a done row links to, from the API: [pattern, role] in rank order. */
async function apiFindings(server: TestServer, page: Page, row: string): Promise<[string, string][]> {
  const href = await page.locator(row).locator('a.report-link').getAttribute('href');
  const id = /^\/analyses\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1];
  expect(id, `report link ${href}`).toBeDefined();
  const r = await fetch(`${server.url}/api/v1/analyses/${id}`);
  expect(r.status).toBe(200);
  const a = (await r.json()) as { status: string; report: { findings: ApiFinding[] } };
  expect(a.status).toBe('done');
  return [...a.report.findings].sort((x, y) => x.rank - y.rank).map((f) => [f.pattern, f.rootCause ? 'root-cause' : 'symptom']);
}

async function pageFindings(page: Page, row: string): Promise<[string, string][]> {
  return page.locator(row).locator('ol.findings > li.finding').evaluateAll((els) => els.map((e): [string, string] => [e.getAttribute('data-pattern') ?? '', e.getAttribute('data-role') ?? '']));
}

const rowFor = (name: string): string => `#uploads > li.upload:has(.name:text-is("${name}"))`;

/** Every request went to the test server's loopback address (or stayed in the page: data:, blob:, about:). */
function offsite(requests: readonly string[]): string[] {
  return requests.filter((u) => {
    const p = new URL(u);
    return !(p.protocol === 'http:' && p.hostname === '127.0.0.1') && !['data:', 'blob:', 'about:'].includes(p.protocol);
  });
}

/**
 * A copy of a sample with a large log of routine kubelet chatter on one more host: same findings,
 * but an analysis long enough that the page's polling sees it queued or running.
 */
async function paddedSample(sample: string, tmp: string): Promise<string> {
  const dir = join(tmp, `${sample}-padded`);
  cpSync(join(SAMPLES, sample), dir, { recursive: true });
  mkdirSync(join(dir, 'node-chatter'));
  let seed = 1;
  const hex = (): string => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed.toString(16);
  };
  const lines: string[] = [];
  for (let i = 0; i < 300_000; i++) {
    const t = `${String(Math.floor(i / 3600) % 24).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    lines.push(`Apr 01 ${t} node-chatter kubelet[3100]: I0401 ${t}.${String(i % 1e6).padStart(6, '0')}    3100 reconciler_common.go:${200 + (i % 60)}] "operationExecutor.VerifyControllerAttachedVolume started for volume" volume=${hex()} pod="default/web-${hex()}"`);
  }
  writeFileSync(join(dir, 'node-chatter', 'journalctl-u-kubelet.txt'), `${lines.join('\n')}\n`);
  const packed = await packSample(dir, `${sample}-padded`, tmp);
  rmSync(dir, { recursive: true, force: true });
  return packed;
}

describe.skipIf(!HAVE_CHROMIUM)(HAVE_CHROMIUM ? 'the upload page in Chromium' : `the upload page in Chromium (skipped: ${CHROMIUM} is absent)`, () => {
  let browser: Browser;
  let server: TestServer;
  let tmp: string;
  let csr: string;
  let padded: string;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'kf-page-browser-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    [csr, padded] = await Promise.all([packSample(join(SAMPLES, 'csr-forbidden'), 'csr-forbidden', tmp), paddedSample('csr-forbidden', tmp)]);
    server = await startTestServer();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
  }, 120_000);

  test('a bundle dropped on the page shows its upload and analysis progress, then its ranked findings with the root cause first and its report', async () => {
    const { page, errors, requests } = await openUploadPage(browser, server.url);
    try {
      await page.screenshot({ path: join(ARTIFACTS, 'serve-empty.png') });
      await dropFiles(page, [padded]);
      const row = rowFor('csr-forbidden-padded.tar.gz');
      await page.waitForSelector(`${row}[data-state="running"], ${row}[data-state="queued"]`, WAIT);
      await page.screenshot({ path: join(ARTIFACTS, 'serve-running.png') });
      await page.waitForSelector(`${row}[data-state="done"]`, WAIT);

      // progress: uploading first, then queued or running, and done last; nothing failed
      const states = (await rowStates(page)).get('csr-forbidden-padded.tar.gz') ?? [];
      expect(states[0]).toBe('waiting');
      expect(states.at(-1)).toBe('done');
      expect(states).not.toContain('failed');
      const uploading = states.indexOf('uploading');
      const analyzing = states.findIndex((s) => s === 'queued' || s === 'running');
      expect(uploading, `states: ${states.join(' → ')}`).toBeGreaterThan(0);
      expect(analyzing, `states: ${states.join(' → ')}`).toBeGreaterThan(uploading);
      expect(states.slice(analyzing, -1).every((s) => s === 'queued' || s === 'running'), `states: ${states.join(' → ')}`).toBe(true);

      // the findings in rank order, as the API reports them: the CSR refusal first as the root
      // cause, the failed registration after it as its symptom
      const shown = await pageFindings(page, row);
      expect(shown).toEqual(await apiFindings(server, page, row));
      expect(shown[0]).toEqual(['kubelet-csr-forbidden', 'root-cause']);
      const registration = shown.findIndex(([p]) => p === 'kubelet-node-registration-failed');
      expect(registration).toBeGreaterThan(0);
      expect(shown[registration]?.[1]).toBe('symptom');
      const symptom = page.locator(row).locator('li.finding[data-pattern="kubelet-node-registration-failed"]');
      expect(await symptom.locator('.caused-by').textContent()).toContain('kubelet-csr-forbidden');
      expect(await page.locator(row).locator('p.state').textContent()).toMatch(/^done: \d+ findings? on \d+ hosts?, \d+ files? read$/);

      // the report is framed below, with its own script running
      const frame = page.frameLocator(`${row} iframe.report`);
      await frame.locator('#kf-picture[data-ready="true"]').waitFor(WAIT);
      expect(await frame.locator('#findings article.finding').first().getAttribute('data-pattern')).toBe('kubelet-csr-forbidden');

      await page.screenshot({ path: join(ARTIFACTS, 'serve-done.png'), fullPage: true });
      expect(errors).toEqual([]);
      expect(offsite(requests)).toEqual([]);
      expect(requests.some((u) => u.includes('/api/v1/analyses'))).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  test('a bundle picked with the file input is uploaded and analyzed the same way', async () => {
    const { page, errors, requests } = await openUploadPage(browser, server.url);
    try {
      await page.locator('#files').setInputFiles(csr);
      const row = rowFor('csr-forbidden.tar.gz');
      await page.waitForSelector(`${row}[data-state="done"]`, WAIT);
      const states = (await rowStates(page)).get('csr-forbidden.tar.gz') ?? [];
      expect(states.indexOf('uploading'), `states: ${states.join(' → ')}`).toBeGreaterThan(0);
      expect(states.at(-1)).toBe('done');
      const shown = await pageFindings(page, row);
      expect(shown).toEqual(await apiFindings(server, page, row));
      expect(shown[0]).toEqual(['kubelet-csr-forbidden', 'root-cause']);
      expect(shown.find(([p]) => p === 'kubelet-node-registration-failed')?.[1]).toBe('symptom');
      // the input is cleared, so picking the same file again uploads it again
      expect(await page.locator('#files').inputValue()).toBe('');
      expect(errors).toEqual([]);
      expect(offsite(requests)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test('two bundles dropped at once each get a row, and both end done with their own findings', async () => {
    const other = await packSample(join(SAMPLES, 'node-not-ready'), 'node-not-ready', tmp);
    const { page, errors, requests } = await openUploadPage(browser, server.url, { dark: true });
    try {
      await dropFiles(page, [csr, other]);
      // one row each, in the order they were dropped
      expect(await page.locator('#uploads > li.upload .name').allTextContents()).toEqual(['csr-forbidden.tar.gz', 'node-not-ready.tar.gz']);
      for (const name of ['csr-forbidden.tar.gz', 'node-not-ready.tar.gz']) {
        const row = rowFor(name);
        await page.waitForSelector(`${row}[data-state="done"]`, WAIT);
        const shown = await pageFindings(page, row);
        expect(shown.length).toBeGreaterThan(0);
        expect(shown).toEqual(await apiFindings(server, page, row));
        expect(shown[0]?.[1]).toBe('root-cause');
        await page.frameLocator(`${row} iframe.report`).locator('#kf-picture[data-ready="true"]').waitFor(WAIT);
      }
      const states = await rowStates(page);
      for (const seq of states.values()) {
        expect(seq.indexOf('uploading'), `states: ${seq.join(' → ')}`).toBeGreaterThan(0);
        expect(seq.at(-1)).toBe('done');
      }
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 255, 255)');
      await page.screenshot({ path: join(ARTIFACTS, 'serve-two-dark.png'), fullPage: true });
      // (a full-page shot leaves frames below the fold unpainted: the second row on its own)
      await page.locator(rowFor('node-not-ready.tar.gz')).scrollIntoViewIfNeeded();
      await page.locator(rowFor('node-not-ready.tar.gz')).screenshot({ path: join(ARTIFACTS, 'serve-two-dark-second.png') });
      expect(errors).toEqual([]);
      expect(offsite(requests)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
