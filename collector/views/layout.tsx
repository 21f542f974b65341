/** @jsxRuntime automatic @jsxImportSource preact */
/**
 * The dashboard's page shell and the pieces every page shares: the view context (interface
 * language, translators, the session's CSRF token, the filter's query parameters to carry in
 * links), the header with navigation, language switch and logout, figure formatting, and the one
 * function that turns a page into HTML (preact-render-to-string: every value is escaped by
 * construction; the only raw HTML is the chart's SVG, which Plot built from numbers and our own
 * labels). No inline script or style: the stylesheet and the one small script come from /assets/.
 * The interface language is `ui` in the query (vi by default); `lang` is the filter on the
 * answers' language.
 */
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { collectorCatalogs, type CollectorMessageId } from '../../shared/i18n/collector';
import { widgetCatalogs, type WidgetMessageId } from '../../shared/i18n/widget';
import { translator, type Locale, type MessageParams } from '../../shared/i18n/format';
import { QUESTION_SETS } from '../../shared/protocol/questions';
import type { IndexFigure } from '../dashboard/types';
import { percent } from './chart';

export interface View {
  ui: Locale;
  t: (id: CollectorMessageId, params?: MessageParams) => string;
  w: (id: WidgetMessageId, params?: MessageParams) => string;
  /** The session's CSRF token for forms that change something; null when the dashboard is open. */
  csrf: string | null;
  /** Whether a token protects the dashboard (shows the logout button). */
  protected: boolean;
  /** The filter's query parameters as given (carried by every link and export). */
  params: Readonly<Record<string, string>>;
}

export function makeView(ui: Locale, csrf: string | null, isProtected: boolean, params: Record<string, string> = {}): View {
  return { ui, t: translator(collectorCatalogs, ui), w: translator(widgetCatalogs, ui), csrf, protected: isProtected, params };
}

/** The interface language asked for (`ui=en`), Vietnamese otherwise. */
export const uiOf = (query: unknown): Locale => ((query as { ui?: unknown } | null)?.ui === 'en' ? 'en' : 'vi');

/** `path` with the view's filter parameters, `changes` applied (an empty value removes one) and the interface language. */
export function href(view: View, path: string, changes: Record<string, string | undefined> = {}, keepFilter = true): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | undefined> = { ...(keepFilter ? view.params : {}), ...changes };
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && k !== 'ui') params.set(k, v);
  if (view.ui !== 'vi') params.set('ui', view.ui);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A whole number in the interface language ("1.234" / "1,234"). */
const INTEGER: Record<Locale, Intl.NumberFormat> = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-GB') };
export const num = (view: View, n: number) => INTEGER[view.ui].format(n);

/** A share as a percentage ("72,5%"), '–' without answers. */
export const pct = (view: View, share: number | null) => percent(share, view.ui);

/** "YYYY-MM-DD" as "DD/MM/YYYY". */
export function day(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** The last day of a period whose `to` is exclusive, as "DD/MM/YYYY". */
export function lastDay(toExclusive: string): string {
  const t = new Date(`${toExclusive}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return day(t.toISOString());
}

/** A timestamp in Vietnam time, "DD/MM/YYYY HH:MM". */
export function when(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${day(t)} ${t.slice(11, 16)}`;
}

/** A question's text from the widget catalog, or its ids when the set or item is unknown. */
export function questionText(view: View, set: string, id: string): string {
  const qs = (QUESTION_SETS as Record<string, { questions: readonly { id: string; text: WidgetMessageId }[] }>)[set];
  const q = qs?.questions.find((item) => item.id === id);
  return q ? view.w(q.text) : `${set} ${id}`;
}

/** The "too few answers to trust" marker after a figure (none without any answer: the figure is '–'). */
export function Few({ view, figure }: { view: View; figure: Pick<IndexFigure, 'tooFew' | 'answers'> }) {
  return figure.tooFew && figure.answers > 0 ? (
    <>
      {' '}
      <span class="few" data-too-few="">
        {view.t('collector.dash.tooFew')}
      </span>
    </>
  ) : null;
}

/**
 * The cells every figures table ends a row with: the number of answers, optionally the satisfied
 * ones, and the share with the "too few answers" marker. One place, so that the overview, the
 * procedure page, the printable report and the public page show a figure the same way (the
 * data-answers and data-share attributes are what the tests and scripts read).
 */
export function FigureCells({
  view,
  figure,
  satisfied = false,
}: {
  view: View;
  figure: { answers: number; satisfied: number; share: number | null; tooFew?: boolean };
  /** Also a cell with the number of satisfied answers. */
  satisfied?: boolean;
}) {
  return (
    <>
      <td class="num" data-answers={figure.answers}>
        {num(view, figure.answers)}
      </td>
      {satisfied ? (
        <td class="num" data-satisfied={figure.satisfied}>
          {num(view, figure.satisfied)}
        </td>
      ) : null}
      <td class="num" data-share={figure.share ?? ''}>
        {pct(view, figure.share)}
        <Few view={view} figure={{ answers: figure.answers, tooFew: figure.tooFew ?? false }} />
      </td>
    </>
  );
}

/** A table in a focusable scrolling region (narrow screens), named by its caption. */
export function Table({
  id,
  caption,
  children,
  className,
}: {
  id: string;
  caption: string;
  children: ComponentChildren;
  className?: string;
}) {
  return (
    <div class="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table id={id} class={className}>
        <caption id={`${id}-caption`}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export type Section = 'overview' | 'comments' | 'report' | null;

export function Page({
  view,
  title,
  section,
  children,
  path,
  bodyClass,
  chrome = true,
}: {
  view: View;
  title: string;
  section: Section;
  children: ComponentChildren;
  /** This page's path (the language switch links to it). */
  path: string;
  bodyClass?: string;
  /** The dashboard's header (false: the public page and the login form have their own). */
  chrome?: boolean;
}) {
  const other: Locale = view.ui === 'vi' ? 'en' : 'vi';
  const switchTo = { ...view, ui: other };
  const nav: [Exclude<Section, null>, string, CollectorMessageId][] = [
    ['overview', '/dashboard', 'collector.dash.nav.overview'],
    ['comments', '/dashboard/comments', 'collector.dash.nav.comments'],
    ['report', '/dashboard/report', 'collector.dash.nav.report'],
  ];
  return (
    <html lang={view.ui}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{title}</title>
        <link rel="stylesheet" href="/assets/dashboard.css" />
        <script src="/assets/dashboard.js" defer></script>
      </head>
      <body class={bodyClass}>
        <a class="skip" href="#main">
          {view.t('collector.dash.skip')}
        </a>
        <header class="site">
          {chrome ? (
            <>
              <a class="brand" href={href(view, '/dashboard')}>
                {view.t('collector.dash.brand')}
              </a>
              <nav aria-label={view.t('collector.dash.nav.label')}>
                <ul>
                  {nav.map(([key, target, label]) => (
                    <li key={key}>
                      <a href={href(view, target)} aria-current={section === key ? 'page' : undefined}>
                        {view.t(label)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </>
          ) : (
            <span class="brand">{view.t('collector.dash.publicBrand')}</span>
          )}
          <div class="tools">
            <a href={href(switchTo, path)} lang={other} hrefLang={other}>
              {view.t('collector.dash.switchLanguage')}
            </a>
            {chrome && view.protected && view.csrf ? (
              <form method="post" action="/dashboard/logout">
                <input type="hidden" name="csrf" value={view.csrf} />
                <button type="submit" class="linklike">
                  {view.t('collector.dash.logout')}
                </button>
              </form>
            ) : null}
          </div>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}

/** A page as the HTML document sent. */
export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
