/**
 * Judges the handling agency. Any of its labels with real content passes ("Cơ quan có thẩm
 * quyền" may be filled where "Cơ quan thực hiện" says "Không có thông tin"). A cooperating,
 * delegated, announcing or issuing agency alone does not count.
 */
import type { ExtractedPage } from '../../../extractor';
import { judgeFields, judgeLabelled, makeResult, reason, type Judgement } from '../../judge';
import { element } from './element';

export function match(page: ExtractedPage): Judgement {
  const result = judgeLabelled(page, element);
  if (result.status === 'fail' && result.evidence.length === 0) {
    const other = judgeFields(page, 'aux:other-agency').find((j) => j.kind === 'real');
    if (other)
      return {
        result: makeResult(
          element,
          'fail',
          false,
          null,
          [other.field.evidence],
          reason('reason.notHandlingAgency', { label: other.field.label }),
        ),
        findings: [],
      };
  }
  return { result, findings: [] };
}
