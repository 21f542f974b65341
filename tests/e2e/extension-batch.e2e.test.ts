/**
 * The batch audit in the built extension (.output/chrome-mv3), loaded unpacked in headless
 * Chromium, over a demo portal served on 127.0.0.1: procedure pages from tests/fixtures/pages,
 * pages answering 404, a page that is not a procedure page, a page that never finishes loading,
 * and pages of a site whose access is refused. Every page is accounted for with the right reason;
 * a paused batch survives a stop of the extension's service worker and resumes without auditing a
 * page twice (the server's request log proves it); the CSV export parses back to the table; a list
 * the default recognition misses is walked with the site profile's selectors from the options page.
 *
 * Host access: Chromium's permission prompt cannot be answered from Playwright (a request waits
 * for ever in headless mode). So the extension is loaded from a copy of the build whose manifest
 * also grants http://127.0.0.1/* at install (as if the auditor had accepted the prompt for that
 * site before), and in the batch page `permissions.request` is replaced by what a person refusing
 * every new site gets: true for what is already granted, false otherwise. The worker's own check
 * (`permissions.contains`, real) then finds localhost not granted: those pages are "permission
 * refused" and are never requested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { auditDocument } from '../../shared/audit';
import { normalizeUrl } from '../../shared/batch';
import { parseHtmlDocument } from '../../shared/node/html';
import { buildDemoPortal, serveDemoPortal } from '../../scripts/portal-fixture';
import {
  FIXTURES,
  launchWithExtension,
  listen,
  type ExtensionSession,
  type StaticServer,
  axeViolations,
  extensionWithLocalHosts,
  setExtensionLocale,
} from './kit';
import { parseCsv } from '../csv-reader';

/** Runs `act` in `page` and returns the text of the file it downloads through an `<a download>`. */
async function captureDownload(page: Page, act: () => Promise<void>): Promise<string> {
  await page.evaluate(() => {
    const w = window as unknown as { __downloads: Promise<string>[] };
    w.__downloads = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download)
        w.__downloads.push(
          fetch(this.href)
            .then((r) => r.arrayBuffer())
            .then((b) => String.fromCharCode(...new Uint8Array(b))),
        );
    };
  });
  await act();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __downloads: unknown[] }).__downloads.length)).toBe(1);
  const bytes = await page.evaluate(() => (window as unknown as { __downloads: Promise<string>[] }).__downloads[0]!);
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

interface Portal extends StaticServer {
  /** Every path requested, in order. */
  log: string[];
  /** Milliseconds before a procedure page is answered. */
  delayMs: number;
}

const PAGES_DIR = join(FIXTURES, 'pages');

/** The demo portal: /p/<fixture> procedure pages, /gone/* 404, /plain.html, /hang.html, /list?page=N. */
async function servePortal(fixtures: readonly string[]): Promise<Portal> {
  const log: string[] = [];
  const hanging = new Set<ServerResponse>();
  const state = { delayMs: 0 };
  const html = (res: ServerResponse, status: number, body: string) =>
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    log.push(url.pathname + url.search);
    if (url.pathname.startsWith('/p/')) {
      const name = decodeURIComponent(url.pathname.slice(3));
      if (!fixtures.includes(name)) return html(res, 404, '<!doctype html><title>404</title><p>Không tìm thấy</p>');
      setTimeout(() => void readFile(join(PAGES_DIR, name), 'utf8').then((body) => html(res, 200, body)), state.delayMs);
      return;
    }
    if (url.pathname === '/moved.html') {
      // Redirects to another site, one the extension was not granted.
      res.writeHead(302, { location: `http://localhost:${url.searchParams.get('port')}/p/away.html` }).end();
      return;
    }
    if (url.pathname.startsWith('/gone/'))
      return html(res, 404, '<!doctype html><html lang="vi"><title>404</title><p>Không tìm thấy trang</p></html>');
    if (url.pathname === '/plain.html')
      return html(
        res,
        200,
        '<!doctype html><html lang="vi"><title>Giới thiệu</title><h1>Giới thiệu về sở</h1><p>Sở có chức năng tham mưu.</p></html>',
      );
    if (url.pathname === '/hang.html') {
      // Starts the page and never finishes it.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<!doctype html><html lang="vi"><title>Đang tải</title><p>Đang tải');
      hanging.add(res);
      return;
    }
    if (url.pathname === '/odd-list') {
      // A portal that lists its procedures in a side column, with "Xem tiếp" to the next page: the
      // default recognition skips side columns, so only a site profile's selectors find them.
      const n = Number(url.searchParams.get('page') ?? '1');
      const links = fixtures
        .slice((n - 1) * 4, n * 4)
        .map((f) => `<p><a href="/p/${encodeURIComponent(f)}">Thủ tục ${f}</a></p>`)
        .join('');
      const next = n < 2 ? '<a class="tiep" href="/odd-list?page=2">Xem tiếp</a>' : '';
      return html(
        res,
        200,
        `<!doctype html><html lang="vi"><title>Thủ tục</title><main><h1>Tin tức</h1></main><aside class="sidebar dm-tthc">${links}${next}</aside></html>`,
      );
    }
    if (url.pathname === '/list') {
      const n = Number(url.searchParams.get('page') ?? '1');
      const rows = fixtures
        .slice((n - 1) * 5, n * 5)
        .map(
          (f, i) =>
            `<tr><td>${(n - 1) * 5 + i + 1}</td><td><a href="/p/${encodeURIComponent(f)}">Thủ tục số ${(n - 1) * 5 + i + 1} về ${f}</a></td></tr>`,
        )
        .join('');
      const pages = Math.ceil(fixtures.length / 5);
      const pager = Array.from({ length: pages }, (_, i) => `<a href="/list?page=${i + 1}">${i + 1}</a>`).join(' ');
      return html(
        res,
        200,
        `<!doctype html><html lang="vi"><title>Danh sách thủ tục</title><table><thead><tr><th>STT</th><th>Tên thủ tục</th></tr></thead><tbody>${rows}</tbody></table><div class="pagination">${pager}</div></html>`,
      );
    }
    html(res, 404, 'not found');
  });
  const listening = await listen(server);
  return {
    url: listening.url,
    log,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await listening.close();
    },
  };
}

let session: ExtensionSession;
let portal: Portal;
let extensionDir: string;
/** Fixture pages the engine, run in Node, audits as procedure pages (the oracle for "done"). */
let procedures: string[];

beforeAll(async () => {
  const names = (await readdir(PAGES_DIR)).filter((f) => f.endsWith('.html')).sort();
  procedures = [];
  for (const name of names) {
    const doc = parseHtmlDocument(await readFile(join(PAGES_DIR, name), 'utf8'));
    if (auditDocument(doc, { url: `http://127.0.0.1/p/${name}` }).status === 'audited') procedures.push(name);
    if (procedures.length === 20) break;
  }
  portal = await servePortal(procedures);
  extensionDir = await extensionWithLocalHosts('tthc-batch-ext-');
  session = await launchWithExtension(extensionDir);
}, 60_000);

afterAll(async () => {
  await session?.close();
  await portal?.close();
  if (extensionDir) await rm(extensionDir, { recursive: true, force: true });
});

/** Opens the batch page, with the permission prompt answered as a person refusing every new site. */
async function openBatchPage(page?: Page): Promise<Page> {
  const target = page ?? (await session.context.newPage());
  await target.goto(`chrome-extension://${session.extensionId}/batch.html`);
  await target.locator('h1').waitFor();
  await target.evaluate(() => {
    const permissions = (globalThis as unknown as { chrome: { permissions: { request: unknown; contains(p: object): Promise<boolean> } } })
      .chrome.permissions;
    permissions.request = (p: object) => permissions.contains(p);
  });
  return target;
}

async function startBatch(page: Page, urls: readonly string[], settings: { concurrency: number; timeout: number }): Promise<void> {
  await page.locator('textarea[name="urls"]').fill(urls.join('\n'));
  await page.locator('input[name="concurrency"]').fill(String(settings.concurrency));
  await page.locator('input[name="timeout"]').fill(String(settings.timeout));
  await page.locator('[data-action="start"]').click();
  await page.locator('[data-run]').waitFor({ timeout: 10_000 });
}

/** Shows the start form: cancels a batch left unfinished by an earlier test, then "Lượt kiểm tra mới". */
async function newBatch(page: Page): Promise<void> {
  if ((await page.locator('[data-action="cancel"]').count()) > 0) await page.locator('[data-action="cancel"]').click();
  if ((await page.locator('[data-run]').count()) > 0) await page.locator('[data-action="new"]').click({ timeout: 30_000 });
  await page.locator('textarea[name="urls"]').waitFor();
}

const runState = (page: Page) => page.locator('[data-run]').getAttribute('data-run');
const count = async (page: Page, what: 'total' | 'done' | 'unscannable' | 'pending' | 'running') =>
  Number(await page.locator('[data-counts]').getAttribute(`data-${what}`));

function requestsOf(path: string): number {
  return portal.log.filter((p) => p === path).length;
}

describe('extension batch audit', () => {
  it('audits a demo portal and accounts for every page with its reason (load errors: a closed port, a redirect to a site not granted); the CSV parses back to the table', async () => {
    expect(procedures.length).toBeGreaterThanOrEqual(16);
    const page = await openBatchPage();
    expect(await axeViolations(page)).toEqual([]);
    const port = new URL(portal.url).port;
    const good = procedures.slice(0, 16).map((f) => `${portal.url}/p/${encodeURIComponent(f)}`);
    const refused = [`http://localhost:${port}/p/refused-1.html`, `http://localhost:${port}/p/refused-2.html`];
    // A port nothing listens on: the browser shows its own error page.
    const closed = await listen(createServer());
    await closed.close();
    const urls = [
      ...good,
      `${portal.url}/gone/1.html`,
      `${portal.url}/gone/2.html`,
      `${portal.url}/plain.html`,
      `${portal.url}/hang.html`,
      ...refused,
      `${closed.url}/p/nothing-here.html`,
      `${portal.url}/moved.html?port=${port}`,
    ];
    portal.log.length = 0;
    // 15 s a page: on a loaded machine a procedure page may take several seconds; the hanging one takes all 15.
    await startBatch(page, urls, { concurrency: 3, timeout: 15 });
    expect(await page.locator('[data-notice="extension.batch.permissionRefused"]').count()).toBe(1);
    await expect.poll(() => runState(page), { timeout: 150_000, interval: 500 }).toBe('finished');
    expect(await count(page, 'total')).toBe(24);
    expect(await count(page, 'done')).toBe(16);
    expect(await count(page, 'unscannable')).toBe(8);
    await expect.poll(() => page.locator('tr[data-page]').count()).toBe(24);
    const kinds = async (kind: string) => page.locator(`tr[data-kind="${kind}"]`).count();
    expect(await kinds('http-status')).toBe(2);
    expect(await kinds('not-a-procedure')).toBe(1);
    expect(await kinds('timeout')).toBe(1);
    expect(await kinds('permission-refused')).toBe(2);
    expect(await kinds('load-error')).toBe(2);
    // The batch's tabs (and its window) are closed when it ends.
    await expect
      .poll(() =>
        session.serviceWorker.evaluate(async (origin) => {
          const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }).chrome;
          return (await api.tabs.query({})).filter((t) => t.url?.startsWith(origin)).length;
        }, portal.url),
      )
      .toBe(0);
    // Each page requested once; the refused site never.
    for (const url of good) expect(requestsOf(new URL(url).pathname)).toBe(1);
    expect(portal.log.filter((p) => p.includes('refused'))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // Sorting by agency and filtering by a missing element change the table, not the results.
    await page.locator('button[data-sort="agency"]').click();
    expect(await page.locator('th[aria-sort="ascending"] button[data-sort="agency"]').count()).toBe(1);

    const csv = parseCsv(await captureDownload(page, () => page.locator('[data-action="export-csv"]').click()));
    const [head, ...rows] = csv;
    const col = (name: string) => head!.indexOf(name);
    expect(rows).toHaveLength(24);
    const table = await page
      .locator('tr[data-page]')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-page'), tr.getAttribute('data-kind')] as const));
    const fromCsv = new Map(rows.map((r) => [r[col('url')], r[col('unscannable_kind')]]));
    expect(new Map(table)).toEqual(fromCsv);
    expect(rows.filter((r) => r[col('report_status')] === 'audited')).toHaveLength(16);

    const json = JSON.parse(await captureDownload(page, () => page.locator('[data-action="export-json"]').click())) as {
      kind: string;
      engine: { version: string };
      totals: { pages: number; audited: number; unscannable: number; byKind: Record<string, number> };
    };
    expect(json.kind).toBe('tthc-portal-report');
    expect(json.engine.version).not.toBe('unread');
    expect(json.totals).toMatchObject({ pages: 24, audited: 16, unscannable: 8 });
    expect(json.totals.byKind).toMatchObject({ 'http-status': 2, timeout: 1, 'permission-refused': 2, 'load-error': 2 });

    // Any audited page opens in the minutes page.
    const [minutes] = await Promise.all([
      session.context.waitForEvent('page'),
      page.locator('tr[data-outcome="done"] [data-action="open-minutes"]').first().click(),
    ]);
    await minutes.waitForLoadState();
    await expect.poll(() => minutes.locator('body').textContent()).toContain('BIÊN BẢN');
    await minutes.close();
    await page.close();
  }, 240_000);

  it('pauses, survives a stop of its service worker, and resumes without losing or repeating a page', async () => {
    const page = await openBatchPage();
    await newBatch(page);
    const urls = procedures.slice(0, 20).map((f) => `${portal.url}/p/${encodeURIComponent(f)}?run=2`);
    portal.log.length = 0;
    portal.delayMs = 400;
    await startBatch(page, urls, { concurrency: 2, timeout: 20 });
    expect(await runState(page)).toBe('running');
    expect(await axeViolations(page)).toEqual([]);
    await expect.poll(() => count(page, 'done'), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    await page.locator('[data-action="pause"]').click();
    await expect.poll(() => runState(page)).toBe('paused');
    // The pages in progress finish and are recorded; none is left running.
    await expect.poll(() => count(page, 'running'), { timeout: 30_000 }).toBe(0);
    const doneBeforeStop = await count(page, 'done');
    expect(doneBeforeStop).toBeLessThan(20);
    expect(await axeViolations(page)).toEqual([]);

    // Stop the extension's service worker (as Chrome does when it is idle) and check it stopped.
    const cdp = await session.context.newCDPSession(page);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated' as never, (event: { versions: { runningStatus: string }[] }) =>
      statuses.push(...event.versions.map((v) => v.runningStatus)),
    );
    await cdp.send('ServiceWorker.enable' as never);
    await cdp.send('ServiceWorker.stopAllWorkers' as never);
    await expect.poll(() => statuses.at(-1)).toBe('stopped');
    const requestsWhileStopped = portal.log.length;
    await new Promise((done) => setTimeout(done, 1_000));
    expect(portal.log.length).toBe(requestsWhileStopped);

    // The page reopened reads the same state from storage; resume wakes the worker.
    await openBatchPage(page);
    expect(await runState(page)).toBe('paused');
    expect(await count(page, 'done')).toBe(doneBeforeStop);
    await page.locator('[data-action="resume"]').click();
    await expect.poll(() => runState(page), { timeout: 60_000, interval: 500 }).toBe('finished');
    expect(statuses).toContain('running');
    expect(await count(page, 'done')).toBe(20);
    for (const url of urls) {
      const u = new URL(url);
      expect(requestsOf(u.pathname + u.search), u.pathname).toBe(1);
    }
    portal.delayMs = 0;
    await cdp.detach();
    await page.close();
  }, 150_000);

  it('carries on by itself when its service worker is stopped while running, asking again only the pages in progress', async () => {
    const page = await openBatchPage();
    await newBatch(page);
    const urls = procedures.slice(0, 12).map((f) => `${portal.url}/p/${encodeURIComponent(f)}?run=3`);
    portal.log.length = 0;
    portal.delayMs = 400;
    await startBatch(page, urls, { concurrency: 2, timeout: 20 });
    await expect.poll(() => count(page, 'done'), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const cdp = await session.context.newCDPSession(page);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated' as never, (event: { versions: { runningStatus: string }[] }) =>
      statuses.push(...event.versions.map((v) => v.runningStatus)),
    );
    await cdp.send('ServiceWorker.enable' as never);
    await cdp.send('ServiceWorker.stopAllWorkers' as never);
    await expect.poll(() => statuses.includes('stopped')).toBe(true);
    const recorded = await page.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } })
        .chrome;
      const batch = (await api.storage.local.get('batch:v1'))['batch:v1'] as { queue: { pages: { url: string; state: string }[] } };
      return batch.queue.pages.filter((p) => p.state === 'done').map((p) => p.url);
    });
    await expect.poll(() => runState(page), { timeout: 90_000, interval: 1_000 }).toBe('finished');
    expect(statuses.slice(statuses.indexOf('stopped'))).toContain('running');
    expect(await count(page, 'done')).toBe(12);
    const requests = (url: string) => requestsOf(new URL(url).pathname + new URL(url).search);
    // Pages recorded before the stop are never asked again; pages in progress at the stop at most once more.
    for (const url of recorded) expect(requests(url), url).toBe(1);
    for (const url of urls) expect(requests(url), url).toBeLessThanOrEqual(2);
    portal.delayMs = 0;
    await cdp.detach();
    await page.close();
  }, 150_000);

  it('takes the list from the open tab, from the side panel button', async () => {
    const list = await session.context.newPage();
    await list.goto(`${portal.url}/list?page=1`);
    await list.bringToFront();
    await session.clickAction(list);
    const tabId = await session.serviceWorker.evaluate(async (url) => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
      return (await api.tabs.query({ url }))[0]?.id;
    }, list.url());
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${tabId}`);
    const [page] = await Promise.all([session.context.waitForEvent('page'), panel.locator('[data-action="open-batch"]').click()]);
    await page.locator('h1').waitFor();
    expect(new URL(page.url()).searchParams.get('tabId')).toBe(String(tabId));
    await page.evaluate(() => {
      const permissions = (
        globalThis as unknown as { chrome: { permissions: { request: unknown; contains(p: object): Promise<boolean> } } }
      ).chrome.permissions;
      permissions.request = (p: object) => permissions.contains(p);
    });
    await newBatch(page);
    expect(await page.locator('input[name="source"][value="tab"]').isChecked()).toBe(true);
    await page.locator('[data-action="discover-tab"]').click();
    await expect.poll(() => page.locator('[data-notice]').first().getAttribute('data-notice')).toBe('extension.batch.discovered');
    const found = (await page.locator('textarea[name="urls"]').inputValue()).split('\n');
    expect(found.sort()).toEqual(procedures.map((f) => `${portal.url}/p/${encodeURIComponent(f)}`).sort());
    await page.close();
    await panel.close();
    await list.close();
  }, 60_000);

  it('finds the procedure pages of a paginated list, in the table, card and national-search layouts', async () => {
    const page = await openBatchPage();
    await newBatch(page);
    await page.locator('input[name="source"][value="list"]').check();
    await page.locator('input[name="listUrl"]').fill(`${portal.url}/list?page=1`);
    await page.locator('[data-action="discover"]').click();
    await expect.poll(() => page.locator('[data-notice]').first().getAttribute('data-notice')).toBe('extension.batch.discovered');
    const found = (await page.locator('textarea[name="urls"]').inputValue()).split('\n');
    expect(found.sort()).toEqual(procedures.map((f) => `${portal.url}/p/${encodeURIComponent(f)}`).sort());
    expect(await axeViolations(page)).toEqual([]);

    const demo = buildDemoPortal({ procedures: 45, hangs: 1, notFound: 2, notProcedure: 2 });
    const server = await serveDemoPortal(demo);
    try {
      for (const list of [demo.lists.table, demo.lists.cards, demo.lists.national]) {
        await page.locator('input[name="listUrl"]').fill(`${server.url}${list}`);
        await page.locator('textarea[name="urls"]').fill('');
        await page.locator('[data-action="discover"]').click();
        await expect.poll(() => page.locator('textarea[name="urls"]').inputValue(), { timeout: 20_000 }).not.toBe('');
        const links = (await page.locator('textarea[name="urls"]').inputValue()).split('\n');
        expect(links, list).toHaveLength(demo.pages.length);
        if (list === demo.lists.table) expect(links.sort()).toEqual(demo.pages.map((p) => normalizeUrl(`${server.url}${p.path}`)).sort());
      }
    } finally {
      await server.close();
    }
    await page.close();
  }, 90_000);

  it('walks a list the defaults miss with the site profile’s link and pagination selectors, set on the options page', async () => {
    const page = await openBatchPage();
    await newBatch(page);
    await page.locator('input[name="source"][value="list"]').check();
    await page.locator('input[name="listUrl"]').fill(`${portal.url}/odd-list`);
    await page.locator('[data-action="discover"]').click();
    await expect.poll(() => page.locator('[data-notice]').first().getAttribute('data-notice')).toBe('extension.batch.discoverNone');

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await expect.poll(() => options.locator('#profiles').inputValue()).toBe('[]');
    const notice = options.locator('section [data-notice]');
    // The browser's own parser checks the list selectors too, and the message names the bad one.
    await options.locator('#profiles').fill('[{"host": "127.0.0.1", "linkSelector": "aside.dm-tthc a[[", "nextSelector": "a.tiep"}]');
    await options.locator('[data-action="save-profiles"]').click();
    await expect.poll(() => notice.getAttribute('data-notice')).toBe('extension.profiles.invalidSelector');
    expect(await notice.textContent()).toBe('Bộ chọn CSS không hợp lệ nên chưa lưu hồ sơ nào: 127.0.0.1 → linkSelector.');
    await options.locator('#profiles').fill('[{"host": "127.0.0.1", "linkSelector": "aside.dm-tthc p a", "nextSelector": "a.tiep"}]');
    await options.locator('[data-action="save-profiles"]').click();
    await expect.poll(() => notice.getAttribute('data-notice')).toBe('extension.profiles.saved');

    try {
      await page.bringToFront();
      await page.locator('[data-action="discover"]').click();
      await expect.poll(() => page.locator('[data-notice]').first().getAttribute('data-notice')).toBe('extension.batch.discovered');
      const found = (await page.locator('textarea[name="urls"]').inputValue()).split('\n');
      expect(found.sort()).toEqual(
        procedures
          .slice(0, 8)
          .map((f) => `${portal.url}/p/${encodeURIComponent(f)}`)
          .sort(),
      );
    } finally {
      // Remove the profile again for the tests that follow.
      await options.bringToFront();
      await options.locator('#profiles').fill('[]');
      await options.locator('[data-action="save-profiles"]').click();
      await expect.poll(() => notice.getAttribute('data-notice')).toBe('extension.profiles.saved');
      await options.close();
      await page.close();
    }
  }, 60_000);

  it('speaks English when the auditor chose it, with no axe violation', async () => {
    await setExtensionLocale(session, 'en');
    try {
      const page = await openBatchPage();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('h1').textContent()).toBe('Audit the publication of administrative procedures on a whole portal');
      expect(await page.locator('[data-counts]').textContent()).toMatch(/pages finished/);
      expect(await page.locator('tr[data-outcome="done"] .outcome').first().textContent()).toMatch(/^Audited · /);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    } finally {
      await setExtensionLocale(session, 'vi');
    }
  }, 60_000);
});
