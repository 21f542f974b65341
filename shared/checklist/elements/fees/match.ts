/**
 * Judges fees (Phí, lệ phí), which may sit in their own field, in separate "Phí" and "Lệ phí"
 * rows, or in the methods table's fee column. "Không" and "Miễn phí" are a published none and
 * pass; "Miễn phí" next to an amount contradicts itself and asks for review. Quality finding: an
 * amount or an explicit free/none is stated, not "theo quy định hiện hành".
 */
import type { ExtractedPage } from '../../../extractor';
import { quote } from '../../../text/normalize';
import { FREE_OF_CHARGE_RE, FREE_OF_CHARGE_START_RE } from '../../../text/patterns';
import { classifyValue, joinValues, judgeFields, makeFinding, makeResult, reason, unfilledResult, type Judgement } from '../../judge';
import { element } from './element';

const AMOUNT = /\d[\d.,]*\s*(?:đồng|đ(?![\p{L}])|vnđ|vnd|usd|\$|%|nghìn|ngàn|triệu)|\b\d{1,3}(?:[.,]\d{3})+(?!\d)/iu;
const NONZERO = /[1-9]/;

export function match(page: ExtractedPage): Judgement {
  const judged = judgeFields(page, 'fees');
  if (judged.length === 0)
    return { result: makeResult(element, 'review', false, null, [], reason('reason.conditionalAbsent')), findings: [] };
  const real = judged.filter((j) => j.kind === 'real');
  const none = judged.filter((j) => j.kind === 'none');
  if (real.length > 0) {
    const value = joinValues([...real, ...none]);
    const evidence = real.map((j) => j.field.evidence);
    // "Miễn phí (… 8.000.000/lần)": a value that opens by saying free, then names an amount.
    // Amounts with exemptions for some applicants ("200.000 đồng; trẻ em miễn phí") are not that.
    const opening = (value: string) => value.split('\n').find((line) => classifyValue(line) !== 'empty') ?? '';
    const contradictory = real.find(
      (j) =>
        FREE_OF_CHARGE_START_RE.test(opening(j.field.value)) && AMOUNT.test(j.field.value) && NONZERO.test(AMOUNT.exec(j.field.value)![0]),
    );
    if (contradictory) {
      return {
        result: makeResult(
          element,
          'review',
          true,
          value,
          [contradictory.field.evidence],
          reason('reason.contradictory', { value: quote(contradictory.field.value, 100) }),
        ),
        findings: [],
      };
    }
    const stated = AMOUNT.test(value) || FREE_OF_CHARGE_RE.test(value) || none.length > 0;
    const finding = stated
      ? makeFinding('fees.amount', element, 'pass', reason('finding.feeAmount.pass'), evidence.slice(0, 1))
      : makeFinding('fees.amount', element, 'fail', reason('finding.feeAmount.fail', { value: quote(value, 80) }), evidence.slice(0, 1));
    return {
      result: makeResult(
        element,
        'pass',
        true,
        value,
        evidence,
        reason('reason.found', { label: real[0]!.field.label || element.legalName }),
      ),
      findings: [finding],
    };
  }
  if (none.length > 0) {
    const value = none[0]!.field.value;
    return {
      result: makeResult(
        element,
        'pass',
        true,
        value,
        [none[0]!.field.evidence],
        reason('reason.declaredNone', { value: quote(value, 60) }),
      ),
      findings: [makeFinding('fees.amount', element, 'pass', reason('finding.feeAmount.pass'), [none[0]!.field.evidence])],
    };
  }
  return { result: unfilledResult(element, judged[0]!), findings: [] };
}
