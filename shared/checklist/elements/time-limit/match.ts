/**
 * Judges the time limit (Thời hạn giải quyết): its own field, or the Thời gian / Thời hạn column
 * of the methods table. A time limit written only inside the steps or the description asks for
 * review. Quality finding: the value states a unit (ngày, ngày làm việc, giờ…), not a bare number.
 */
import type { ExtractedPage } from '../../../extractor';
import { quote } from '../../../text/normalize';
import { judgeFields, judgeLabelled, makeFinding, makeResult, reason, type Judgement } from '../../judge';
import { element } from './element';

const UNIT = /ngày|giờ|tháng|năm|tuần|phút|\bday|\bhour|\bmonth|\bweek|working/i;
const IMPLIED =
  /(?:trong\s+(?:thời\s+hạn|vòng|thời\s+gian)|không\s+quá|chậm\s+nhất|tối\s+đa)[^.\n]{0,40}?\d+\s*(?:\(\s*\p{L}+\s*\)\s*)?(?:ngày|giờ|tháng)|\d+\s*ngày\s+làm\s+việc/iu;

export function match(page: ExtractedPage): Judgement {
  const result = judgeLabelled(page, element);
  if (result.status === 'pass') {
    const value = result.value ?? '';
    const finding = UNIT.test(value)
      ? makeFinding(
          'time-limit.unit',
          element,
          'pass',
          reason('finding.timeUnit.pass', { value: quote(value, 60) }),
          result.evidence.slice(0, 1),
        )
      : makeFinding(
          'time-limit.unit',
          element,
          'fail',
          reason('finding.timeUnit.fail', { value: quote(value, 60) }),
          result.evidence.slice(0, 1),
        );
    return { result, findings: [finding] };
  }
  const implied = judgeFields(page, 'steps', 'aux:description', 'methods', 'dossier').find(
    (j) => j.kind === 'real' && IMPLIED.test(j.field.value),
  );
  if (implied) {
    return {
      result: makeResult(
        element,
        'review',
        false,
        null,
        [implied.field.evidence],
        reason('reason.impliedElsewhere', { label: implied.field.label || implied.field.key }),
      ),
      findings: [],
    };
  }
  return { result, findings: [] };
}
