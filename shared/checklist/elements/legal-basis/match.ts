/** Judges the legal basis (Căn cứ pháp lý): a field, or the legal-documents table. */
import type { ExtractedPage } from '../../../extractor';
import { judgeLabelled, type Judgement } from '../../judge';
import { element } from './element';

export function match(page: ExtractedPage): Judgement {
  return { result: judgeLabelled(page, element), findings: [] };
}
