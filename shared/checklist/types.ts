/**
 * Types of the disclosure checklist: what an element is (data), what a judge returns, and what a
 * report says about each element. Types only; no behaviour. Element ids are not listed here: they
 * come from the registry (./index.ts), the one list of elements.
 */
import type { CommonMessageId, MessageParams } from '../i18n/common/types';
import type { Evidence, ExtractedPage, LabelVariant } from '../extractor';
import type { ElementId } from './index';
import type { StructuredContact } from '../text/contact';

export type { ElementId };
export type { Evidence, LabelVariant };

/** always: required on every procedure; conditional: only when the procedure has it; practice: portal practice, not law. */
export type Requirement = 'always' | 'conditional' | 'practice';

export type Status = 'pass' | 'fail' | 'review' | 'na';
export const STATUSES: readonly Status[] = ['pass', 'fail', 'review', 'na'];

/**
 * A citation. Every document it names is listed, with its status, in legal-instruments.ts (a test
 * keeps it so). Only articles verified in the official text are cited; what is not verified is said
 * in `note`, never guessed.
 */
export interface LegalRef {
  /** Document number and name, e.g. "Nghị định 63/2010/NĐ-CP". */
  document: string;
  /** Article, with the clause and point when known: "Điều 8, khoản 2, điểm a". */
  provision: string;
  /** The amending document when the wording comes from an amendment. */
  amendedBy?: string;
  /** A caveat printed after the citation, e.g. which part has no verified article. */
  note?: string;
}

/** An element as data (element.ts). */
export interface ElementDefinition {
  id: string;
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

/** The ids of messages that explain a result: reasons, findings and unscannable pages. */
export type ReasonId = Extract<CommonMessageId, `reason.${string}` | `finding.${string}` | `unscannable.${string}`>;

export interface Reason {
  id: ReasonId;
  params?: MessageParams;
}

/** The contact for phản ánh, kiến nghị as the page gives it, for the widget's contact panel. */
export type { StructuredContact };

/** A person's decision beside the machine's: it never replaces the machine's status. */
export interface Override {
  status: Status;
  note: string;
  /** Who decided (a name or an account the auditor chose). */
  by: string;
  /** When, as an ISO 8601 date-time. */
  at: string;
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
  /** feedback-contact only: the contact found, structured. */
  contact?: StructuredContact;
  override?: Override;
}

export type FindingId =
  'time-limit.unit' | 'dossier.quantity' | 'fees.amount' | 'forms.download' | 'page.not-expired' | 'page.current-administration';

export interface QualityFinding {
  id: FindingId;
  element: ElementId | null;
  status: Exclude<Status, 'na'>;
  reason: Reason;
  evidence: Evidence[];
  /** Page checks: the legal basis of the check (an element's finding shares its element's). */
  legalRef?: LegalRef;
  override?: Override;
}

export interface Judgement {
  result: ElementResult;
  findings: QualityFinding[];
}

/** An element's judge: a pure function of the extracted page. */
export type Judge = (page: ExtractedPage) => Judgement;

/** A page-level check (page-checks/<id>/check.ts): a finding about the page as a whole. */
export interface PageCheck {
  id: FindingId;
  /** The legal basis, carried by every finding the check makes. */
  legalRef: LegalRef;
  check(page: ExtractedPage): QualityFinding;
}
