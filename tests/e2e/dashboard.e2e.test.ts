/**
 * The agency dashboard in headless Chromium against a real collector (in-memory PGlite) whose data
 * came in through the real HTTP ingest: the 401 login form and the session cookie, the lockout
 * after wrong tokens, filters changing the figures as the known answers say, the chart and its
 * table agreeing with GET /api/v1/summary, a comment with markup shown as text, the CSV export
 * parsing back to the same rows, axe-core on every page, no CSP violation anywhere, one font face
 * for Vietnamese, a phone-width screen and print, and the "figures loading" page right after a start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { createCollector } from '../../collector/app';
import { testConfig } from '../../collector/config';
import { withFactReadsHeld } from '../collector/kit';
import { createStore, openStore, type SubmissionStore } from '../../collector/db/store';
import { ELEMENT_IDS } from '../../shared/checklist';
import { launchBrowser, axeViolations } from './kit';
import { parseCsv } from '../csv-reader';

const TOKEN = 'e2e-dashboard-token-0123456789abcdef';

const A = 'Sở Tư pháp tỉnh Lào Cai';
const B = 'UBND xã Hoài Thanh';
const C = 'Sở Y tế tỉnh Thanh Hóa';

interface Rated {
  agency: string;
  code: string;
  name: string;
  level: number;
  lang: 'vi' | 'en';
  respondent: string;
  answers?: Record<string, number>;
  comment?: string;
  contact?: { name: string; phone: string };
}

/** The known answers: [agency, code, name, levels, lang]. */
const GROUPS: [string, string, string, number[], 'vi' | 'en'][] = [
  [A, '1.000178', 'Cấp phiếu lý lịch tư pháp', [5, 4, 4, 2], 'vi'],
  [A, '2.000001', 'Đăng ký khai sinh', [1], 'vi'],
  [A, '2.000001', 'Đăng ký khai sinh', [5], 'en'],
  [B, '1.004227', 'Chứng thực bản sao từ bản chính', [3, 3, 4], 'vi'],
  [C, '1.009999', 'Cấp giấy phép hành nghề khám bệnh, chữa bệnh', [...Array(20).fill(4), ...Array(10).fill(2)], 'vi'],
];
const XSS = '<img src=x onerror=alert(1)>';
const FORMULA = '=1+1 là công thức';

const current: Rated[] = GROUPS.flatMap(([agency, code, name, levels, lang]) =>
  levels.map((level) => ({ agency, code, name, level, lang, respondent: randomUUID() })),
);
// Question answers on the first procedure; comments and consented contact on some ratings.
current.slice(0, 4).forEach((r, i) => (r.answers = { a: r.level, d: i < 2 ? 5 : 1 }));
current[0]!.comment = XSS;
current[1]!.comment = FORMULA;
current[2]!.comment = 'Cán bộ hướng dẫn tận tình';
current[2]!.contact = { name: 'Nguyễn Văn Bình', phone: '0912345678' };
/** A rating its respondent later replaced: it must not count. */
const replaced: Rated = { ...current[3]!, level: 1, answers: undefined, comment: undefined };

const satisfied = (r: Rated) => r.level >= 4;
function expected(select: (r: Rated) => boolean) {
  const rows = current.filter(select);
  return { answers: rows.length, satisfied: rows.filter(satisfied).length };
}

let store: SubmissionStore;
let app: FastifyInstance;
let base: string;
let browser: Browser;
const cspViolations: string[] = [];

async function send(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${base}/api/v1/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ v: 2, id: randomUUID(), ...body }),
  });
  if (res.status !== 201) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
}

function ratingBody(r: Rated): Record<string, unknown> {
  return {
    kind: 'rating',
    overall: r.level,
    procedureCode: r.code,
    procedureName: r.name,
    agency: r.agency,
    pageUrl: `https://dichvucong.example.gov.vn/tthc/${r.code}`,
    lang: r.lang,
    respondent: r.respondent,
    ...(r.answers ? { questionSet: 'nd118-art33', answers: r.answers } : {}),
    ...(r.comment ? { comment: r.comment } : {}),
    ...(r.contact ? { contact: r.contact, consent: true } : {}),
  };
}

beforeAll(async () => {
  store = await openStore();
  app = await createCollector({ config: testConfig({ dashboardToken: TOKEN, rateLimitPerMinute: 0, minFillMs: 0 }), store });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  await send(ratingBody(replaced));
  for (const r of current) await send(ratingBody(r));
  const [first, second] = ELEMENT_IDS as [string, string];
  const gap = (elements: { id: string; problem: 'missing' | 'wrong' }[], comment?: string) =>
    send({
      kind: 'gap-report',
      procedureCode: '1.000178',
      procedureName: 'Cấp phiếu lý lịch tư pháp',
      agency: A,
      pageUrl: 'https://dichvucong.example.gov.vn/tthc/1.000178',
      lang: 'vi',
      elements,
      ...(comment ? { comment } : {}),
      findings: { engineVersion: 'e2e', results: [{ id: second, status: 'fail' }] },
    });
  await gap([{ id: first, problem: 'missing' }], 'Trang không ghi lệ phí');
  await gap([
    { id: first, problem: 'wrong' },
    { id: second, problem: 'missing' },
  ]);
  browser = await launchBrowser();
}, 180_000); // an in-memory PGlite, 44 submissions over HTTP and Chromium: slow on a busy machine

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
});

/** A page that records CSP violations and fails on any dialog (an alert from injected markup). */
async function open(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('dialog', (d) => {
    cspViolations.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return page;
}

async function collectCsp(page: Page): Promise<void> {
  const found = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  for (const v of found) cspViolations.push(`${page.url()}: ${v}`);
}

/** A browser context logged in through the form, as a person does. */
async function loggedIn(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await open(context);
  const res = await page.goto(`${base}/dashboard`);
  expect(res?.status()).toBe(401);
  await page.fill('#token', TOKEN);
  await Promise.all([page.waitForURL(`${base}/dashboard`), page.click('button[type="submit"]')]);
  return { context, page };
}

async function summaryApi(query: string): Promise<{
  overall: { answers: number; satisfied: number; share: number | null };
  series: { bucketStart: string; answers: number; satisfied: number; share: number | null }[];
}> {
  const res = await fetch(`${base}/api/v1/summary?${query}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.json();
}

// Each test drives several pages in Chromium: minutes on a machine as busy as CI can be.
describe('dashboard in Chromium', { timeout: 90_000 }, () => {
  it('answers 401 with the login form, logs in, and keeps the session in an HttpOnly SameSite=Strict cookie for /dashboard only', async () => {
    const { context, page } = await loggedIn();
    expect(await page.locator('h1').textContent()).toBe('Mức độ hài lòng của người dân');
    const cookies = await context.cookies();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ name: 'tthc_dashboard', path: '/dashboard', httpOnly: true, sameSite: 'Strict', secure: false });
    expect(cookies[0]!.value).not.toContain(TOKEN);
    // The summary API is for scripts: the cookie is not sent there, a Bearer is needed.
    expect((await page.request.get(`${base}/api/v1/summary`)).status()).toBe(401);
    await collectCsp(page);
    await context.close();
  });

  it('slows a wrong token in the login form: after a few tries it waits and says so', async () => {
    // A collector of its own: the lockout is per address, and every test here comes from 127.0.0.1.
    const own = await createCollector({ config: testConfig({ dashboardToken: TOKEN, rateLimitPerMinute: 0 }), store });
    const url = await own.listen({ port: 0, host: '127.0.0.1' });
    const context = await browser.newContext();
    const page = await open(context);
    try {
      await page.goto(`${url}/dashboard`);
      let status = 0;
      for (let i = 0; i < 5; i++) {
        await page.fill('#token', `wrong-token-${i}-xxxxxxxxxxxx`);
        const [res] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith('/dashboard/login')),
          page.click('button[type="submit"]'),
        ]);
        status = res.status();
        if (i < 4) expect(status).toBe(401);
      }
      expect(status).toBe(429);
      await expect.poll(() => page.locator('[role="alert"]').textContent()).toContain('Đã nhập sai quá nhiều lần');
      await page.fill('#token', TOKEN);
      const [res] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/dashboard/login')),
        page.click('button[type="submit"]'),
      ]);
      expect(res.status()).toBe(429);
      expect(Number(res.headers()['retry-after'])).toBeGreaterThan(0);
      await collectCsp(page);
    } finally {
      await context.close();
      await own.close();
    }
  });

  it('changes the figures with the filters as the known answers say', async () => {
    const { context, page } = await loggedIn();
    const figures = async () => ({
      answers: Number(await page.locator('[data-total]').first().textContent()),
      share: Number(await page.locator('.value[data-share]').first().getAttribute('data-share')),
    });
    const check = async (want: { answers: number; satisfied: number }) => {
      const got = await figures();
      expect(got.answers).toBe(want.answers);
      expect(got.share).toBeCloseTo(want.satisfied / want.answers, 10);
    };
    await check(expected(() => true));

    await page.selectOption('#f-agency', A);
    await Promise.all([page.waitForURL(/agency=/), page.click('.filters button[type="submit"]')]);
    await check(expected((r) => r.agency === A));

    await page.selectOption('#f-agency', '');
    await page.fill('#f-procedure', '1.004227');
    await Promise.all([page.waitForURL(/procedure=1\.004227/), page.click('.filters button[type="submit"]')]);
    await check(expected((r) => r.code === '1.004227'));

    // A part of a name, without its diacritics.
    await page.fill('#f-procedure', 'dang ky khai sinh');
    await Promise.all([page.waitForURL(/procedure=dang/), page.click('.filters button[type="submit"]')]);
    await check(expected((r) => r.code === '2.000001'));

    await page.fill('#f-procedure', '');
    await page.selectOption('#f-lang', 'en');
    await Promise.all([page.waitForURL(/lang=en/), page.click('.filters button[type="submit"]')]);
    await check(expected((r) => r.lang === 'en'));

    // A custom period long before any answer: nothing.
    await page.selectOption('#f-lang', '');
    await page.selectOption('#f-period', 'custom');
    await page.fill('#f-from', '2020-01-01');
    await page.fill('#f-to', '2020-04-01');
    await Promise.all([page.waitForURL(/from=2020-01-01/), page.click('.filters button[type="submit"]')]);
    expect((await figures()).answers).toBe(0);

    // Per procedure, per agency and per question rows agree with the answers too.
    await page.goto(`${base}/dashboard`);
    const proc = expected((r) => r.code === '1.000178');
    expect(Number(await page.locator('#procedure-table tr[data-procedure="1.000178"] td[data-answers]').getAttribute('data-answers'))).toBe(
      proc.answers,
    );
    expect(Number(await page.locator(`#agency-table tr[data-agency="${B}"] td[data-answers]`).getAttribute('data-answers'))).toBe(
      expected((r) => r.agency === B).answers,
    );
    const answeredA = current.filter((r) => r.answers?.a !== undefined);
    expect(
      Number(await page.locator('#question-table tr[data-question="nd118-art33:a"] td[data-answers]').getAttribute('data-answers')),
    ).toBe(answeredA.length);
    // Every figure here rests on fewer than the minimum but the 30 answers of C's procedure.
    expect(await page.locator('#procedure-table tr[data-procedure="1.009999"] [data-too-few]').count()).toBe(0);
    expect(await page.locator('#procedure-table tr[data-procedure="1.000178"] [data-too-few]').count()).toBe(1);
    // The gaps table: the elements citizens reported, and the latest comments as text.
    const gapRow = page.locator('#gap-table tr[data-gap="1.000178"]');
    expect(Number(await gapRow.locator('[data-citizen-reports]').getAttribute('data-citizen-reports'))).toBe(2);
    expect(await gapRow.locator('[data-element]').count()).toBe(2);
    expect(await gapRow.locator('[data-gap-comment]').allTextContents()).toContain('Trang không ghi lệ phí');
    expect(await page.locator('main img').count()).toBe(0);
    // The formula, as our figure and not the official index.
    const formula = await page.locator('.notice').textContent();
    expect(formula).toContain('tỷ lệ câu trả lời Hài lòng và Rất hài lòng trên tổng số câu trả lời');
    expect(formula).toContain('không phải Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) chính thức');
    await collectCsp(page);
    await context.close();
  });

  it('draws the chart and its table from the same figures as GET /api/v1/summary', async () => {
    const { context, page } = await loggedIn();
    for (const query of ['bucket=week', `bucket=month&period=year&agency=${encodeURIComponent(A)}`]) {
      await page.goto(`${base}/dashboard?${query}`);
      const api = await summaryApi(query);
      expect(Number(await page.locator('[data-total]').first().textContent())).toBe(api.overall.answers);
      const rows = page.locator('#series-table tbody tr');
      expect(await rows.count()).toBe(api.series.length);
      for (let i = 0; i < api.series.length; i++) {
        const point = api.series[i]!;
        const row = rows.nth(i);
        expect(await row.getAttribute('data-bucket')).toBe(point.bucketStart);
        expect(Number(await row.locator('td[data-answers]').getAttribute('data-answers'))).toBe(point.answers);
        const share = await row.locator('td[data-share]').getAttribute('data-share');
        expect(share === '' ? null : Number(share)).toBe(point.share);
      }
      // One point per bucket with answers, at the height of its share on the 0–100 axis.
      const withAnswers = api.series.filter((p) => p.share !== null);
      const circles = page.locator('#series-chart svg circle');
      expect(await circles.count()).toBe(withAnswers.length);
      const axis = await page.locator('#series-chart svg text').evaluateAll((texts) =>
        texts.map((t) => ({
          label: t.textContent,
          y: Number(/translate\([^,]+,([^)]+)\)/.exec(t.getAttribute('transform') ?? '')?.[1]),
        })),
      );
      const y0 = axis.find((a) => a.label === '0')!.y;
      const y100 = axis.find((a) => a.label === '100')!.y;
      const cys = await circles.evaluateAll((cs) =>
        cs.map((c) => ({ cy: Number(c.getAttribute('cy')), title: c.querySelector('title')?.textContent ?? '' })),
      );
      for (const p of withAnswers) {
        const dot = cys.find((c) => c.title.includes(`${p.answers} câu trả lời`));
        expect(dot, p.bucketStart).toBeTruthy();
        expect(dot!.cy).toBeCloseTo(y0 + (y100 - y0) * p.share!, 1);
      }
    }
    await collectCsp(page);
    await context.close();
  });

  it('shows a comment with markup as text: no element, no alert', async () => {
    const { context, page } = await loggedIn();
    await page.goto(`${base}/dashboard/comments`);
    const texts = await page.locator('[data-comment-text]').allTextContents();
    expect(texts).toContain(XSS);
    expect(await page.locator('main img').count()).toBe(0);
    // Consented contact details are shown; they came only with consent.
    expect(await page.locator('[data-contact]').allTextContents()).toEqual([expect.stringContaining('0912345678')]);
    // Search, then mark handled through the form (CSRF token and SameSite cookie).
    await page.fill('#c-search', 'tan tinh');
    await Promise.all([page.waitForURL(/search=/), page.click('.filters button[type="submit"]')]);
    expect(await page.locator('[data-comment-text]').allTextContents()).toEqual(['Cán bộ hướng dẫn tận tình']);
    await Promise.all([page.waitForURL(/done=handled/), page.click('article.comment button[type="submit"]')]);
    expect(await page.locator('article.comment [data-handled]').count()).toBe(1);
    // The procedure page shows the same comment as text.
    await page.goto(`${base}/dashboard/procedure/1.000178`);
    expect(await page.locator('.comment-text').allTextContents()).toContain(XSS);
    expect(await page.locator('main img').count()).toBe(0);
    await collectCsp(page);
    await context.close();
  });

  it('exports CSV that parses back to the same rows as the JSON export, formula-safe', async () => {
    const { context, page } = await loggedIn();
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`a[href^="/dashboard/export/${name}"]`)]);
      return readFile((await file.path())!, 'utf8');
    };
    const csv = await download('submissions.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(csv.slice(1));
    const json = JSON.parse(await download('submissions.json')) as Record<string, unknown>[];
    expect(rows).toHaveLength(json.length);
    expect(rows).toHaveLength(current.length + 1 + 2); // the replaced rating and the gap reports are rows too
    const at = (name: string) => header!.indexOf(name);
    for (const [i, row] of rows.entries()) {
      const r = json[i]!;
      expect(row[at('id')]).toBe(r.id);
      expect(row[at('procedure_code')]).toBe(r.code ?? '');
      expect(row[at('agency')]).toBe(r.agency ?? '');
      expect(row[at('overall')]).toBe(r.overall === null ? '' : String(r.overall));
      const comment = (r.comment as string | null) ?? '';
      // A cell that would run as a formula in a spreadsheet is prefixed with an apostrophe.
      expect(row[at('comment')]).toBe(/^[=+\-@]/.test(comment) ? `'${comment}` : comment);
    }
    expect(rows.map((r) => r[at('comment')])).toContain(`'${FORMULA}`);
    const summary = parseCsv((await download('summary.csv')).slice(1));
    const body = summary.slice(1);
    expect(body.find((r) => r[0] === '1.000178')?.[3]).toBe(String(expected((r) => r.code === '1.000178').answers));
    await collectCsp(page);
    await context.close();
  });

  it('right after a start, says the figures are loading (503) in a page without axe or CSP violations', async () => {
    // A second collector on the same data, whose fact index cannot finish loading until `release`.
    let release: () => void = () => {};
    const held = new Promise<void>((done) => (release = done));
    const inner = store.db;
    const gated = withFactReadsHeld(inner, held);
    const starting = await createCollector({
      config: testConfig({ dashboardToken: TOKEN, rateLimitPerMinute: 0, minFillMs: 0 }),
      store: createStore(gated),
    });
    const url = await starting.listen({ port: 0, host: '127.0.0.1' });
    try {
      const context = await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${TOKEN}` } });
      const page = await open(context);
      for (const [path, text] of [
        ['/dashboard', 'Đang nạp số liệu'],
        ['/dashboard?ui=en', 'Loading the figures'],
      ] as const) {
        const res = await page.goto(`${url}${path}`);
        expect(res?.status(), path).toBe(503);
        expect(await page.locator('h1').textContent()).toBe(text);
        expect(await page.locator('[data-loading]').count()).toBe(1);
        expect(await axeViolations(page), path).toEqual([]);
        await collectCsp(page);
      }
      await context.close();
    } finally {
      release();
      await starting.close();
    }
    expect(cspViolations).toEqual([]);
  }, 180_000);

  it('has no axe-core violations on the login, dashboard, procedure, comments, report and public pages, and no CSP violation', async () => {
    const anonymous = await browser.newContext();
    const loginPage = await open(anonymous);
    await loginPage.goto(`${base}/dashboard`);
    expect(await axeViolations(loginPage)).toEqual([]);
    await collectCsp(loginPage);
    for (const path of [`/public/${encodeURIComponent(C)}`, `/public/${encodeURIComponent(C)}/embed?ui=en`]) {
      const page = await open(anonymous);
      expect((await page.goto(`${base}${path}`))?.status()).toBe(200);
      expect(await axeViolations(page), path).toEqual([]);
      await collectCsp(page);
    }
    await anonymous.close();

    const { context, page } = await loggedIn();
    for (const path of [
      '/dashboard',
      '/dashboard?ui=en',
      '/dashboard/procedure/1.000178',
      '/dashboard/comments',
      '/dashboard/report',
      '/dashboard/report?ui=en',
    ]) {
      await page.goto(`${base}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
      await collectCsp(page);
    }
    await context.close();
    expect(cspViolations).toEqual([]);
  }, 180_000);

  it('publishes aggregates only: no comments, nothing below the minimum, and an embeddable snippet', async () => {
    const context = await browser.newContext();
    const page = await open(context);
    await page.goto(`${base}/public/${encodeURIComponent(C)}`);
    const c = expected((r) => r.agency === C);
    expect(Number(await page.locator('[data-total]').textContent())).toBe(c.answers);
    expect(await page.locator('tr[data-procedure]').count()).toBe(1);
    await page.goto(`${base}/public/${encodeURIComponent(A)}`);
    // A's figures rest on fewer answers than the minimum: none is published, and no comment either.
    expect(await page.locator('[data-too-few-overall]').count()).toBe(1);
    expect(await page.locator('tr[data-procedure]').count()).toBe(0);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('onerror');
    expect(text).not.toContain('Nguyễn Văn Bình');
    const snippet = (await page.locator('[data-snippet]').textContent()) ?? '';
    expect(snippet).toContain(`<iframe src="${base}/public/${encodeURIComponent(A)}/embed"`);
    // The embed can be framed by the agency's site (frame-ancestors *), the dashboard cannot.
    const embed = await page.request.get(`${base}/public/${encodeURIComponent(A)}/embed`);
    expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
    await collectCsp(page);
    await context.close();
  });

  it('renders Vietnamese in one font face, reads at 360 px without sideways scrolling, and prints without the navigation', async () => {
    const { context, page } = await loggedIn();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${base}/dashboard`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    for (const selector of ['h1', '.notice p[data-formula]', '#procedure-table tbody td']) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      expect(
        fonts.map((f) => f.familyName),
        selector,
      ).toEqual(['Noto Sans']);
    }
    await cdp.detach(); // a second CDP session would keep the page from emulating print
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${base}/dashboard/report`);
    expect(await page.locator('header.site').isVisible()).toBe(false);
    expect(await page.locator('.filters').isVisible()).toBe(false);
    expect(await page.locator('#report-procedures').isVisible()).toBe(true);
    expect(await page.locator('h1').textContent()).toBe('Báo cáo kết quả đo lường sự hài lòng');
    await collectCsp(page);
    await context.close();
    expect(cspViolations).toEqual([]);
  });
});
