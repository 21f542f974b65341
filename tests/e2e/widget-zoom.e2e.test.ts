/**
 * The widget at 200% browser zoom, on a 360 px wide phone and at 400% (the 320 px reflow case)
 * (WCAG 2.1 1.4.4 and 1.4.10), built files in Chromium. Browser zoom halves the CSS px viewport and doubles the device pixel ratio, so
 * a 1280 × 800 window at 200% is a 640 × 400 CSS px viewport at ratio 2, which is what the test
 * emulates (not a pinch-zoom page scale, which leaves the layout untouched). In every panel, inline
 * and in the floating dialog: nothing of the widget overflows horizontally or is clipped, every
 * control can be scrolled to and is on screen and on top when it gets there, the 5-level scale is one
 * row or one column (never 2 + 2 + 1), and axe-core finds no violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { WIDGET_FILE, assertBuilt, launchBrowser, type StaticServer } from './kit';
import { axeViolations, serveWidgetPages } from './widget-kit';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  assertBuilt(WIDGET_FILE, 'The widget');
  server = await serveWidgetPages();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const VIEWPORTS = [
  { name: '200% zoom of a 1280 × 800 window', width: 640, height: 400, deviceScaleFactor: 2 },
  { name: 'a 360 px wide phone', width: 360, height: 740, deviceScaleFactor: 2 },
  { name: 'reflow: 400% zoom of a 1280 × 1024 window', width: 320, height: 256, deviceScaleFactor: 4 },
];

/**
 * What is wrong with the layout of the widget `host` (a selector) as it is now: horizontal overflow
 * or clipping inside it, a part outside the viewport's width, a control that cannot be brought on
 * screen or is covered once there, a scale wrapped unevenly. Empty when all is well.
 */
async function layoutProblems(page: Page, host: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const problems: string[] = [];
    const root = document.querySelector(selector)!.shadowRoot!;
    const box = root.querySelector<HTMLElement>('.tf, .tf-launcher')!;
    const width = document.documentElement.clientWidth;
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${el.id ? '#' + el.id : ''}`;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const outer = box.getBoundingClientRect();
    if (outer.left < -0.5 || outer.right > width + 0.5) problems.push(`widget spans ${outer.left}–${outer.right} of ${width} px`);
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (!visible(el)) continue;
      const style = getComputedStyle(el);
      // Scrolled or clipped sideways: content wider than the box that holds it.
      if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${name(el)} overflows sideways (${el.scrollWidth} > ${el.clientWidth})`);
      const r = el.getBoundingClientRect();
      if (r.left < outer.left - 1 || r.right > outer.right + 1) problems.push(`${name(el)} sticks out of the widget`);
    }
    // Every control: brought into view, it is inside the viewport and is what a pointer there reaches.
    for (const el of root.querySelectorAll<HTMLElement>('button, input, textarea, select, a[href], summary')) {
      if (!visible(el) || (el as HTMLButtonElement).disabled) continue;
      // Radios and tabs are one Tab stop per group (arrow keys move within it): the group must have one.
      const group = el.getAttribute('role') === 'tab' ? el.closest('[role="tablist"]') : null;
      const reachable =
        el.tabIndex >= 0 ||
        (el instanceof HTMLInputElement && el.type === 'radio') ||
        (group !== null && [...group.querySelectorAll<HTMLElement>('[role="tab"]')].some((t) => t.tabIndex >= 0));
      if (!reachable) problems.push(`${name(el)} is not reachable by keyboard`);
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.right > width + 0.5 || r.top < -0.5 || r.bottom > innerHeight + 0.5)
        problems.push(`${name(el)} cannot be brought on screen (${Math.round(r.left)},${Math.round(r.top)})`);
      const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const label = el.closest('label');
      if (!hit || !(el.contains(hit) || hit.contains(el) || (label && label.contains(hit))))
        problems.push(`${name(el)} is covered by ${hit ? name(hit) : 'nothing'}`);
    }
    // The scale: one row (one top) or one column (one left, as many tops as levels).
    const levels = [...root.querySelectorAll('.tf-level')].map((l) => l.getBoundingClientRect());
    if (levels.length) {
      const tops = new Set(levels.map((r) => Math.round(r.top)));
      const lefts = new Set(levels.map((r) => Math.round(r.left)));
      const row = tops.size === 1;
      const column = lefts.size === 1 && tops.size === levels.length;
      if (!row && !column) problems.push(`scale laid out in ${tops.size} rows and ${lefts.size} columns`);
    }
    return problems;
  }, host);
}

/** Opens a tab and waits for what it shows once the engine has read the page. */
async function openTab(page: Page, tab: 'rating' | 'contact' | 'gap-report'): Promise<void> {
  await page.locator(`tthc-feedback [data-tab="${tab}"]`).click();
  if (tab === 'contact') await page.locator('tthc-feedback [data-source]').waitFor({ timeout: 20_000 });
  if (tab === 'gap-report') await page.locator('tthc-feedback .tf-check').first().waitFor({ timeout: 20_000 });
  if (tab === 'rating') {
    await page.locator('tthc-feedback .tf-more summary').click();
    await page.locator('tthc-feedback [data-question]').first().waitFor({ timeout: 20_000 });
  }
}

describe('usable at 200% and 400% zoom and at 360 px width', () => {
  for (const viewport of VIEWPORTS) {
    it(`inline, every panel: ${viewport.name}`, async () => {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        deviceScaleFactor: viewport.deviceScaleFactor,
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/demo/quoc-gia-1.000178.html`);
      await page.locator('tthc-feedback .tf-level').first().waitFor();
      expect(await page.evaluate(() => [innerWidth, devicePixelRatio])).toEqual([viewport.width, viewport.deviceScaleFactor]);
      for (const tab of ['rating', 'contact', 'gap-report'] as const) {
        await openTab(page, tab);
        expect(await layoutProblems(page, 'tthc-feedback'), tab).toEqual([]);
        expect(await axeViolations(page), tab).toEqual([]);
      }
      await context.close();
    });

    it(`floating launcher and dialog, every panel: ${viewport.name}`, async () => {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        deviceScaleFactor: viewport.deviceScaleFactor,
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/demo/floating.html`);
      await page.locator('tthc-feedback .tf-launcher').waitFor();
      expect(await layoutProblems(page, 'tthc-feedback'), 'launcher').toEqual([]);
      await page.locator('tthc-feedback .tf-launcher').click();
      await page.locator('tthc-feedback [role="dialog"]').waitFor();
      for (const tab of ['rating', 'contact', 'gap-report'] as const) {
        await openTab(page, tab);
        expect(await layoutProblems(page, 'tthc-feedback'), tab).toEqual([]);
        expect(await axeViolations(page), tab).toEqual([]);
      }
      // The dialog fits the viewport: what does not fit scrolls vertically inside it, never sideways.
      const dialog = await page
        .locator('tthc-feedback [role="dialog"]')
        .evaluate((d) => ({ ...d.getBoundingClientRect().toJSON(), scrollWidth: d.scrollWidth, clientWidth: d.clientWidth }));
      expect(dialog.right).toBeLessThanOrEqual(viewport.width);
      expect(dialog.bottom).toBeLessThanOrEqual(viewport.height);
      expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth);
      await context.close();
    });
  }

  it('moves nothing: no transition or animation anywhere in the widget when the citizen asks for reduced motion', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.url}/demo/floating.html`);
    await page.locator('tthc-feedback .tf-launcher').click();
    await page.locator('tthc-feedback [role="dialog"]').waitFor();
    await openTab(page, 'gap-report');
    const moving = await page.evaluate(() =>
      [...document.querySelector('tthc-feedback')!.shadowRoot!.querySelectorAll('*')].flatMap((el) => {
        const style = getComputedStyle(el);
        const durations = `${style.transitionDuration},${style.animationDuration}`.split(',').map((d) => parseFloat(d));
        return style.animationName !== 'none' || durations.some((d) => d > 0) || el.getAnimations().length ? [el.className] : [];
      }),
    );
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    expect(moving).toEqual([]);
    await context.close();
  });
});
