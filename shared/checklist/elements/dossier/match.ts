/**
 * Judges the dossier (Thành phần, số lượng hồ sơ) and its quality finding: quantities stated
 * (bản chính, bản sao, số bộ), in the text or in the Số lượng / Bản chính / Bản sao columns.
 * A page that gives only "Số lượng hồ sơ: 01 bộ" without the documents fails.
 */
import type { ExtractedPage } from '../../../extractor';
import { judgeFields, judgeLabelled, makeFinding, makeResult, reason, type Judgement } from '../../judge';
import { element } from './element';

const QUANTITY =
  /bản\s+(?:chính|sao|gốc|photo|chụp)|\b\d+\s*(?:\(\s*\p{L}+\s*\)\s*)?(?:bộ|bản|tờ)\b|số lượng|\bbộ hồ sơ|original|cop(?:y|ies)/iu;

export function match(page: ExtractedPage): Judgement {
  const result = judgeLabelled(page, element);
  const quantityFields = judgeFields(page, 'aux:dossier-quantity').filter((j) => j.kind === 'real' || /\d/.test(j.field.value));
  if (result.status !== 'pass') {
    if (quantityFields[0])
      return {
        result: makeResult(element, 'fail', false, null, [quantityFields[0].field.evidence], reason('reason.quantityOnly')),
        findings: [],
      };
    return { result, findings: [] };
  }
  const stated = quantityFields.length > 0 || QUANTITY.test(result.value ?? '');
  const finding = stated
    ? makeFinding(
        'dossier.quantity',
        element,
        'pass',
        reason('finding.quantity.pass'),
        quantityFields.map((j) => j.field.evidence).slice(0, 1),
      )
    : makeFinding('dossier.quantity', element, 'fail', reason('finding.quantity.fail'), result.evidence.slice(0, 1));
  return { result, findings: [finding] };
}
