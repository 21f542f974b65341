/**
 * The built widget file on a portal page, in headless Chromium, sending to a real collector
 * (in-memory PGlite): what a citizen and a webmaster see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openStore, type SubmissionStore as FeedbackStore } from '../../collector/db/store';
import { createCollector } from '../../collector/app';
import { testConfig } from '../../collector/config';
import { FIXTURES, ROOT, WIDGET_FILE, assertBuilt, launchBrowser, listen, type StaticServer } from './kit';
import { AXE, axeViolations, cspViolations } from './widget-kit';

/** The collector app on 127.0.0.1 at a free port. */
async function serve(app: FastifyInstance): Promise<StaticServer> {
  return { url: await app.listen({ port: 0, host: '127.0.0.1' }), close: () => app.close() };
}
// minFillMs 0: a test clicks faster than the spam threshold a person never reaches.
const config = testConfig({ rateLimitPerMinute: 0, minFillMs: 0 });

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
  // Two PGlite stores start in WebAssembly: on a busy 2-core machine that alone can take a minute.
}, 180_000);

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
    const requests: string[] = [];
    const bodies: string[] = [];
    page.on('request', (r) => {
      requests.push(r.url());
      if (r.method() === 'POST') bodies.push(r.postData() ?? '');
    });
    await page.goto(`${collector.url}/demo/embed-by-script-tag.html?ho-ten=Nguyen#top`);
    const widget = page.locator('tthc-feedback');
    await expect.poll(() => widget.evaluate((el) => !!el.shadowRoot?.querySelector('.tf'))).toBe(true);
    expect(await widget.getAttribute('procedure-code')).toBe('1.002809');
    // The host page's "button { color: red }" must not reach the widget (nor "h2 { font-size: 40px }" its title).
    const colour = await page.locator('tthc-feedback [data-rating="4"]').evaluate((b) => getComputedStyle(b).color);
    expect(colour).not.toBe('rgb(255, 0, 0)');
    await expect.poll(() => page.locator('tthc-feedback legend.tf-title').textContent()).toContain('hài lòng');

    await page.locator('tthc-feedback [data-rating="4"]').click();
    await page.locator('tthc-feedback .tf-submit').click();
    await expect.poll(() => page.locator('tthc-feedback [role="status"]').textContent()).toContain('Cảm ơn');
    // The receipt a citizen can read out on the phone (8 characters without look-alikes).
    expect(await page.locator('tthc-feedback [role="status"]').textContent()).toMatch(/mã biên nhận: [34679ACDEFGHJKMNPQRTWXY]{8}/);
    expect(await page.locator('tthc-feedback [data-rating="4"] input').isChecked()).toBe(true);

    const summary = await store.summary();
    expect(summary.total).toBe(1);
    expect(summary.byLevel[3]).toBe(1);
    expect(errors).toEqual([]);
    // Privacy: no cookie, no request to anyone but the page's own origin, the address sent without query or fragment.
    expect(await page.context().cookies()).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(`${collector.url}/`))).toEqual([]);
    expect(bodies.map((b) => (JSON.parse(b) as { pageUrl: string }).pageUrl)).toEqual([`${collector.url}/demo/embed-by-script-tag.html`]);
    await page.close();
  });

  it('a citizen who rated sees their answer on the next visit and may change it: the change replaces, never adds', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const before = await store.summary();
    await page.goto(`${collector.url}/demo/embed-by-script-tag.html`);
    await page.locator('tthc-feedback [data-rating="4"]').click();
    await page.locator('tthc-feedback .tf-submit').click();
    await expect.poll(() => status(page).textContent()).toContain('mã biên nhận');
    const receipt = /mã biên nhận: (\w{8})/.exec((await status(page).textContent())!)![1]!;
    expect((await store.summary()).total).toBe(before.total + 1);

    await page.reload();
    await shown(page);
    expect(await page.locator('tthc-feedback [data-rating="4"] input').isChecked()).toBe(true);
    expect(await status(page).textContent()).toContain(`Bạn đã đánh giá thủ tục này (mã biên nhận: ${receipt})`);
    expect(await page.locator('tthc-feedback .tf-submit').textContent()).toBe('Gửi đánh giá đã sửa');
    await page.locator('tthc-feedback [data-rating="2"]').click();
    await page.locator('tthc-feedback .tf-submit').click();
    await expect.poll(() => status(page).textContent()).toContain('mã biên nhận');
    const after = await store.summary();
    expect(after.total).toBe(before.total + 1);
    expect(after.byLevel[1]).toBe(before.byLevel[1] + 1);
    expect(after.byLevel[3]).toBe(before.byLevel[3]);
    await context.close();
  });

  it('takes attribute changes after mount into account, and the host page themes it through ::part and custom properties', async () => {
    const page = await browser.newPage();
    await page.goto(`${collector.url}/demo/embed-by-script-tag.html`);
    await shown(page);
    const widget = page.locator('tthc-feedback');
    await widget.evaluate((el) => {
      el.setAttribute('lang', 'en');
      el.setAttribute('scale', '3');
    });
    await expect.poll(() => widget.locator('.tf-level').allTextContents()).toEqual(['Dissatisfied', 'Neutral', 'Satisfied']);
    expect(await widget.locator('legend.tf-title').textContent()).toMatch(/satisfied/i);
    await page.addStyleTag({
      content: 'tthc-feedback::part(container) { border-color: rgb(1, 2, 3) } tthc-feedback { --tf-accent: rgb(4, 5, 6) }',
    });
    expect(await widget.locator('.tf').evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(1, 2, 3)');
    expect(await widget.locator('.tf-tab[aria-selected="true"]').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(4, 5, 6)');
    await page.close();
  });

  it('tells the citizen, in English when the page asks for it, that no collector is configured', async () => {
    const page = await browser.newPage();
    await page.goto(`${collector.url}/demo/no-collector-configured.html`);
    await page.locator('tthc-feedback [data-rating="2"]').click();
    await page.locator('tthc-feedback .tf-submit').click();
    await expect.poll(() => page.locator('tthc-feedback [role="status"]').textContent()).toContain('no collector');
    expect(await page.locator('tthc-feedback').count()).toBe(1);
    await page.close();
  });
});

describe('one language per page view', () => {
  it('draws its first view already in the page language, fetching only that language, and switches language on a lang change', async () => {
    const page = await browser.newPage();
    const chunks: string[] = [];
    page.on('request', (r) => {
      const m = /tthc-feedback-(vi|en)\.[0-9a-f]+\.js$/.exec(r.url());
      if (m) chunks.push(m[1]!);
    });
    // The text of the widget's shadow root at the first moment it holds the scale.
    await page.addInitScript(() => {
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        const seen = new MutationObserver(() => {
          if (!root.querySelector('.tf-level')) return;
          (window as unknown as { firstView: string }).firstView = root.textContent ?? '';
          seen.disconnect();
        });
        seen.observe(root, { childList: true, subtree: true, characterData: true });
        return root;
      };
    });
    await page.goto(`${collector.url}/demo/no-collector-configured.html`);
    await shown(page);
    const first = await page.evaluate(() => (window as unknown as { firstView: string }).firstView);
    expect(first).toContain('Are you satisfied with this administrative procedure?');
    expect(first).toContain('Very satisfied');
    expect(chunks).toEqual(['en']);
    // The webmaster switches to Vietnamese: the Vietnamese strings are fetched and replace the English ones.
    await page.evaluate(() => document.querySelector('tthc-feedback')!.setAttribute('lang', 'vi'));
    await expect
      .poll(() => page.locator('tthc-feedback legend.tf-title').textContent())
      .toBe('Bạn có hài lòng với thủ tục hành chính này?');
    expect(chunks).toEqual(['en', 'vi']);
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
      await page.locator('tthc-feedback .tf-submit').click();
      await expect.poll(() => page.locator('tthc-feedback [role="status"]').textContent()).toContain('Cảm ơn');
      await page.goto(`${demo.url}/dashboard`);
      expect(Number(await page.locator('[data-total]').textContent())).toBe(before + 1);
      await page.close();
    });
  }

  /** Ids of the submissions the page posts, and the stored row of one of them. */
  const posted = (page: Page) => {
    const ids: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/v1/submissions'))
        ids.push(String((JSON.parse(r.postData() ?? '{}') as { id?: string }).id));
    });
    return ids;
  };
  const storedRow = async (id: string) =>
    (
      await demoStore.db.query<{ procedure_code: string | null; overall: number | null }>(
        'SELECT procedure_code, overall FROM submissions WHERE id = $1',
        [id],
      )
    )[0];
  it('single-page-app demo: after moving to the second procedure without a reload, the rating is stored with its code', async () => {
    const page = await browser.newPage();
    const ids = posted(page);
    await page.goto(`${demo.url}/`);
    await page.locator('a[href="/demo/ung-dung-mot-trang/1.000178"]').click();
    // No code given to the widget: it reads the first procedure from the page.
    await expect
      .poll(() => page.locator('tthc-feedback [data-context]').textContent(), { timeout: 15_000 })
      .toContain('Giải quyết khiếu nại');
    await page.locator('tthc-feedback [data-rating="2"]').click();
    const documentBefore = await page.evaluate(() => ((window as unknown as { spaMark: number }).spaMark = Math.random()));
    await page.locator('nav a[href="/demo/ung-dung-mot-trang/1.002809"]').click();
    expect(page.url()).toBe(`${demo.url}/demo/ung-dung-mot-trang/1.002809`);
    // The same document (no reload), the new procedure shown, and the widget started afresh for it.
    expect(await page.evaluate(() => (window as unknown as { spaMark: number }).spaMark)).toBe(documentBefore);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Cấp giấy phép lái xe quốc tế');
    await expect.poll(() => page.locator('tthc-feedback [data-rating="2"] input').isChecked()).toBe(false);
    await expect
      .poll(() => page.locator('tthc-feedback [data-context]').textContent(), { timeout: 15_000 })
      .toContain('Cấp giấy phép lái xe quốc tế');
    await page.locator('tthc-feedback [data-rating="5"]').click();
    await page.locator('tthc-feedback .tf-submit').click();
    await expect.poll(() => status(page).textContent()).toContain('mã biên nhận');
    expect(ids).toHaveLength(1);
    expect(await storedRow(ids[0]!)).toEqual({ procedure_code: '1.002809', overall: 5 });
    // The address is a real one: loaded afresh, it shows the same procedure.
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Cấp giấy phép lái xe quốc tế');
    await page.close();
  });

  it('strict-CSP demo: served with the policy header, the widget runs with no violation and the rating is stored', async () => {
    const page = await browser.newPage();
    const violations = await cspViolations(page);
    const ids = posted(page);
    const answer = await page.goto(`${demo.url}/demo/csp-nghiem-ngat.html`);
    expect(answer?.headers()['content-security-policy']).toBe("default-src 'self'; style-src 'self'; script-src 'self'");
    await page.locator('tthc-feedback [data-rating="4"]').click();
    await page.locator('tthc-feedback .tf-submit').click();
    await expect.poll(() => status(page).textContent()).toContain('mã biên nhận');
    // The engine chunk too, under the same policy.
    await page.locator('tthc-feedback [data-tab="gap-report"]').click();
    await expect.poll(() => page.locator('tthc-feedback .tf-check').count(), { timeout: 10_000 }).toBeGreaterThan(5);
    expect(await storedRow(ids[0]!)).toEqual({ procedure_code: '1.000178', overall: 4 });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('lists the demo pages on its home page', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/`);
    expect(await page.locator('a[href^="/demo/"]').count()).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});

/**
 * A proxy in front of `target` that records every submission posted through it and answers the
 * first `fail` of them 500 itself (the collector never sees those).
 */
async function proxy(target: string, fail = 0): Promise<StaticServer & { posts: { id: string; body: Record<string, unknown> }[] }> {
  const posts: { id: string; body: Record<string, unknown> }[] = [];
  let failed = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      void (async () => {
        if (req.method === 'POST' && req.url?.startsWith('/api/v1/submissions')) {
          const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
          posts.push({ id: String(parsed.id), body: parsed });
          if (failed < fail) {
            failed++;
            res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"internal_error"}');
            return;
          }
        }
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers))
          if (typeof v === 'string' && k !== 'host' && k !== 'accept-encoding') headers[k] = v;
        // The collector accepts its own origin: the proxy stands in for it.
        if (headers.origin) headers.origin = target;
        const answer = await fetch(target + req.url, { method: req.method, headers, ...(body.length ? { body } : {}) });
        const out: Record<string, string> = {};
        answer.headers.forEach((v, k) => {
          if (k !== 'content-encoding' && k !== 'content-length' && k !== 'transfer-encoding') out[k] = v;
        });
        res.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
      })().catch(() => res.writeHead(502).end());
    });
  });
  return { ...(await listen(server)), posts };
}

const status = (page: Page) => page.locator('tthc-feedback [role="status"]').first();
/** Waits until the widget is drawn (its UI chunk runs in idle time after the page's load). */
const shown = (page: Page) => page.locator('tthc-feedback .tf-level').first().waitFor();

describe('strict Content-Security-Policy, keyboard and panels', () => {
  it('runs on a page with default-src, style-src and script-src self, lazy chunk included, with no violation', async () => {
    const page = await browser.newPage();
    const violations = await cspViolations(page);
    await page.goto(`${collector.url}/demo/strict-csp.html`);
    const level = page.locator('tthc-feedback [data-rating="4"]');
    await level.click();
    // Styles applied: the chosen level is drawn in the accent colour.
    await expect.poll(() => level.evaluate((l) => getComputedStyle(l).backgroundColor)).toBe('rgb(11, 92, 173)');
    await page.locator('tthc-feedback .tf-submit').click();
    await expect.poll(() => status(page).textContent()).toContain('mã biên nhận');
    await page.locator('tthc-feedback [data-tab="gap-report"]').click();
    await expect.poll(() => page.locator('tthc-feedback .tf-check').count(), { timeout: 10_000 }).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.querySelector('tthc-feedback')!.shadowRoot!.querySelectorAll('style').length)).toBe(0);
    // An agency file: fetched, and its theme applied as a rule of the adopted sheet, under the same policy.
    await page.evaluate(() => {
      const el = document.createElement('tthc-feedback');
      el.id = 'configured';
      el.setAttribute('config', '/demo/agency.json');
      el.setAttribute('procedure-code', '1.000178');
      document.querySelector('main')!.append(el);
    });
    await expect
      .poll(() => page.locator('#configured .tf-tab[aria-selected="true"]').evaluate((b) => getComputedStyle(b).color))
      .toBe('rgb(122, 31, 31)');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('moves through the scale with the arrow keys (native radios) and the tabs with arrows too', async () => {
    const page = await browser.newPage();
    await page.goto(`${collector.url}/demo/embed-by-script-tag.html`);
    await page.locator('tthc-feedback [data-rating="2"] input').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('tthc-feedback [data-rating="3"] input').isChecked()).toBe(true);
    // Focus is visible: the focused level is outlined (3 px, in the focus colour).
    const outline = await page
      .locator('tthc-feedback [data-rating="3"]')
      .evaluate((l) => [getComputedStyle(l).outlineStyle, getComputedStyle(l).outlineWidth]);
    expect(outline).toEqual(['solid', '3px']);
    await page.locator('tthc-feedback [data-tab="rating"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('tthc-feedback [data-tab="contact"]').getAttribute('aria-selected')).toBe('true');
    await page.close();
  });

  it('offers the 3-level scale and names the procedure and agency the webmaster gave; the rating says scale 3', async () => {
    const front = await proxy(collector.url);
    const page = await browser.newPage();
    await page.goto(`${front.url}/demo/three-levels.html`);
    await shown(page);
    expect(await page.locator('tthc-feedback .tf-level').allTextContents()).toEqual(['Không hài lòng', 'Bình thường', 'Hài lòng']);
    expect(await page.locator('tthc-feedback [data-context]').textContent()).toBe(
      'Thủ tục: Cấp giấy phép lái xe quốc tếCơ quan thực hiện: Sở Giao thông vận tải',
    );
    await page.locator('tthc-feedback [data-rating="3"]').click();
    await page.locator('tthc-feedback .tf-submit').click();
    await expect.poll(() => status(page).textContent()).toContain('mã biên nhận');
    expect(front.posts.at(-1)!.body).toMatchObject({
      overall: 3,
      scale: 3,
      procedureName: 'Cấp giấy phép lái xe quốc tế',
      agency: 'Sở Giao thông vận tải',
    });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    await front.close();
  });

  it('warns once per bad attribute, names it, and still renders', async () => {
    const page = await browser.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.goto(`${collector.url}/demo/no-collector-configured.html`);
    await page.evaluate(() => {
      const el = document.createElement('tthc-feedback');
      el.setAttribute('lang', 'fr');
      el.setAttribute('contacts', '{not json');
      document.body.append(el);
    });
    // lang and contacts are bad; no procedure code is given (the engine will read it from the page)
    await expect.poll(() => warnings.length).toBe(3);
    expect(warnings.join('\n')).toMatch(/"procedure-code"[\s\S]*"lang"[\s\S]*"contacts"/);
    expect(await page.locator('tthc-feedback').nth(1).locator('.tf-level').count()).toBe(5);
    await page.close();
  });

  it('shows the phản ánh, kiến nghị contact found in the page footer, saying so', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/demo/tinh-bang-thong-tin.html`);
    await page.locator('tthc-feedback [data-tab="contact"]').click();
    await expect.poll(() => page.locator('tthc-feedback [data-source]').getAttribute('data-source'), { timeout: 10_000 }).toBe('page');
    expect(await page.locator('tthc-feedback a[href="mailto:pakn@example.gov.vn"]').count()).toBe(1);
    await page.close();
  });

  it('sends a gap report carrying exactly the elements the engine found missing, with its findings', async () => {
    const front = await proxy(demo.url);
    const page = await browser.newPage();
    await page.goto(`${front.url}/demo/quoc-gia-1.000178.html`);
    await page.locator('tthc-feedback [data-tab="gap-report"]').click();
    await expect.poll(() => page.locator('tthc-feedback .tf-check').count(), { timeout: 10_000 }).toBeGreaterThan(5);
    const ticked = await page
      .locator('tthc-feedback .tf-check')
      .evaluateAll((labels) =>
        labels.filter((l) => (l.querySelector('input') as HTMLInputElement).checked).map((l) => l.getAttribute('data-element')),
      );
    expect(ticked.length).toBeGreaterThan(0);
    await page.locator('tthc-feedback .tf-gap .tf-submit').click();
    await expect.poll(() => page.locator('tthc-feedback .tf-gap [role="status"]').last().textContent()).toContain('mã biên nhận');
    const body = front.posts.at(-1)!.body as {
      kind: string;
      elements: { id: string; problem: string }[];
      findings: { results: { id: string; status: string }[] };
    };
    expect(body.kind).toBe('gap-report');
    const failing = body.findings.results.filter((r) => r.status === 'fail').map((r) => r.id);
    expect(body.elements.map((e) => e.id).sort()).toEqual([...failing].sort());
    expect(body.elements.map((e) => e.id).sort()).toEqual([...ticked].sort());
    expect(new Set(body.elements.map((e) => e.problem))).toEqual(new Set(['missing']));
    await page.close();
    await front.close();
  });

  it('lets the citizen mark a published element as wrong, and sends it so', async () => {
    const front = await proxy(demo.url);
    const page = await browser.newPage();
    await page.goto(`${front.url}/demo/quoc-gia-1.000178.html`);
    await page.locator('tthc-feedback [data-tab="gap-report"]').click();
    await page.locator('tthc-feedback [data-element="name"]').waitFor({ timeout: 10_000 });
    await page.locator('tthc-feedback li:has([data-element="name"]) .tf-wrong input').check();
    await page.locator('tthc-feedback .tf-gap .tf-submit').click();
    await expect.poll(() => page.locator('tthc-feedback .tf-gap .tf-status').textContent()).toContain('mã biên nhận');
    const body = front.posts.at(-1)!.body as { elements: { id: string; problem: string }[] };
    expect(body.elements.find((e) => e.id === 'name')).toEqual({ id: 'name', problem: 'wrong' });
    await page.close();
    await front.close();
  });

  it('floating mode: a launcher opens a dialog, focus moves in, Escape closes and focus returns', async () => {
    const page = await browser.newPage();
    await page.goto(`${collector.url}/demo/floating.html`);
    const launcher = page.locator('tthc-feedback .tf-launcher');
    await launcher.click();
    const dialog = page.locator('tthc-feedback [role="dialog"]');
    expect(await dialog.getAttribute('aria-labelledby')).toBe('tf-dialog-title');
    expect(await page.evaluate(() => document.querySelector('tthc-feedback')!.shadowRoot!.activeElement?.id)).toBe('tf-dialog-title');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('tthc-feedback')!.shadowRoot!.activeElement?.className))
      .toBe('tf-launcher');
    await launcher.click();
    await page.locator('tthc-feedback [data-tab="contact"]').click();
    expect(await page.locator('tthc-feedback [data-source]').getAttribute('data-source')).toBe('config');
    expect(await page.locator('tthc-feedback a[href^="tel:"]').getAttribute('href')).toBe('tel:02143840888');
    await page.close();
  });
  it('floating mode: a press on the launcher while the widget still waits for its strings opens the dialog once they arrive', async () => {
    const page = await browser.newPage();
    let release: () => void = () => {};
    const held = new Promise<void>((done) => (release = done));
    // The Vietnamese strings are held back: the UI chunk starts, but cannot draw yet.
    await page.route(/tthc-feedback-vi\.[0-9a-f]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const ui = page.waitForResponse(/tthc-feedback-ui\.[0-9a-f]+\.js$/);
    await page.goto(`${collector.url}/demo/floating.html`);
    await ui;
    await page.waitForTimeout(1_500); // the idle start of the UI chunk, which then waits for the strings
    await page.locator('tthc-feedback .tf-launcher').click();
    release();
    await page.locator('tthc-feedback [role="dialog"]').waitFor({ timeout: 10_000 });
    await page.close();
  });
});

describe('hostile host page, two instances, events', () => {
  it('looks and works the same under hostile CSS, and two instances on one page are independent', async () => {
    const page = await browser.newPage();
    const events: string[] = [];
    await page.exposeFunction('record', (e: string) => events.push(e));
    await page.addInitScript(() =>
      document.addEventListener('tthc-feedback:submitted', (e) =>
        (window as unknown as { record(e: string): void }).record(`${(e.target as Element).id}:${(e as CustomEvent).detail.receipt}`),
      ),
    );
    const before = (await store.summary()).total;
    await page.goto(`${collector.url}/demo/hostile-css.html`);
    const a = page.locator('#a');
    const b = page.locator('#b');
    await a.locator('.tf-level').first().waitFor();
    // The host page's CSS stops at the shadow root: the widget keeps its own font size, layout and buttons.
    expect(await a.locator('.tf-submit').evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
    expect(
      await a
        .locator('.tf-level')
        .first()
        .evaluate((el) => getComputedStyle(el).fontSize),
    ).toBe('14px');
    expect(await a.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    await a.locator('[data-rating="5"]').click();
    await a.locator('.tf-submit').click();
    await expect.poll(() => a.locator('.tf-status').textContent()).toContain('mã biên nhận');
    expect(await b.locator('[data-rating="5"] input').isChecked()).toBe(false);
    expect(await b.locator('.tf-tab').count()).toBe(0);
    await b.locator('[data-rating="1"]').click();
    await b.locator('.tf-submit').click();
    await expect.poll(() => b.locator('.tf-status').textContent()).toContain('receipt code');
    expect((await store.summary()).total).toBe(before + 2);
    expect(events.map((e) => e.split(':')[0]).sort()).toEqual(['a', 'b']);
    await page.close();
  });
});

describe('pages without a procedure code, single-page portals, auto-report', () => {
  it('reads the procedure code from the page, and starts afresh when a single-page portal changes address', async () => {
    const front = await proxy(demo.url);
    const page = await browser.newPage();
    await page.goto(`${front.url}/demo/quoc-gia-1.000178.html`);
    // The webmaster gave a code on this page; take it away so the widget must read it.
    await page.evaluate(() => {
      document.querySelector('tthc-feedback')!.remove();
      const el = document.createElement('tthc-feedback');
      el.setAttribute('collector', '/');
      document.body.append(el);
    });
    await page.locator('tthc-feedback [data-rating="4"]').click();
    await page.evaluate(() => history.pushState({}, '', '/demo/thu-tuc-khac?tab=1'));
    await expect.poll(() => page.locator('tthc-feedback [data-rating="4"] input').isChecked()).toBe(false);
    // Idle time: the engine reads the page (still the same procedure markup here).
    await page.waitForTimeout(1_500);
    await page.locator('tthc-feedback [data-rating="2"]').click();
    await page.locator('tthc-feedback .tf-submit').click();
    await expect.poll(() => status(page).textContent()).toContain('mã biên nhận');
    const body = front.posts.at(-1)!.body;
    expect(body.pageUrl).toBe(`${front.url}/demo/thu-tuc-khac`);
    expect(body.procedureCode).toBe('1.000178');
    // The name and the agency the page publishes, shown above the panels and sent.
    expect(body.procedureName).toMatch(/^Giải quyết khiếu nại về quyết định hành chính/);
    expect(body.agency).toBe('Bộ Công an; Thanh tra Bộ');
    expect(await page.locator('tthc-feedback [data-context]').textContent()).toContain('Cơ quan thực hiện: Bộ Công an; Thanh tra Bộ');
    // A move that changes only the query (the national portal's ?ma_thu_tuc=) is a new procedure too…
    await page.evaluate(() => history.pushState({}, '', '/demo/thu-tuc-khac?tab=2'));
    await expect.poll(() => page.locator('tthc-feedback [data-rating="2"] input').isChecked()).toBe(false);
    await page.locator('tthc-feedback [data-rating="3"]').click();
    // …an anchor within the page is not: the choice stays.
    await page.evaluate(() => (location.hash = 'muc-2'));
    await page.waitForTimeout(300);
    expect(await page.locator('tthc-feedback [data-rating="3"] input').isChecked()).toBe(true);
    await page.close();
    await front.close();
  });

  it('auto-report sends the engine findings alone, at most once per page per day', async () => {
    const front = await proxy(demo.url);
    const context = await browser.newContext();
    const page = await context.newPage();
    const open = async () => {
      await page.goto(`${front.url}/demo/quoc-gia-1.000178.html`);
      await page.evaluate(() => {
        const el = document.querySelector('tthc-feedback')!;
        el.setAttribute('auto-report', '');
      });
    };
    await open();
    await expect.poll(() => front.posts.filter((p) => p.body.kind === 'gap-report').length, { timeout: 20_000 }).toBe(1);
    const report = front.posts.find((p) => p.body.kind === 'gap-report')!.body as {
      elements: { id: string }[];
      findings: { results: { id: string; status: string }[] };
    };
    expect(report.elements.map((e) => e.id).sort()).toEqual(
      report.findings.results
        .filter((r) => r.status === 'fail')
        .map((r) => r.id)
        .sort(),
    );
    await open();
    await page.waitForTimeout(2_000);
    // One report: the same submission may reach the collector again (a beacon when the page goes
    // before the reply came back, then the outbox on the next load), which stores it once by id.
    const reports = new Set(front.posts.filter((p) => p.body.kind === 'gap-report').map((p) => p.id));
    expect(reports.size).toBe(1);
    await context.close();
    await front.close();
  }, 45_000);
});

describe('without JavaScript', () => {
  it('the noscript link leads to a plain form on the collector that stores the rating once and shows the receipt', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const before = (await store.summary()).total;
    await page.goto(`${collector.url}/demo/embed-by-script-tag.html`);
    expect(await page.locator('tthc-feedback').count()).toBe(0);
    await page.locator('a[href^="/form"]').click();
    await page.locator('input[name="overall"][value="4"]').check();
    await page.locator('textarea[name="comment"]').fill('Biểu mẫu không cần JavaScript');
    await page.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-receipt]').textContent()).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{8}$/);
    const receipt = await page.locator('[data-receipt]').textContent();
    // Sent twice (back, send again): the form's id makes it one record with the same receipt.
    await page.goBack();
    await page.locator('input[name="overall"][value="4"]').check();
    await page.locator('button[type="submit"]').click();
    expect(await page.locator('[data-receipt]').textContent()).toBe(receipt);
    expect((await store.summary()).total).toBe(before + 1);
    await context.close();
  });
});

describe('agency configuration file', () => {
  it('takes contacts, question set and theme from the config file', async () => {
    const page = await browser.newPage();
    await page.goto(`${collector.url}/demo/no-collector-configured.html`);
    await page.evaluate(() => {
      const el = document.createElement('tthc-feedback');
      el.id = 'configured';
      el.setAttribute('config', '/demo/agency.json');
      el.setAttribute('lang', 'vi');
      document.body.append(el);
    });
    const el = page.locator('#configured');
    await expect
      .poll(() => el.locator('.tf-tab[aria-selected="true"]').evaluate((b) => getComputedStyle(b).color))
      .toBe('rgb(122, 31, 31)');
    await el.locator('[data-tab="contact"]').click();
    await expect.poll(() => el.locator('[data-contact]').count()).toBe(2);
    expect(await el.locator('a[href="tel:02143999999"]').count()).toBe(1);
    expect(await el.locator('[data-source]').getAttribute('data-source')).toBe('config');
    await el.locator('[data-tab="rating"]').click();
    await el.locator('.tf-more summary').click();
    await expect.poll(() => el.locator('[data-question]').count()).toBe(6);
    await page.close();
  });

  it('ignores a file with a bad part, a file that is not JSON and a missing file: one warning each naming "config", defaults kept', async () => {
    const page = await browser.newPage();
    const warnings: string[] = [];
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning' && m.text().includes('"config"')) warnings.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${collector.url}/demo/no-collector-configured.html`);
    await shown(page);
    const files = ['/demo/agency-invalid.json', '/demo/strict-csp.html', '/demo/no-such-file.json'];
    for (const [i, file] of files.entries()) {
      await page.evaluate(
        ([id, url]) => {
          const el = document.createElement('tthc-feedback');
          el.id = id!;
          el.setAttribute('config', url!);
          el.setAttribute('procedure-code', '1.000178');
          document.body.append(el);
        },
        [`bad-${i}`, file],
      );
      await expect.poll(() => warnings.length).toBe(i + 1);
      expect(warnings[i]).toMatch(/\[tthc-feedback\] attribute "config": /);
      const el = page.locator(`#bad-${i}`);
      // The safe fallback: 5 levels, the default question set, the default accent, no configured contact.
      await expect.poll(() => el.locator('.tf-level').count()).toBe(5);
      expect(await el.locator('.tf-tab[aria-selected="true"]').evaluate((b) => getComputedStyle(b).color)).toBe('rgb(11, 92, 173)');
      await el.locator('.tf-more summary').click();
      await expect.poll(() => el.locator('[data-question]').count()).toBe(9);
      expect(await el.locator('[data-source="config"]').count()).toBe(0);
    }
    // Nothing more arrives later (one warning per bad file), and the host page saw no exception.
    await page.waitForTimeout(500);
    expect(warnings).toHaveLength(3);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('outbox: nothing lost, nothing counted twice', () => {
  it('offline: the rating is saved on the device, then sent once when the browser is back online', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const before = (await store.summary()).total;
    await page.goto(`${collector.url}/demo/embed-by-script-tag.html`);
    await shown(page);
    await context.setOffline(true);
    await page.locator('tthc-feedback [data-rating="1"]').click();
    await page.locator('tthc-feedback .tf-submit').click();
    await expect.poll(() => status(page).textContent()).toContain('lưu trên thiết bị này');
    await context.setOffline(false);
    await expect.poll(() => status(page).textContent(), { timeout: 15_000 }).toContain('mã biên nhận');
    await page.reload();
    await page.waitForTimeout(500);
    expect((await store.summary()).total).toBe(before + 1);
    await context.close();
  });

  it('offline, page closed, online again: the next page load on the site sends it, once', async () => {
    const context = await browser.newContext();
    const front = await proxy(collector.url);
    const page = await context.newPage();
    await page.goto(`${front.url}/demo/embed-by-script-tag.html`);
    await shown(page);
    await context.setOffline(true);
    await page.locator('tthc-feedback [data-rating="2"]').click();
    await page.locator('tthc-feedback .tf-submit').click();
    await expect.poll(() => status(page).textContent()).toContain('lưu trên thiết bị này');
    await page.close();
    await context.setOffline(false);
    const next = await context.newPage();
    await next.goto(`${front.url}/demo/no-collector-configured.html`);
    await expect.poll(() => front.posts.length, { timeout: 10_000 }).toBe(1);
    await next.waitForTimeout(500);
    expect(front.posts).toHaveLength(1);
    await context.close();
    await front.close();
  });

  it('a collector answering 500 three times, then 201: retried with backoff and stored once', async () => {
    const front = await proxy(collector.url, 3);
    const page = await browser.newPage();
    const before = (await store.summary()).total;
    await page.goto(`${front.url}/demo/embed-by-script-tag.html`);
    await page.locator('tthc-feedback [data-rating="5"]').click();
    await page.locator('tthc-feedback .tf-submit').click();
    await expect.poll(() => status(page).textContent()).toContain('tự động gửi lại');
    await expect.poll(() => status(page).textContent(), { timeout: 20_000, interval: 250 }).toContain('mã biên nhận');
    expect(front.posts).toHaveLength(4);
    expect(new Set(front.posts.map((p) => p.id)).size).toBe(1);
    expect((await store.summary()).total).toBe(before + 1);
    await page.close();
    await front.close();
  }, 40_000);

  it('a reply lost on the way back: the widget sends again and the collector stores it once', async () => {
    let cut = 1;
    const front = await proxy(collector.url);
    // A second proxy that forwards the first submission and then drops the connection before answering.
    const lossy = await listen(
      createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          void fetch(front.url + req.url, {
            method: req.method,
            headers: {
              'content-type': String(req.headers['content-type'] ?? 'text/plain'),
              ...(req.headers.origin ? { origin: front.url } : {}),
            },
            ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
          }).then(async (answer) => {
            if (req.method === 'POST' && cut-- > 0) {
              req.socket.destroy();
              return;
            }
            const type = answer.headers.get('content-type');
            res.writeHead(answer.status, type ? { 'content-type': type } : {}).end(Buffer.from(await answer.arrayBuffer()));
          });
        });
      }),
    );
    const page = await browser.newPage();
    const before = (await store.summary()).total;
    await page.goto(`${lossy.url}/demo/embed-by-script-tag.html`);
    await page.locator('tthc-feedback [data-rating="4"]').click();
    await page.locator('tthc-feedback .tf-submit').click();
    await expect.poll(() => status(page).textContent(), { timeout: 15_000 }).toContain('mã biên nhận');
    expect(front.posts).toHaveLength(2);
    expect(front.posts[1]!.id).toBe(front.posts[0]!.id);
    expect((await store.summary()).total).toBe(before + 1);
    await page.close();
    await lossy.close();
    await front.close();
  });

  it('two tabs flushing one outbox send the item once', async () => {
    const context = await browser.newContext();
    const front = await proxy(collector.url);
    const a = await context.newPage();
    const b = await context.newPage();
    await a.goto(`${front.url}/demo/embed-by-script-tag.html`);
    await b.goto(`${front.url}/demo/embed-by-script-tag.html`);
    await shown(a);
    await shown(b);
    await context.setOffline(true);
    await a.locator('tthc-feedback [data-rating="3"]').click();
    await a.locator('tthc-feedback .tf-submit').click();
    await expect.poll(() => status(a).textContent()).toContain('lưu trên thiết bị này');
    await context.setOffline(false);
    await expect.poll(() => front.posts.length, { timeout: 10_000 }).toBe(1);
    await a.waitForTimeout(1_000);
    expect(front.posts).toHaveLength(1);
    await context.close();
    await front.close();
  });
});

/**
 * Every panel and state a citizen can meet, as examples (GOV.UK Frontend style): each one is
 * reached on a page and checked by axe-core with zero violations allowed.
 */
const EXAMPLES: { name: string; page: string; server: 'collector' | 'demo'; reach(page: Page): Promise<void> }[] = [
  { name: 'rating, nothing chosen', page: '/demo/embed-by-script-tag.html', server: 'collector', reach: async () => undefined },
  {
    name: 'rating, questions open, comment typed, sent with receipt',
    page: '/demo/embed-by-script-tag.html',
    server: 'collector',
    async reach(page) {
      await page.locator('tthc-feedback [data-rating="4"]').click();
      await page.locator('tthc-feedback .tf-more summary').click();
      await page.locator('tthc-feedback [data-question="a"] .tf-point').first().waitFor();
      await page.locator('tthc-feedback [data-question="a"] .tf-point').nth(3).click();
      await page.locator('tthc-feedback textarea').fill('Thủ tục rõ ràng');
      await page.locator('tthc-feedback .tf-submit').click();
      await expect.poll(() => status(page).textContent()).toContain('mã biên nhận');
    },
  },
  {
    name: 'rating, no collector configured (error), in English',
    page: '/demo/no-collector-configured.html',
    server: 'collector',
    async reach(page) {
      await page.locator('tthc-feedback [data-rating="2"]').click();
      await page.locator('tthc-feedback .tf-submit').click();
      await expect.poll(() => status(page).textContent()).toContain('no collector');
    },
  },
  {
    name: 'contact found on the page',
    page: '/demo/tinh-bang-thong-tin.html',
    server: 'demo',
    async reach(page) {
      await page.locator('tthc-feedback [data-tab="contact"]').click();
      await page.locator('tthc-feedback [data-source="page"]').waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'contact neither configured nor found',
    page: '/demo/so-doan-gach-dau-dong.html',
    server: 'demo',
    async reach(page) {
      await page.locator('tthc-feedback [data-tab="contact"]').click();
      await page.locator('tthc-feedback [data-source]').waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'gap report, findings pre-ticked, then sent',
    page: '/demo/quoc-gia-1.000178.html',
    server: 'demo',
    async reach(page) {
      await page.locator('tthc-feedback [data-tab="gap-report"]').click();
      await page.locator('tthc-feedback .tf-check').first().waitFor({ timeout: 10_000 });
      await page.locator('tthc-feedback .tf-gap .tf-submit').click();
      await expect.poll(() => page.locator('tthc-feedback .tf-gap .tf-status').textContent()).toContain('mã biên nhận');
    },
  },
  {
    name: 'floating: launcher, then the dialog with configured contacts',
    page: '/demo/floating.html',
    server: 'collector',
    async reach(page) {
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('tthc-feedback .tf-launcher').click();
      await page.locator('tthc-feedback [data-tab="contact"]').click();
      await page.locator('tthc-feedback [data-source="config"]').waitFor();
    },
  },
];

describe('accessibility: axe-core on every panel and state', () => {
  for (const example of EXAMPLES) {
    it(`has no violation: ${example.name}`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${(example.server === 'demo' ? demo : collector).url}${example.page}`);
      await page.locator('tthc-feedback :is(.tf, .tf-launcher)').first().waitFor();
      await example.reach(page);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('has no violation in the "saved on this device" state (offline)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${collector.url}/demo/embed-by-script-tag.html`);
    await page.addScriptTag({ content: AXE });
    await shown(page);
    await context.setOffline(true);
    await page.locator('tthc-feedback [data-rating="3"]').click();
    await page.locator('tthc-feedback .tf-submit').click();
    await expect.poll(() => status(page).textContent()).toContain('lưu trên thiết bị này');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
