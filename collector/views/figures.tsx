/** @jsxRuntime automatic @jsxImportSource preact */
/**
 * The pieces the overview, the procedure page and the printable report share: the filter form, the
 * formula notice (OUR index, not the official SIPAS one), the over-time chart with its data table,
 * the per-question table and one procedure's disclosure gaps.
 */
import { elementName } from '../../shared/report';
import type { DashboardFilter, Formula, GapRow, QuestionFigure, SeriesPoint } from '../dashboard/types';
import { bucketLabel, renderSeriesChart } from './chart';
import { FigureCells, lastDay, day, questionText, Table, type View } from './layout';

export const PERIODS = ['quarter', 'half', 'year', 'custom'] as const;

/** The filter form (GET): period, from/to, agency, procedure, answers' language, chart bucket. */
export function FilterForm({
  view,
  action,
  filter,
  agencies,
  extra,
}: {
  view: View;
  action: string;
  filter: DashboardFilter;
  agencies: readonly string[];
  extra?: preact.ComponentChildren;
}) {
  const p = view.params;
  const period = p.period ?? (p.from || p.to ? 'custom' : 'quarter');
  return (
    <form class="filters" method="get" action={action} aria-label={view.t('collector.dash.filter.label')}>
      {view.ui !== 'vi' ? <input type="hidden" name="ui" value={view.ui} /> : null}
      <div>
        <label for="f-period">{view.t('collector.dash.filter.period')}</label>
        <select id="f-period" name="period">
          {PERIODS.map((key) => (
            <option key={key} value={key} selected={period === key}>
              {view.t(`collector.dash.period.${key}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-from">{view.t('collector.dash.filter.from')}</label>
        <input id="f-from" name="from" type="date" value={period === 'custom' ? (p.from ?? filter.from) : ''} />
      </div>
      <div>
        <label for="f-to">{view.t('collector.dash.filter.to')}</label>
        <input id="f-to" name="to" type="date" value={period === 'custom' ? (p.to ?? filter.to) : ''} />
      </div>
      <div>
        <label for="f-agency">{view.t('collector.dash.filter.agency')}</label>
        <select id="f-agency" name="agency">
          <option value="">{view.t('collector.dash.filter.allAgencies')}</option>
          {agencies.map((a) => (
            <option key={a} value={a} selected={filter.agency === a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-procedure">{view.t('collector.dash.filter.procedure')}</label>
        <input id="f-procedure" name="procedure" type="search" value={filter.procedure ?? ''} />
      </div>
      <div>
        <label for="f-lang">{view.t('collector.dash.filter.lang')}</label>
        <select id="f-lang" name="lang">
          <option value="">{view.t('collector.dash.filter.allLangs')}</option>
          <option value="vi" selected={filter.lang === 'vi'}>
            {view.t('collector.dash.filter.lang.vi')}
          </option>
          <option value="en" selected={filter.lang === 'en'}>
            {view.t('collector.dash.filter.lang.en')}
          </option>
        </select>
      </div>
      <div>
        <label for="f-bucket">{view.t('collector.dash.filter.bucket')}</label>
        <select id="f-bucket" name="bucket">
          <option value="week" selected={filter.bucket === 'week'}>
            {view.t('collector.dash.bucket.week')}
          </option>
          <option value="month" selected={filter.bucket === 'month'}>
            {view.t('collector.dash.bucket.month')}
          </option>
        </select>
      </div>
      {extra}
      <div>
        <button type="submit" class="primary">
          {view.t('collector.dash.filter.apply')}
        </button>
      </div>
    </form>
  );
}

/** "Từ 01/10/2026 đến 31/12/2026" */
export function periodText(view: View, filter: Pick<DashboardFilter, 'from' | 'to'>): string {
  return view.t('collector.dash.periodRange', { from: day(filter.from), to: lastDay(filter.to) });
}

/** How the index is computed, said as OUR figure, not the official SIPAS index. */
/**
 * The formula in one sentence: "Hài lòng" and "Rất hài lòng" among all answers, or, when the levels
 * counted as satisfied were configured otherwise (SATISFIED_FROM_5/_3), those levels.
 */
export function formulaText(view: View, levels: Formula['satisfiedLevels']): string {
  const standard = levels[5].join() === '4,5' && levels[3].join() === '3';
  return standard
    ? view.t('collector.dash.formula.text')
    : view.t('collector.dash.formula.textLevels', { five: levels[5].join(', '), three: levels[3].join(', ') });
}

export function FormulaNotice({ view, formula }: { view: View; formula: Formula }) {
  return (
    <section class="notice" aria-labelledby="formula-title">
      <h2 id="formula-title" class="no-rule">
        {view.t('collector.dash.formula.title')}
      </h2>
      <p data-formula="">{formulaText(view, formula.satisfiedLevels)}</p>
      <p>
        {view.t('collector.dash.formula.levels', {
          five: formula.satisfiedLevels[5].join(', '),
          three: formula.satisfiedLevels[3].join(', '),
        })}
      </p>
      <p>{view.t('collector.dash.formula.current')}</p>
      <p>{view.t('collector.dash.formula.minimum', { count: formula.minAnswers })}</p>
      <p>
        <strong>{view.t('collector.dash.formula.notOfficial')}</strong>
      </p>
    </section>
  );
}

/** The chart over time and, after it, the same numbers as a table. */
export function SeriesSection({
  view,
  series,
  bucket,
  id,
}: {
  view: View;
  series: readonly SeriesPoint[];
  bucket: 'week' | 'month';
  id: string;
}) {
  const label = view.t(bucket === 'week' ? 'collector.dash.series.titleWeek' : 'collector.dash.series.titleMonth');
  const svg = renderSeriesChart(series, bucket, view.ui, {
    label,
    yLabel: view.t('collector.dash.series.axis'),
    point: (b, share, answers) => view.t('collector.dash.series.point', { bucket: b, share, count: answers }),
  });
  return (
    <>
      <figure class="chart" id={`${id}-chart`}>
        {/* The SVG is built by Plot from numbers and our own labels, escaped by linkedom. */}
        <div dangerouslySetInnerHTML={{ __html: svg }} />
        <figcaption>{view.t('collector.dash.series.caption')}</figcaption>
      </figure>
      <Table id={`${id}-table`} caption={label}>
        <thead>
          <tr>
            <th scope="col">{view.t(bucket === 'week' ? 'collector.dash.col.week' : 'collector.dash.col.month')}</th>
            <th scope="col" class="num">
              {view.t('collector.dash.col.answers')}
            </th>
            <th scope="col" class="num">
              {view.t('collector.dash.col.satisfied')}
            </th>
            <th scope="col" class="num">
              {view.t('collector.dash.col.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {series.map((point) => (
            <tr key={point.bucketStart} data-bucket={point.bucketStart}>
              <th scope="row">{bucketLabel(point.bucketStart, bucket)}</th>
              <FigureCells view={view} figure={point} satisfied />
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

/** The index per question (Decree 118 Art. 33 items, SIPAS items), texts from the widget catalog. */
export function QuestionTable({ view, rows, id }: { view: View; rows: readonly QuestionFigure[]; id: string }) {
  if (!rows.length) return <p class="muted">{view.t('collector.dash.questions.none')}</p>;
  return (
    <Table id={id} caption={view.t('collector.dash.questions.caption')}>
      <thead>
        <tr>
          <th scope="col">{view.t('collector.dash.col.question')}</th>
          <th scope="col" class="num">
            {view.t('collector.dash.col.answers')}
          </th>
          <th scope="col" class="num">
            {view.t('collector.dash.col.share')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((q) => (
          <tr key={`${q.questionSet}:${q.questionId}`} data-question={`${q.questionSet}:${q.questionId}`}>
            <th scope="row">{questionText(view, q.questionSet, q.questionId)}</th>
            <FigureCells view={view} figure={q} />
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** "Thiếu (người dân): 3 · Sai: 1 · Máy kiểm tra: thiếu 2, cần xem 1" for one element. */
export function elementCounts(view: View, e: GapRow['elements'][number]): string {
  const parts: string[] = [];
  if (e.missing) parts.push(view.t('collector.dash.gaps.missing', { count: e.missing }));
  if (e.wrong) parts.push(view.t('collector.dash.gaps.wrong', { count: e.wrong }));
  if (e.engineFail) parts.push(view.t('collector.dash.gaps.engineFail', { count: e.engineFail }));
  if (e.engineReview) parts.push(view.t('collector.dash.gaps.engineReview', { count: e.engineReview }));
  return parts.join(' · ');
}

/** One procedure's elements reported missing/wrong by citizens and failed/reviewed by the audit. */
export function GapElements({ view, row }: { view: View; row: GapRow }) {
  return (
    <ul class="elements">
      {row.elements.map((e) => (
        <li key={e.id} data-element={e.id}>
          <strong>{elementName(e.id, view.ui)}</strong>: {elementCounts(view, e)}
        </li>
      ))}
    </ul>
  );
}
