/**
 * The built extension (.output/chrome-mv3) loaded unpacked in headless Chromium. Its manifest asks
 * for no all-sites content script or host permission; after the toolbar button is clicked on a
 * portal page (activeTab), the side panel injects the audit script and lists the results, and
 * "Xem trên trang" draws a box over the evidence without changing the page's HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURES, ROOT, launchWithExtension, serveStatic, type ExtensionSession, type StaticServer } from './kit';

interface ChromeApi {
  tabs: { query(q: { url?: string; active?: boolean }): Promise<{ id?: number; url?: string }[]> };
  scripting: { executeScript(o: { target: { tabId: number }; files: string[] }): Promise<{ result?: unknown }[]> };
}

let session: ExtensionSession;
let site: StaticServer;

beforeAll(async () => {
  site = await serveStatic(join(FIXTURES, 'extension'));
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await site?.close();
});

/** The tab id of `page`, as the extension sees it (its URL is visible once activeTab is granted). */
function tabIdOf(page: Page): Promise<number | undefined> {
  return session.serviceWorker.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    return (await api.tabs.query({ url }))[0]?.id;
  }, page.url());
}

/** Runs the audit script in `page`'s tab from the service worker, as the side panel does. */
function injectAudit(page: Page) {
  return session.serviceWorker.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const [tab] = await api.tabs.query({ url });
    if (tab?.id === undefined) return 'no tab';
    try {
      const [frame] = await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/audit.js'] });
      return frame?.result;
    } catch (error) {
      return String(error);
    }
  }, page.url());
}

/** Opens `file` of the demo site, clicks the toolbar button on it and opens the panel for its tab. */
async function openWithPanel(file: string): Promise<{ page: Page; panel: Page }> {
  const page = await session.context.newPage();
  await page.goto(`${site.url}/${file}`);
  await page.bringToFront();
  await session.clickAction(page);
  const tabId = await tabIdOf(page);
  expect(tabId).toBeTypeOf('number');
  const panel = await session.context.newPage();
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${tabId}`);
  return { page, panel };
}

describe('auditor extension: permissions', () => {
  it('asks at install for no content script and no host permission on all sites', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, '.output', 'chrome-mv3', 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const allSites = (patterns: unknown) =>
      Array.isArray(patterns) && patterns.some((p) => /<all_urls>|^\*:\/\/\*\/|^https?:\/\/\*\//.test(String(p)));
    const scripts = (manifest.content_scripts ?? []) as { matches?: string[] }[];
    expect(scripts.filter((s) => allSites(s.matches))).toEqual([]);
    expect(allSites(manifest.host_permissions)).toBe(false);
    expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting']));
    expect(manifest.permissions).not.toContain('tabs');
  });

  it('cannot read a page before the auditor clicks its button there', async () => {
    const page = await session.context.newPage();
    await page.goto(`${site.url}/procedure-page.html?untouched`);
    // Without activeTab the extension does not even see the tab's URL.
    expect(await tabIdOf(page)).toBeUndefined();
    await page.close();
  });

  it('loads with a service worker and an extension id', () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
  });
});

describe('auditor extension: audit on demand', () => {
  it('injects the audit script after a click on its button and gets the shared report', async () => {
    const page = await session.context.newPage();
    await page.goto(`${site.url}/procedure-page.html`);
    await page.bringToFront();
    await session.clickAction(page);
    await expect
      .poll(() => injectAudit(page), { timeout: 10_000 })
      .toMatchObject({ ok: true, report: { status: 'audited', procedure: { code: '1.001193' } } });
    await page.close();
  });

  it('shows every element of the audit in the side panel, grouped by legal instrument', async () => {
    const { page, panel } = await openWithPanel('procedure-page.html');
    await panel.locator('[data-action="scan"]').click();
    await expect.poll(() => panel.locator('[data-element]').count(), { timeout: 10_000 }).toBe(14);
    expect(await panel.locator('[data-element="agency"]').getAttribute('data-status')).toBe('pass');
    expect(await panel.locator('[data-element="subjects"]').getAttribute('data-status')).toBe('pass');
    expect(await panel.locator('[data-element="dossier"]').getAttribute('data-status')).toBe('fail');
    expect(await panel.locator('[data-element="dossier"] .detail').textContent()).toContain('Không thấy');
    expect(await panel.locator('section.group h4').count()).toBeGreaterThan(1);
    await panel.close();
    await page.close();
  });

  it('says in Vietnamese why it cannot read a tab it was not invoked on', async () => {
    const page = await session.context.newPage();
    await page.goto(`${site.url}/procedure-page.html?not-invoked`);
    const ids = await session.serviceWorker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
      return (await api.tabs.query({})).map((t) => t.id);
    });
    const panel = await session.context.newPage();
    // The newest tab before the panel is the page just opened.
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${ids.at(-1)}`);
    await panel.locator('[data-action="scan"]').click();
    await expect.poll(() => panel.locator('[data-notice]').getAttribute('data-notice')).toBe('extension.error.noAccess');
    expect(await panel.locator('[data-notice]').textContent()).toContain('chưa được phép');
    await panel.close();
    await page.close();
  });

  it('opens its side panel page in Vietnamese', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Kiểm tra công khai');
    await page.close();
  });
});

describe('auditor extension: "Xem trên trang"', () => {
  it('draws a box over the node holding the evidence and leaves the page HTML unchanged', async () => {
    const { page, panel } = await openWithPanel('procedure-page.html');
    const before = await page.evaluate(() => document.body.outerHTML);
    await panel.locator('[data-action="scan"]').click();
    const row = panel.locator('[data-element="agency"]');
    await row.waitFor({ timeout: 10_000 });
    await row.locator('[data-action="show-evidence"]').click();
    await expect.poll(() => panel.locator('[data-notice]').getAttribute('data-notice')).toBe('extension.evidence.bySelector');
    const boxes = await page.evaluate(() => {
      const host = document.querySelector('tthc-audit-overlay');
      const box = host?.shadowRoot?.querySelector('.box')?.getBoundingClientRect();
      return { box: box && { x: box.x, y: box.y, w: box.width, h: box.height } };
    });
    expect(boxes.box).toBeDefined();
    expect(boxes.box!.w).toBeGreaterThan(0);
    // The node the report points at: the evidence's selector, read from the panel's report.
    const selector = await injectAudit(page).then((r) => {
      const report = (r as { report: { results: { id: string; evidence: { selector: string }[] }[] } }).report;
      return report.results.find((x) => x.id === 'agency')!.evidence[0]!.selector;
    });
    const node = await page.evaluate((sel) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    }, selector);
    expect(Math.abs(boxes.box!.x - node.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(boxes.box!.y - node.y)).toBeLessThanOrEqual(1);
    expect(Math.abs(boxes.box!.w - node.w)).toBeLessThanOrEqual(1);
    expect(Math.abs(boxes.box!.h - node.h)).toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
    // Visible: the node was scrolled into the viewport.
    const viewport = page.viewportSize()!;
    expect(node.y).toBeGreaterThanOrEqual(0);
    expect(node.y).toBeLessThan(viewport.height);

    await panel.locator('[data-action="show-all"]').click();
    await expect.poll(() => panel.locator('[data-notice]').getAttribute('data-notice')).toBe('extension.evidence.allDrawn');
    expect(
      await page.evaluate(() => document.querySelector('tthc-audit-overlay')?.shadowRoot?.querySelectorAll('.box').length),
    ).toBeGreaterThan(5);
    await panel.locator('[data-action="show-all"]').click();
    await expect.poll(() => page.evaluate(() => document.querySelector('tthc-audit-overlay'))).toBeNull();
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
    await panel.close();
    await page.close();
  });

  it('falls back to the quoted text when the selector no longer matches, and says so', async () => {
    const { page, panel } = await openWithPanel('procedure-page.html');
    await panel.locator('[data-action="scan"]').click();
    const row = panel.locator('[data-element="agency"]');
    await row.waitFor({ timeout: 10_000 });
    // The page changes after the audit: a wrapper moves every block, so old selectors miss.
    await page.evaluate(() => {
      const wrapper = document.createElement('div');
      wrapper.className = 'moved';
      wrapper.append(...document.body.childNodes);
      document.body.append(document.createElement('p'), wrapper);
    });
    await row.locator('[data-action="show-evidence"]').click();
    await expect.poll(() => panel.locator('[data-notice]').getAttribute('data-notice')).toBe('extension.evidence.byQuote');
    expect(await page.evaluate(() => document.querySelector('tthc-audit-overlay')?.shadowRoot?.querySelectorAll('.box').length)).toBe(1);
    await panel.close();
    await page.close();
  });
});

describe('auditor extension: the decision of the auditor', () => {
  it('requires a note, keeps the machine status beside the decision and survives a reload', async () => {
    const { page, panel } = await openWithPanel('procedure-page.html?override');
    await panel.locator('[data-action="scan"]').click();
    const row = panel.locator('[data-element="dossier"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute('data-status')).toBe('fail');
    await row.locator('[data-action="override"]').click();
    await row.locator('select[name="status"]').selectOption('pass');
    await row.locator('[data-action="save-override"]').click();
    // No note: refused, with the reason said.
    expect(await row.locator('[role="alert"]').textContent()).toContain('Cần ghi lý do');
    expect(await row.getAttribute('data-status')).toBe('fail');
    await row.locator('textarea[name="note"]').fill('Thành phần hồ sơ có ở tệp đính kèm.');
    await row.locator('[data-action="save-override"]').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('pass');
    expect(await row.locator('[data-override]').textContent()).toContain('máy: Thiếu');
    expect(await row.locator('[data-override]').textContent()).toContain('tệp đính kèm');

    // Reload the page and the panel, audit again: the decision is still there.
    await page.reload();
    await panel.reload();
    await panel.locator('[data-action="scan"]').click();
    await expect.poll(() => panel.locator('[data-element="dossier"]').getAttribute('data-status'), { timeout: 10_000 }).toBe('pass');
    expect(await panel.locator('[data-element="dossier"] [data-override]').textContent()).toContain('máy: Thiếu');

    // Removing it brings back the machine's status.
    await panel.locator('[data-element="dossier"] [data-action="override"]').click();
    await panel.locator('[data-element="dossier"] [data-action="remove-override"]').click();
    await expect.poll(() => panel.locator('[data-element="dossier"]').getAttribute('data-status')).toBe('fail');
    await panel.close();
    await page.close();
  });
});

describe('auditor extension on a portal that fills the page after load', () => {
  it('waits for the content and audits it', async () => {
    const page = await session.context.newPage();
    await page.goto(`${site.url}/filled-after-load.html`);
    await page.bringToFront();
    await session.clickAction(page);
    await expect
      .poll(() => injectAudit(page), { timeout: 15_000 })
      .toMatchObject({ ok: true, report: { status: 'audited', procedure: { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp' } } });
    await page.close();
  });
});
