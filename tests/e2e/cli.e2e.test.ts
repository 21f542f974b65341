/**
 * The built command-line auditor (dist/cli/tthc-audit.mjs), as control staff run it: on files and
 * on URLs served on 127.0.0.1, in the three output formats, with --render for pages that fill in
 * after load, and with the documented exit codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FIXTURES, ROOT, assertBuilt, serveStatic, type StaticServer } from './kit';

const CLI = join(ROOT, 'dist', 'cli', 'tthc-audit.mjs');
const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};
const PAGE = join(FIXTURES, 'extension', 'procedure-page.html');
const PAGES = join(FIXTURES, 'pages');
/** Whole-page fixtures of different layout families, for the file-versus-render comparison. */
const SAMPLE_PAGES = [
  'l1-national-new-ui.complaint-1.000178.html',
  'l3-provincial-table.food-safety-laocai.html',
  'l4-headings-bullets.karaoke-haiphong.html',
  'l5-hue-aspnet.glued-labels-20517.html',
  'l13-header-table-article.expired-groundwater-hagiang.html',
  'l3c-extra3.tabs-hidden-panes.html',
];

interface Report {
  status: string;
  procedure: { code: string | null };
  results: { id: string; status: string }[];
}

/** The documented command, `npm run audit -- …`, run from source as a user runs it. */
const npmAudit = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', 'audit', '--', ...args], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};
/** The JSON array in npm's output (npm prints its own header lines first). */
const jsonOf = (stdout: string): Report[] => JSON.parse(stdout.slice(stdout.indexOf('\n[') + 1));

let site: StaticServer;
let pages: StaticServer;

beforeAll(async () => {
  assertBuilt(CLI, 'The CLI');
  site = await serveStatic(join(FIXTURES, 'extension'));
  pages = await serveStatic(PAGES);
});
afterAll(async () => {
  await site?.close();
  await pages?.close();
});

describe('tthc-audit command line', () => {
  it('prints a table in Vietnamese for a file', async () => {
    const { code, stdout } = await run(PAGE);
    expect(code).toBe(0);
    expect(stdout).toContain('Đăng ký khai sinh');
    expect(stdout).toContain('Cơ quan giải quyết thủ tục hành chính');
    expect(stdout).toMatch(/Đạt \d+ · Thiếu \d+/);
  });

  it('prints one JSON array of reports for a file and a URL', async () => {
    const { code, stdout } = await run('--format', 'json', PAGE, `${site.url}/procedure-page.html`);
    expect(code).toBe(0);
    const reports = JSON.parse(stdout);
    expect(reports).toHaveLength(2);
    for (const report of reports) {
      expect(report.status).toBe('audited');
      expect(report.procedure.code).toBe('1.001193');
      expect(report.engine.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(report.results).toHaveLength(14);
      expect(report.counts.pass + report.counts.fail + report.counts.review + report.counts.na).toBe(14);
    }
    expect(reports[1].page.url).toBe(`${site.url}/procedure-page.html`);
  });

  it('prints CSV with a BOM and one row per page and element', async () => {
    const { code, stdout } = await run('--format=csv', PAGE);
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFF')).toBe(true);
    const rows = stdout.trim().split('\r\n');
    expect(rows[0]).toContain('page,procedure_code,procedure_name');
    expect(rows.filter((r) => r.includes(',element,'))).toHaveLength(14);
    expect(stdout).toContain('Nghị định 63/2010/NĐ-CP');
  });

  it('keeps going when an input cannot be read, marks it unscannable and exits 3', async () => {
    const { code, stdout, stderr } = await run('--format', 'json', 'no-such-file.html', PAGE, `${site.url}/missing.html`);
    expect(code).toBe(3);
    expect(stderr).toContain('no-such-file.html');
    expect(stderr).toContain('HTTP 404');
    const reports = JSON.parse(stdout);
    expect(reports.map((r: { status: string }) => r.status)).toEqual(['unscannable', 'audited', 'unscannable']);
  });

  it('says a page that is not a procedure page is unscannable, and still exits 0', async () => {
    const { code, stdout, stderr } = await run(join(FIXTURES, 'widget', 'no-collector-configured.html'));
    expect(code).toBe(0);
    expect(stdout).toContain('KHÔNG KIỂM TRA ĐƯỢC');
    expect(stderr).toContain('Không phải trang thủ tục hành chính');
  });

  it('exits 2 with usage on bad arguments, in Vietnamese unless --lang en', async () => {
    for (const args of [[], ['--format', 'xml', PAGE], ['--bogus', PAGE]]) {
      const { code, stderr } = await run(...args);
      expect(code).toBe(2);
      expect(stderr).toContain('Cách dùng:');
    }
    const english = await run('--lang', 'en', '--format', 'xml', PAGE);
    expect(english.code).toBe(2);
    expect(english.stderr).toContain('--format takes table, json or csv (got "xml")');
    expect(english.stderr).toContain('Usage:');
  });

  it('with --render, audits what a page shows after its scripts have filled it in', async () => {
    const url = `${site.url}/filled-after-load.html`;
    const plain = JSON.parse((await run('--format', 'json', url)).stdout);
    expect(plain[0].status).toBe('unscannable');
    const rendered = await run('--format', 'json', '--render', url);
    expect(rendered.code).toBe(0);
    const report = JSON.parse(rendered.stdout)[0];
    expect(report.status).toBe('audited');
    expect(report.procedure.code).toBe('2.000488');
  });

  it('runs as documented from source: npm run audit -- --render <url>', async () => {
    const { code, stdout } = await npmAudit('--format', 'json', '--render', `${site.url}/filled-after-load.html`);
    expect(code).toBe(0);
    const report = jsonOf(stdout)[0]!;
    expect(report.status).toBe('audited');
    expect(report.procedure.code).toBe('2.000488');
  });

  it('gives a saved page the same results from the file as from --render of the page served locally', async () => {
    const files = SAMPLE_PAGES.map((f) => join(PAGES, f));
    const urls = SAMPLE_PAGES.map((f) => `${pages.url}/${f}`);
    const fromFiles = jsonOf((await npmAudit('--format', 'json', ...files)).stdout);
    const rendered = jsonOf((await npmAudit('--format', 'json', '--render', ...urls)).stdout);
    const statuses = (r: Report) => ({
      status: r.status,
      code: r.procedure.code,
      results: Object.fromEntries(r.results.map((e) => [e.id, e.status])),
    });
    expect(rendered.map(statuses)).toEqual(fromFiles.map(statuses));
    expect(fromFiles.every((r) => r.status === 'audited')).toBe(true);
  });

  it('writes a clean CSV file with the documented npm run -s audit -- --format csv > audit.csv', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'audit', '--', '--format', 'csv', '--lang', 'en', PAGE], {
      cwd: ROOT,
    });
    expect(stdout.startsWith('\uFEFFpage,procedure_code')).toBe(true);
    const json = (await promisify(execFile)('npm', ['run', '-s', 'audit', '--', '--format', 'json', PAGE], { cwd: ROOT })).stdout;
    expect(JSON.parse(json)).toHaveLength(1);
  });
});
