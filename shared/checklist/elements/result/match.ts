/** Judges the result (Kết quả thực hiện). Conditional: an absent label asks for review. */
import type { ExtractedPage } from '../../../extractor';
import { judgeLabelled, type Judgement } from '../../judge';
import { element } from './element';

export function match(page: ExtractedPage): Judgement {
  return { result: judgeLabelled(page, element), findings: [] };
}
