// The HTML report in a real browser: Debian's headless Chromium, driven by playwright-core. For
// each sample bundle (and a hand-written diagnosis with links, metrics and a hostile line) the
// page loads from file:// with no console error and no network request, draws the expected
// lanes and spans, puts the root cause first, and shows an evidence mark's line on hover and on
// focus. Screenshots go to test/artifacts/. Skipped, saying so, when /usr/bin/chromium is absent.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { CHROMIUM, HAVE_CHROMIUM, launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Diagnosis } from '../../src/diagnose/diagnosis.js';
import { laneLabel } from '../../src/report/html/picture-data.js';
import { renderReport } from '../../src/report/render.js';
import { bundlesUnderTest } from '../support/bundles-under-test.js';
import { HOSTILE_LINE, HTML_DIAGNOSIS } from '../support/html-diagnosis.js';

// What the callbacks given to page.evaluate use: they run in the page, while this file is typed for Node.
declare const document: {
  readonly activeElement: { getAttribute(name: string): string | null; blur(): void } | null;
  readonly body: object;
  elementFromPoint(x: number, y: number): object | null;
};
declare const window: { readonly __pwned?: number };
declare function getComputedStyle(element: object): { readonly backgroundColor: string };

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

if (!HAVE_CHROMIUM) console.warn(`test/report/html-browser.test.ts: skipped, ${CHROMIUM} is absent (apt-get install chromium)`);

interface Loaded {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
  readonly url: string;
}

/** Writes the report to test/artifacts/<name>.html and opens it, recording errors and requests. */
async function open(browser: Browser, name: string, d: Diagnosis, options: { javaScript?: boolean; dark?: boolean } = {}): Promise<Loaded> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.html`);
  writeFileSync(file, renderReport(d, { format: 'html' }));
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, javaScriptEnabled: options.javaScript !== false, colorScheme: options.dark === true ? 'dark' : 'light' });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url);
  if (options.javaScript !== false) await page.waitForSelector('#kf-picture[data-ready="true"]');
  return { page, errors, requests, url };
}

const timedLanes = (d: Diagnosis): string[] => [...new Set(d.findings.flatMap((f) => f.incidents.filter((i) => i.firstSeen !== null).map(laneLabel)))];

describe.skipIf(!HAVE_CHROMIUM)(HAVE_CHROMIUM ? 'the HTML report in Chromium' : `the HTML report in Chromium (skipped: ${CHROMIUM} is absent)`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases: [string, () => Promise<Diagnosis>][] = [
    ...bundlesUnderTest().map((b): [string, () => Promise<Diagnosis>] => [b.name, () => analyze({ inputs: [b.dir] })]),
    ['hand-written', async () => HTML_DIAGNOSIS],
  ];

  test.each(cases)('%s: loads from file:// offline, lanes and spans drawn, root cause first, marks show their lines', async (name, diagnose) => {
    const d = await diagnose();
    const { page, errors, requests, url } = await open(browser, name, d);
    try {
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);

      // lanes and spans: one lane per host and components, one span per timed incident
      const lanes = await page.locator('[data-kf-lane]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kf-lane')));
      expect(lanes).toEqual(timedLanes(d));
      for (const f of d.findings) {
        for (const i of f.incidents.filter((x) => x.firstSeen !== null)) {
          await expect.poll(() => page.locator(`[data-kf-span="finding-${f.rank}"][data-lane="${laneLabel(i)}"]`).count()).toBeGreaterThan(0);
        }
      }
      expect(await page.locator('[data-kf-span]').count()).toBe(d.findings.flatMap((f) => f.incidents).filter((i) => i.firstSeen !== null).length);

      // the root cause first, in the summary and in the findings
      if (d.findings.length > 0) {
        expect(d.findings[0]?.rootCause).toBe(true);
        const first = page.locator('#summary ol.summary > li').first();
        expect(await first.getAttribute('data-pattern')).toBe(d.findings[0]?.pattern);
        expect(await first.textContent()).toContain('root cause');
        expect(await page.locator('#findings article.finding').first().getAttribute('data-pattern')).toBe(d.findings[0]?.pattern);
      }

      // hovering an evidence mark shows its line; so does keyboard focus
      const json = JSON.parse(renderReport(d, { format: 'json' })) as Diagnosis;
      const marks = page.locator('[data-kf-mark]');
      expect(await marks.count()).toBeGreaterThan(0);
      // the first mark not covered by a later one (marks a few ms apart overlap until zoomed in)
      await page.locator('.plot-area').scrollIntoViewIfNeeded();
      const id = await marks.evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === e ? e.getAttribute('data-kf-mark') : null;
        }).find((x) => x !== null) ?? '',
      );
      const mark = page.locator(`[data-kf-mark="${id}"]`);
      const [, rank, k] = /^finding-(\d+)-ev-(\d+)$/.exec(id) ?? [];
      const line = json.findings[Number(rank) - 1]?.evidence[Number(k) - 1];
      expect(line).toBeDefined();
      await mark.hover();
      const tip = page.locator('#kf-tip');
      await expect.poll(() => tip.isVisible()).toBe(true);
      expect(await tip.locator('.tip-line').textContent()).toBe(line!.text.length > 600 ? `${line!.text.slice(0, 600)}… (the whole line is in the list below)` : line!.text);
      expect(await tip.locator('.tip-where').textContent()).toContain(`${line!.file}:${line!.line}`);
      await page.mouse.move(0, 0);
      await expect.poll(() => tip.isVisible()).toBe(false);
      await marks.last().focus();
      await expect.poll(() => tip.isVisible()).toBe(true);

      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
      await page.evaluate(() => document.activeElement?.blur());
      await page.mouse.move(0, 0);
      await page.locator('#timeline').screenshot({ path: join(ARTIFACTS, `${name}-timeline.png`) });
      await mark.hover();
      await page.locator('#timeline').screenshot({ path: join(ARTIFACTS, `${name}-hover.png`) });
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await page.context().close();
    }
  });

  test('a bundle with no finding: the page says so, and draws nothing', async () => {
    const d = await analyze({ inputs: ['patterns/kubelet-csr-forbidden/fixtures/negative/journal-bootstrap-succeeds.log'], year: 2024 });
    expect(d.findings).toEqual([]);
    const { page, errors, requests, url } = await open(browser, 'no-finding', d);
    try {
      expect(await page.locator('#summary').textContent()).toContain('No known failure mode found.');
      expect(await page.locator('#kf-picture').textContent()).toBe('No incident to draw.');
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await page.context().close();
    }
  });

  test('links, hatching, metric charts, zoom and pan, keyboard', async () => {
    const { page, errors } = await open(browser, 'hand-written-interaction', HTML_DIAGNOSIS);
    try {
      expect(await page.locator('[data-kf-link="finding-1>finding-2"]').count()).toBe(1);
      expect(await page.locator('[data-kf-span="finding-2"] ').first().getAttribute('fill')).toBe('url(#kf-hatch-warning)');
      expect(await page.locator('.metrics svg').count()).toBe(1);
      expect(await page.locator('.metrics h4').textContent()).toBe('kubelet_node_status_errors_total{node="node-b"} on node-b');

      const root = page.locator('#kf-picture');
      const width = async (): Promise<number> => Date.parse((await root.getAttribute('data-window-end')) ?? '') - Date.parse((await root.getAttribute('data-window-start')) ?? '');
      const start = async (): Promise<number> => Date.parse((await root.getAttribute('data-window-start')) ?? '');
      const before = await width();
      await page.getByRole('button', { name: 'Zoom in' }).click();
      expect(await width()).toBeCloseTo(before / 2, -1);
      const s0 = await start();
      await page.getByRole('button', { name: 'Pan later' }).click();
      expect(await start()).toBeGreaterThan(s0);

      // keys, with the picture focused
      await page.locator('.plot-area').focus();
      await page.keyboard.press('0');
      expect(await width()).toBeCloseTo(before, -1);
      await page.keyboard.press('-');
      expect(await width()).toBeGreaterThan(before);
      await page.keyboard.press('0');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-kf-span'))).toBe('finding-1');

      // drag to pan
      const box = (await page.locator('.plot-area svg').boundingBox())!;
      const s1 = await start();
      await page.mouse.move(box.x + box.width / 2, box.y + 10);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 - 200, box.y + 10, { steps: 4 });
      await page.mouse.up();
      expect(await start()).toBeGreaterThan(s1);

      // "show in timeline" zooms to the finding
      await page.locator('#finding-2').getByRole('button', { name: /Show .* in the timeline/ }).click();
      expect(await width()).toBeLessThan(before);

      // copy buttons on fix commands
      expect(await page.locator('pre.cmd button.copy').count()).toBe(HTML_DIAGNOSIS.findings.flatMap((f) => f.fix).filter((x) => x.command !== undefined).length);

      // the hostile line stayed text and ran nothing
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      expect(await page.locator('#finding-1-ev-3 code.line').textContent()).toBe(HOSTILE_LINE);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test('reads without JavaScript: summary, findings and playbooks are plain HTML', async () => {
    const { page, errors, requests, url } = await open(browser, 'hand-written-no-js', HTML_DIAGNOSIS, { javaScript: false });
    try {
      expect(await page.locator('#summary ol.summary > li').count()).toBe(HTML_DIAGNOSIS.findings.length);
      expect(await page.locator('#findings article.finding').count()).toBe(HTML_DIAGNOSIS.findings.length);
      expect(await page.locator('ol.playbook > li').count()).toBe(HTML_DIAGNOSIS.findings.flatMap((f) => f.playbook).length);
      expect(await page.locator('noscript').count()).toBe(1);
      expect(await page.locator('#kf-picture').innerHTML()).toBe('');
      expect(await page.locator('[data-kf-span]').count()).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, 'hand-written-no-js.png') });
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await page.context().close();
    }
  });

  test('print and dark: controls hidden on paper, colours follow the system setting', async () => {
    const { page } = await open(browser, 'hand-written-dark', HTML_DIAGNOSIS, { dark: true });
    try {
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe('rgb(13, 17, 23)');
      await page.screenshot({ path: join(ARTIFACTS, 'hand-written-dark.png') });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.toolbar').isVisible()).toBe(false);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
      expect(await page.locator('#findings article.finding').first().isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4' });
      writeFileSync(join(ARTIFACTS, 'hand-written-print.pdf'), pdf);
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    } finally {
      await page.context().close();
    }
  });
});
