/** @jsxRuntime automatic @jsxImportSource preact */
/**
 * The login form the dashboard answers with 401: one password field for DASHBOARD_TOKEN, posted to
 * /dashboard/login with the page to return to. Vietnamese first, English by the language switch.
 * Says why the person is here again (wrong token, too many attempts with the wait, logged out).
 */
import { href, Page, renderPage, type View } from './layout';

export type LoginNotice = 'wrong' | 'locked' | 'loggedOut' | 'expired' | null;

export function renderLogin(view: View, next: string, notice: LoginNotice, retryAfterSeconds = 0): string {
  const message =
    notice === 'wrong'
      ? view.t('collector.dash.login.wrong')
      : notice === 'locked'
        ? view.t('collector.dash.login.locked', { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) })
        : notice === 'expired'
          ? view.t('collector.dash.login.expired')
          : null;
  return renderPage(
    <Page
      view={view}
      title={view.t('collector.dash.login.title')}
      section={null}
      path={href(view, '/dashboard/login', { next })}
      chrome={false}
    >
      <div class="login">
        <h1>{view.t('collector.dash.login.title')}</h1>
        {notice === 'loggedOut' ? (
          <p class="success" role="status">
            {view.t('collector.dash.login.loggedOut')}
          </p>
        ) : null}
        {message ? (
          <p class="error" role="alert" id="login-error">
            {message}
          </p>
        ) : null}
        <p>{view.t('collector.dash.login.intro')}</p>
        <form method="post" action="/dashboard/login">
          <input type="hidden" name="next" value={next} />
          <input type="hidden" name="ui" value={view.ui} />
          <div class="field">
            <label for="token">{view.t('collector.dash.login.token')}</label>
            <input
              id="token"
              name="token"
              type="password"
              required
              autocomplete="current-password"
              aria-describedby={message ? 'login-error' : undefined}
            />
          </div>
          <button type="submit" class="primary">
            {view.t('collector.dash.login.submit')}
          </button>
        </form>
      </div>
    </Page>,
  );
}
