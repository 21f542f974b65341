/**
 * Helpers every element judge shares: classifying a value (real content, an explicit "none", a
 * placeholder such as "Không có thông tin", or nothing), picking the best of several labelled
 * fields, the one "label there but unfilled → fail" result, and building results. Pure functions
 * of the extracted page.
 */
import { quote } from '../text/normalize';
import { FREE_OF_CHARGE_LINE_RE, LABEL_FILLER_RE, PLACEHOLDER_VALUES, valueKey } from '../text/patterns';
import type { ExtractedField, ExtractedPage } from '../extractor';
import type { MessageParams } from '../i18n/format';
import type { LabelKey } from './vocabulary';
import type {
  ElementDefinition,
  ElementId,
  ElementResult,
  Evidence,
  FindingId,
  Judgement,
  LegalRef,
  QualityFinding,
  Reason,
  ReasonId,
  Status,
} from './types';

export type { Judgement };

export type ValueKind = 'empty' | 'placeholder' | 'none' | 'real';

/** How much a value says, the one ranking: real content, then an explicit none, then a placeholder, then nothing. */
const VALUE_RANK: Readonly<Record<ValueKind, number>> = { empty: 0, placeholder: 1, none: 2, real: 3 };

const NONE = new Set([
  'không',
  'không có',
  'none',
  'no',
  'nil',
  'không yêu cầu',
  'không quy định',
  'không có yêu cầu',
  'không có điều kiện',
  'không có yêu cầu điều kiện',
  'không yêu cầu điều kiện',
  'không có phí',
  'không có phí lệ phí',
  'không có lệ phí',
  'không có mẫu',
  'không có mẫu đơn',
  'không có mẫu đơn, tờ khai',
  'không quy định mẫu',
  'không có biểu mẫu',
  '0 đồng',
  '0đ',
  '0',
]);

// Free-of-charge statements are nones too; their vocabulary is FREE_OF_CHARGE_LINE_RE (text/patterns).

/** Markup pasted as text (`<div class=…>`, `&acirc;`) is not content. */
function visibleText(value: string): string {
  return (
    value
      .replace(/<\/?[a-z][^>]{0,400}>/gi, ' ')
      .replace(/&(?:nbsp|ensp|emsp|thinsp|zwn?j|#160|#x0*a0|#32|#x0*20|#8203);/gi, ' ')
      // Any other entity stands for a character ("&acirc;" is a letter): count it as content.
      .replace(/&(?:[a-z]{2,8}|#\d{1,6}|#x[\da-f]{1,5});/gi, 'x')
  );
}

// "Thủ tục này không có mẫu đơn, tờ khai", "Không có yêu cầu, điều kiện": a stated none. Not
// "Không có tiền án" (a real condition): only none of a procedure part counts.
const NONE_SENTENCE =
  /^(?:(?:thủ tục(?: hành chính)?|tthc)(?: này)? )?không (?:có|yêu cầu|quy định|thu|phải nộp)(?: (?:mẫu|biểu mẫu|tờ khai|phí|lệ phí|yêu cầu|điều kiện)\b.{0,40})?$/;

function lineKind(line: string): ValueKind {
  const key = valueKey(visibleText(line));
  if (key === '' || LABEL_FILLER_RE.test(key)) return 'empty';
  if (PLACEHOLDER_VALUES.has(key)) return 'placeholder';
  if (NONE.has(key) || NONE_SENTENCE.test(key) || FREE_OF_CHARGE_LINE_RE.test(key)) return 'none';
  if (!/[\p{L}\d]/u.test(key)) return 'empty';
  return 'real';
}

/** What a value amounts to: real content wins over "none", which wins over placeholders. */
export function classifyValue(value: string): ValueKind {
  let best: ValueKind = 'empty';
  for (const line of value.split('\n')) {
    const kind = lineKind(line);
    if (VALUE_RANK[kind] > VALUE_RANK[best]) best = kind;
    if (best === 'real') break;
  }
  return best;
}

function fieldsFor(page: ExtractedPage, ...keys: LabelKey[]): ExtractedField[] {
  return page.fields.filter((f) => (keys as string[]).includes(f.key));
}

export interface Judged {
  field: ExtractedField;
  kind: ValueKind;
}

/** Fields for `keys`, each with its kind, best first (real, then none, then placeholder, then empty). */
export function judgeFields(page: ExtractedPage, ...keys: LabelKey[]): Judged[] {
  // A table column is the most precise source (a section heading's value holds the whole table).
  const source = (j: Judged) => (j.field.source === 'column' ? 0 : 1);
  return fieldsFor(page, ...keys)
    .map((field) => ({ field, kind: classifyValue(field.value) }))
    .sort((a, b) => VALUE_RANK[b.kind] - VALUE_RANK[a.kind] || source(a) - source(b));
}

export function reason(id: ReasonId, params?: MessageParams): Reason {
  return params ? { id, params } : { id };
}

/** An element definition whose id is a registered element id (every element.ts satisfies it). */
export type ElementData = ElementDefinition & { id: ElementId };

export function makeResult(
  element: ElementData,
  status: Status,
  present: boolean,
  value: string | null,
  evidence: Evidence[],
  why: Reason,
): ElementResult {
  return { id: element.id, status, present, value, evidence, reason: why, legalRef: element.legalRef };
}

/** A finding; page checks pass their legal reference (an element's finding shares its element's). */
export function makeFinding(
  id: FindingId,
  element: ElementData | null,
  status: Exclude<Status, 'na'>,
  why: Reason,
  evidence: Evidence[] = [],
  legalRef?: LegalRef,
): QualityFinding {
  const finding: QualityFinding = { id, element: element?.id ?? null, status, reason: why, evidence };
  if (legalRef) finding.legalRef = legalRef;
  return finding;
}

/**
 * Evidence for the words at `index` in `field.value`: the selector of the block that holds them
 * (the field's first block when the value is one block) and the words as the quote.
 */
export function evidenceAt(field: ExtractedField, index: number, words: string): Evidence {
  let selector = field.evidence.selector;
  for (const part of field.parts ?? []) {
    if (part.offset > index) break;
    selector = part.selector;
  }
  return { selector, quote: quote(words, 120) };
}

/**
 * The one "label there but unfilled" result: the page has the element's label, but its value is
 * empty, only a placeholder ("Không có thông tin", "Đang cập nhật"), or a none where none is not
 * enough. Fails, quoting the placeholder; evidence is the value, or the label when nothing follows it.
 */
export function unfilledResult(element: ElementData, judged: Judged): ElementResult {
  const { field, kind } = judged;
  const label = field.label || element.legalName;
  if (kind === 'empty') return makeResult(element, 'fail', false, null, [field.labelEvidence], reason('reason.empty', { label }));
  return makeResult(
    element,
    'fail',
    false,
    null,
    [field.evidence],
    reason('reason.placeholder', { label, value: quote(distinctLines(field.value), 60) }),
  );
}

/** The distinct lines of a value, for quoting a placeholder once ("Không có thông tin", not twice). */
function distinctLines(value: string): string {
  return [
    ...new Set(
      value
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ].join(' · ');
}

/** Joins the real lines of several fields into one value, without repeating a line. */
export function joinValues(judged: Judged[]): string {
  const lines = new Set<string>();
  for (const j of judged) {
    if (j.kind !== 'real' && j.kind !== 'none') continue;
    for (const line of j.field.value.split('\n')) {
      const kind = lineKind(line);
      if (kind === 'real' || kind === 'none') lines.add(line);
    }
  }
  return [...lines].join('\n');
}

export interface LabelledOptions {
  /** An explicit "Không" counts as published ("none" passes for fees and conditions). */
  nonePasses?: boolean;
}

/**
 * The common judgement: real content under any of the element's labels passes; an explicit none
 * passes where allowed; a label with only a placeholder or nothing fails; no label at all fails
 * or asks for review, as the requirement says.
 */
export function judgeLabelled(page: ExtractedPage, element: ElementData, options: LabelledOptions = {}): ElementResult {
  const judged = judgeFields(page, element.id);
  const best = judged[0];
  const absentReason =
    element.requirement === 'always'
      ? reason('reason.missing')
      : element.requirement === 'practice'
        ? reason('reason.practiceAbsent')
        : reason('reason.conditionalAbsent');
  if (!best) return makeResult(element, element.requirement === 'always' ? 'fail' : 'review', false, null, [], absentReason);
  const label = best.field.label || element.legalName;
  if (best.kind === 'real') {
    const real = judged.filter((j) => j.kind === 'real');
    const columns = real.filter((j) => j.field.source === 'column');
    const good = columns.length > 0 ? columns : real;
    return makeResult(
      element,
      'pass',
      true,
      joinValues(good),
      good.map((j) => j.field.evidence),
      reason('reason.found', { label }),
    );
  }
  if (best.kind === 'none' && options.nonePasses)
    return makeResult(
      element,
      'pass',
      true,
      best.field.value,
      [best.field.evidence],
      reason('reason.declaredNone', { value: quote(best.field.value, 60) }),
    );
  return unfilledResult(element, best);
}
