/**
 * Judges the steps (Trình tự thực hiện). An internal routing table ("Quy trình xử lý hồ sơ",
 * one-stop sites) is not the applicant's steps: alone, it asks for review.
 */
import type { ExtractedPage } from '../../../extractor';
import { judgeFields, judgeLabelled, makeResult, reason, type Judgement } from '../../judge';
import { element } from './element';

export function match(page: ExtractedPage): Judgement {
  const result = judgeLabelled(page, element);
  if (result.status !== 'pass') {
    const routing = judgeFields(page, 'aux:internal-routing').find((j) => j.kind === 'real');
    if (routing)
      return {
        result: makeResult(element, 'review', false, null, [routing.field.evidence], reason('reason.internalRoutingOnly')),
        findings: [],
      };
  }
  return { result, findings: [] };
}
