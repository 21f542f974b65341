/**
 * Judges the methods of submission: a "Cách thức thực hiện" field or the "Hình thức nộp" column of
 * the methods table. Without either, channels named only inside the steps ask for review.
 */
import type { ExtractedPage } from '../../../extractor';
import { judgeFields, judgeLabelled, makeResult, reason, type Judgement } from '../../judge';
import { element } from './element';

const CHANNELS =
  /nộp\s+(?:hồ sơ\s+)?(?:trực tiếp|trực tuyến|qua)|qua (?:dịch vụ )?bưu (?:chính|điện)|trên cổng dịch vụ công|dịch vụ công trực tuyến/i;

export function match(page: ExtractedPage): Judgement {
  const result = judgeLabelled(page, element);
  if (result.status === 'fail' && result.evidence.length === 0) {
    const implied = judgeFields(page, 'steps').find((j) => j.kind === 'real' && CHANNELS.test(j.field.value));
    if (implied)
      return {
        result: makeResult(
          element,
          'review',
          false,
          null,
          [implied.field.evidence],
          reason('reason.impliedElsewhere', { label: implied.field.label }),
        ),
        findings: [],
      };
  }
  return { result, findings: [] };
}
