/** @jsxRuntime automatic @jsxImportSource preact */
/**
 * The public results of one agency (Decree 118/2025/NĐ-CP Art. 34(1): the results of citizens'
 * evaluations are published at the agency and on its website): GET /public/:agency, and
 * GET /public/:agency/embed, the same figures in a bare page that the agency's site frames
 * (the only page whose CSP allows framing). Aggregates only: no comments, no personal data, no
 * figure from fewer answers than the minimum. The full page also shows the embedding snippet.
 */
import type { PublicSummary } from '../dashboard/types';
import { formulaText, periodText } from './figures';
import { FigureCells, href, num, Page, pct, renderPage, Table, type View } from './layout';

function Figures({ view, data }: { view: View; data: PublicSummary }) {
  const t = view.t;
  return (
    <>
      <p class="muted">{periodText(view, data)}</p>
      {data.overall ? (
        <ul class="cards">
          <li>
            <span class="label">{t('collector.dashboard.satisfied')}</span>
            <span class="value" data-share={data.overall.share}>
              {pct(view, data.overall.share)}
            </span>
          </li>
          <li>
            <span class="label">{t('collector.dash.index.answers')}</span>
            <span class="value" data-total="">
              {num(view, data.overall.answers)}
            </span>
          </li>
        </ul>
      ) : (
        <p data-too-few-overall="">{t('collector.dash.public.tooFew', { count: data.minAnswers })}</p>
      )}
      {data.perProcedure.length ? (
        <Table id="public-procedures" caption={t('collector.dash.public.procedures')}>
          <thead>
            <tr>
              <th scope="col">{t('collector.dash.col.code')}</th>
              <th scope="col">{t('collector.dash.col.name')}</th>
              <th scope="col" class="num">
                {t('collector.dash.col.answers')}
              </th>
              <th scope="col" class="num">
                {t('collector.dash.col.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.perProcedure.map((p) => (
              <tr key={`${p.code ?? ''}|${p.name ?? ''}`} data-procedure={p.code ?? ''}>
                <th scope="row">{p.code ?? '–'}</th>
                <td class="wide">{p.name ?? ''}</td>
                <FigureCells view={view} figure={p} />
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <p class="muted">
        {formulaText(view, data.satisfiedLevels)} {t('collector.dash.public.minimum', { count: data.minAnswers })}{' '}
        {t('collector.dash.formula.notOfficial')}
      </p>
    </>
  );
}

export function renderPublic(view: View, data: PublicSummary, origin: string): string {
  const t = view.t;
  const path = `/public/${encodeURIComponent(data.agency)}`;
  const embed = `${origin}${path}/embed${view.ui === 'en' ? '?ui=en' : ''}`;
  const snippet = `<iframe src="${embed}" title="${t('collector.dash.public.title', { agency: data.agency }).replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}" width="100%" height="420" loading="lazy"></iframe>`;
  return renderPage(
    <Page view={view} title={t('collector.dash.public.title', { agency: data.agency })} section={null} path={path} chrome={false}>
      <h1>{t('collector.dash.public.title', { agency: data.agency })}</h1>
      <p>{t('collector.dash.public.intro')}</p>
      <Figures view={view} data={data} />
      <h2>{t('collector.dash.public.embedTitle')}</h2>
      <p>{t('collector.dash.public.embedIntro')}</p>
      <pre class="snippet" data-snippet="">
        <code>{snippet}</code>
      </pre>
    </Page>,
  );
}

export function renderPublicEmbed(view: View, data: PublicSummary): string {
  const t = view.t;
  const path = `/public/${encodeURIComponent(data.agency)}/embed`;
  return renderPage(
    <Page
      view={view}
      title={t('collector.dash.public.title', { agency: data.agency })}
      section={null}
      path={path}
      chrome={false}
      bodyClass="embed"
    >
      <h1>{t('collector.dash.public.title', { agency: data.agency })}</h1>
      <Figures view={view} data={data} />
      <p>
        <a href={href(view, `/public/${encodeURIComponent(data.agency)}`, {}, false)} target="_blank" rel="noopener">
          {t('collector.dash.public.more')}
        </a>
      </p>
    </Page>,
  );
}
