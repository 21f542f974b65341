/**
 * Developer measurement tool: the ground-truth presence decision for each checklist element of one
 * structured national record (see records.ts), i.e. whether a page rendered from the record
 * publishes real content for the element. Mirrors the `present` flag of
 * shared/checklist/README.md: placeholders ("Không có thông tin", "Đang cập nhật", …) are absent;
 * an explicit "Không" / "Miễn phí" is present.
 *
 * It works on data from ../shared (outside the project) only as a developer measurement tool; the
 * project's tests never use it.
 */
import { ELEMENT_IDS, type ElementId } from '../../shared/checklist';
import { isReal, type StructuredRecord } from './records.ts';

export { ELEMENT_IDS };

export type ElementKey = ElementId;

export type Truth = Record<ElementKey, boolean>;

/** Document names that say there is no document ("không quy định"): not a dossier row. */
const NO_DOCUMENT_RE = /^(?:không(?: quy định| có| yêu cầu)?|không phải nộp(?: hồ sơ)?)\.?$/iu;

export function isRealDocument(name: string): boolean {
  return isReal(name) && !NO_DOCUMENT_RE.test(name.trim());
}

/** Whether the record's page publishes a feedback (phản ánh, kiến nghị) contact: decided by the renderer. */
export function hasFeedbackContact(rec: StructuredRecord): boolean {
  return rec.index % 2 === 0;
}

export function truthOf(rec: StructuredRecord): Truth {
  const rows = rec.dossier.flatMap((g) => g.rows);
  return {
    name: isReal(rec.name),
    code: isReal(rec.code),
    steps: isReal(rec.steps),
    methods: rec.methods.length > 0,
    dossier: rows.some((r) => isRealDocument(r.name)),
    'time-limit': rec.methods.some((m) => isReal(m.time)),
    subjects: isReal(rec.subjects),
    agency: isReal(rec.agency) || isReal(rec.competentAgency),
    result: isReal(rec.result),
    fees: rec.methods.some((m) => isReal(m.fee)),
    // A form counts as published when a file is attached or the dossier names it ("Mẫu số 05"):
    // the checklist's definition (shared/checklist/README.md); attachment is a separate finding.
    forms: rows.some((r) => r.forms.length > 0 || /mẫu\s+(?:số\s+)?[\p{L}\d]*\d/iu.test(r.name)),
    conditions: isReal(rec.conditions),
    'legal-basis': rec.legal.length > 0,
    'feedback-contact': hasFeedbackContact(rec),
  };
}
