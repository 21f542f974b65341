/**
 * The built widget file on a portal page, in headless Chromium, sending to a real collector
 * (in-memory PGlite): what a citizen and a webmaster see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openStore, type SubmissionStore as FeedbackStore } from '../../collector/db/store';
import { createCollector } from '../../collector/app';
import { testConfig } from '../../collector/config';
import { FIXTURES, ROOT, WIDGET_FILE, assertBuilt, launchBrowser, type StaticServer } from './kit';

/** The collector app on 127.0.0.1 at a free port. */
async function serve(app: FastifyInstance): Promise<StaticServer> {
  return { url: await app.listen({ port: 0, host: '127.0.0.1' }), close: () => app.close() };
}
const config = testConfig({ rateLimitPerMinute: 0 });

let browser: Browser;
let store: FeedbackStore;
let collector: StaticServer;
let demo: StaticServer;
let demoStore: FeedbackStore;

beforeAll(async () => {
  assertBuilt(WIDGET_FILE, 'The widget');
  store = await openStore();
  collector = await serve(await createCollector({ config, store, demoDir: join(FIXTURES, 'widget'), widgetFile: WIDGET_FILE }));
  demoStore = await openStore();
  demo = await serve(
    await createCollector({ config, store: demoStore, demoDir: join(ROOT, 'collector', 'demo'), widgetFile: WIDGET_FILE }),
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
  await demo?.close();
  await store?.close();
  await demoStore?.close();
});

describe('widget embedded by one script tag', () => {
  it('renders inside a shadow root, untouched by the page styles, and records a rating', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${collector.url}/demo/embed-by-script-tag.html`);
    const widget = page.locator('tthc-feedback');
    await expect.poll(() => widget.evaluate((el) => !!el.shadowRoot?.querySelector('.tf'))).toBe(true);
    expect(await widget.getAttribute('procedure-code')).toBe('1.002809');
    // The host page's "button { color: red }" must not reach the widget.
    const colour = await page.locator('tthc-feedback [data-rating="4"]').evaluate((b) => getComputedStyle(b).color);
    expect(colour).not.toBe('rgb(255, 0, 0)');
    await expect.poll(() => page.locator('tthc-feedback h2').textContent()).toContain('hài lòng');

    await page.locator('tthc-feedback [data-rating="4"]').click();
    await expect.poll(() => page.locator('tthc-feedback [role="status"]').textContent()).toContain('Cảm ơn');
    // The receipt a citizen can read out on the phone (8 characters without look-alikes).
    expect(await page.locator('tthc-feedback [role="status"]').textContent()).toMatch(/mã biên nhận: [34679ACDEFGHJKMNPQRTWXY]{8}/);
    expect(await page.locator('tthc-feedback [data-rating="4"]').getAttribute('aria-checked')).toBe('true');

    const summary = await store.summary();
    expect(summary.total).toBe(1);
    expect(summary.byLevel[3]).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tells the citizen, in English when the page asks for it, that no collector is configured', async () => {
    const page = await browser.newPage();
    await page.goto(`${collector.url}/demo/no-collector-configured.html`);
    await page.locator('tthc-feedback [data-rating="2"]').click();
    await expect.poll(() => page.locator('tthc-feedback [role="status"]').textContent()).toContain('no collector');
    expect(await page.locator('tthc-feedback').count()).toBe(1);
    await page.close();
  });
});

describe('demo started by npm start', () => {
  for (const name of ['quoc-gia-1.000178.html', 'tinh-bang-thong-tin.html', 'so-doan-gach-dau-dong.html']) {
    it(`shows the widget on the demo page ${name} and the dashboard counts the rating`, async () => {
      const page = await browser.newPage();
      await page.goto(`${demo.url}/demo/${name}`);
      const before = (await demoStore.summary()).total;
      await page.locator('tthc-feedback [data-rating="5"]').click();
      await expect.poll(() => page.locator('tthc-feedback [role="status"]').textContent()).toContain('Cảm ơn');
      await page.goto(`${demo.url}/dashboard`);
      expect(Number(await page.locator('[data-total]').textContent())).toBe(before + 1);
      await page.close();
    });
  }

  it('lists the demo pages on its home page', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/`);
    expect(await page.locator('a[href^="/demo/"]').count()).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});
