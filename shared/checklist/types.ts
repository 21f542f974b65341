/**
 * Types of the disclosure checklist: what an element is (data), what a judge returns, and the
 * page record judges read. Types only; no behaviour.
 */
import type { MessageParams } from '../i18n';

export type ElementId =
  | 'name'
  | 'code'
  | 'steps'
  | 'methods'
  | 'dossier'
  | 'time-limit'
  | 'subjects'
  | 'agency'
  | 'result'
  | 'fees'
  | 'forms'
  | 'conditions'
  | 'legal-basis'
  | 'feedback-contact';

/** always: required on every procedure; conditional: only when the procedure has it; practice: portal practice, not law. */
export type Requirement = 'always' | 'conditional' | 'practice';

export type Status = 'pass' | 'fail' | 'review' | 'na';

export interface LegalRef {
  /** Document number and name, e.g. "Nghị định 63/2010/NĐ-CP". */
  document: string;
  /** Article, with the clause and point when known: "Điều 8, khoản 2, điểm a". */
  provision: string;
  /** The amending document when the wording comes from an amendment. */
  amendedBy?: string;
}

/** A label as written on portals, with where it may appear. */
export interface LabelVariant {
  text: string;
  /** Accept only as "Label: value" on one line, never as a standalone heading (e.g. "Thủ tục"). */
  inlineOnly?: boolean;
  /** Accept only as a column header of a table (e.g. "Thời gian" in the methods table). */
  columnOnly?: boolean;
}

export interface ElementDefinition {
  id: ElementId;
  /** Vietnamese legal name. */
  legalName: string;
  englishName: string;
  requirement: Requirement;
  legalRef: LegalRef;
  /** Label spellings found on real portals (matched after normalisation, case-insensitively). */
  labels: readonly (string | LabelVariant)[];
  /** Namespaced tags, like axe-core's: "law.nd63-art8", "cat.content". */
  tags: readonly string[];
}

/** Where something is on the page: a selector that re-finds the node and a short quote. */
export interface Evidence {
  selector: string;
  quote: string;
}

export interface Reason {
  id: string;
  params?: MessageParams;
}

export interface ElementResult {
  id: ElementId;
  status: Status;
  /** Whether the page publishes real content for the element (the presence decision). */
  present: boolean;
  value: string | null;
  evidence: Evidence[];
  reason: Reason;
  legalRef: LegalRef;
}

export type FindingId = 'time-limit.unit' | 'dossier.quantity' | 'fees.amount' | 'forms.download' | 'page.not-expired';

export interface QualityFinding {
  id: FindingId;
  element: ElementId | null;
  status: Exclude<Status, 'na'>;
  reason: Reason;
  evidence: Evidence[];
}
