/** @jsxRuntime automatic @jsxImportSource preact */
/**
 * A dashboard or public page that cannot be shown: what went wrong, in the reader's language, and a
 * way back; or, while the collector loads its figures after a start, a page that says so with a
 * link to reload (the answer carries Retry-After; no meta refresh, which WCAG 2.2.1 and axe reject).
 */
import { href, Page, renderPage, type View } from './layout';

export function renderError(view: View, status: number, message: string, back: string | null): string {
  return renderPage(
    <Page view={view} title={view.t('collector.dash.error.title')} section={null} path={back ?? '/dashboard'} chrome={back !== null}>
      <h1>{view.t('collector.dash.error.title')}</h1>
      <p class="error" role="alert" data-status={status}>
        {message}
      </p>
      {back ? (
        <p>
          <a href={href(view, back, {}, false)}>{view.t('collector.dash.error.back')}</a>
        </p>
      ) : null}
    </Page>,
  );
}

/** The figures are still loading (503): `path` is the page to reload. */
export function renderLoading(view: View, path: string, chrome: boolean): string {
  return renderPage(
    <Page view={view} title={view.t('collector.dash.loading.title')} section={null} path={path} chrome={chrome}>
      <h1>{view.t('collector.dash.loading.title')}</h1>
      <p role="status" data-loading="">
        {view.t('collector.dash.loading.body')}
      </p>
      <p>
        <a href={href(view, path)}>{view.t('collector.dash.loading.reload')}</a>
      </p>
    </Page>,
  );
}
