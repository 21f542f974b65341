/**
 * The built extension (.output/chrome-mv3) loaded unpacked in headless Chromium: its content
 * script answers on a portal page and its side panel page opens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, launchWithExtension, serveStatic, type ExtensionSession, type StaticServer } from './kit';

interface ChromeTabsApi {
  tabs: {
    query(q: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

let session: ExtensionSession;

/** Asks the content script in the tab showing `pageUrl` to audit it, from the service worker. */
function askContentScript(pageUrl: string) {
  return session.serviceWorker.evaluate(async (url) => {
    // Runs inside the service worker, where `chrome` is the extension API.
    const api = (globalThis as unknown as { chrome: ChromeTabsApi }).chrome;
    const [tab] = await api.tabs.query({ url });
    if (tab?.id === undefined) return null;
    return api.tabs.sendMessage(tab.id, { type: 'audit/run' }).catch(() => null);
  }, pageUrl);
}
let site: StaticServer;

beforeAll(async () => {
  site = await serveStatic(join(FIXTURES, 'extension'));
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await site?.close();
});

describe('auditor extension', () => {
  it('loads with a service worker and an extension id', () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('runs its content script on a procedure page and answers an audit request with the shared report', async () => {
    const page = await session.context.newPage();
    await page.goto(`${site.url}/procedure-page.html`);
    await expect
      .poll(() => askContentScript(page.url()), { timeout: 10_000 })
      .toMatchObject({ ok: true, report: { status: 'audited', procedure: { code: '1.001193' } } });
    await page.close();
  });

  it('shows every element of the audit in the side panel', async () => {
    const site_page = await session.context.newPage();
    await site_page.goto(`${site.url}/procedure-page.html`);
    const tabId = await session.serviceWorker.evaluate(async (pageUrl) => {
      const api = (globalThis as unknown as { chrome: ChromeTabsApi }).chrome;
      return (await api.tabs.query({ url: pageUrl }))[0]?.id;
    }, site_page.url());
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${tabId}`);
    await expect
      .poll(
        async () => {
          await panel.locator('[data-action="scan"]').click();
          return panel.locator('[data-element]').count();
        },
        { timeout: 10_000 },
      )
      .toBe(14);
    expect(await panel.locator('[data-element="agency"]').getAttribute('data-status')).toBe('pass');
    expect(await panel.locator('[data-element="subjects"]').getAttribute('data-status')).toBe('pass');
    expect(await panel.locator('[data-element="dossier"]').getAttribute('data-status')).toBe('fail');
    expect(await panel.locator('[data-element="dossier"] .detail').textContent()).toContain('Không thấy');
    await panel.close();
    await site_page.close();
  });

  it('opens its side panel page in Vietnamese', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Kiểm tra công khai');
    await page.close();
  });
});

describe('auditor extension on a portal that fills the page after load', () => {
  it('waits for the content and audits it', async () => {
    const page = await session.context.newPage();
    await page.goto(`${site.url}/filled-after-load.html`);
    await expect
      .poll(() => askContentScript(page.url()), { timeout: 15_000 })
      .toMatchObject({ ok: true, report: { status: 'audited', procedure: { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp' } } });
    await page.close();
  });
});
