/**
 * The Firefox build (.output/firefox-mv3) in real Firefox: Debian's firefox-esr, headless, driven
 * by puppeteer-core over WebDriver BiDi. The build is installed as a temporary add-on, a demo
 * procedure page is opened, and the audit runs end to end through the extension's own page:
 * before the toolbar action the page cannot be read (and the panel says so in Vietnamese); after
 * it, the panel injects the audit script and lists the expected statuses, and "Xem trên trang"
 * draws its box over the evidence node without changing the page.
 *
 * What Firefox's automation does not allow, and how the test gets round it:
 * - BiDi refuses to navigate a tab to moz-extension:// pages, so the panel page
 *   (sidepanel.html?tabId=N, the same page the sidebar shows) is opened in a tab from the
 *   browser's own window, with `--remote-allow-system-access`; the sidebar itself is not driven.
 * - No toolbar click can be sent: the test calls the browser action's trigger, the very call a
 *   click on the button makes (it runs `action.onClicked` and grants activeTab).
 * Not automated here: the permission prompt for a record source, file pickers, the print dialog.
 * Skipped, saying so, only when /usr/bin/firefox-esr (or $FIREFOX_BIN) is not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIXTURES, ROOT, assertBuilt, serveStatic, type StaticServer } from './kit';

const FIREFOX = process.env['FIREFOX_BIN'] ?? '/usr/bin/firefox-esr';
const HAS_FIREFOX = existsSync(FIREFOX);
const BUILD = join(ROOT, '.output', 'firefox-mv3');
/** A fixed internal UUID for the add-on, so its pages have a known moz-extension:// origin. */
const UUID = '5d1f3c1e-7a51-4c8e-9b7e-2f0a6d9c4e11';

if (!HAS_FIREFOX) console.warn(`[firefox e2e] skipped: ${FIREFOX} is not installed (apt-get install -y firefox-esr, or set FIREFOX_BIN).`);

/** A raw WebDriver BiDi command on puppeteer's connection. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}
interface BidiContext {
  context: string;
  url: string;
  children?: BidiContext[] | null;
}

describe.skipIf(!HAS_FIREFOX)(`auditor extension in real Firefox (${FIREFOX})`, () => {
  let browser: Browser;
  let site: StaticServer;
  let bidi: BidiConnection;
  let geckoId: string;

  beforeAll(async () => {
    assertBuilt(join(BUILD, 'manifest.json'), 'The Firefox extension');
    const manifest = JSON.parse(await readFile(join(BUILD, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: { gecko: { id: string } };
    };
    geckoId = manifest.browser_specific_settings.gecko.id;
    site = await serveStatic(join(FIXTURES, 'extension'));
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'xpinstall.signatures.required': false,
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: UUID }),
      },
    });
    bidi = (browser as unknown as { connection: BidiConnection }).connection;
    expect(await browser.installExtension(BUILD)).toBe(geckoId);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Evaluates `expression` (its value JSON-encoded) in a browsing context and returns the value. */
  async function evaluate<T>(context: string, expression: string): Promise<T> {
    const { result } = await bidi.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context },
      awaitPromise: true,
    });
    if (result['type'] !== 'success') throw new Error(`evaluation failed: ${JSON.stringify(result)}`);
    return JSON.parse((result['result'] as { value: string }).value) as T;
  }

  async function contexts(scope?: 'chrome'): Promise<BidiContext[]> {
    const { result } = await bidi.send('browsingContext.getTree', scope ? { 'moz:scope': scope } : {});
    const flat = (list: BidiContext[]): BidiContext[] => list.flatMap((c) => [c, ...flat(c.children ?? [])]);
    return flat(result['contexts'] as BidiContext[]);
  }

  /** The browser window's own context (privileged: needs --remote-allow-system-access). */
  async function chromeWindow(): Promise<string> {
    const top = (await contexts('chrome')).find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!top) throw new Error('no browser window context');
    return top.context;
  }

  /** What a click on the extension's toolbar button does, for the selected tab. */
  async function clickToolbarButton(): Promise<void> {
    await evaluate(
      await chromeWindow(),
      `(() => {
        const extension = WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).extension;
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
        return true;
      })()`,
    );
  }

  /** Opens the panel page for tab `tabId` in a new tab and returns its BiDi context. */
  async function openPanel(tabId: number): Promise<string> {
    const url = `moz-extension://${UUID}/sidepanel.html?tabId=${tabId}`;
    await evaluate(
      await chromeWindow(),
      `(() => { gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); return true; })()`,
    );
    const context = await poll(async () => (await contexts()).find((c) => c.url === url)?.context, 10_000);
    // The context exists before the page has loaded in it: wait for the extension page itself.
    await poll(() => evaluate<boolean>(context, `typeof browser === 'object' && document.readyState === 'complete'`), 15_000);
    return context;
  }

  async function poll<T>(read: () => Promise<T | undefined | null | false>, timeout = 10_000): Promise<T> {
    const end = Date.now() + timeout;
    for (;;) {
      const value = await read().catch(() => undefined);
      if (value) return value;
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  /** Opens a demo page in the selected tab and returns it with its tab id as the extension sees it. */
  async function openSite(path: string): Promise<{ page: Page; tabId: number }> {
    const page = await browser.newPage();
    await page.goto(`${site.url}/${path}`);
    await page.bringToFront();
    // The extension sees every tab's id (not its URL, before activeTab): the newest tab is this one.
    const probe = await openPanel(-1);
    const ids = await evaluate<number[]>(
      probe,
      `Promise.all([browser.tabs.query({}), browser.tabs.getCurrent()]).then(([tabs, self]) => tabs.map((t) => t.id).filter((id) => id !== self.id))`,
    );
    await evaluate(probe, `(() => { window.close(); return true; })()`);
    const tabId = Math.max(...ids);
    return { page, tabId };
  }

  it('says in Vietnamese that it may not read a page before its toolbar button is clicked there', async () => {
    const { page, tabId } = await openSite('procedure-page.html?not-clicked');
    const panel = await openPanel(tabId);
    await poll(() => evaluate<boolean>(panel, `!!document.querySelector('[data-action="scan"]')`));
    await evaluate(panel, `(() => { document.querySelector('[data-action="scan"]').click(); return true; })()`);
    const notice = await poll(() =>
      evaluate<{ id: string; text: string } | null>(
        panel,
        `(() => { const n = document.querySelector('[data-notice]'); return n && n.dataset.notice ? { id: n.dataset.notice, text: n.textContent } : null; })()`,
      ),
    );
    expect(notice).toEqual({ id: 'extension.error.noAccess', text: expect.stringContaining('chưa được phép đọc trang này') });
    await evaluate(panel, `(() => { window.close(); return true; })()`);
    await page.close();
  }, 60_000);

  it('audits a demo page after the toolbar button and shows the evidence on the page', async () => {
    const { page, tabId } = await openSite('procedure-page.html');
    const before = await page.evaluate(() => document.body.outerHTML);
    await clickToolbarButton();
    const panel = await openPanel(tabId);
    await poll(() => evaluate<boolean>(panel, `!!document.querySelector('[data-action="scan"]')`));
    expect(await evaluate<string>(panel, `document.querySelector('h1').textContent`)).toBe('Kiểm tra công khai thủ tục hành chính');
    await evaluate(panel, `(() => { document.querySelector('[data-action="scan"]').click(); return true; })()`);
    const statuses = await poll(
      () =>
        evaluate<Record<string, string> | null>(
          panel,
          `(() => {
            const rows = [...document.querySelectorAll('[data-element]')];
            if (rows.length === 14) return Object.fromEntries(rows.map((r) => [r.dataset.element, r.dataset.status]));
            const notice = document.querySelector('[data-notice]')?.dataset.notice;
            return notice ? { notice } : null;
          })()`,
        ),
      30_000,
    );
    expect(statuses).toMatchObject({ agency: 'pass', subjects: 'pass', code: 'pass', dossier: 'fail' });
    expect(await evaluate<string>(panel, `document.querySelector('.code').textContent`)).toBe('1.001193');

    // "Xem trên trang": the overlay's box lies over the node holding the agency's evidence.
    await evaluate(
      panel,
      `(() => { document.querySelector('[data-element="agency"] [data-action="show-evidence"]').click(); return true; })()`,
    );
    await poll(() =>
      evaluate<boolean>(panel, `document.querySelector('[data-notice]').dataset.notice === 'extension.evidence.bySelector'`),
    );
    const [box, node] = await page.evaluate(() => {
      const rect = (r: DOMRect | undefined) => r && [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
      const cell = [...document.querySelectorAll('td')].find((td) => td.textContent === 'Ủy ban nhân dân cấp xã');
      return [
        rect(document.querySelector('tthc-audit-overlay')?.shadowRoot?.querySelector('.box')?.getBoundingClientRect()),
        rect(cell?.getBoundingClientRect()),
      ];
    });
    expect(box).toBeDefined();
    expect(box).toEqual(node);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
    await evaluate(panel, `(() => { window.close(); return true; })()`);
    await page.close();
  }, 90_000);
});
