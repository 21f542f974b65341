/** @jsxRuntime automatic @jsxImportSource preact */
/**
 * GET /dashboard/report: the printable summary ("Báo cáo kết quả đo lường sự hài lòng") for the
 * chosen filter: unit, period, totals, how the index is computed, the index per question and the
 * per-procedure table. The print stylesheet hides the navigation and the filter; the browser's
 * "Save as PDF" makes the file for the province. A print button (self-hosted script) is a
 * convenience; Ctrl+P does the same.
 */
import type { DashboardSummary, SummaryRow } from '../dashboard/types';
import { FilterForm, formulaText, periodText, QuestionTable } from './figures';
import { FigureCells, Few, num, Page, pct, renderPage, Table, when, type View } from './layout';

export function renderReport(
  view: View,
  summary: DashboardSummary,
  rows: readonly SummaryRow[],
  agencies: readonly string[],
  generatedAt: Date,
): string {
  const t = view.t;
  const { filter, overall, totals } = summary;
  const unit = filter.agency ?? t('collector.dash.report.allUnits');
  return renderPage(
    <Page view={view} title={t('collector.dash.report.title')} section="report" path="/dashboard/report">
      <div class="no-print">
        <FilterForm view={view} action="/dashboard/report" filter={filter} agencies={agencies} />
        <p>
          <button type="button" class="primary" data-print="">
            {t('collector.dash.report.print')}
          </button>{' '}
          <span class="muted">{t('collector.dash.report.printHint')}</span>
        </p>
      </div>
      <div class="report-head">
        <p class="nation">{t('collector.dash.report.nation')}</p>
        <p class="motto">{t('collector.dash.report.motto')}</p>
        <h1>{t('collector.dash.report.title')}</h1>
      </div>
      <dl class="report-meta">
        <dt>{t('collector.dash.report.unit')}</dt>
        <dd data-unit="">{unit}</dd>
        <dt>{t('collector.dash.report.period')}</dt>
        <dd>{periodText(view, filter)}</dd>
        {filter.procedure ? (
          <>
            <dt>{t('collector.dash.filter.procedure')}</dt>
            <dd>{filter.procedure}</dd>
          </>
        ) : null}
        <dt>{t('collector.dash.report.generated')}</dt>
        <dd>{when(generatedAt.toISOString())}</dd>
      </dl>

      <h2>{t('collector.dash.report.totals')}</h2>
      <Table id="report-totals" caption={periodText(view, filter)}>
        <tbody>
          <tr>
            <th scope="row">{t('collector.dash.index.answers')}</th>
            <td class="num" data-total="">
              {num(view, overall.answers)}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('collector.dash.col.satisfied')}</th>
            <td class="num">{num(view, overall.satisfied)}</td>
          </tr>
          <tr>
            <th scope="row">{t('collector.dashboard.satisfied')}</th>
            <td class="num">
              {pct(view, overall.share)}
              <Few view={view} figure={overall} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t('collector.dashboard.gapReports')}</th>
            <td class="num">{num(view, totals.gapReports)}</td>
          </tr>
          <tr>
            <th scope="row">{t('collector.dash.index.comments')}</th>
            <td class="num">{num(view, totals.comments)}</td>
          </tr>
        </tbody>
      </Table>
      <p>{formulaText(view, summary.formula.satisfiedLevels)}</p>
      <p>
        {t('collector.dash.formula.minimum', { count: summary.formula.minAnswers })} {t('collector.dash.formula.notOfficial')}
      </p>

      <h2>{t('collector.dash.questions.title')}</h2>
      <QuestionTable view={view} rows={summary.perQuestion} id="report-questions" />

      <h2>{t('collector.dash.procedures.title')}</h2>
      {rows.length ? (
        <Table id="report-procedures" caption={t('collector.dash.procedures.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('collector.dash.col.number')}</th>
              <th scope="col">{t('collector.dash.col.code')}</th>
              <th scope="col">{t('collector.dash.col.name')}</th>
              <th scope="col">{t('collector.dash.col.agency')}</th>
              <th scope="col" class="num">
                {t('collector.dash.col.answers')}
              </th>
              <th scope="col" class="num">
                {t('collector.dash.col.satisfied')}
              </th>
              <th scope="col" class="num">
                {t('collector.dash.col.share')}
              </th>
              <th scope="col" class="num">
                {t('collector.dash.col.citizenReports')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.code}|${r.agency}`} data-procedure={r.code}>
                <td class="num">{i + 1}</td>
                <th scope="row">{r.code}</th>
                <td>{r.name}</td>
                <td>{r.agency}</td>
                <FigureCells view={view} figure={{ ...r, share: r.answers ? r.satisfied / r.answers : null }} satisfied />
                <td class="num">{num(view, r.citizenReports)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p class="muted">{t('collector.dash.none')}</p>
      )}
    </Page>,
  );
}
