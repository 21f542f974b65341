/**
 * Output formats of the auditor: a table for people, one JSON array of reports, and CSV with one
 * row per page and element (UTF-8 with a BOM so Excel shows Vietnamese correctly).
 */
import type { AuditReport } from '../shared/audit';
import { elementName } from '../shared/checklist/registry';
import { translate, type Locale, type MessageId, type MessageParams } from '../shared/i18n';
import { quote } from '../shared/text/normalize';

type Reason = AuditReport['results'][number]['reason'];

function say(lang: Locale, reason: Reason | undefined): string {
  if (!reason) return '';
  return translate(lang, reason.id as MessageId, reason.params as MessageParams | undefined);
}

const STATUS_MARK: Record<string, string> = { pass: '✓', fail: '✗', review: '?', na: '–' };

export function formatJson(reports: AuditReport[]): string {
  return `${JSON.stringify(reports, null, 2)}\n`;
}

export function formatTable(reports: AuditReport[], lang: Locale): string {
  const out: string[] = [];
  for (const report of reports) {
    const where = report.page.url ?? '(input)';
    out.push(`\n${where}`);
    if (report.status === 'unscannable') {
      out.push(`  ${lang === 'vi' ? 'KHÔNG KIỂM TRA ĐƯỢC' : 'UNSCANNABLE'}: ${say(lang, report.unscannableReason)}`);
      continue;
    }
    const head = [report.procedure.code, report.procedure.name].filter(Boolean).join(' · ');
    if (head) out.push(`  ${head}`);
    const width = Math.max(...report.results.map((r) => elementName(r.id, lang).length));
    const statusWidth = Math.max(...['pass', 'fail', 'review', 'na'].map((s) => translate(lang, `status.${s}` as MessageId).length));
    for (const r of report.results) {
      const status = translate(lang, `status.${r.status}` as MessageId);
      const detail = r.status === 'pass' && r.value ? quote(r.value.replace(/\n/g, ' · '), 70) : say(lang, r.reason);
      out.push(`  ${STATUS_MARK[r.status]} ${status.padEnd(statusWidth)}  ${elementName(r.id, lang).padEnd(width)}  ${detail}`);
    }
    const problems = report.findings.filter((f) => f.status !== 'pass');
    for (const f of problems) out.push(`  ! ${say(lang, f.reason)}`);
    const c = report.counts;
    out.push(
      `  ${translate(lang, 'extension.sidepanel.summary', { pass: c.pass, fail: c.fail, review: c.review, na: c.na })}`,
    );
  }
  return `${out.join('\n').trimStart()}\n`;
}

function csvCell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Leading = + - @ would run as formulas in a spreadsheet: quote them as text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatCsv(reports: AuditReport[], lang: Locale): string {
  const header = ['page', 'procedure_code', 'procedure_name', 'report_status', 'kind', 'id', 'name', 'status', 'present', 'value', 'reason', 'legal_reference', 'evidence_selector', 'engine_version'];
  const rows: string[][] = [header];
  for (const report of reports) {
    const base = [report.page.url ?? '', report.procedure.code ?? '', report.procedure.name ?? '', report.status];
    if (report.status === 'unscannable') {
      rows.push([...base, 'page', '', '', 'unscannable', 'false', '', say(lang, report.unscannableReason), '', '', report.engine.version]);
      continue;
    }
    for (const r of report.results) {
      const legal = [r.legalRef.document, r.legalRef.provision, r.legalRef.amendedBy ? `(${r.legalRef.amendedBy})` : ''].filter(Boolean).join(', ');
      rows.push([...base, 'element', r.id, elementName(r.id, lang), r.status, String(r.present), r.value ?? '', say(lang, r.reason), legal, r.evidence[0]?.selector ?? '', report.engine.version]);
    }
    for (const f of report.findings) {
      rows.push([...base, 'finding', f.id, f.element ?? '', f.status, '', '', say(lang, f.reason), '', f.evidence[0]?.selector ?? '', report.engine.version]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
