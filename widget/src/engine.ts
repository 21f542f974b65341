/**
 * Entry of the widget's lazy chunk (widget/dist/tthc-feedback-engine.<hash>.js, an ES module the
 * first file imports from its own URL only when a citizen opens the gap-report or contact panel,
 * or in idle time): the shared audit engine (elements only: no page check, see shared/audit/core.ts)
 * and the question sets. It audits the host page in idle slices and returns what the panels show,
 * element names already in the citizen's language. It touches no UI library (the UI chunk renders);
 * the panels' words come with the strings chunk of the widget's language.
 */
import { auditElementsWhenIdle } from '../../shared/audit/core';
import type { AuditReport } from '../../shared/audit/types';
import type { StructuredContact } from '../../shared/text/contact';
import { elementName } from '../../shared/checklist';
import type { Locale } from '../../shared/i18n/format';

/** The question sets the rating panel unfolds (data with legal sources; only needed when unfolded). */
export { QUESTION_SETS as questionSets } from '../../shared/protocol/questions';

export interface EngineRow {
  id: string;
  name: string;
  status: 'pass' | 'fail' | 'review' | 'na';
}

export interface EngineView {
  report: AuditReport;
  rows: EngineRow[];
  /** The structured contact for phản ánh, kiến nghị the page publishes, or null. */
  contact: StructuredContact | null;
}

/** Audits `doc` in idle time and shapes the result for the widget's panels. */
export async function auditHostPage(doc: Document, url: string, locale: Locale): Promise<EngineView> {
  const report = await auditElementsWhenIdle(doc, { url });
  const rows = report.results.map((r) => ({
    id: r.id,
    name: elementName(r.id, locale),
    status: r.status,
  }));
  const contact = report.results.find((r) => r.id === 'feedback-contact')?.contact ?? null;
  return { report, rows, contact };
}
