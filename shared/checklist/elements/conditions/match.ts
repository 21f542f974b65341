/** Judges the requirements and conditions. Conditional; an explicit "Không" is a published none and passes. */
import type { ExtractedPage } from '../../../extractor';
import { judgeLabelled, type Judgement } from '../../judge';
import { element } from './element';

export function match(page: ExtractedPage): Judgement {
  return { result: judgeLabelled(page, element, { nonePasses: true }), findings: [] };
}
