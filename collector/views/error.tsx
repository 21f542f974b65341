/** @jsxRuntime automatic @jsxImportSource preact */
/** A dashboard or public page that cannot be shown: what went wrong, in the reader's language, and a way back. */
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
