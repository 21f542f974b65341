/** @jsxRuntime automatic @jsxImportSource preact */
/**
 * GET /dashboard: the figures for the chosen filter. The index overall (with the answers by level),
 * over time (chart and table), per agency, per procedure (each linking to its page), per question,
 * then the disclosure gaps per procedure (sortable by server-side links), and the exports. A figure
 * resting on fewer answers than the minimum carries the "too few answers" marker.
 */
import type { DashboardSummary, GapRow } from '../dashboard/types';
import { FilterForm, FormulaNotice, GapElements, periodText, QuestionTable, SeriesSection } from './figures';
import { FigureCells, Few, href, num, Page, pct, renderPage, Table, when, type View } from './layout';

/**
 * Procedures listed on the overview (those with the most answers): the page stays light with
 * 2,000 procedures; the printable report and the exports have every one.
 */
export const PROCEDURE_ROWS = 100;

export const GAP_SORTS = ['reports', 'engine', 'last', 'code'] as const;
export type GapSort = (typeof GAP_SORTS)[number];

/** The key of a gaps-table row (and of a comment on it): code or page, and agency. */
export const gapKey = (codeOrPage: string, agency: string | null) => `${codeOrPage}\u0000${agency ?? ''}`;

/** A comment shortened for a table cell. */
const short = (text: string) => (text.length > 160 ? `${text.slice(0, 159)}…` : text);

export function sortGaps(rows: readonly GapRow[], sort: GapSort, dir: 'asc' | 'desc'): GapRow[] {
  const key: Record<GapSort, (r: GapRow) => number | string> = {
    reports: (r) => r.citizenReports,
    engine: (r) => r.engineReports,
    last: (r) => r.lastAt,
    code: (r) => r.code ?? r.pageUrl,
  };
  const k = key[sort];
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = k(a);
    const y = k(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
    return c * sign || (a.code ?? a.pageUrl).localeCompare(b.code ?? b.pageUrl);
  });
}

/** Link to a procedure's page: its code, or its page address when it has no code. */
export function procedureHref(view: View, code: string | null, pageUrl: string, agency: string | null): string {
  return code
    ? href(view, `/dashboard/procedure/${encodeURIComponent(code)}`, agency ? { agency } : {})
    : href(view, '/dashboard/comments', { search: pageUrl });
}

function SortHeader({
  view,
  label,
  sort,
  current,
  dir,
  numeric,
}: {
  view: View;
  label: string;
  sort: GapSort;
  current: GapSort;
  dir: 'asc' | 'desc';
  numeric?: boolean;
}) {
  const active = sort === current;
  const next = active && dir === 'desc' ? 'asc' : 'desc';
  return (
    <th scope="col" class={numeric ? 'num' : undefined} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={`${href(view, '/dashboard', { sort, dir: next })}#gaps`} data-sort={sort}>
        {label}
        {active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </a>
    </th>
  );
}

export function renderOverview(
  view: View,
  summary: DashboardSummary,
  agencies: readonly string[],
  sort: GapSort,
  dir: 'asc' | 'desc',
  /** The latest comments per gaps-table row (gapKey), newest first. */
  gapComments: ReadonlyMap<string, readonly string[]> = new Map(),
): string {
  const { overall, filter, totals } = summary;
  const t = view.t;
  const exportHref = (file: string) => href(view, `/dashboard/export/${file}`, { sort: undefined, dir: undefined });
  const gaps = sortGaps(summary.gaps, sort, dir);
  const byLevel: [string, number][] = [
    ...overall.byLevel5.map((n, i): [string, number] => [view.w(`widget.rating.${(i + 1) as 1 | 2 | 3 | 4 | 5}`), n]),
  ];
  const any3 = overall.byLevel3.some((n) => n > 0);
  return renderPage(
    <Page view={view} title={t('collector.dash.title')} section="overview" path="/dashboard">
      <h1>{t('collector.dash.title')}</h1>
      <p class="muted" data-period="">
        {periodText(view, filter)}
        {filter.agency ? ` · ${filter.agency}` : ''}
        {filter.procedure ? ` · ${t('collector.dash.filter.procedure')}: ${filter.procedure}` : ''}
      </p>
      <FilterForm view={view} action="/dashboard" filter={filter} agencies={agencies} />
      <FormulaNotice view={view} formula={summary.formula} />

      <h2 id="index">{t('collector.dash.index.title')}</h2>
      {overall.answers === 0 ? <p>{t('collector.dashboard.empty')}</p> : null}
      <ul class="cards">
        <li>
          <span class="label">{t('collector.dashboard.satisfied')}</span>
          <span class="value" data-satisfied="" data-share={overall.share ?? ''}>
            {pct(view, overall.share)}
          </span>
          <Few view={view} figure={overall} />
        </li>
        <li>
          <span class="label">{t('collector.dash.index.answers')}</span>
          <span class="value" data-total="">
            {overall.answers}
          </span>
        </li>
        <li>
          <span class="label">{t('collector.dashboard.gapReports')}</span>
          <span class="value" data-gap-reports="">
            {totals.gapReports}
          </span>
        </li>
        <li>
          <span class="label">{t('collector.dash.index.comments')}</span>
          <span class="value" data-comments="">
            {totals.comments}
          </span>
        </li>
      </ul>
      <Table id="levels" caption={t('collector.dash.levels.caption')}>
        <thead>
          <tr>
            <th scope="col">{t('collector.dash.col.level')}</th>
            <th scope="col" class="num">
              {t('collector.dash.col.answers')}
            </th>
          </tr>
        </thead>
        <tbody>
          {byLevel.map(([label, n], i) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td class="num" data-level={i + 1}>
                {num(view, n)}
              </td>
            </tr>
          ))}
          {any3 ? (
            <tr>
              <th scope="row">{t('collector.dash.levels.three')}</th>
              <td class="num">
                {num(
                  view,
                  overall.byLevel3.reduce((a, b) => a + b, 0),
                )}
              </td>
            </tr>
          ) : null}
        </tbody>
      </Table>

      <h2 id="series">{t('collector.dash.series.heading')}</h2>
      <SeriesSection view={view} series={summary.series} bucket={filter.bucket} id="series" />

      <h2 id="agencies">{t('collector.dash.agencies.title')}</h2>
      {summary.perAgency.length ? (
        <Table id="agency-table" caption={t('collector.dash.agencies.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('collector.dash.col.agency')}</th>
              <th scope="col" class="num">
                {t('collector.dash.col.answers')}
              </th>
              <th scope="col" class="num">
                {t('collector.dash.col.share')}
              </th>
              <th scope="col">{t('collector.dash.col.public')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.perAgency.map((a) => (
              <tr key={a.agency ?? ''} data-agency={a.agency ?? ''}>
                <th scope="row">
                  {a.agency === null ? (
                    t('collector.dash.agencies.none')
                  ) : (
                    <a href={href(view, '/dashboard', { agency: a.agency })}>{a.agency}</a>
                  )}
                </th>
                <FigureCells view={view} figure={a} />
                <td>
                  {a.agency === null ? null : (
                    <a href={href(view, `/public/${encodeURIComponent(a.agency)}`, {}, false)}>{t('collector.dash.agencies.publicLink')}</a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p class="muted">{t('collector.dash.none')}</p>
      )}

      <h2 id="procedures">{t('collector.dash.procedures.title')}</h2>
      {summary.perProcedure.length > PROCEDURE_ROWS ? (
        <p class="muted" data-procedures-shown={PROCEDURE_ROWS}>
          {t('collector.dash.procedures.top', { shown: PROCEDURE_ROWS, count: summary.perProcedure.length })}
        </p>
      ) : null}
      {summary.perProcedure.length ? (
        <Table id="procedure-table" caption={t('collector.dash.procedures.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('collector.dash.col.code')}</th>
              <th scope="col">{t('collector.dash.col.name')}</th>
              <th scope="col">{t('collector.dash.col.agency')}</th>
              <th scope="col" class="num">
                {t('collector.dash.col.answers')}
              </th>
              <th scope="col" class="num">
                {t('collector.dash.col.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.perProcedure.slice(0, PROCEDURE_ROWS).map((p) => (
              <tr key={`${p.code ?? p.pageUrl}|${p.agency ?? ''}`} data-procedure={p.code ?? p.pageUrl}>
                <th scope="row">
                  <a href={procedureHref(view, p.code, p.pageUrl, p.agency)}>{p.code ?? t('collector.dash.noCode')}</a>
                </th>
                <td class="wide">{p.name ?? ''}</td>
                <td>{p.agency ?? ''}</td>
                <FigureCells view={view} figure={p} />
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p class="muted">{t('collector.dash.none')}</p>
      )}

      <h2 id="questions">{t('collector.dash.questions.title')}</h2>
      <p class="muted">{t('collector.dash.questions.intro')}</p>
      <QuestionTable view={view} rows={summary.perQuestion} id="question-table" />

      <h2 id="gaps">{t('collector.dash.gaps.title')}</h2>
      <p class="muted">{t('collector.dash.gaps.intro')}</p>
      {gaps.length ? (
        <Table id="gap-table" caption={t('collector.dash.gaps.caption')}>
          <thead>
            <tr>
              <SortHeader view={view} label={t('collector.dash.col.procedure')} sort="code" current={sort} dir={dir} />
              <SortHeader view={view} label={t('collector.dash.col.citizenReports')} sort="reports" current={sort} dir={dir} numeric />
              <SortHeader view={view} label={t('collector.dash.col.engineReports')} sort="engine" current={sort} dir={dir} numeric />
              <th scope="col">{t('collector.dash.col.elements')}</th>
              <SortHeader view={view} label={t('collector.dash.col.last')} sort="last" current={sort} dir={dir} />
              <th scope="col">{t('collector.dash.col.page')}</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((g) => (
              <tr key={`${g.code ?? g.pageUrl}|${g.agency ?? ''}`} data-gap={g.code ?? g.pageUrl}>
                <th scope="row">
                  <a href={procedureHref(view, g.code, g.pageUrl, g.agency)}>{g.code ?? t('collector.dash.noCode')}</a>
                  {g.name ? <div>{g.name}</div> : null}
                  {g.agency ? <div class="muted">{g.agency}</div> : null}
                </th>
                <td class="num" data-citizen-reports={g.citizenReports}>
                  {num(view, g.citizenReports)}
                </td>
                <td class="num">{num(view, g.engineReports)}</td>
                <td class="wide">
                  <GapElements view={view} row={g} />
                  {gapComments.get(gapKey(g.code ?? g.pageUrl, g.agency))?.map((text, i) => (
                    <p class="comment-text gap-comment" key={i} data-gap-comment="">
                      {short(text)}
                    </p>
                  ))}
                </td>
                <td>{when(g.lastAt)}</td>
                <td class="url">
                  <a href={g.pageUrl} rel="noopener noreferrer">
                    {t('collector.dash.gaps.openPage')}
                  </a>
                  {' · '}
                  <a href={href(view, '/dashboard/comments', { procedure: g.code ?? undefined, search: g.code ? undefined : g.pageUrl })}>
                    {t('collector.dash.gaps.comments')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p class="muted">{t('collector.dash.gaps.none')}</p>
      )}

      <h2 id="exports">{t('collector.dash.exports.title')}</h2>
      <p>{t('collector.dash.exports.intro')}</p>
      <ul>
        <li>
          <a href={exportHref('submissions.csv')} download="">
            {t('collector.dash.exports.rawCsv')}
          </a>
        </li>
        <li>
          <a href={exportHref('submissions.json')} download="">
            {t('collector.dash.exports.rawJson')}
          </a>
        </li>
        <li>
          <a href={exportHref('summary.csv')} download="">
            {t('collector.dash.exports.summaryCsv')}
          </a>
        </li>
        <li>
          <a href={exportHref('summary.json')} download="">
            {t('collector.dash.exports.summaryJson')}
          </a>
        </li>
        <li>
          <a href={href(view, '/dashboard/report', { sort: undefined, dir: undefined })}>{t('collector.dash.exports.report')}</a>
        </li>
      </ul>
    </Page>,
  );
}
