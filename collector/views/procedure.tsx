/** @jsxRuntime automatic @jsxImportSource preact */
/**
 * GET /dashboard/procedure/:code: one procedure under the filter's period: its index, its history
 * (chart per week or month and the table), the index per question, the elements citizens and the
 * automatic audit report missing or wrong, its latest comments (as text) and its page addresses.
 */
import type { DashboardFilter, ProcedureDetail } from '../dashboard/types';
import { FilterForm, GapElements, periodText, QuestionTable, SeriesSection } from './figures';
import { Few, href, num, Page, pct, renderPage, when, type View } from './layout';

export function renderProcedure(
  view: View,
  code: string,
  detail: ProcedureDetail | null,
  filter: DashboardFilter,
  agencies: readonly string[],
): string {
  const t = view.t;
  const title = t('collector.dash.procedure.title', { code });
  const path = `/dashboard/procedure/${encodeURIComponent(code)}`;
  return renderPage(
    <Page view={view} title={title} section="overview" path={path}>
      <p>
        <a href={href(view, '/dashboard')}>{t('collector.dash.procedure.back')}</a>
      </p>
      <h1>{title}</h1>
      {detail?.name ? <p class="lead">{detail.name}</p> : null}
      <p class="muted">
        {periodText(view, filter)}
        {detail?.agency ? ` · ${detail.agency}` : ''}
      </p>
      <FilterForm view={view} action={path} filter={filter} agencies={agencies} />
      {!detail ? (
        <p role="status">{t('collector.dash.procedure.none')}</p>
      ) : (
        <>
          <h2>{t('collector.dash.index.title')}</h2>
          <ul class="cards">
            <li>
              <span class="label">{t('collector.dashboard.satisfied')}</span>
              <span class="value" data-share={detail.index.share ?? ''}>
                {pct(view, detail.index.share)}
              </span>
              <Few view={view} figure={detail.index} />
            </li>
            <li>
              <span class="label">{t('collector.dash.index.answers')}</span>
              <span class="value" data-total="">
                {detail.index.answers}
              </span>
            </li>
          </ul>

          <h2>{t('collector.dash.procedure.history')}</h2>
          <SeriesSection view={view} series={detail.series} bucket={filter.bucket} id="history" />

          <h2>{t('collector.dash.questions.title')}</h2>
          <QuestionTable view={view} rows={detail.perQuestion} id="question-table" />

          <h2>{t('collector.dash.gaps.title')}</h2>
          {detail.gaps && detail.gaps.elements.length ? (
            <>
              <p>
                {t('collector.dash.procedure.gapCounts', {
                  citizen: num(view, detail.gaps.citizenReports),
                  engine: num(view, detail.gaps.engineReports),
                  last: when(detail.gaps.lastAt),
                })}
              </p>
              <GapElements view={view} row={detail.gaps} />
            </>
          ) : (
            <p class="muted">{t('collector.dash.gaps.none')}</p>
          )}

          <h2>{t('collector.dash.procedure.comments')}</h2>
          {detail.comments.length ? (
            detail.comments.map((c) => (
              <article class="comment" key={c.id} data-comment={c.id}>
                <header>
                  <span>{when(c.receivedAt)}</span>
                  <span>{t(c.kind === 'rating' ? 'collector.dash.kind.rating' : 'collector.dash.kind.gap')}</span>
                  {c.overall !== null ? (
                    <span>{t('collector.dash.comments.rating', { level: c.overall, scale: c.scale ?? 5 })}</span>
                  ) : null}
                </header>
                <p class="comment-text">{c.comment}</p>
              </article>
            ))
          ) : (
            <p class="muted">{t('collector.dash.comments.none')}</p>
          )}
          <p>
            <a href={href(view, '/dashboard/comments', { procedure: code })}>{t('collector.dash.procedure.allComments')}</a>
          </p>

          <h2>{t('collector.dash.procedure.pages')}</h2>
          <ul>
            {detail.pageUrls.map((u) => (
              <li key={u} class="url">
                <a href={u} rel="noopener noreferrer">
                  {u}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>,
  );
}
