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
import { createServer } from 'node:http';
import { FIXTURES, ROOT, launchWithExtension, listen, serveStatic, type ExtensionSession, type StaticServer, axeViolations } from './kit';
import { parseCsv } from '../csv-reader';

interface ChromeApi {
  tabs: { query(q: { url?: string; active?: boolean }): Promise<{ id?: number; url?: string }[]> };
  scripting: { executeScript(o: { target: { tabId: number }; files: string[] }): Promise<{ result?: unknown }[]> };
}

/** Runs `act` in `page` and returns the text of the file it downloads through an `<a download>`. */
async function captureDownload(page: Page, act: () => Promise<void>): Promise<string> {
  await page.evaluate(() => {
    const w = window as unknown as { __downloads: Promise<string>[] };
    w.__downloads = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      // As bytes, latin1-wrapped: Response.text() would drop a byte-order mark.
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
    // No page of the browser is replaced (an entrypoint named "history" would override chrome://history).
    expect(manifest.chrome_url_overrides).toBeUndefined();
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
    expect(await row.locator('textarea[name="note"]').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(panel)).toEqual([]);
    expect(await row.getAttribute('data-status')).toBe('fail');
    await row.locator('textarea[name="note"]').fill('Thành phần hồ sơ có ở tệp đính kèm.');
    await row.locator('[data-action="save-override"]').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('pass');
    expect(await row.locator('[data-override]').textContent()).toContain('máy: Thiếu');
    expect(await row.locator('[data-override]').textContent()).toContain('tệp đính kèm');

    // Reload the page and the panel, audit again: the decision is still there.
    await page.reload();
    // The panel drops the report of a page that reloaded, and says so.
    await expect.poll(() => panel.locator('[data-notice]').getAttribute('data-notice')).toBe('extension.sidepanel.tabChanged');
    expect(await panel.locator('[data-element]').count()).toBe(0);
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

describe('auditor extension: history, exports and minutes', () => {
  it('saves audits, compares with the previous one after the page changed, exports CSV and prints the minutes', async () => {
    const { page, panel } = await openWithPanel('procedure-page.html?history');
    await panel.locator('[data-action="scan"]').click();
    await panel.locator('[data-element="dossier"]').waitFor({ timeout: 10_000 });
    await panel.locator('[data-action="save"]').click();
    await expect.poll(() => panel.locator('[data-notice]').getAttribute('data-notice')).toBe('extension.history.saved');

    // The portal fixes the page: the dossier is now published.
    await page.evaluate(() => {
      const row = document.createElement('tr');
      row.innerHTML = '<td>Thành phần, số lượng hồ sơ</td><td>Tờ khai đăng ký khai sinh theo mẫu: 01 bản chính</td>';
      document.querySelector('table tbody, table')!.append(row);
    });
    await panel.locator('[data-action="scan"]').click();
    await expect.poll(() => panel.locator('[data-element="dossier"]').getAttribute('data-status'), { timeout: 10_000 }).toBe('pass');
    await panel.locator('[data-action="save"]').click();

    // CSV: one row per element and per finding, the same statuses as the panel.
    // The file the panel hands to the browser's download (read from its blob URL: the CDP
    // connection clickAction opens takes over the download folder).
    const csv = await captureDownload(panel, () => panel.locator('[data-action="export-csv"]').click());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(1));
    const col = (name: string) => header!.indexOf(name);
    const elements = rows.filter((r) => r[col('kind')] === 'element');
    expect(elements).toHaveLength(14);
    for (const r of elements) {
      expect(await panel.locator(`[data-element="${r[col('id')]}"]`).getAttribute('data-status')).toBe(r[col('status')]);
    }

    // History: two audits of the page; the newest compared with the previous shows the fix.
    const history = await session.context.newPage();
    await history.goto(`chrome-extension://${session.extensionId}/audits.html`);
    await expect.poll(() => history.locator('tr[data-entry]').count()).toBeGreaterThanOrEqual(2);
    const newest = history.locator('tr[data-entry]').first();
    const id = await newest.getAttribute('data-entry');
    await newest.locator('[data-action="compare"]').click();
    const compare = history.locator('[data-compare]');
    await expect.poll(() => compare.textContent()).toContain('Thành phần, số lượng hồ sơ: Thiếu → Đạt');
    expect(await compare.textContent()).toContain('Nội dung trang đã thay đổi');
    expect(await axeViolations(history)).toEqual([]);

    // The filter by code keeps both, by another code none.
    await history.locator('[data-filter="text"]').fill('1.001193');
    expect(await history.locator('tr[data-entry]').count()).toBeGreaterThanOrEqual(2);
    await history.locator('[data-filter="text"]').fill('9.999999');
    expect(await history.locator('tr[data-entry]').count()).toBe(0);

    // The printable minutes render every element, the totals and the signature lines.
    const minutes = await session.context.newPage();
    await minutes.goto(`chrome-extension://${session.extensionId}/report.html?id=${id}`);
    await expect.poll(() => minutes.locator('tr[data-element]').count()).toBe(14);
    expect(await minutes.locator('h1').textContent()).toBe('BIÊN BẢN KIỂM TRA VIỆC CÔNG KHAI THỦ TỤC HÀNH CHÍNH');
    expect(await minutes.locator('.signatures').textContent()).toContain('NGƯỜI KIỂM TRA');
    expect(await minutes.locator('tr[data-element="dossier"] [data-status]').getAttribute('data-status')).toBe('pass');
    expect(await axeViolations(minutes)).toEqual([]);

    expect(await axeViolations(panel)).toEqual([]);
    await Promise.all([minutes.close(), history.close(), panel.close(), page.close()]);
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

describe('auditor extension: comparison with the national record', () => {
  it('flags exactly the differences planted in the fixture record', async () => {
    const { page, panel } = await openWithPanel('procedure-page.html?national');
    await panel.locator('[data-action="scan"]').click();
    await panel.locator('[data-element="dossier"]').waitFor({ timeout: 10_000 });
    await panel.locator('[data-action="load-records"]').setInputFiles(join(FIXTURES, 'national', '1.001193.json'));
    await expect.poll(() => panel.locator('[data-compare-element]').count()).toBe(10);
    const outcomes = Object.fromEntries(
      await panel
        .locator('[data-compare-element]')
        .evaluateAll((items) => items.map((li) => [li.getAttribute('data-compare-element'), li.getAttribute('data-outcome')])),
    );
    expect(outcomes).toEqual({
      name: 'matches',
      code: 'matches',
      steps: 'matches',
      methods: 'not-in-record',
      dossier: 'missing-here',
      subjects: 'differs',
      agency: 'matches',
      result: 'missing-here',
      conditions: 'not-in-record',
      'legal-basis': 'missing-here',
    });
    expect(await panel.locator('[data-compare-element="subjects"] [data-side="record"] mark').textContent()).toContain('người nước ngoài');
    // A whole folder of records loads as well (here the fixture folder, one record).
    await panel.locator('[data-action="load-record-folder"]').setInputFiles(join(FIXTURES, 'national'));
    await expect.poll(() => panel.locator('[data-national-notice]').textContent()).toBe('Đã nạp 1 hồ sơ thủ tục.');
    expect(await panel.locator('[data-national-kept]').textContent()).toContain('Đang lưu 1 hồ sơ trên máy này');
    expect(await axeViolations(panel)).toEqual([]);
    await panel.close();

    // The panel is opened again: the kept record compares without loading anything.
    const again = await session.context.newPage();
    await again.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${await tabIdOf(page)}`);
    await again.locator('[data-action="scan"]').click();
    await expect.poll(() => again.locator('[data-compare-element]').count(), { timeout: 10_000 }).toBe(10);
    expect(await again.locator('[data-compare-element="subjects"]').getAttribute('data-outcome')).toBe('differs');
    // The auditor deletes the kept records: the comparison goes with them.
    await again.locator('[data-action="clear-records"]').click();
    await expect
      .poll(() => again.locator('[data-national-notice]').getAttribute('data-national-notice'))
      .toBe('extension.national.cleared');
    expect(await again.locator('[data-compare-element]').count()).toBe(0);
    await Promise.all([again.close(), page.close()]);
  });
});

describe('auditor extension: national records from a configured source', () => {
  it('fetches the record of the page code from the address in the options', async () => {
    const record = await readFile(join(FIXTURES, 'national', '1.001193.json'), 'utf8');
    // A records server that allows any origin (CORS), so no host permission is needed.
    const server = createServer((req, res) => {
      const found = req.url === '/tthc/1.001193.json';
      res
        .writeHead(found ? 200 : 404, { 'content-type': 'application/json', 'access-control-allow-origin': '*' })
        .end(found ? record : '{}');
    });
    const records = await listen(server);
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('#record-source').fill(`${records.url}/tthc/1.json`);
    await options.locator('[data-action="save-options"]').click();
    expect(await options.locator('form [role="alert"]').textContent()).toContain('{code}');
    await options.locator('#record-source').fill(`${records.url}/tthc/{code}.json`);
    await options.locator('[data-action="save-options"]').click();
    await expect.poll(() => options.locator('main > [data-notice]').getAttribute('data-notice')).toBe('extension.options.saved');

    const { page, panel } = await openWithPanel('procedure-page.html?source');
    await panel.locator('[data-action="scan"]').click();
    await panel.locator('[data-action="fetch-record"]').click({ timeout: 10_000 });
    await expect
      .poll(() => panel.locator('[data-national-notice]').getAttribute('data-national-notice'))
      .toBe('extension.national.fetched');
    expect(await panel.locator('[data-compare-element="subjects"]').getAttribute('data-outcome')).toBe('differs');
    expect(await panel.locator('[data-compare-element="dossier"]').getAttribute('data-outcome')).toBe('missing-here');

    await options.locator('#record-source').fill('');
    await options.locator('[data-action="save-options"]').click();
    // The fetched record is kept too: the source can be gone and the comparison still works.
    await panel.reload();
    await panel.locator('[data-action="scan"]').click();
    await expect
      .poll(() => panel.locator('[data-compare-element="subjects"]').getAttribute('data-outcome'), { timeout: 10_000 })
      .toBe('differs');
    await panel.locator('[data-action="clear-records"]').click();
    await Promise.all([options.close(), panel.close(), page.close()]);
    server.closeAllConnections();
    await records.close();
  });
});

describe('auditor extension: speed', () => {
  it('shows the results of a 5,000-node page soon after the click (budget 300 ms; asserted under 1 s on a loaded machine)', async () => {
    const fixture = await readFile(join(FIXTURES, 'extension', 'procedure-page.html'), 'utf8');
    const filler = Array.from(
      { length: 1_250 },
      (_, i) => `<div class="c"><span>Mục ${i}</span><a href="#${i}">liên kết</a><i>x</i></div>`,
    ).join('');
    const page = await session.context.newPage();
    // Served by the test itself (no file written): the demo page with 5,000 more nodes before it.
    await page.route(`${site.url}/big.html`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture.replace('<nav>', `<aside>${filler}</aside><nav>`) }),
    );
    await page.goto(`${site.url}/big.html`);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(5_000);
    await page.bringToFront();
    await session.clickAction(page);
    const tabId = await tabIdOf(page);
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.locator('[data-action="scan"]').waitFor();
    // Measured from outside (the click through CDP included): click, then the 14 results rendered and
    // the button enabled again.
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      await panel.reload();
      await panel.locator('[data-action="scan"]').waitFor();
      const start = Date.now();
      await panel.locator('[data-action="scan"]').click();
      await panel.waitForFunction(
        () => document.querySelectorAll('[data-element]').length === 14 && !document.querySelector('[data-action="scan"]:disabled'),
        undefined,
        { polling: 10 },
      );
      times.push(Date.now() - start);
    }
    console.log(`click to results on a 5,000-node page: ${times.map((t) => `${Math.round(t)} ms`).join(', ')}`);
    expect(Math.min(...times)).toBeLessThan(1_000);
    await Promise.all([panel.close(), page.close()]);
  });
});

describe('auditor extension: site profiles', () => {
  it('refuses an invalid profile, and a saved profile lets the engine read a label it did not know', async () => {
    const fixture = await readFile(join(FIXTURES, 'extension', 'procedure-page.html'), 'utf8');
    const unusual = fixture.replace(
      '<tr><td>Ðối tượng thực hiện</td>',
      '<tr><td>Giấy tờ cần chuẩn bị</td><td>Tờ khai đăng ký khai sinh theo mẫu: 01 bản chính</td></tr>\n<tr><td>Ðối tượng thực hiện</td>',
    );
    const { page, panel } = await (async () => {
      const p = await session.context.newPage();
      await p.route(`${site.url}/unusual.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: unusual }));
      await p.goto(`${site.url}/unusual.html`);
      await p.bringToFront();
      await session.clickAction(p);
      const tabId = await tabIdOf(p);
      const pn = await session.context.newPage();
      await pn.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${tabId}`);
      return { page: p, panel: pn };
    })();
    await panel.locator('[data-action="scan"]').click();
    await expect.poll(() => panel.locator('[data-element="dossier"]').getAttribute('data-status'), { timeout: 10_000 }).toBe('fail');

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await expect.poll(() => options.locator('#profiles').inputValue()).toBe('[]');
    await options.locator('#profiles').fill('[{"host": "127.0.0.1", "labels": {"not-an-element": ["x"]}}]');
    await options.locator('[data-action="save-profiles"]').click();
    await expect.poll(() => options.locator('section [data-notice]').getAttribute('data-notice')).toBe('extension.profiles.invalid');
    await options.locator('#profiles').fill('[{"host": "127.0.0.1", "labels": {"dossier": ["Giấy tờ cần chuẩn bị"]}}]');
    await options.locator('[data-action="save-profiles"]').click();
    await expect.poll(() => options.locator('section [data-notice]').getAttribute('data-notice')).toBe('extension.profiles.saved');
    expect(await axeViolations(options)).toEqual([]);

    await panel.bringToFront();
    await panel.locator('[data-action="scan"]').click();
    await expect.poll(() => panel.locator('[data-element="dossier"]').getAttribute('data-status'), { timeout: 10_000 }).toBe('pass');

    // Remove the profile again for the tests that follow.
    await options.locator('#profiles').fill('[]');
    await options.locator('[data-action="save-profiles"]').click();
    await expect.poll(() => options.locator('section [data-notice]').getAttribute('data-notice')).toBe('extension.profiles.saved');
    await Promise.all([options.close(), panel.close(), page.close()]);
  });
});

describe('auditor extension: site profile selectors', () => {
  it('turns an element the engine missed into a pass with a CSS selector, and names an invalid selector in Vietnamese', async () => {
    const fixture = await readFile(join(FIXTURES, 'extension', 'procedure-page.html'), 'utf8');
    // The dossier is published in an unlabelled box: the label search cannot tie it to an element.
    const boxed = fixture.replace(
      '<h2>Trình tự thực hiện</h2>',
      '<div class="ho-so-can-nop"><p>Tờ khai đăng ký khai sinh theo mẫu: 01 bản chính</p><p>Giấy chứng sinh: 01 bản chính</p></div>\n<h2>Trình tự thực hiện</h2>',
    );
    const page = await session.context.newPage();
    await page.route(`${site.url}/boxed.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: boxed }));
    await page.goto(`${site.url}/boxed.html`);
    await page.bringToFront();
    await session.clickAction(page);
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${await tabIdOf(page)}`);
    await panel.locator('[data-action="scan"]').click();
    await expect.poll(() => panel.locator('[data-element="dossier"]').getAttribute('data-status'), { timeout: 10_000 }).toBe('fail');

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await expect.poll(() => options.locator('#profiles').inputValue()).toBe('[]');
    await options.locator('#profiles').fill('[{"host": "127.0.0.1", "selectors": {"dossier": "div[["}}]');
    await options.locator('[data-action="save-profiles"]').click();
    const notice = options.locator('section [data-notice]');
    await expect.poll(() => notice.getAttribute('data-notice')).toBe('extension.profiles.invalidSelector');
    expect(await notice.textContent()).toBe('Bộ chọn CSS không hợp lệ nên chưa lưu hồ sơ nào: 127.0.0.1 → dossier.');
    await options.locator('#profiles').fill('[{"host": "127.0.0.1", "selectors": {"dossier": ".ho-so-can-nop"}}]');
    await options.locator('[data-action="save-profiles"]').click();
    await expect.poll(() => notice.getAttribute('data-notice')).toBe('extension.profiles.saved');

    await panel.bringToFront();
    await panel.locator('[data-action="scan"]').click();
    const row = panel.locator('[data-element="dossier"]');
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 10_000 }).toBe('pass');
    expect(await row.locator('.detail').textContent()).toContain('Giấy chứng sinh');
    // The evidence is the selected node: "Xem trên trang" draws its box over it.
    await row.locator('[data-action="show-evidence"]').click();
    await expect.poll(() => panel.locator('[data-notice]').getAttribute('data-notice')).toBe('extension.evidence.bySelector');
    const [box, node] = await page.evaluate(() => {
      const rect = (r: DOMRect | undefined) => r && [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
      return [
        rect(document.querySelector('tthc-audit-overlay')?.shadowRoot?.querySelector('.box')?.getBoundingClientRect()),
        rect(document.querySelector('.ho-so-can-nop')?.getBoundingClientRect()),
      ];
    });
    expect(box).toEqual(node);

    // The portal changes its layout: a selector that finds nothing is said, and the label search is used.
    await options.locator('#profiles').fill('[{"host": "127.0.0.1", "selectors": {"dossier": ".khong-con-nua"}}]');
    await options.locator('[data-action="save-profiles"]').click();
    await expect.poll(() => notice.getAttribute('data-notice')).toBe('extension.profiles.saved');
    await panel.locator('[data-action="scan"]').click();
    await expect
      .poll(() => panel.locator('[data-notice]').getAttribute('data-notice'), { timeout: 10_000 })
      .toBe('extension.profiles.selectorMissed');
    expect(await panel.locator('[data-notice]').textContent()).toContain('Thành phần, số lượng hồ sơ');
    expect(await row.getAttribute('data-status')).toBe('fail');

    await options.locator('#profiles').fill('[]');
    await options.locator('[data-action="save-profiles"]').click();
    await expect.poll(() => notice.getAttribute('data-notice')).toBe('extension.profiles.saved');
    await Promise.all([options.close(), panel.close(), page.close()]);
  });
});

describe('auditor extension: stored data of other versions', () => {
  /** Reads or replaces keys of the extension's storage.local from its service worker. */
  function storageOf(keys: string[]): Promise<Record<string, unknown>> {
    return session.serviceWorker.evaluate(
      (k) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { get(k: string[]): Promise<Record<string, unknown>> } } } }
        ).chrome.storage.local.get(k),
      keys,
    );
  }
  function setStorage(items: Record<string, unknown>, remove: string[] = []): Promise<void> {
    return session.serviceWorker.evaluate(
      async ([set, drop]) => {
        const local = (
          globalThis as unknown as { chrome: { storage: { local: { set(i: object): Promise<void>; remove(k: string[]): Promise<void> } } } }
        ).chrome.storage.local;
        await local.remove(drop);
        await local.set(set);
      },
      [items, remove] as const,
    );
  }

  it('shows a history saved by version 1 after an update, and keeps a newer version’s history read-only', async () => {
    const kept = await storageOf(['history', 'history$']);
    const page = await session.context.newPage();
    await page.goto(`${site.url}/procedure-page.html?versions`);
    await page.bringToFront();
    await session.clickAction(page);
    const { report } = (await injectAudit(page)) as { report: { procedure: { code: string } } };
    // Exactly what version 1 stored: no version record, no url/code/answers at the top level.
    const v1 = { id: 'from-v1', savedAt: '2020-01-02T03:04:05.000Z', auditor: 'Lê Văn C', unit: 'Sở Tư pháp', textHash: null, report };
    await setStorage({ history: [v1] }, ['history$']);

    const history = await session.context.newPage();
    await history.goto(`chrome-extension://${session.extensionId}/audits.html`);
    const row = history.locator('tr[data-entry="from-v1"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('1.001193');
    expect(await row.textContent()).toContain('Lê Văn C');
    const migrated = await storageOf(['history', 'history$']);
    expect(migrated['history$']).toEqual({ v: 2 });
    expect((migrated['history'] as { code: string; answers: unknown[] }[])[0]).toMatchObject({ code: '1.001193' });
    expect((migrated['history'] as { answers: unknown[] }[])[0]!.answers.length).toBeGreaterThan(14);

    // A history written by a newer version: shown as far as it can be read, never overwritten.
    const newer = [{ ...v1, id: 'from-v9', future: { field: true } }];
    await setStorage({ history: newer, history$: { v: 9 } });
    await history.reload();
    await history.locator('[data-history-blocked]').waitFor({ timeout: 10_000 });
    expect(await history.locator('[data-history-blocked]').textContent()).toContain('phiên bản mới hơn');
    expect(await axeViolations(history)).toEqual([]);
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${await tabIdOf(page)}`);
    await panel.locator('[data-action="scan"]').click();
    await panel.locator('[data-element="dossier"]').waitFor({ timeout: 10_000 });
    await panel.locator('[data-action="save"]').click();
    await expect.poll(() => panel.locator('[data-notice]').getAttribute('data-notice')).toBe('extension.storage.blocked');
    expect(await storageOf(['history', 'history$'])).toEqual({ history: newer, history$: { v: 9 } });

    await setStorage(kept, ['history', 'history$']);
    await Promise.all([panel.close(), history.close(), page.close()]);
  });
});

describe('auditor extension: options', () => {
  it('keeps the auditor name, unit and language; the panel follows the language', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('#auditor-name').fill('Nguyễn Thị Hoa');
    await options.locator('#unit').fill('Phòng Kiểm soát thủ tục hành chính');
    await options.locator('#locale').selectOption('en');
    await options.locator('[data-action="save-options"]').click();
    await expect.poll(() => options.locator('main > [data-notice]').getAttribute('data-notice')).toBe('extension.options.saved');
    expect(await axeViolations(options)).toEqual([]);
    await options.reload();
    await expect.poll(() => options.locator('#auditor-name').inputValue()).toBe('Nguyễn Thị Hoa');
    expect(await options.locator('#unit').inputValue()).toBe('Phòng Kiểm soát thủ tục hành chính');
    expect(await options.locator('html').getAttribute('lang')).toBe('en');

    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await expect.poll(() => panel.locator('h1').textContent()).toBe('Procedure disclosure audit');
    expect(await panel.locator('html').getAttribute('lang')).toBe('en');

    // Back to Vietnamese for whatever runs next in this browser.
    await options.locator('#locale').selectOption('vi');
    await options.locator('[data-action="save-options"]').click();
    await expect.poll(() => options.locator('main > [data-notice]').getAttribute('data-notice')).toBe('extension.options.saved');
    await Promise.all([panel.close(), options.close()]);
  });
});
