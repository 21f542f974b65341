/**
 * The agency dashboard's pages and files (the summary API is routes/summary-api.ts):
 *   GET  /dashboard                       figures for the filter (period, agency, procedure, language, bucket)
 *   GET  /dashboard/procedure/:code       one procedure's history, questions, gaps, comments
 *   GET  /dashboard/comments              comments, searchable; POST …/comments/:id/handled marks one
 *   GET  /dashboard/report                printable summary (the browser saves it as PDF)
 *   GET  /dashboard/export/{submissions,summary}.{csv,json}   exports for the filter
 *   GET|POST /dashboard/login, POST /dashboard/logout
 *   GET  /public/:agency[/embed]          published aggregates of one agency (no login)
 *   GET  /assets/…                        the pages' stylesheet, script and font
 * Protection is collector/dashboard/auth.ts: without a session or Bearer token the dashboard
 * answers 401 with the login form. Every HTML page goes out with a strict Content-Security-Policy
 * (only the public embed may be framed), nosniff, a same-origin referrer policy and no-store.
 * Forms that change something need the session's CSRF token and, when the browser sends one, an
 * Origin equal to the collector's own. CSV goes through shared/report's writer (BOM, CRLF,
 * formula-safe cells), streamed row by row.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csvCell, csvDocument } from '../../shared/report';
import { MAX_BODY_BYTES } from '../../shared/protocol/constants';
import type { CollectorConfig } from '../config';
import type { SubmissionStore } from '../db/store';
import { dashboardAuth, readCookies, SESSION_COOKIE, type Access, type Session } from '../dashboard/auth';
import {
  agencies as listAgencies,
  dashboardSummary,
  exportSubmissions,
  factsLoading,
  LOADING_RETRY_SECONDS,
  LOADING_WAIT_MS,
  listComments,
  markHandled,
  parseFilterQuery,
  periodFilter,
  procedureDetail,
  publicSummary,
  summaryRows,
  type DashboardFilter,
  type ExportRow,
} from '../dashboard';
// Not re-exported by dashboard/index.ts: the newest comments on each row of the gaps table.
import { latestCommentsPerEntry } from '../dashboard/queries';
import { COMMENTS_PER_PAGE, renderComments } from '../views/comments';
import { makeView, uiOf, type View } from '../views/layout';
import { renderLogin, type LoginNotice } from '../views/login';
import { GAP_SORTS, gapKey, renderOverview, type GapSort } from '../views/overview';
import { renderProcedure } from '../views/procedure';
import { renderPublic, renderPublicEmbed } from '../views/public';
import { renderReport } from '../views/report';
import { renderError, renderLoading } from '../views/error';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";
/** The public embed: the same, except that any site may frame it. */
const CSP_EMBED = CSP.replace("frame-ancestors 'none'", 'frame-ancestors *');

type Query = Record<string, unknown>;

/** The query's string values (what links carry on). */
function stringParams(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((query ?? {}) as Query)) if (typeof v === 'string' && v.length <= 300) out[k] = v;
  return out;
}

/** A path inside the dashboard to go back to after a form (anything else: /dashboard). */
function safeReturn(value: unknown, fallback = '/dashboard'): string {
  return typeof value === 'string' && /^\/dashboard(?:[/?#]|$)/.test(value) && !value.includes('\\') && !value.startsWith('//')
    ? value
    : fallback;
}

function html(reply: FastifyReply, status: number, body: string, csp = CSP): FastifyReply {
  if (csp === CSP) reply.header('x-frame-options', 'DENY');
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', csp)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('cache-control', 'no-store')
    .send(body);
}

/** The font files served beside the stylesheet (latin and Vietnamese subsets of Noto Sans). */
function fontFile(name: string): Buffer {
  const require = createRequire(import.meta.url);
  const dir = join(require.resolve('@fontsource-variable/noto-sans/package.json'), '..', 'files');
  return readFileSync(join(dir, name));
}

/** Comments shown per row of the gaps table (the newest). */
const GAP_COMMENTS_PER_ROW = 2;

const PUBLIC_DIR = join(import.meta.dirname, '..', 'public');

export function dashboardRoutes(app: FastifyInstance, deps: { config: CollectorConfig; store: SubmissionStore }): void {
  const auth = dashboardAuth(deps.config);
  const db = deps.store.db;
  // The formula's settings (MIN_ANSWERS, SATISFIED_FROM_5/_3) for every figure shown.
  const { minAnswers, satisfiedFrom } = deps.config;
  const figures = { minAnswers, satisfiedFrom };

  const assets = new Map<string, { type: string; body: Buffer }>([
    ['dashboard.css', { type: 'text/css; charset=utf-8', body: readFileSync(join(PUBLIC_DIR, 'dashboard.css')) }],
    ['dashboard.js', { type: 'text/javascript; charset=utf-8', body: readFileSync(join(PUBLIC_DIR, 'dashboard.js')) }],
    ['noto-sans-latin.woff2', { type: 'font/woff2', body: fontFile('noto-sans-latin-wght-normal.woff2') }],
    ['noto-sans-vietnamese.woff2', { type: 'font/woff2', body: fontFile('noto-sans-vietnamese-wght-normal.woff2') }],
  ]);
  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const asset = assets.get(request.params.file);
    if (!asset) return reply.callNotFound();
    return reply
      .type(asset.type)
      .header('cache-control', 'public, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(asset.body);
  });

  /** The view of a request: interface language, its session's CSRF token, the filter's parameters. */
  const viewOf = (request: FastifyRequest, session: Session | null): View =>
    makeView(uiOf(request.query), session?.csrf ?? null, auth.protected, stringParams(request.query));

  const loginPage = (request: FastifyRequest, reply: FastifyReply, status: number, notice: LoginNotice, next: string, access?: Access) => {
    const retry = access && !access.ok && access.reason === 'locked' ? access.retryAfterSeconds : 0;
    if (retry) reply.header('retry-after', String(retry));
    if (status === 401) reply.header('www-authenticate', 'Bearer realm="dashboard"');
    const ui = uiOf(request.query) === 'en' || (request.body as Query | undefined)?.ui === 'en' ? 'en' : 'vi';
    return html(reply, status, renderLogin(makeView(ui, null, auth.protected), next, notice, retry));
  };

  /** Lets a logged-in person (or a Bearer script) through; answers 401 with the login form otherwise. */
  const guard = (request: FastifyRequest, reply: FastifyReply): { session: Session | null } | null => {
    const access = auth.check(request);
    if (access.ok) {
      // The idle clock lives in the cookie: renew it now and then.
      if (access.session?.renew) reply.header('set-cookie', auth.cookie(request, access.session));
      return { session: access.session };
    }
    const next = safeReturn(request.url);
    if (access.reason === 'locked') void loginPage(request, reply, 429, 'locked', next, access);
    else {
      // A session cookie the collector no longer knows: it ended (idle, too old, restart).
      const stale = access.reason === 'missing' && readCookies(request.headers.cookie).has(SESSION_COOKIE);
      void loginPage(request, reply, 401, access.reason === 'wrong' ? 'wrong' : stale ? 'expired' : null, next);
    }
    return null;
  };

  /** The filter of a request; on bad input the default filter and a message for the page. */
  const filterOf = (request: FastifyRequest): { filter: DashboardFilter; bad: boolean } => {
    // A form sends every field: empty ones mean "any" (and the dates of a preset period are empty).
    const given = Object.fromEntries(Object.entries(stringParams(request.query)).filter(([, v]) => v.trim() !== ''));
    const parsed = parseFilterQuery(given);
    if (parsed.ok) return { filter: parsed.filter, bad: false };
    return { filter: { ...periodFilter('quarter'), bucket: 'week' }, bad: true };
  };

  /**
   * While the fact index loads after a start: answers 503 with Retry-After and a page saying the
   * figures are loading (never partial figures) and returns true; false once they are whole.
   */
  const stillLoading = async (request: FastifyRequest, reply: FastifyReply, view: View, csp = CSP): Promise<boolean> => {
    if (!(await factsLoading(db, LOADING_WAIT_MS))) return false;
    reply.header('retry-after', String(LOADING_RETRY_SECONDS));
    void html(reply, 503, renderLoading(view, new URL(request.url, 'http://x').pathname, view.protected || view.csrf !== null), csp);
    return true;
  };

  const badFilter = (reply: FastifyReply, view: View) =>
    html(reply, 400, renderError(makeView(view.ui, view.csrf, view.protected), 400, view.t('collector.dash.filter.invalid'), '/dashboard'));

  app.register(async (scope) => {
    // Form bodies for the login and the dashboard's own forms, in this scope only (the rest of the
    // collector keeps answering 415 to them, except /form, which has its own parser).
    scope.removeContentTypeParser('application/x-www-form-urlencoded');
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: MAX_BODY_BYTES },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );

    /** Same-origin check for state-changing forms (on top of SameSite=Strict and the CSRF token). */
    const sameOrigin = (request: FastifyRequest) => {
      const origin = request.headers.origin;
      return origin === undefined || origin === `${request.protocol}://${request.host}`;
    };

    scope.get('/dashboard/login', async (request, reply) => {
      const q = request.query as Query;
      if (auth.check(request).ok && auth.protected) return reply.redirect(safeReturn(q.next), 303);
      return loginPage(request, reply, 200, q.out === '1' ? 'loggedOut' : null, safeReturn(q.next));
    });

    scope.post('/dashboard/login', async (request, reply) => {
      const body = (request.body ?? {}) as Query;
      const next = safeReturn(body.next);
      if (!sameOrigin(request)) return loginPage(request, reply, 403, 'wrong', next);
      const result = auth.login(request, typeof body.token === 'string' ? body.token.trim() : '');
      if (!result.ok)
        return loginPage(
          request,
          reply,
          result.reason === 'locked' ? 429 : 401,
          result.reason === 'locked' ? 'locked' : 'wrong',
          next,
          result,
        );
      return reply.header('set-cookie', auth.cookie(request, result.session)).header('cache-control', 'no-store').redirect(next, 303);
    });

    scope.post('/dashboard/logout', async (request, reply) => {
      const access = auth.check(request);
      const body = (request.body ?? {}) as Query;
      if (access.ok && auth.checkCsrf(access.session, body.csrf) && sameOrigin(request)) auth.logout(request);
      return reply.header('set-cookie', auth.cookie(request, null)).redirect('/dashboard/login?out=1', 303);
    });

    scope.get('/dashboard', async (request, reply) => {
      const who = guard(request, reply);
      if (!who) return reply;
      const view = viewOf(request, who.session);
      if (await stillLoading(request, reply, view)) return reply;
      const { filter, bad } = filterOf(request);
      if (bad) return badFilter(reply, view);
      const q = request.query as Query;
      const sort: GapSort = GAP_SORTS.includes(q.sort as GapSort) ? (q.sort as GapSort) : 'reports';
      const dir = q.dir === 'asc' ? 'asc' : 'desc';
      const [summary, agencies] = await Promise.all([dashboardSummary(db, filter, figures), listAgencies(db)]);
      // The two newest comments on each procedure of the gaps table (found in the fact index, then
      // read by seq: one short query).
      const recent = summary.gaps.length
        ? await latestCommentsPerEntry(
            db,
            summary.gaps.map((g) => ({ key: g.code ?? g.pageUrl, agency: g.agency })),
            filter,
            GAP_COMMENTS_PER_ROW,
          )
        : [];
      const byRow = new Map<string, string[]>();
      for (const c of recent) {
        const key = gapKey(c.code ?? c.pageUrl, c.agency);
        const list = byRow.get(key) ?? [];
        if (list.length < GAP_COMMENTS_PER_ROW) list.push(c.comment);
        byRow.set(key, list);
      }
      return html(reply, 200, renderOverview(view, summary, agencies, sort, dir, byRow));
    });

    scope.get<{ Params: { code: string } }>('/dashboard/procedure/:code', async (request, reply) => {
      const who = guard(request, reply);
      if (!who) return reply;
      const view = viewOf(request, who.session);
      if (await stillLoading(request, reply, view)) return reply;
      const { filter, bad } = filterOf(request);
      if (bad) return badFilter(reply, view);
      const code = request.params.code.slice(0, 200);
      const [detail, agencies] = await Promise.all([procedureDetail(db, code, filter, figures), listAgencies(db)]);
      return html(reply, detail ? 200 : 404, renderProcedure(view, code, detail, filter, agencies));
    });

    scope.get('/dashboard/comments', async (request, reply) => {
      const who = guard(request, reply);
      if (!who) return reply;
      const view = viewOf(request, who.session);
      if (await stillLoading(request, reply, view)) return reply;
      const { filter, bad } = filterOf(request);
      if (bad) return badFilter(reply, view);
      const q = request.query as Query;
      const search = typeof q.search === 'string' ? q.search.trim().slice(0, 200) : '';
      const handled = q.handled === 'yes' || q.handled === 'no' ? q.handled : '';
      const offset = typeof q.offset === 'string' && /^\d{1,7}$/.test(q.offset) ? Number(q.offset) : 0;
      const notice = q.done === 'handled' || q.done === 'reopened' || q.done === 'notFound' ? q.done : null;
      const [page, agencies] = await Promise.all([
        listComments(db, {
          ...filter,
          ...(search ? { search } : {}),
          ...(handled ? { handled: handled === 'yes' } : {}),
          limit: COMMENTS_PER_PAGE,
          offset,
        }),
        listAgencies(db),
      ]);
      return html(
        reply,
        200,
        renderComments({ ...view, params: { ...view.params, done: '' } }, page, filter, agencies, { search, handled, offset, notice }),
      );
    });

    scope.post<{ Params: { id: string } }>('/dashboard/comments/:id/handled', async (request, reply) => {
      const who = guard(request, reply);
      if (!who) return reply;
      const body = (request.body ?? {}) as Query;
      if (!sameOrigin(request) || !auth.checkCsrf(who.session, body.csrf)) {
        const view = viewOf(request, who.session);
        return html(reply, 403, renderError(view, 403, view.t('collector.dash.csrf'), safeReturn(body.back, '/dashboard/comments')));
      }
      const handled = body.handled !== 'no';
      const ok = await markHandled(db, request.params.id, handled, who.session ? 'dashboard' : 'token');
      const back = new URL(safeReturn(body.back, '/dashboard/comments'), 'http://x');
      back.searchParams.set('done', ok ? (handled ? 'handled' : 'reopened') : 'notFound');
      return reply.redirect(`${back.pathname}${back.search}`, 303);
    });

    scope.get('/dashboard/report', async (request, reply) => {
      const who = guard(request, reply);
      if (!who) return reply;
      const view = viewOf(request, who.session);
      if (await stillLoading(request, reply, view)) return reply;
      const { filter, bad } = filterOf(request);
      if (bad) return badFilter(reply, view);
      const [summary, agencies] = await Promise.all([dashboardSummary(db, filter, figures), listAgencies(db)]);
      return html(reply, 200, renderReport(view, summary, summaryRows(summary), agencies, new Date()));
    });

    scope.get<{ Params: { file: string } }>('/dashboard/export/:file', async (request, reply) => {
      const who = guard(request, reply);
      if (!who) return reply;
      const view = viewOf(request, who.session);
      if (await stillLoading(request, reply, view)) return reply;
      const m = /^(submissions|summary)\.(csv|json)$/.exec(request.params.file);
      if (!m) return reply.callNotFound();
      const { filter, bad } = filterOf(request);
      if (bad) return badFilter(reply, view);
      const [, what, format] = m as unknown as [string, 'submissions' | 'summary', 'csv' | 'json'];
      const name = `tthc-${what}-${filter.from}-${filter.to}.${format}`;
      reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
      if (what === 'summary') {
        const summary = await dashboardSummary(db, filter, figures);
        const rows = summaryRows(summary);
        if (format === 'json')
          return reply.send(
            JSON.stringify(
              {
                filter: summary.filter,
                formula: summary.formula,
                overall: summary.overall,
                totals: summary.totals,
                perAgency: summary.perAgency,
                perQuestion: summary.perQuestion,
                procedures: rows,
              },
              null,
              2,
            ),
          );
        return reply.send(
          csvDocument([
            SUMMARY_COLUMNS,
            ...rows.map((r) => [
              r.code,
              r.name,
              r.agency,
              r.answers,
              r.satisfied,
              r.sharePercent,
              r.tooFew,
              r.citizenReports,
              r.engineReports,
            ]),
          ]),
        );
      }
      return reply.send(Readable.from(format === 'csv' ? csvRows(exportSubmissions(db, filter)) : jsonRows(exportSubmissions(db, filter))));
    });
  });

  // The published figures of one agency: no login, aggregates only.
  const publicData = async (request: FastifyRequest<{ Params: { agency: string } }>) => {
    const agency = request.params.agency.trim().slice(0, 300);
    const known = await listAgencies(db);
    if (!known.includes(agency)) return null;
    const q = request.query as Query;
    const preset = q.period === 'quarter' || q.period === 'half' ? q.period : 'year';
    return publicSummary(db, agency, minAnswers, periodFilter(preset), satisfiedFrom);
  };
  app.get<{ Params: { agency: string } }>('/public/:agency', async (request, reply) => {
    const view = makeView(uiOf(request.query), null, false, stringParams(request.query));
    if (await stillLoading(request, reply, view)) return reply;
    const data = await publicData(request);
    if (!data) return html(reply, 404, renderError(view, 404, view.t('collector.dash.public.unknown'), null));
    return html(reply, 200, renderPublic(view, data, `${request.protocol}://${request.host}`));
  });
  app.get<{ Params: { agency: string } }>('/public/:agency/embed', async (request, reply) => {
    const view = makeView(uiOf(request.query), null, false, stringParams(request.query));
    if (await stillLoading(request, reply, view, CSP_EMBED)) return reply;
    const data = await publicData(request);
    if (!data) return html(reply, 404, renderError(view, 404, view.t('collector.dash.public.unknown'), null), CSP_EMBED);
    return html(reply, 200, renderPublicEmbed(view, data), CSP_EMBED);
  });
}

const SUMMARY_COLUMNS = [
  'procedure_code',
  'procedure_name',
  'agency',
  'answers',
  'satisfied',
  'share_percent',
  'too_few',
  'citizen_reports',
  'engine_reports',
];

const RAW_COLUMNS = [
  'id',
  'receipt',
  'kind',
  'received_at',
  'procedure_code',
  'procedure_name',
  'agency',
  'page_url',
  'lang',
  'overall',
  'scale',
  'current',
  'question_set',
  'answers',
  'elements',
  'comment',
  'contact_name',
  'contact_phone',
  'contact_email',
];

function rawCells(r: ExportRow): (string | number | boolean | null)[] {
  return [
    r.id,
    r.receipt,
    r.kind,
    r.receivedAt,
    r.code,
    r.name,
    r.agency,
    r.pageUrl,
    r.lang,
    r.overall,
    r.scale,
    r.current,
    r.questionSet,
    r.answers ? JSON.stringify(r.answers) : null,
    r.elements,
    r.comment,
    r.contact?.name ?? null,
    r.contact?.phone ?? null,
    r.contact?.email ?? null,
  ];
}

/** The raw export as CSV, row by row: the header through csvDocument (BOM, CRLF), each row through csvCell. */
async function* csvRows(rows: AsyncIterable<ExportRow>): AsyncGenerator<string> {
  yield csvDocument([RAW_COLUMNS]);
  for await (const r of rows) yield `${rawCells(r).map(csvCell).join(',')}\r\n`;
}

async function* jsonRows(rows: AsyncIterable<ExportRow>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const r of rows) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(r)}`;
    first = false;
  }
  yield '\n]\n';
}
