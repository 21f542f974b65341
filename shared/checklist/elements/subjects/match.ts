/** Judges who may apply (Đối tượng thực hiện), including the look-alike "Ðối tượng" spelling (handled by normalisation). */
import type { ExtractedPage } from '../../../extractor';
import { judgeLabelled, type Judgement } from '../../judge';
import { element } from './element';

export function match(page: ExtractedPage): Judgement {
  return { result: judgeLabelled(page, element), findings: [] };
}
