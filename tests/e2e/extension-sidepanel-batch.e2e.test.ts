/**
 * The batch audit seen from the side panel, in the built extension (.output/chrome-mv3) loaded
 * unpacked in headless Chromium, over the demo portal of scripts/portal-fixture.ts on 127.0.0.1
 * (procedure pages answered after a short delay, pages answering 404, pages that are not
 * procedure pages). The side panel page is opened as a tab (Playwright cannot reach the real
 * side panel), as in tests/e2e/extension-batch.e2e.test.ts, which also explains the copy of the
 * build that grants http://127.0.0.1/* at install (headless Chromium cannot answer the
 * permission prompt). Checked: the panel follows a batch live, without a reload, to the final
 * done / unscannable counts; pause and resume in the panel pause and resume the worker (the
 * server's request log proves nothing is fetched while paused and nothing twice); a row of the
 * batch page opens that page's stored report in the panel, and "back" returns to the open tab's
 * audit; both languages, and axe-core finds no violation in each state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { buildDemoPortal, serveDemoPortal, type DemoPortal, type DemoServer } from '../../scripts/portal-fixture';
import { launchWithExtension, type ExtensionSession, axeViolations, extensionWithLocalHosts, setExtensionLocale } from './kit';

let session: ExtensionSession;
let demo: DemoPortal;
let server: DemoServer;
let extensionDir: string;

beforeAll(async () => {
  demo = buildDemoPortal({ procedures: 14, hangs: 0, notFound: 2, notProcedure: 2, delayMs: 500 });
  server = await serveDemoPortal(demo);
  extensionDir = await extensionWithLocalHosts('tthc-panel-batch-ext-');
  session = await launchWithExtension(extensionDir);
}, 60_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (extensionDir) await rm(extensionDir, { recursive: true, force: true });
});

const procedureUrls = (run: string) =>
  demo.pages.filter((p) => p.kind === 'procedure').map((p) => `${server.url}${p.path}${run ? `?run=${run}` : ''}`);

/** Opens the batch page, with the permission prompt answered as a person refusing every new site. */
async function openBatchPage(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/batch.html`);
  await page.locator('h1').waitFor();
  await page.evaluate(() => {
    const permissions = (globalThis as unknown as { chrome: { permissions: { request: unknown; contains(p: object): Promise<boolean> } } })
      .chrome.permissions;
    permissions.request = (p: object) => permissions.contains(p);
  });
  return page;
}

/** Opens the side panel page in a tab (pinned to `tabId` when given, as its pop-out view is). */
async function openPanel(tabId?: number): Promise<Page> {
  const panel = await session.context.newPage();
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html${tabId ? `?tabId=${tabId}` : ''}`);
  await panel.locator('h1').waitFor();
  return panel;
}

async function startBatch(page: Page, urls: readonly string[], concurrency: number): Promise<void> {
  if ((await page.locator('[data-action="new"]').count()) > 0) await page.locator('[data-action="new"]').click();
  await page.locator('textarea[name="urls"]').fill(urls.join('\n'));
  await page.locator('input[name="concurrency"]').fill(String(concurrency));
  await page.locator('input[name="timeout"]').fill('20');
  await page.locator('[data-action="start"]').click();
  await page.locator('[data-run]').waitFor({ timeout: 10_000 });
}

const runState = (page: Page) => page.locator('[data-run]').getAttribute('data-run');
const count = async (page: Page, what: 'total' | 'done' | 'unscannable' | 'pending' | 'running') =>
  Number(await page.locator('[data-counts]').getAttribute(`data-${what}`));

function requestsOf(url: string): number {
  const u = new URL(url);
  return server.requests.filter((r) => r === u.pathname + u.search).length;
}

describe('the batch audit in the side panel', () => {
  it('follows a running batch live, without a reload, to the final audited and unscannable counts', async () => {
    const panel = await openPanel();
    // No batch yet: the panel shows none.
    expect(await panel.locator('[data-run]').count()).toBe(0);
    // Every value of the panel's "audited" count, as the panel shows it; and a mark a reload would lose.
    await panel.evaluate(() => {
      const w = window as unknown as { __seen: number[]; __sameDocument: boolean };
      w.__seen = [];
      w.__sameDocument = true;
      new MutationObserver(() => {
        const done = document.querySelector('[data-counts]')?.getAttribute('data-done');
        if (done != null && Number(done) !== w.__seen.at(-1)) w.__seen.push(Number(done));
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });

    const page = await openBatchPage();
    const urls = [
      ...procedureUrls(''),
      ...demo.pages.filter((p) => p.kind === 'not-found' || p.kind === 'not-procedure').map((p) => `${server.url}${p.path}`),
    ];
    expect(urls).toHaveLength(18);
    await startBatch(page, urls, 2);

    await panel.locator('[data-run="running"]').waitFor({ timeout: 10_000 });
    expect(await panel.locator('[data-live="progress"]').getAttribute('aria-live')).toBe('polite');
    // Pages per minute and time left once a page is finished.
    await expect
      .poll(() => panel.locator('[data-rate]').textContent(), { timeout: 60_000, interval: 100 })
      .toMatch(/^Tốc độ: [\d,]+ trang\/phút; còn khoảng (dưới một phút|\d+ phút)\.$/);
    expect(await axeViolations(panel)).toEqual([]);
    expect(await panel.locator('a[data-action="open-batch-table"]').getAttribute('href')).toBe(
      `chrome-extension://${session.extensionId}/batch.html`,
    );

    await expect.poll(() => runState(panel), { timeout: 120_000, interval: 500 }).toBe('finished');
    expect(await count(panel, 'total')).toBe(18);
    expect(await count(panel, 'done')).toBe(14);
    expect(await count(panel, 'unscannable')).toBe(4);
    expect(await panel.locator('[data-counts]').textContent()).toBe(
      'Đã xong 18/18 trang: 14 kiểm tra được, 4 không kiểm tra được; 0 đang kiểm tra, 0 đang chờ.',
    );
    expect(await panel.locator('[data-state]').textContent()).toMatch(/^Trạng thái: Đã xong\./);
    // The same figures as the batch page.
    for (const what of ['total', 'done', 'unscannable'] as const) expect(await count(page, what)).toBe(await count(panel, what));
    // The count moved through the pages one after another in the same document, ending at the total.
    const { seen, sameDocument } = await panel.evaluate(() => {
      const w = window as unknown as { __seen: number[]; __sameDocument?: boolean };
      return { seen: w.__seen, sameDocument: w.__sameDocument === true };
    });
    expect(sameDocument).toBe(true);
    expect(seen.at(-1)).toBe(14);
    expect(seen.filter((n) => n > 0 && n < 14).length).toBeGreaterThanOrEqual(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    // A finished batch offers no pause, resume or cancel.
    expect(await panel.locator('[data-action="pause"], [data-action="resume"], [data-action="cancel"]').count()).toBe(0);
    expect(await axeViolations(panel)).toEqual([]);
    await page.close();
    await panel.close();
  }, 180_000);

  it('pauses and resumes the batch from the side panel, fetching nothing while paused and no page twice', async () => {
    const page = await openBatchPage();
    const panel = await openPanel();
    const urls = procedureUrls('2');
    await startBatch(page, urls, 2);
    await panel.locator('[data-run="running"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => count(panel, 'done'), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    await panel.locator('[data-action="pause"]').click();
    // The worker paused: the batch page says so too, and the pages in progress finish.
    await expect.poll(() => runState(page)).toBe('paused');
    await expect.poll(() => runState(panel)).toBe('paused');
    await expect.poll(() => count(panel, 'running'), { timeout: 30_000 }).toBe(0);
    expect(await panel.locator('[data-state]').textContent()).toMatch(/^Trạng thái: Đã tạm dừng\./);
    expect(await panel.locator('[data-rate]').count()).toBe(0);
    const done = await count(panel, 'done');
    expect(done).toBeLessThan(urls.length);
    const requests = server.requests.length;
    await new Promise((wait) => setTimeout(wait, 2_000));
    expect(server.requests.length).toBe(requests);
    expect(await count(panel, 'done')).toBe(done);
    expect(await axeViolations(panel)).toEqual([]);

    await panel.locator('[data-action="resume"]').click();
    await expect.poll(() => runState(page)).not.toBe('paused');
    await expect.poll(() => runState(panel), { timeout: 120_000, interval: 500 }).toBe('finished');
    expect(await count(panel, 'done')).toBe(urls.length);
    for (const url of urls) expect(requestsOf(url), url).toBe(1);
    await page.close();
    await panel.close();
  }, 180_000);

  it('opens a page of the batch from its row in the side panel, from its stored report, and goes back to the open tab’s audit', async () => {
    // The auditor's own tab, audited in the panel first.
    const tab = await session.context.newPage();
    const own = demo.pages.find((p) => p.kind === 'procedure')!;
    await tab.goto(`${server.url}${own.path}?own=1`);
    await tab.bringToFront();
    await session.clickAction(tab);
    const tabId = await session.serviceWorker.evaluate(async (url) => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
      return (await api.tabs.query({ url }))[0]?.id;
    }, tab.url());
    const panel = await openPanel(tabId);
    await panel.locator('[data-action="scan"]').click();
    await panel.locator('[data-result="audited"]').waitFor({ timeout: 30_000 });
    const ownName = await panel.locator('#procedure-name').textContent();
    const ownElements = await panel.locator('li[data-element]').count();
    expect(await panel.locator('[data-action="show-evidence"]').count()).toBeGreaterThan(0);

    // The batch of the previous test is finished; its table lists every page.
    const page = await openBatchPage();
    await expect.poll(() => page.locator('tr[data-outcome="done"]').count(), { timeout: 20_000 }).toBe(14);
    const row = page.locator('tr[data-outcome="done"]').nth(3);
    const url = (await row.getAttribute('data-page'))!;
    expect(url).not.toContain('?own=1');
    const button = row.locator('[data-action="open-in-panel"]');
    expect(await button.getAttribute('aria-label')).toMatch(/^Xem trong bảng bên: /);
    await button.click();

    const view = panel.locator('[data-view="batch-page"]');
    await view.waitFor({ timeout: 10_000 });
    expect(await view.getAttribute('data-page-url')).toBe(url);
    expect(await view.locator('a.page-url').getAttribute('href')).toBe(url);
    expect(await panel.locator('main > [data-notice]').getAttribute('data-notice')).toBe('extension.sidepanel.batchPageShown');
    // The report shown is the one the batch stored for that page, element by element.
    const stored = await panel.evaluate(async (key) => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } })
        .chrome;
      const report = (await api.storage.local.get(key))[key] as {
        procedure: { name: string | null };
        results: { id: string; status: string }[];
      };
      return { name: report.procedure.name, statuses: report.results.map((r) => [r.id, r.status] as const) };
    }, `batch:v1:page:${url}`);
    expect(await panel.locator('#procedure-name').textContent()).toBe(stored.name);
    const shown = await panel
      .locator('li[data-element]')
      .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-element'), li.getAttribute('data-status')] as const));
    expect(new Map(shown)).toEqual(new Map(stored.statuses));
    // That page is not open: no "Xem trên trang"; decisions and exports are there as for the tab.
    expect(await panel.locator('[data-action="show-evidence"], [data-action="show-all"]').count()).toBe(0);
    expect(await panel.locator('[data-action="override"]').count()).toBeGreaterThan(0);
    expect(await panel.locator('[data-action="export-csv"]').count()).toBe(1);
    // The panel does not reopen it later: the request was taken.
    expect(
      await panel.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } })
          .chrome;
        return (await api.storage.session.get('sidepanel:batch-page'))['sidepanel:batch-page'] ?? null;
      }),
    ).toBeNull();
    expect(await axeViolations(panel)).toEqual([]);

    await panel.locator('[data-action="back-to-tab"]').click();
    await expect.poll(() => panel.locator('[data-view="batch-page"]').count()).toBe(0);
    expect(await panel.locator('#procedure-name').textContent()).toBe(ownName);
    expect(await panel.locator('li[data-element]').count()).toBe(ownElements);
    expect(await panel.locator('[data-action="show-evidence"]').count()).toBeGreaterThan(0);
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('scan');
    await page.close();
    await panel.close();
    await tab.close();
  }, 120_000);

  it('opens the browser’s own side panel from the row, and that panel takes the page', async () => {
    type Chrome = {
      runtime: { getContexts(q: object): Promise<{ documentUrl?: string }[]> };
      sidePanel: { close(o: { windowId: number }): Promise<void> };
      tabs: { query(q: object): Promise<{ windowId: number }[]> };
      storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
    };
    const page = await openBatchPage();
    await expect.poll(() => page.locator('tr[data-outcome="done"]').count(), { timeout: 20_000 }).toBe(14);
    // Close every side panel (the toolbar click of the previous test opened one): no panel listens now.
    const panels = () =>
      session.serviceWorker.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: Chrome }).chrome;
        return (await api.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((c) => new URL(c.documentUrl ?? '').pathname);
      });
    await session.serviceWorker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: Chrome }).chrome;
      const windows = new Set((await api.tabs.query({})).map((t) => t.windowId));
      for (const windowId of windows) await api.sidePanel.close({ windowId }).catch(() => undefined);
    });
    await expect.poll(panels).toEqual([]);
    const request = () =>
      page.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: Chrome }).chrome;
        return (await api.storage.session.get('sidepanel:batch-page'))['sidepanel:batch-page'] ?? null;
      });
    expect(await request()).toBeNull();
    // Every write of the request, as the batch page sees it: true when written, false when taken.
    await page.evaluate(() => {
      const w = window as unknown as { __requests: boolean[] };
      w.__requests = [];
      const api = (
        globalThis as unknown as {
          chrome: { storage: { onChanged: { addListener(f: (c: Record<string, { newValue?: unknown }>, area: string) => void): void } } };
        }
      ).chrome;
      api.storage.onChanged.addListener((changes, area) => {
        if (area === 'session' && 'sidepanel:batch-page' in changes) w.__requests.push(changes['sidepanel:batch-page']!.newValue != null);
      });
    });

    await page.locator('tr[data-outcome="done"] [data-action="open-in-panel"]').first().click();
    // The click opened the side panel, and the request was taken: by that panel, the only one open.
    await expect.poll(panels, { timeout: 10_000 }).toEqual(['/sidepanel.html']);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __requests: boolean[] }).__requests), { timeout: 10_000 })
      .toEqual([true, false]);
    expect(await request()).toBeNull();
    await page.close();
  }, 60_000);

  it('speaks English when the auditor chose it, with no axe violation', async () => {
    await setExtensionLocale(session, 'en');
    try {
      const panel = await openPanel();
      expect(await panel.locator('html').getAttribute('lang')).toBe('en');
      expect(await panel.locator('#progress-title').textContent()).toBe('Batch audit');
      expect(await panel.locator('[data-counts]').textContent()).toBe(
        '14 of 14 pages finished: 14 audited, 0 unscannable; 0 in progress, 0 waiting.',
      );
      expect(await panel.locator('a[data-action="open-batch-table"]').textContent()).toBe('Open the full results table');
      const page = await openBatchPage();
      const row = page.locator('tr[data-outcome="done"]').first();
      await row.waitFor({ timeout: 20_000 });
      expect(await row.locator('[data-action="open-in-panel"]').textContent()).toBe('Open in the side panel');
      await row.locator('[data-action="open-in-panel"]').click();
      await panel.locator('[data-view="batch-page"]').waitFor({ timeout: 10_000 });
      expect(await panel.locator('#batch-page-title').textContent()).toBe('One page of the batch audit');
      expect(await panel.locator('[data-action="back-to-tab"]').textContent()).toBe('Back to the open tab’s audit');
      expect(await axeViolations(panel)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
      await panel.close();
    } finally {
      await setExtensionLocale(session, 'vi');
    }
  }, 60_000);
});
