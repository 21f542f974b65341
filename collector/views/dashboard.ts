/**
 * The dashboard page: current ratings by level and the satisfied share, every sentence from the
 * collector and widget catalogs (Vietnamese), every value escaped.
 */
import { collectorCatalogs } from '../../shared/i18n/collector';
import { widgetCatalogs } from '../../shared/i18n/widget';
import { translator } from '../../shared/i18n/format';
import type { RatingSummary } from '../db/store';
import { escapeHtml } from './html';

export function renderDashboard(s: RatingSummary): string {
  const say = translator(collectorCatalogs, 'vi');
  const scale = translator(widgetCatalogs, 'vi');
  const t = (id: Parameters<typeof say>[0]) => escapeHtml(say(id));
  const rows = s.byLevel
    .map(
      (n, i) =>
        `<tr><th scope="row">${escapeHtml(scale(`widget.rating.${(i + 1) as 1 | 2 | 3 | 4 | 5}`))}</th><td data-level="${i + 1}">${n}</td></tr>`,
    )
    .join('');
  const share = s.satisfiedShare === null ? '–' : `${(s.satisfiedShare * 100).toFixed(1)}%`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${t('collector.dashboard.title')}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<main><h1>${t('collector.dashboard.title')}</h1>
${s.total === 0 ? `<p>${t('collector.dashboard.empty')}</p>` : ''}
<p>${t('collector.dashboard.total')}: <strong data-total>${s.total}</strong></p>
<p>${t('collector.dashboard.satisfied')}: <strong data-satisfied>${share}</strong></p>
<table><tbody>${rows}</tbody></table>
<p>${t('collector.dashboard.gapReports')}: <strong data-gap-reports>${s.gapReports}</strong></p></main></body></html>`;
}
