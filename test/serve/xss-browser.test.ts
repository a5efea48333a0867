// Hostile text through the server, in a real browser (Debian's headless Chromium, driven by
// playwright-core): a kubelet log line that a catalog entry matches carries an HTML/JS payload,
// and the upload carries a hostile file name. The report page, the history and the upload page
// show both as text; no script of theirs runs, no element is made from them, and no Content
// Security Policy violation is even attempted. Skipped, saying so, when /usr/bin/chromium is absent.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Frame, type Page, type Response } from 'playwright-core';
import { CHROMIUM, HAVE_CHROMIUM, launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeTarGz } from '../support/archive.js';
import { HOSTILE_LINE } from '../support/html-diagnosis.js';
import { startTestServer, type TestServer } from '../support/serve.js';

// What the callbacks given to page.evaluate use: they run in the page, while this file is typed for Node.
interface PageElement {
  readonly files: ArrayLike<object> | null;
  type: string;
}
declare const document: {
  createElement(tag: string): PageElement;
  addEventListener(type: string, listener: (e: { readonly violatedDirective: string; readonly blockedURI: string }) => void): void;
  querySelectorAll(selector: string): ArrayLike<object>;
};
declare const window: {
  __pwned?: number;
  __violations?: string[];
  readonly DataTransfer: new () => { readonly items: { add(file: object): void } };
  readonly File: new (bits: readonly object[], name: string) => object;
};

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const WAIT = { timeout: 60_000 };

/** A file name that is markup: an image whose error handler would set window.__pwned. */
const HOSTILE_NAME = '<img src=x onerror=window.__pwned=3>.tar.gz';
/**
 * A kubelet journal line that kubelet-csr-forbidden matches (its decisive "failed to run Kubelet"
 * wording), followed by a line that tries to close a script element, open one, and load an image.
 */
const MATCHING_LINE = `Apr 01 12:10:41 node-x kubelet[2211]: E0401 12:10:41.000001    2211 server.go:302] failed to run Kubelet: cannot create certificate signing request: certificatesigningrequests.certificates.k8s.io is forbidden: ${HOSTILE_LINE}`;

if (!HAVE_CHROMIUM) console.warn(`test/serve/xss-browser.test.ts: skipped, ${CHROMIUM} is absent (apt-get install chromium)`);

interface Opened {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
  readonly response: Response | null;
}

/** Opens a page of the server, recording console errors, requests, and CSP violations from the start. */
async function open(browser: Browser, url: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    // A page opened on its own asks for /favicon.ico, which the server does not serve.
    if ((m.type() === 'error' || m.type() === 'warning') && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations?.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(url);
  return { page, errors, requests, response };
}

/** Nothing of the payloads ran or became an element, and nothing had to be blocked, in any frame. */
async function expectInert(frames: readonly Frame[]): Promise<void> {
  for (const f of frames) {
    expect(await f.evaluate(() => window.__pwned), `window.__pwned in ${f.url()}`).toBeUndefined();
    expect(await f.evaluate(() => document.querySelectorAll('img[src="x"], img[onerror], [onerror]').length), `elements from the payload in ${f.url()}`).toBe(0);
    expect(await f.evaluate(() => window.__violations ?? []), `CSP violations in ${f.url()}`).toEqual([]);
  }
}

/** The image the payloads name would be fetched from <page>/x: no request may go there. */
const imageFetched = (requests: readonly string[]): string[] => requests.filter((u) => /\/x(\?|$)/.test(new URL(u).pathname));

describe.skipIf(!HAVE_CHROMIUM)(HAVE_CHROMIUM ? 'hostile text through the server, in Chromium' : `hostile text through the server, in Chromium (skipped: ${CHROMIUM} is absent)`, () => {
  let browser: Browser;
  let server: TestServer;
  let tmp: string;
  let bundle: string;
  let id: string;
  let storedName: string;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'kf-xss-browser-'));
    bundle = await writeTarGz(tmp, 'hostile.tar.gz', [
      { name: 'hostile/node-x/journalctl-u-kubelet.txt', body: `Apr 01 12:10:40 node-x kubelet[2211]: I0401 12:10:40.000001    2211 server.go:484] "Kubelet version" kubeletVersion="v1.31.2"\n${MATCHING_LINE}\n` },
    ]);
    server = await startTestServer();
    browser = await launchChromium();
    // Uploaded through the API as a raw body, under the hostile name, waiting for the report.
    const r = await fetch(`${server.url}/api/v1/analyses?wait=true&name=${encodeURIComponent(HOSTILE_NAME)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: readFileSync(bundle),
    });
    expect(r.status).toBe(200);
    const report = (await r.json()) as { findings: { pattern: string; evidence: { text: string }[] }[] };
    // The line is evidence of the finding: the payload reaches the report.
    const csr = report.findings.find((f) => f.pattern === 'kubelet-csr-forbidden');
    expect(csr?.evidence.map((e) => e.text)).toContain(MATCHING_LINE);
    id = r.headers.get('X-Analysis-Id') ?? '';
    const a = (await (await fetch(`${server.url}/api/v1/analyses/${id}`)).json()) as { name: string; status: string };
    expect(a.status).toBe('done');
    storedName = a.name;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
  }, 120_000);

  test('the report page shows a log line carrying an HTML/JS payload as text, and no script of it runs', async () => {
    const { page, errors, requests, response } = await open(browser, `${server.url}/analyses/${id}`);
    try {
      expect(response?.status()).toBe(200);
      const headers = response?.headers() ?? {};
      // only the report's own inlined script may run: by its hash, never 'unsafe-inline'
      const scriptSrc = (headers['content-security-policy'] ?? '').split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
      expect(scriptSrc).toMatch(/^script-src 'sha256-[A-Za-z0-9+/=]+'$/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['content-type']).toMatch(/^text\/html/);
      // the report's own script ran (the policy lets it), and drew the picture
      await page.waitForSelector('#kf-picture[data-ready="true"]', WAIT);
      expect(await page.locator('#findings article.finding').first().getAttribute('data-pattern')).toBe('kubelet-csr-forbidden');

      // the payload is there, whole, as the text of the evidence line, and visible
      const line = page.locator('#findings code.line', { hasText: HOSTILE_LINE }).first();
      expect(await line.textContent()).toBe(MATCHING_LINE);
      expect(await line.isVisible()).toBe(true);
      // the hostile upload name labels the evidence paths as the server cleaned it, as text
      expect(await page.locator('#findings').textContent()).toContain(storedName);

      await expectInert(page.frames());
      expect(imageFetched(requests)).toEqual([]);
      expect(errors).toEqual([]);
      await line.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, 'serve-xss-report.png') });
    } finally {
      await page.context().close();
    }
  });

  test('the history page shows a hostile upload name as text', async () => {
    const { page, errors, requests, response } = await open(browser, `${server.url}/analyses`);
    try {
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      expect(response?.headers()['x-content-type-options']).toBe('nosniff');
      const link = page.locator(`tr[data-id="${id}"] a[href="/analyses/${id}"]`);
      expect(await link.textContent()).toBe(storedName);
      // The stored name keeps the harmless part of what the client sent, and none of its markup.
      expect(storedName).toContain('img');
      expect(storedName).not.toMatch(/[<>"' ]/);
      expect(await page.locator(`tr[data-id="${id}"] td`).nth(3).textContent()).toBe('done');
      await expectInert(page.frames());
      expect(imageFetched(requests)).toEqual([]);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'serve-xss-history.png') });
    } finally {
      await page.context().close();
    }
  });

  test('the upload page shows a dropped file with a hostile name as text, and its framed report runs no payload', async () => {
    const { page, errors, requests } = await open(browser, `${server.url}/`);
    try {
      await page.waitForSelector('body[data-ready="true"]', WAIT);
      // The bundle, dropped under the hostile name (the File is renamed in the page).
      const carrier = await page.evaluateHandle(() => {
        const input = document.createElement('input');
        input.type = 'file';
        return input;
      });
      await carrier.setInputFiles(bundle);
      const transfer = await page.evaluateHandle(
        ({ input, name }) => {
          const dt = new window.DataTransfer();
          for (const f of Array.from(input.files ?? [])) dt.items.add(new window.File([f], name));
          return dt;
        },
        { input: carrier, name: HOSTILE_NAME },
      );
      await page.locator('#drop').dispatchEvent('dragover', { dataTransfer: transfer });
      await page.locator('#drop').dispatchEvent('drop', { dataTransfer: transfer });

      const row = page.locator('#uploads > li.upload').first();
      expect(await row.locator('.name').textContent()).toBe(HOSTILE_NAME);
      await page.waitForSelector('#uploads > li.upload[data-state="done"]', WAIT);
      expect(await row.locator('li.finding').first().getAttribute('data-pattern')).toBe('kubelet-csr-forbidden');
      const frame = page.frameLocator('#uploads iframe.report');
      await frame.locator('#kf-picture[data-ready="true"]').waitFor(WAIT);
      expect(await frame.locator('#findings code.line', { hasText: HOSTILE_LINE }).first().textContent()).toBe(MATCHING_LINE);

      await expectInert(page.frames());
      expect(await page.locator('#uploads img').count()).toBe(0);
      expect(imageFetched(requests)).toEqual([]);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'serve-xss-upload.png'), fullPage: true });
    } finally {
      await page.context().close();
    }
  });
});
