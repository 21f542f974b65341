/** @jsxRuntime automatic @jsxImportSource preact */
/**
 * GET /dashboard/comments: citizens' comments under the filter, searchable (words in the comment,
 * code, name or receipt), newest first, a page at a time. Every comment is text (Preact escapes
 * it: `<img src=x onerror=…>` shows as those characters). Contact details appear only where the
 * citizen consented (nothing else is stored). Each comment can be marked handled or reopened by a
 * POST form carrying the session's CSRF token.
 */
import type { CommentPage, DashboardFilter } from '../dashboard/types';
import { FilterForm, periodText } from './figures';
import { href, num, Page, renderPage, when, type View } from './layout';

export const COMMENTS_PER_PAGE = 50;

export function renderComments(
  view: View,
  page: CommentPage,
  filter: DashboardFilter,
  agencies: readonly string[],
  options: { search: string; handled: '' | 'yes' | 'no'; offset: number; notice: 'handled' | 'reopened' | 'notFound' | null },
): string {
  const t = view.t;
  const here = href(view, '/dashboard/comments');
  const from = page.total ? options.offset + 1 : 0;
  const to = Math.min(page.total, options.offset + page.rows.length);
  return renderPage(
    <Page view={view} title={t('collector.dash.comments.title')} section="comments" path="/dashboard/comments">
      <h1>{t('collector.dash.comments.title')}</h1>
      <p class="muted">{periodText(view, filter)}</p>
      <FilterForm
        view={view}
        action="/dashboard/comments"
        filter={filter}
        agencies={agencies}
        extra={
          <>
            <div>
              <label for="c-search">{t('collector.dash.comments.search')}</label>
              <input id="c-search" name="search" type="search" value={options.search} />
            </div>
            <div>
              <label for="c-handled">{t('collector.dash.comments.state')}</label>
              <select id="c-handled" name="handled">
                <option value="">{t('collector.dash.comments.state.all')}</option>
                <option value="no" selected={options.handled === 'no'}>
                  {t('collector.dash.comments.state.open')}
                </option>
                <option value="yes" selected={options.handled === 'yes'}>
                  {t('collector.dash.comments.state.handled')}
                </option>
              </select>
            </div>
          </>
        }
      />
      {options.notice ? (
        <p class={options.notice === 'notFound' ? 'error' : 'success'} role="status">
          {t(`collector.dash.comments.notice.${options.notice}`)}
        </p>
      ) : null}
      <p role="status" data-comment-total={page.total}>
        {page.total
          ? t('collector.dash.comments.count', { from: num(view, from), to: num(view, to), count: page.total })
          : t('collector.dash.comments.none')}
      </p>
      {page.rows.map((c) => (
        <article class="comment" key={c.id} data-comment={c.id} aria-labelledby={`c-${c.id}`}>
          <header>
            <h2 id={`c-${c.id}`} class="comment-head">
              {c.code ? (
                <a href={href(view, `/dashboard/procedure/${encodeURIComponent(c.code)}`)}>{c.code}</a>
              ) : (
                t('collector.dash.noCode')
              )}
              {c.name ? ` · ${c.name}` : ''}
            </h2>
            <span>{when(c.receivedAt)}</span>
            <span>{t(c.kind === 'rating' ? 'collector.dash.kind.rating' : 'collector.dash.kind.gap')}</span>
            {c.overall !== null ? <span>{t('collector.dash.comments.rating', { level: c.overall, scale: c.scale ?? 5 })}</span> : null}
            {c.agency ? <span>{c.agency}</span> : null}
            <span>{t('collector.dash.comments.receipt', { receipt: c.receipt })}</span>
          </header>
          <p class="comment-text" data-comment-text="">
            {c.comment}
          </p>
          {c.contact ? (
            <p data-contact="">
              <strong>{t('collector.dash.comments.contact')}</strong>{' '}
              {[c.contact.name, c.contact.phone, c.contact.email].filter(Boolean).join(' · ')}
            </p>
          ) : null}
          <p class="url muted">
            <a href={c.pageUrl} rel="noopener noreferrer">
              {c.pageUrl}
            </a>
          </p>
          <div class="status">
            {c.handledAt ? (
              <span data-handled="">{t('collector.dash.comments.handledAt', { when: when(c.handledAt) })}</span>
            ) : (
              <span data-open="">{t('collector.dash.comments.open')}</span>
            )}
            {view.csrf !== null || !view.protected ? (
              <form method="post" action={`/dashboard/comments/${encodeURIComponent(c.id)}/handled`}>
                <input type="hidden" name="csrf" value={view.csrf ?? ''} />
                <input type="hidden" name="handled" value={c.handledAt ? 'no' : 'yes'} />
                <input type="hidden" name="back" value={here} />
                <button type="submit" class="secondary">
                  {t(c.handledAt ? 'collector.dash.comments.reopen' : 'collector.dash.comments.markHandled')}
                </button>
              </form>
            ) : null}
          </div>
        </article>
      ))}
      <nav class="pager" aria-label={t('collector.dash.comments.pages')}>
        {options.offset > 0 ? (
          <a href={href(view, '/dashboard/comments', { offset: String(Math.max(0, options.offset - COMMENTS_PER_PAGE)) })} rel="prev">
            {t('collector.dash.comments.previous')}
          </a>
        ) : null}
        {to < page.total ? (
          <a href={href(view, '/dashboard/comments', { offset: String(options.offset + COMMENTS_PER_PAGE) })} rel="next">
            {t('collector.dash.comments.next')}
          </a>
        ) : null}
      </nav>
    </Page>,
  );
}
