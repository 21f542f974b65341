/**
 * The one place that turns audit reports into what people read: a reason in a locale, status
 * labels, the summary line, the table for a terminal, CSV (UTF-8 with BOM, formula-injection-safe
 * cells) for Excel, JSON, and the differences between two reports of the same page. The CLI, the
 * side panel and every later export render through here, so a sentence is written once, in the
 * common catalog. A person's override is shown beside the machine's status, never instead of it.
 */
import type { AuditReport } from '../audit/types';
import { elementName, STATUSES, type ElementResult, type LegalRef, type QualityFinding, type Reason, type Status } from '../checklist';
import { commonCatalogs } from '../i18n/common';
import { formatMessage, type Locale } from '../i18n/format';
import { quote } from '../text/normalize';

export { elementName };

/** A reason (or any explanation the engine gave) as a sentence in `locale`. */
export function reasonText(reason: Reason | undefined, locale: Locale): string {
  if (!reason) return '';
  return formatMessage(locale, commonCatalogs[locale][reason.id], reason.params);
}

export function statusLabel(status: Status, locale: Locale): string {
  return formatMessage(locale, commonCatalogs[locale][`status.${status}`]);
}

/** The status that counts: the person's override when there is one, else the machine's. */
export function effectiveStatus(item: Pick<ElementResult, 'status' | 'override'>): Status {
  return item.override?.status ?? item.status;
}

/** Counts by effective status (overrides included). */
export function effectiveCounts(report: AuditReport): Record<Status, number> {
  const counts: Record<Status, number> = { pass: 0, fail: 0, review: 0, na: 0 };
  for (const r of report.results) counts[effectiveStatus(r)]++;
  return counts;
}

/** "Đạt 9 · Thiếu 3 · Cần xem xét 1 · Không áp dụng 1" */
export function summaryText(counts: Record<Status, number>, locale: Locale): string {
  return formatMessage(locale, commonCatalogs[locale]['report.summary'], counts);
}

export function legalRefText(ref: LegalRef, locale: Locale): string {
  const amended = ref.amendedBy
    ? ` (${formatMessage(locale, commonCatalogs[locale]['report.legalRef.amendedBy'], { document: ref.amendedBy })})`
    : '';
  return `${ref.document}, ${ref.provision}${amended}${ref.note ? `; ${ref.note}` : ''}`;
}

/** What to show for one element: the value found when it passed, else why not. */
export function resultDetail(result: ElementResult, locale: Locale, max = 70): string {
  return result.status === 'pass' && result.value ? quote(result.value.replace(/\n/g, ' · '), max) : reasonText(result.reason, locale);
}

/** The person's decision as a sentence, or '' when there is none. */
export function overrideText(item: Pick<ElementResult, 'status' | 'override'>, locale: Locale): string {
  if (!item.override) return '';
  return formatMessage(locale, commonCatalogs[locale]['report.override'], {
    status: statusLabel(item.override.status, locale),
    machine: statusLabel(item.status, locale),
  });
}

const STATUS_MARK: Readonly<Record<Status, string>> = { pass: '✓', fail: '✗', review: '?', na: '–' };

/** A table for a terminal, one block per report. */
export function renderTable(reports: readonly AuditReport[], locale: Locale): string {
  const t = commonCatalogs[locale];
  const out: string[] = [];
  const statusWidth = Math.max(...STATUSES.map((s) => statusLabel(s, locale).length));
  for (const report of reports) {
    out.push(`\n${report.page.url ?? formatMessage(locale, t['report.noUrl'])}`);
    if (report.status === 'unscannable') {
      out.push(`  ${formatMessage(locale, t['report.unscannable'])}: ${reasonText(report.unscannableReason, locale)}`);
      continue;
    }
    const head = [report.procedure.code, report.procedure.name].filter(Boolean).join(' · ');
    if (head) out.push(`  ${head}`);
    const width = Math.max(...report.results.map((r) => elementName(r.id, locale).length));
    for (const r of report.results) {
      const status = effectiveStatus(r);
      const decided = r.override ? `  [${overrideText(r, locale)}]` : '';
      out.push(
        `  ${STATUS_MARK[status]} ${statusLabel(status, locale).padEnd(statusWidth)}  ${elementName(r.id, locale).padEnd(width)}  ${resultDetail(r, locale)}${decided}`,
      );
    }
    for (const f of report.findings) if (effectiveStatus(f) !== 'pass') out.push(`  ! ${reasonText(f.reason, locale)}`);
    out.push(`  ${summaryText(effectiveCounts(report), locale)}`);
  }
  return `${out.join('\n').trimStart()}\n`;
}

/** Every report as one JSON array. */
export function toJson(reports: readonly AuditReport[]): string {
  return `${JSON.stringify(reports, null, 2)}\n`;
}

/**
 * One CSV cell. A leading = + - @ (or tab, carriage return) would run as a formula in a
 * spreadsheet: such cells are prefixed with ' and quoted.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of cells as CSV: UTF-8 with a BOM (Excel reads Vietnamese correctly), CRLF line ends. */
export function csvDocument(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const CSV_COLUMNS = [
  'page',
  'procedure_code',
  'procedure_name',
  'report_status',
  'kind',
  'id',
  'name',
  'status',
  'present',
  'value',
  'reason',
  'legal_reference',
  'evidence_selector',
  'override_status',
  'override_note',
  'override_by',
  'override_at',
  'engine_version',
] as const;

/** One row per page and element (and per quality finding), machine status and any override side by side. */
export function toCsv(reports: readonly AuditReport[], locale: Locale): string {
  const rows: (string | number | boolean | null)[][] = [[...CSV_COLUMNS]];
  const decided = (item: ElementResult | QualityFinding) => [
    item.override?.status ?? '',
    item.override?.note ?? '',
    item.override?.by ?? '',
    item.override?.at ?? '',
  ];
  for (const report of reports) {
    const base = [report.page.url ?? '', report.procedure.code ?? '', report.procedure.name ?? '', report.status];
    if (report.status === 'unscannable') {
      rows.push([
        ...base,
        'page',
        '',
        '',
        'unscannable',
        false,
        '',
        reasonText(report.unscannableReason, locale),
        '',
        '',
        '',
        '',
        '',
        '',
        report.engine.version,
      ]);
      continue;
    }
    for (const r of report.results) {
      rows.push([
        ...base,
        'element',
        r.id,
        elementName(r.id, locale),
        r.status,
        r.present,
        r.value ?? '',
        reasonText(r.reason, locale),
        legalRefText(r.legalRef, locale),
        r.evidence[0]?.selector ?? '',
        ...decided(r),
        report.engine.version,
      ]);
    }
    for (const f of report.findings) {
      rows.push([
        ...base,
        'finding',
        f.id,
        f.element ?? '',
        f.status,
        '',
        '',
        reasonText(f.reason, locale),
        f.legalRef ? legalRefText(f.legalRef, locale) : '',
        f.evidence[0]?.selector ?? '',
        ...decided(f),
        report.engine.version,
      ]);
    }
  }
  return csvDocument(rows);
}

export interface ReportChange {
  kind: 'element' | 'finding';
  id: string;
  /** Effective status before (null: the item was not there). */
  before: Status | null;
  after: Status | null;
  valueBefore: string | null;
  valueAfter: string | null;
}

/**
 * What changed between two reports of the same page, by element id and finding id: statuses
 * (effective, so a person's decision counts) and values. Unchanged items are left out.
 */
export function diffReports(before: AuditReport, after: AuditReport): ReportChange[] {
  const changes: ReportChange[] = [];
  const compare = <T extends ElementResult | QualityFinding>(
    kind: ReportChange['kind'],
    a: readonly T[],
    b: readonly T[],
    value: (item: T) => string | null,
  ) => {
    const old = new Map(a.map((item) => [item.id, item] as const));
    const now = new Map(b.map((item) => [item.id, item] as const));
    for (const id of new Set([...old.keys(), ...now.keys()])) {
      const x = old.get(id);
      const y = now.get(id);
      const change: ReportChange = {
        kind,
        id,
        before: x ? effectiveStatus(x) : null,
        after: y ? effectiveStatus(y) : null,
        valueBefore: x ? value(x) : null,
        valueAfter: y ? value(y) : null,
      };
      if (change.before !== change.after || change.valueBefore !== change.valueAfter) changes.push(change);
    }
  };
  compare('element', before.results, after.results, (r) => r.value);
  compare('finding', before.findings, after.findings, () => null);
  return changes;
}

/** The changes as lines for people ("Phí, lệ phí: Thiếu → Đạt"), or the no-change sentence. */
export function diffText(changes: readonly ReportChange[], locale: Locale): string[] {
  const t = commonCatalogs[locale];
  if (changes.length === 0) return [formatMessage(locale, t['report.diff.none'])];
  const label = (s: Status | null) => (s ? statusLabel(s, locale) : '—');
  return changes.map((c) =>
    formatMessage(locale, t['report.diff.changed'], {
      element: c.kind === 'element' ? elementName(c.id, locale) : c.id,
      before: label(c.before),
      after: label(c.after),
    }),
  );
}
export * from './national';
export * from './portal';
