/**
 * The audit: runs every checklist element's judge on one extracted page and assembles the
 * report the widget, the extension and the CLI all show. `auditDocument` is the one entry point
 * that takes a DOM; `auditPage` takes an already extracted page (pure).
 */
import { extractPage, type ExtractOptions, type ExtractedPage } from '../extractor';
import { CHECKLIST } from '../checklist/registry';
import { isElementKey, type LabelKey } from '../checklist/lexicon';
import { judgeFields, makeFinding, reason, type Judgement } from '../checklist/judge';
import type { ElementId, ElementResult, QualityFinding, Status } from '../checklist/types';
import { quote } from '../text/normalize';
import { EXPIRED_RE } from '../text/patterns';
import { match as name } from '../checklist/elements/name/match';
import { match as code } from '../checklist/elements/code/match';
import { match as steps } from '../checklist/elements/steps/match';
import { match as methods } from '../checklist/elements/methods/match';
import { match as dossier } from '../checklist/elements/dossier/match';
import { match as timeLimit } from '../checklist/elements/time-limit/match';
import { match as subjects } from '../checklist/elements/subjects/match';
import { match as agency } from '../checklist/elements/agency/match';
import { match as result } from '../checklist/elements/result/match';
import { match as fees } from '../checklist/elements/fees/match';
import { match as forms } from '../checklist/elements/forms/match';
import { match as conditions } from '../checklist/elements/conditions/match';
import { match as legalBasis } from '../checklist/elements/legal-basis/match';
import { match as feedbackContact } from '../checklist/elements/feedback-contact/match';
import type { AuditReport } from './schema';

export type { AuditReport } from './schema';

export const ENGINE = { name: 'tthc-audit', version: '0.1.0' } as const;

/** Each element's judge, by id. */
export const JUDGES: Record<ElementId, (page: ExtractedPage) => Judgement> = {
  name,
  code,
  steps,
  methods,
  dossier,
  'time-limit': timeLimit,
  subjects,
  agency,
  result,
  fees,
  forms,
  conditions,
  'legal-basis': legalBasis,
  'feedback-contact': feedbackContact,
};

/** Fewer distinct procedure fields than this and the page is not a procedure page. */
const MIN_PROCEDURE_FIELDS = 2;
const IDENTITY: ReadonlySet<string> = new Set(['name', 'code', 'feedback-contact']);

function expiryFinding(page: ExtractedPage): QualityFinding {
  const validity = judgeFields(page, 'aux:validity').find((j) => EXPIRED_RE.test(j.field.value));
  if (validity) return makeFinding('page.not-expired', null, 'fail', reason('finding.expired.fail', { value: quote(validity.field.value, 60) }), [validity.field.evidence]);
  const marker = page.statusMarkers[0];
  if (marker) return makeFinding('page.not-expired', null, 'fail', reason('finding.expired.fail', { value: marker.text }), [marker.evidence]);
  return makeFinding('page.not-expired', null, 'pass', reason('finding.expired.pass'));
}

function countStatuses(results: ElementResult[]): Record<Status, number> {
  const counts: Record<Status, number> = { pass: 0, fail: 0, review: 0, na: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

/** Audits an extracted page. */
export function auditPage(page: ExtractedPage): AuditReport {
  const base = { engine: { ...ENGINE }, page: { url: page.url, title: page.title }, nodeCount: page.nodeCount };
  const procedureFields = new Set(page.fields.filter((f) => isElementKey(f.key as LabelKey) && !IDENTITY.has(f.key)).map((f) => f.key));
  if (page.textLength === 0 || procedureFields.size < MIN_PROCEDURE_FIELDS) {
    return {
      ...base,
      status: 'unscannable',
      unscannableReason: page.textLength === 0 ? reason('unscannable.empty') : reason('unscannable.notProcedure'),
      procedure: { code: null, name: null },
      results: [],
      findings: [],
      counts: { pass: 0, fail: 0, review: 0, na: 0 },
    };
  }
  const results: ElementResult[] = [];
  const findings: QualityFinding[] = [];
  for (const element of CHECKLIST) {
    const judged = JUDGES[element.id](page);
    results.push(judged.result);
    findings.push(...judged.findings);
  }
  findings.push(expiryFinding(page));
  const value = (id: ElementId) => results.find((r) => r.id === id && r.present)?.value ?? null;
  return {
    ...base,
    status: 'audited',
    procedure: { code: value('code'), name: value('name') },
    results,
    findings,
    counts: countStatuses(results),
  };
}

/** Audits a page (Document) or a part of one (Element). Never throws on odd markup. */
export function auditDocument(root: Document | Element, options: ExtractOptions = {}): AuditReport {
  return auditPage(extractPage(root, options));
}
