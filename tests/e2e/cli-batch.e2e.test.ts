/**
 * Batch audits with the built command-line auditor (dist/cli/tthc-audit.mjs) over a local demo
 * portal (scripts/portal-fixture.ts) on 127.0.0.1: `--from-list` finds every procedure link of a
 * paginated list in each list layout; a batch gives the right done/unscannable counts and reasons
 * (never-loading pages, 404s, pages that are not procedure pages); `--resume` after a kill -9
 * finishes the rest without fetching a finished page again (the server's request log proves it);
 * the portal CSV parses back to the same results; stdout stays one JSON array; bad input gets a
 * clear message; the README's documented batch command works as written; the printable report
 * passes axe-core; `--render` reads each page from its own page through reused tabs; a server
 * that never starts answering is given up on once the site's usual answer time is known
 * (--answer-timeout auto).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { normalizeUrl } from '../../shared/batch';
import { buildDemoPortal, serveDemoPortal, type DemoPortal, type DemoServer } from '../../scripts/portal-fixture';
import { ROOT, assertBuilt, launchBrowser } from './kit';
import { parseCsv } from '../csv-reader';

const CLI = join(ROOT, 'dist', 'cli', 'tthc-audit.mjs');

interface Report {
  status: 'audited' | 'unscannable';
  page: { url: string };
  procedure: { code: string | null };
  unscannableReason?: { id: string; params?: Record<string, unknown> };
  results: { id: string; status: string; override?: { status: string } }[];
}

const run = async (args: string[], cwd = ROOT) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd, maxBuffer: 256 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

/** The reason each kind of demo page must get. */
const REASON_OF_KIND = {
  procedure: null,
  hang: 'unscannable.timeout',
  'not-found': 'unscannable.httpStatus',
  'not-procedure': 'unscannable.notProcedure',
};

let portal: DemoPortal;
let server: DemoServer;
const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-batch-'));
  temps.push(dir);
  return dir;
};
const abs = (path: string) => normalizeUrl(`${server.url}${path}`)!;

beforeAll(async () => {
  assertBuilt(CLI, 'The CLI');
  portal = buildDemoPortal({ procedures: 40, hangs: 2, notFound: 2, notProcedure: 2 });
  server = await serveDemoPortal(portal);
});
afterAll(async () => {
  await server?.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('tthc-audit batch: finding the pages', { timeout: 180_000 }, () => {
  it('--from-list on a paginated table list finds every link once and audits each, done or unscannable with the right reason', async () => {
    expect(portal.listPages.table).toBeGreaterThan(1);
    const { code, stdout, stderr } = await run(['--from-list', `${server.url}${portal.lists.table}`, '--timeout', '3', '--format', 'json']);
    expect(code).toBe(3); // completed, with pages that could not be loaded
    const reports = JSON.parse(stdout) as Report[];
    expect(Array.isArray(reports)).toBe(true);
    expect(reports.map((r) => r.page.url).sort()).toEqual(portal.pages.map((p) => abs(p.path)).sort());
    for (const page of portal.pages) {
      const report = reports.find((r) => r.page.url === abs(page.path))!;
      expect(report.unscannableReason?.id ?? null, page.path).toBe(REASON_OF_KIND[page.kind]);
      if (page.codeOnPage) expect(report.procedure.code).toBe(page.code);
    }
    expect(stderr).toContain(`Tìm thấy ${portal.pages.length} liên kết thủ tục`);
    expect(stderr).toMatch(/Xong 46\/46 trang: 40 kiểm tra được, 6 không kiểm tra được/);
  });

  it('stops waiting for a server that never starts answering once the site’s usual answer time is known, and says so (with and without --render)', async () => {
    const hang = portal.pages.find((p) => p.kind === 'hang')!;
    const fast = portal.pages.filter((p) => p.kind === 'procedure').slice(0, 12);
    const dir = temp();
    writeFileSync(join(dir, 'urls.txt'), [...fast, hang].map((p) => `${server.url}${p.path}`).join('\n'));
    for (const mode of [[], ['--render']]) {
      const started = Date.now();
      const { code, stdout, stderr } = await run([
        '--urls',
        join(dir, 'urls.txt'),
        '--concurrency',
        '1',
        '--timeout',
        '60',
        '--format',
        'json',
        '--lang',
        'en',
        ...mode,
      ]);
      expect(code, mode.join()).toBe(3);
      const reports = JSON.parse(stdout) as Report[];
      const hung = reports.find((r) => r.page.url === abs(hang.path))!;
      // 12 quick answers: the wait learnt (10 × their 90th percentile, at least 3 s) is said once on
      // stderr and is the reason given for the page that never answered, far below the 60 s --timeout.
      const said =
        /127\.0\.0\.1:\d+ answered 90% of pages within \d+\.\d\d s: a page it has not started answering after (\d+\.\d) s is counted as timed out/.exec(
          stderr,
        );
      expect(said, stderr).not.toBeNull();
      const wait = Number(said![1]);
      expect(wait).toBeGreaterThanOrEqual(3);
      expect(wait).toBeLessThan(30);
      expect(hung.unscannableReason, mode.join()).toEqual({ id: 'unscannable.timeout', params: { seconds: wait } });
      expect(Date.now() - started).toBeLessThan(45_000); // not the 60 s --timeout
      expect(reports.filter((r) => r.status === 'audited')).toHaveLength(12);
    }
  });

  it('--render audits every page of the list in reused tabs, each report from its own page, with the right reasons', async () => {
    const { code, stdout } = await run([
      '--from-list',
      `${server.url}${portal.lists.table}`,
      '--render',
      '--concurrency',
      '1',
      '--timeout',
      '3',
      '--format',
      'json',
    ]);
    expect(code).toBe(3);
    const reports = JSON.parse(stdout) as Report[];
    expect(reports.map((r) => r.page.url).sort()).toEqual(portal.pages.map((p) => abs(p.path)).sort());
    // 46 pages through one tab, replaced after 25 pages and after each page that timed out: a tab
    // never hands one page's content to the next.
    for (const page of portal.pages) {
      const report = reports.find((r) => r.page.url === abs(page.path))!;
      expect(report.unscannableReason?.id ?? null, page.path).toBe(REASON_OF_KIND[page.kind]);
      if (page.codeOnPage) expect(report.procedure.code, page.path).toBe(page.code);
    }
  });

  it('--from-list on a card list (rel=next, "Sau") and on national-portal search results finds every procedure', async () => {
    for (const list of [portal.lists.cards, portal.lists.national]) {
      const { stdout, stderr } = await run(['--from-list', `${server.url}${list}`, '--timeout', '3', '--format', 'json', '--lang', 'en']);
      const reports = JSON.parse(stdout) as Report[];
      expect(reports).toHaveLength(portal.pages.length);
      const audited = reports.filter((r) => r.status === 'audited');
      expect(audited).toHaveLength(portal.pages.filter((p) => p.kind === 'procedure').length);
      const codes = new Set(audited.map((r) => r.procedure.code));
      for (const page of portal.pages) if (page.codeOnPage) expect(codes.has(page.code), page.path).toBe(true);
      expect(stderr).toContain(`Found ${portal.pages.length} procedure links`);
    }
  });

  it('--max-pages stops following the pagination and says so', async () => {
    const { stdout, stderr } = await run([
      '--from-list',
      `${server.url}${portal.lists.table}`,
      '--max-pages',
      '1',
      '--timeout',
      '3',
      '--format',
      'json',
    ]);
    expect(JSON.parse(stdout)).toHaveLength(20);
    expect(stderr).toContain('Dừng đọc phân trang ở 1 trang danh sách (--max-pages).');
  });
});

describe('tthc-audit batch: results', { timeout: 180_000 }, () => {
  it('--urls with --out writes the portal report; its CSV parses back to the same statuses as the page reports', async () => {
    const dir = temp();
    const list = join(dir, 'urls.txt');
    writeFileSync(list, `# các trang cần kiểm tra\n${portal.pages.map((p) => `${server.url}${p.path}`).join('\n')}\n\n`);
    const out = join(dir, 'bao-cao');
    const { code, stdout } = await run([
      '--urls',
      list,
      '--out',
      out,
      '--concurrency',
      '4',
      '--timeout',
      '3',
      '--format',
      'json',
      '--lang',
      'en',
    ]);
    expect(code).toBe(3);
    const reports = JSON.parse(stdout) as Report[];
    expect(reports).toHaveLength(portal.pages.length);
    const [head, ...rows] = parseCsv(readFileSync(join(out, 'portal.csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(reports.length);
    for (const report of reports) {
      const row = rows.find((r) => r[head!.indexOf('url')] === report.page.url)!;
      expect(row[head!.indexOf('report_status')]).toBe(report.status);
      for (const result of report.results)
        expect(row[head!.indexOf(`element:${result.id}`)]).toBe(result.override?.status ?? result.status);
      expect(Number(row[head!.indexOf('fail')])).toBe(report.results.filter((r) => r.status === 'fail').length);
    }
    const json = JSON.parse(readFileSync(join(out, 'portal.json'), 'utf8'));
    expect(json).toMatchObject({ schemaVersion: 1, kind: 'tthc-portal-report', totals: { pages: 46, audited: 40, unscannable: 6 } });
    expect(json.totals.byKind).toMatchObject({ timeout: 2, 'http-status': 2, 'not-a-procedure': 2 });
    expect(readFileSync(join(out, 'portal.html'), 'utf8')).toContain('46 pages in all: 40 audited, 6 could not be audited.');
    expect(existsSync(join(out, 'pages'))).toBe(true);
  });

  it('says bad input clearly, in the chosen language, and exits 2', async () => {
    const dir = temp();
    const list = join(dir, 'urls.txt');
    writeFileSync(list, `${server.url}/thu-tuc/tt-1.html\nkhông phải url\n`);
    const bad = await run(['--urls', list]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('dòng 2: “không phải url” không phải địa chỉ http(s).');
    const missing = await run(['--urls', join(dir, 'nope.txt'), '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the file of URLs');
    for (const args of [
      ['--concurrency', '0', 'x.html'],
      ['--from-list', 'dichvucong.gov.vn'],
      ['--max-pages', 'nhiều', '--from-list', server.url],
    ]) {
      const result = await run(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Cách dùng:');
    }
    const state = join(dir, 'state.json');
    writeFileSync(state, '{"version": 7}');
    const corrupt = await run(['--resume', state]);
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toContain('không đọc được tệp trạng thái');
  });

  it('says when a list page has no procedure links, pointing to --link-selector', async () => {
    const { code, stderr } = await run(['--from-list', `${server.url}/tin-tuc/bai-2.html`]);
    expect(code).toBe(3);
    expect(stderr).toContain('--link-selector');
  });
});

describe('tthc-audit batch: resume after a kill', { timeout: 180_000 }, () => {
  let slow: DemoServer | null = null;
  afterEach(async () => {
    await slow?.close();
    slow = null;
  });

  it('--resume after kill -9 finishes the rest without fetching a finished page again', async () => {
    const demo = buildDemoPortal({ procedures: 24, hangs: 0, notFound: 1, notProcedure: 1, delayMs: 120 });
    slow = await serveDemoPortal(demo);
    const dir = temp();
    const state = join(dir, 'state.json');
    const args = [CLI, '--from-list', `${slow.url}${demo.lists.table}`, '--concurrency', '2', '--resume', state, '--format', 'json'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    // Kill once a few pages are finished (their reports are in the log), mid-run.
    const finished = () =>
      existsSync(`${state}.reports.jsonl`) ? readFileSync(`${state}.reports.jsonl`, 'utf8').split('\n').filter(Boolean).length : 0;
    await expect.poll(finished, { timeout: 90_000, interval: 20 }).toBeGreaterThanOrEqual(6);
    child.kill('SIGKILL');
    await new Promise((done) => child.once('exit', done));
    const storedFirst = readFileSync(`${state}.reports.jsonl`, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as Report).page.url);
    expect(storedFirst.length).toBeLessThan(demo.pages.length);
    const firstRequests = slow.requests.length;

    const { code, stdout, stderr } = await run(args.slice(1));
    expect(code).toBe(3); // one 404 among the pages
    expect(stderr).toContain('Tiếp tục lượt kiểm tra');
    const second = slow.requests.slice(firstRequests).map((path) => normalizeUrl(`${slow!.url}${path}`)!);
    // No list page is read again, and no page finished before the kill is fetched again.
    expect(second.some((url) => url.includes('/ds/'))).toBe(false);
    expect(second.filter((url) => storedFirst.includes(url))).toEqual([]);
    expect(new Set(second).size).toBe(second.length);
    // Every page is in the one JSON array, once.
    const reports = JSON.parse(stdout) as Report[];
    expect(reports.map((r) => r.page.url).sort()).toEqual(demo.pages.map((p) => normalizeUrl(`${slow!.url}${p.path}`)).sort());
  });
});

describe('tthc-audit batch: as documented', { timeout: 180_000 }, () => {
  let browser: Browser | null = null;
  afterAll(async () => {
    await browser?.close();
  });

  it("runs the README's batch command and CI step as written; the printable report has no axe-core violation", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Batch audits of a whole portal'));
    const command = /```bash\n(npm run -s audit -- --from-list [^\n]+)\n```/.exec(section)![1]!;
    const ciStep = /- run: (npm run -s audit -- [^\n]+)/.exec(section)![1]!;
    expect(ciStep.startsWith(command)).toBe(true);
    for (const path of ['bao-cao', 'reports.json'])
      expect(existsSync(join(ROOT, path)), `${path} exists already in the project folder`).toBe(false);
    try {
      const local = ciStep.replaceAll('https://dichvucong.example.gov.vn', server.url).replace('--out', '--timeout 3 --out');
      await promisify(execFile)('bash', ['-c', local], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
      const reports = JSON.parse(readFileSync(join(ROOT, 'reports.json'), 'utf8')) as Report[];
      expect(reports).toHaveLength(portal.pages.length);
      for (const file of ['portal.csv', 'portal.json', 'portal.html', 'state.json'])
        expect(existsSync(join(ROOT, 'bao-cao', file))).toBe(true);

      browser = await launchBrowser();
      const page = await browser.newPage();
      await page.goto(`file://${join(ROOT, 'bao-cao', 'portal.html')}`);
      await page.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8') });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations).toEqual([]);
    } finally {
      rmSync(join(ROOT, 'bao-cao'), { recursive: true, force: true });
      rmSync(join(ROOT, 'reports.json'), { force: true });
    }
  });
});
