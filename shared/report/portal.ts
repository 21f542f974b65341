/**
 * The portal-level report as people and programs read it: CSV (one row per page, a status column
 * per element, through csvDocument so it opens in Excel with Vietnamese intact and no cell runs as
 * a formula), JSON (the versioned PortalReport model as is), and a printable HTML page (a summary
 * to print or attach to a quarterly report: totals, per element, per agency, the pages missing the
 * most, the pages that could not be audited). Texts come from the common catalog in the chosen
 * locale (Vietnamese by default). The HTML is self-contained (inline CSS, no script).
 */
import type { PortalPage, PortalReport } from '../batch/portal';
import { ELEMENT_IDS, elementName, STATUSES, type Status } from '../checklist';
import { commonCatalogs, type CommonMessageId } from '../i18n/common';
import { formatMessage, type Locale, type MessageParams } from '../i18n/format';
import { csvDocument, reasonText, statusLabel } from './index';
import { escapeHtml } from '../text/escape';

const PAGE_COLUMNS = [
  'page_id',
  'url',
  'procedure_code',
  'procedure_name',
  'agency',
  'agency_id',
  'report_status',
  'unscannable_kind',
  'reason',
  'pass',
  'fail',
  'review',
  'na',
  'missing',
  'review_elements',
] as const;

/** CSV columns of the portal report: the fixed ones, then one per element id (its effective status). */
export function portalCsvColumns(): string[] {
  return [...PAGE_COLUMNS, ...ELEMENT_IDS.map((id) => `element:${id}`)];
}

function pageRow(page: PortalPage, locale: Locale): (string | number)[] {
  return [
    page.id,
    page.url ?? '',
    page.code ?? '',
    page.name ?? '',
    page.agency ?? '',
    page.agencyId ?? '',
    page.status,
    page.unscannable?.kind ?? '',
    page.unscannable ? reasonText(page.unscannable.reason, locale) : '',
    page.counts.pass,
    page.counts.fail,
    page.counts.review,
    page.counts.na,
    page.missing.join(' '),
    page.review.join(' '),
    ...ELEMENT_IDS.map((id) => page.elements[id] ?? ''),
  ];
}

/** The portal report as CSV: a header row, then every audited page (most missing first), then the unscannable ones. */
export function portalToCsv(report: PortalReport, locale: Locale): string {
  return csvDocument([
    portalCsvColumns(),
    ...report.pages.map((p) => pageRow(p, locale)),
    ...report.unscannable.map((p) => pageRow(p, locale)),
  ]);
}

/** The portal report as JSON (the model itself: versioned, stable ids). */
export function portalToJson(report: PortalReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * One face for a whole Vietnamese word: the saved file embeds no font (it stays small and prints
 * anywhere), so the stack names only faces that hold every Vietnamese letter, the first one a
 * platform has being the one used: the Mac system face, Segoe UI (Windows), Noto Sans (most Linux
 * desktops, Android), Roboto (ChromeOS), DejaVu Sans (any Debian). Not `system-ui`, which on Linux
 * can be a face without ơ/ư (Cantarell), nor Arial, which Linux maps to Liberation Sans (no ơ/ư):
 * either would draw the missing letters from another face, inside the word.
 */
const PORTAL_FONT_STACK = '-apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Roboto,"DejaVu Sans",sans-serif';

const STYLE = `body{font:14px/1.45 ${PORTAL_FONT_STACK};color:#111;margin:2rem;max-width:72rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #777;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#eee}
td.n{text-align:right;font-variant-numeric:tabular-nums}a{color:#0645ad;word-break:break-all}
@media print{body{margin:0}a{color:#000}tr{break-inside:avoid}}`;

/** The printable summary page, in `locale`. `maxPages` limits the ranked page list (all by default). */
export function portalToHtml(report: PortalReport, locale: Locale, options: { maxPages?: number } = {}): string {
  const t = (id: CommonMessageId, params?: MessageParams) => escapeHtml(formatMessage(locale, commonCatalogs[locale][id], params));
  const statusHeads = STATUSES.map((s) => `<th scope="col">${escapeHtml(statusLabel(s, locale))}</th>`).join('');
  const countCells = (c: Record<Status, number>) => STATUSES.map((s) => `<td class="n">${c[s]}</td>`).join('');
  const missingText = (ids: readonly string[]) =>
    escapeHtml(ids.map((id) => elementName(id as (typeof ELEMENT_IDS)[number], locale)).join(', '));
  const pageCell = (p: PortalPage) => {
    const label = [p.code, p.name].filter(Boolean).join(' · ') || p.url || p.id;
    return p.url ? `<a href="${escapeHtml(p.url)}">${escapeHtml(label)}</a>` : escapeHtml(label);
  };
  const out: string[] = [];
  out.push(
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
  );
  out.push(`<title>${t('portal.title')}</title><style>${STYLE}</style></head><body><main>`);
  out.push(`<h1>${t('portal.title')}</h1>`);
  if (report.source) out.push(`<p>${t('portal.source', { source: report.source })}</p>`);
  if (report.generatedAt) out.push(`<p>${t('portal.generatedAt', { at: report.generatedAt })}</p>`);
  out.push(
    `<p>${t('portal.totals', { pages: report.totals.pages, audited: report.totals.audited, unscannable: report.totals.unscannable })}</p>`,
  );
  out.push(`<p>${escapeHtml(formatMessage(locale, commonCatalogs[locale]['report.summary'], report.totals.counts))}</p>`);

  out.push(
    `<h2>${t('portal.elements')}</h2><table><thead><tr><th scope="col">${t('portal.col.element')}</th>${statusHeads}</tr></thead><tbody>`,
  );
  for (const e of report.elements)
    out.push(`<tr><th scope="row">${escapeHtml(elementName(e.id, locale))}</th>${countCells(e.counts)}</tr>`);
  out.push('</tbody></table>');

  out.push(`<h2>${t('portal.agencies')}</h2>`);
  if (report.agencies.length === 0) out.push(`<p>${t('portal.none')}</p>`);
  else {
    out.push(
      `<table><thead><tr><th scope="col">${t('portal.col.agency')}</th><th scope="col">${t('portal.col.pages')}</th>${statusHeads}</tr></thead><tbody>`,
    );
    for (const a of report.agencies)
      out.push(
        `<tr><th scope="row">${a.name ? escapeHtml(a.name) : t('portal.agency.none')}</th><td class="n">${a.pages}</td>${countCells(a.counts)}</tr>`,
      );
    out.push('</tbody></table>');
  }

  out.push(`<h2>${t('portal.pages')}</h2>`);
  const ranked = report.pages.slice(0, options.maxPages ?? report.pages.length);
  if (ranked.length === 0) out.push(`<p>${t('portal.none')}</p>`);
  else {
    out.push(
      `<table><thead><tr><th scope="col">${t('portal.col.page')}</th><th scope="col">${t('portal.col.agency')}</th>${statusHeads}<th scope="col">${t('portal.col.missing')}</th></tr></thead><tbody>`,
    );
    for (const p of ranked)
      out.push(
        `<tr><td>${pageCell(p)}</td><td>${p.agency ? escapeHtml(p.agency) : ''}</td>${countCells(p.counts)}<td>${missingText(p.missing)}</td></tr>`,
      );
    out.push('</tbody></table>');
  }

  out.push(`<h2>${t('portal.unscannablePages')}</h2>`);
  if (report.unscannable.length === 0) out.push(`<p>${t('portal.none')}</p>`);
  else {
    out.push(
      `<table><thead><tr><th scope="col">${t('portal.col.page')}</th><th scope="col">${t('portal.col.reason')}</th></tr></thead><tbody>`,
    );
    for (const p of report.unscannable) {
      const kind = p.unscannable ? t(`portal.kind.${p.unscannable.kind}`) : '';
      const why = p.unscannable ? escapeHtml(reasonText(p.unscannable.reason, locale)) : '';
      out.push(`<tr><td>${pageCell(p)}</td><td>${kind}: ${why}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</main></body></html>\n');
  return out.join('\n');
}
