/**
 * A local demo portal for batch audits, made at test or bench time from the whole-page fixtures
 * in tests/fixtures/pages (so the repository holds templates, not hundreds of copies): procedure
 * pages of every layout family there, each served with its own code; three kinds of paginated
 * list of procedures (a table with numbered pages, "Trang sau" and "»"; a card list paged by path
 * with rel=next and "Sau"; a national-portal-like search result list with `ma_thu_tuc=` links);
 * and the pages a real portal also lists: pages that never finish loading (the server holds the
 * socket), links that answer 404, and pages that are not procedure pages. Served on 127.0.0.1 by
 * node:http, with a log of every request (to prove a resumed run audits no page twice).
 *
 * `npx tsx scripts/portal-fixture.ts [--serve] [--out <folder>]` serves it (until Ctrl+C) or writes
 * it as static files (the never-loading pages cannot be files; they are left out then).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { PROCEDURE_CODE_RE } from '../shared/text/patterns';

const ROOT = resolve(import.meta.dirname, '..');
const TEMPLATES = join(ROOT, 'tests', 'fixtures', 'pages');

export type DemoKind = 'procedure' | 'not-found' | 'hang' | 'not-procedure';

export interface DemoPage {
  /** Path on the demo server, as listed (the national list links procedures by `?ma_thu_tuc=`). */
  path: string;
  kind: DemoKind;
  code: string | null;
  /** Whether the page itself shows its code (some templates publish none). */
  codeOnPage: boolean;
  title: string;
  template: string | null;
}

export interface DemoPortalOptions {
  /** Procedure pages (default 210). */
  procedures?: number;
  hangs?: number;
  notFound?: number;
  notProcedure?: number;
  /** Delay before each procedure page is answered, ms (to let a test stop a run midway). */
  delayMs?: number;
}

export interface DemoPortal {
  pages: DemoPage[];
  /** First page of each list layout. */
  lists: { table: string; cards: string; national: string };
  /** How many list pages each layout has. */
  listPages: { table: number; cards: number; national: number };
  handle(req: IncomingMessage, res: ServerResponse): void;
}

interface Template {
  file: string;
  html: string;
  name: string;
  procedure: boolean;
  hasCode: boolean;
}

function loadTemplates(): Template[] {
  return readdirSync(TEMPLATES)
    .filter((f) => f.endsWith('.html') && existsSync(join(TEMPLATES, f.replace(/\.html$/, '.expected.json'))))
    .sort()
    .map((file) => {
      const expected = JSON.parse(readFileSync(join(TEMPLATES, file.replace(/\.html$/, '.expected.json')), 'utf8')) as {
        procedure?: { name?: string | null; code?: string | null };
        unscannable?: boolean;
      };
      const html = readFileSync(join(TEMPLATES, file), 'utf8');
      return {
        file,
        html,
        name: expected.procedure?.name ?? file,
        procedure: expected.unscannable !== true,
        hasCode: Boolean(expected.procedure?.code) && PROCEDURE_CODE_RE.test(html),
      };
    });
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const CODE_RE_GLOBAL = new RegExp(PROCEDURE_CODE_RE.source, 'g');

function shell(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>
<header class="site-header"><nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu.html">Giới thiệu</a></li><li><a href="/ds/bang">Thủ tục hành chính</a></li><li><a href="/lien-he.html">Liên hệ</a></li></ul></nav></header>
<main><h1>${escapeHtml(title)}</h1>${body}</main>
<footer class="site-footer"><p>Cổng dịch vụ công tỉnh Demo · <a href="/lien-he.html">Liên hệ</a> · <a href="https://example.org/chinh-sach">Chính sách</a></p></footer>
</body></html>`;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The demo portal (pure: no server yet). */
export function buildDemoPortal(options: DemoPortalOptions = {}): DemoPortal {
  const templates = loadTemplates();
  const procedureTemplates = templates.filter((t) => t.procedure);
  const newsTemplate = templates.find((t) => !t.procedure) ?? null;
  const count = options.procedures ?? 210;
  const pages: DemoPage[] = [];
  for (let i = 1; i <= count; i++) {
    const template = procedureTemplates[(i - 1) % procedureTemplates.length]!;
    const code = `1.9${String(i).padStart(5, '0')}`;
    pages.push({
      path: `/thu-tuc/tt-${i}.html`,
      kind: 'procedure',
      code,
      codeOnPage: template.hasCode,
      title: `${template.name} (${i})`,
      template: template.file,
    });
  }
  // Dead and odd links spread through the list, as on real portals.
  const extras: DemoPage[] = [];
  for (let i = 1; i <= (options.hangs ?? 5); i++)
    extras.push({
      path: `/thu-tuc/cho-mai-${i}.html`,
      kind: 'hang',
      code: null,
      codeOnPage: false,
      title: `Thủ tục đang cập nhật ${i}`,
      template: null,
    });
  for (let i = 1; i <= (options.notFound ?? 6); i++)
    extras.push({
      path: `/thu-tuc/da-xoa-${i}.html`,
      kind: 'not-found',
      code: null,
      codeOnPage: false,
      title: `Thủ tục đã bãi bỏ ${i}`,
      template: null,
    });
  for (let i = 1; i <= (options.notProcedure ?? 4); i++)
    extras.push({
      path: `/tin-tuc/bai-${i}.html`,
      kind: 'not-procedure',
      code: null,
      codeOnPage: false,
      title: `Thông báo công bố thủ tục hành chính số ${i}`,
      template: i % 2 === 1 && newsTemplate ? newsTemplate.file : null,
    });
  extras.forEach((page, j) => pages.splice(Math.min(pages.length, 7 + j * Math.floor(count / (extras.length + 1))), 0, page));

  const byPath = new Map(pages.map((p) => [p.path, p]));
  const templateHtml = new Map(templates.map((t) => [t.file, t.html]));

  // Table layout: /ds/bang?page=N, 20 a page; some rows link with a fragment or tracking parameter,
  // and the first procedure is listed again on the last page (same code: deduplicated).
  const tablePages = chunk(pages, 20);
  const tableHtml = (n: number): string => {
    const rows = tablePages[n - 1]!.map((p, i) => {
      const href = i % 5 === 1 ? `${p.path}#noi-dung` : i % 7 === 3 ? `${p.path}?utm_source=zalo` : p.path;
      return `<tr><td>${(n - 1) * 20 + i + 1}</td><td>${p.code ?? ''}</td><td><a href="${href}">${escapeHtml(p.title)}</a></td><td>Tư pháp</td><td>Sở Tư pháp</td></tr>`;
    });
    if (n === tablePages.length && pages[0]) {
      const first = pages[0];
      rows.push(
        `<tr><td>*</td><td>${first.code ?? ''}</td><td><a href="${first.path}?tu=bang">${escapeHtml(first.title)}</a></td><td>Tư pháp</td><td>Sở Tư pháp</td></tr>`,
      );
    }
    const numbers = tablePages.map((_, k) =>
      k + 1 === n ? `<li class="active"><span>${k + 1}</span></li>` : `<li><a href="/ds/bang?page=${k + 1}">${k + 1}</a></li>`,
    );
    const next =
      n < tablePages.length
        ? `<li><a href="/ds/bang?page=${n + 1}">Trang sau</a></li><li><a href="/ds/bang?page=${tablePages.length}">»</a></li>`
        : '';
    return shell(
      'Danh sách thủ tục hành chính',
      `<table class="table table-tthc"><thead><tr><th>STT</th><th>Mã thủ tục</th><th>Tên thủ tục</th><th>Lĩnh vực</th><th>Cơ quan thực hiện</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>
<ul class="pagination">${numbers.join('')}${next}</ul>`,
    );
  };

  // Card layout: /ds/the/N, 12 a page; a "Xem chi tiết" link per card; rel=next and "Sau".
  const cardPages = chunk(pages, 12);
  const cardHtml = (n: number): string => {
    const cards = cardPages[n - 1]!.map(
      (p) =>
        `<div class="col-md-4"><div class="card tthc-card"><h3 class="card-title">${escapeHtml(p.title)}</h3><p class="card-text">Mã thủ tục: ${p.code ?? '—'} · Cấp tỉnh</p><a class="btn btn-primary" href="${p.path}">Xem chi tiết</a></div></div>`,
    );
    const prev = n > 1 ? `<a rel="prev" href="/ds/the/${n - 1}">Trước</a> ` : '';
    const next = n < cardPages.length ? `<a rel="next" href="/ds/the/${n + 1}">Sau</a>` : '';
    return shell('Thủ tục hành chính', `<div class="row tthc-list">${cards.join('\n')}</div><div class="nav-links">${prev}${next}</div>`);
  };

  // National-portal-like search results: ?keyword=&page=N, 15 a page, links by ma_thu_tuc.
  const nationalPages = chunk(pages, 15);
  const nationalPath = (p: DemoPage) =>
    `/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=${encodeURIComponent(p.path.replace(/^\/|\.html$/g, '').replace(/\//g, '-'))}`;
  const nationalToPage = new Map(pages.map((p) => [nationalPath(p), p]));
  const nationalHtml = (n: number): string => {
    const items = nationalPages[n - 1]!.map(
      (p) =>
        `<li class="item"><a class="title" href="${nationalPath(p)}">${escapeHtml(p.title)}</a><div class="meta"><span>Mã thủ tục: ${p.code ?? ''}</span><span>Lĩnh vực: Tư pháp</span><span>Cấp thực hiện: Cấp tỉnh</span></div></li>`,
    );
    const pager = nationalPages
      .map((_, k) =>
        k + 1 === n
          ? `<span class="current">${k + 1}</span>`
          : `<a href="/p/home/dvc-tthc-danh-muc-tthc.html?keyword=&page=${k + 1}">${k + 1}</a>`,
      )
      .join(' ');
    return shell(
      'Kết quả tìm kiếm thủ tục hành chính',
      `<div class="search-result"><p>Tìm thấy ${pages.length} thủ tục</p><div class="list-document"><ul>${items.join('\n')}</ul></div><div class="pagination">${pager}</div></div>`,
    );
  };

  const pageHtml = (page: DemoPage): string | null => {
    if (page.kind === 'procedure') {
      const html = templateHtml.get(page.template!)!;
      return html
        .replace(CODE_RE_GLOBAL, page.code!)
        .replace(/<title>([^<]*)<\/title>/i, (_, t: string) => `<title>${t} (${page.path})</title>`);
    }
    if (page.kind === 'not-procedure') {
      if (page.template) return templateHtml.get(page.template)!;
      return shell(
        page.title,
        '<p>Ủy ban nhân dân tỉnh thông báo danh mục thủ tục hành chính mới được công bố. Xem chi tiết tại trang thủ tục hành chính.</p>',
      );
    }
    return null;
  };

  const send = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
  };

  return {
    pages,
    lists: { table: '/ds/bang', cards: '/ds/the/1', national: '/p/home/dvc-tthc-danh-muc-tthc.html?keyword=' },
    listPages: { table: tablePages.length, cards: cardPages.length, national: nationalPages.length },
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://demo');
      const path = url.pathname;
      const pageNumber = (value: string | null, max: number) => {
        const n = Number(value ?? '1');
        return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
      };
      // The list's own address (the README's example points here), then its pages.
      if (path === '/ds/bang' || path === '/thu-tuc-hanh-chinh') {
        const n = pageNumber(url.searchParams.get('page'), tablePages.length);
        return n ? send(res, 200, tableHtml(n)) : send(res, 404, shell('Không tìm thấy', '<p>Không có trang này.</p>'));
      }
      const card = /^\/ds\/the\/(\d+)$/.exec(path);
      if (card) {
        const n = pageNumber(card[1]!, cardPages.length);
        return n ? send(res, 200, cardHtml(n)) : send(res, 404, shell('Không tìm thấy', '<p>Không có trang này.</p>'));
      }
      if (path === '/p/home/dvc-tthc-danh-muc-tthc.html') {
        const n = pageNumber(url.searchParams.get('page'), nationalPages.length);
        return n ? send(res, 200, nationalHtml(n)) : send(res, 404, shell('Không tìm thấy', '<p>Không có trang này.</p>'));
      }
      const page =
        path === '/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html'
          ? nationalToPage.get(`${path}?ma_thu_tuc=${encodeURIComponent(url.searchParams.get('ma_thu_tuc') ?? '')}`)
          : byPath.get(path);
      if (!page || page.kind === 'not-found')
        return send(res, 404, shell('Không tìm thấy trang', '<p>Trang không tồn tại hoặc đã bị xóa.</p>'));
      if (page.kind === 'hang') return; // never answered: the server holds the socket until it closes
      const body = pageHtml(page)!;
      if (options.delayMs && page.kind === 'procedure') setTimeout(() => send(res, 200, body), options.delayMs);
      else send(res, 200, body);
    },
  };
}

export interface DemoServer {
  url: string;
  /** Every request's path and query, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `portal` on 127.0.0.1 at a free port. */
export async function serveDemoPortal(portal: DemoPortal): Promise<DemoServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    portal.handle(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

/** Writes the portal as static files under `dir` (list pages as `…/index.html`; never-loading pages left out). */
function writeStatic(portal: DemoPortal, dir: string): number {
  let written = 0;
  const fake = (url: string): string => {
    let body = '';
    let status = 0;
    const res = {
      writeHead(code: number) {
        status = code;
        return res;
      },
      end(text?: string) {
        body = text ?? '';
      },
    };
    portal.handle({ url } as IncomingMessage, res as unknown as ServerResponse);
    return status === 200 ? body : '';
  };
  const save = (path: string, body: string) => {
    if (!body) return;
    const file = join(dir, path.endsWith('.html') ? path : join(path, 'index.html'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
    written++;
  };
  for (const page of portal.pages) if (page.kind === 'procedure' || page.kind === 'not-procedure') save(page.path, fake(page.path));
  for (let n = 1; n <= portal.listPages.table; n++) save(`/ds/bang/${n}`, fake(`/ds/bang?page=${n}`));
  for (let n = 1; n <= portal.listPages.cards; n++) save(`/ds/the/${n}`, fake(`/ds/the/${n}`));
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const portal = buildDemoPortal();
  const out = args.indexOf('--out');
  if (out >= 0 && args[out + 1]) {
    const dir = resolve(args[out + 1]!);
    console.log(`${writeStatic(portal, dir)} files written to ${dir}`);
  } else {
    const server = await serveDemoPortal(portal);
    console.log(`Demo portal: ${portal.pages.length} linked pages`);
    for (const [layout, path] of Object.entries(portal.lists)) console.log(`  ${layout}: ${server.url}${path}`);
  }
}
