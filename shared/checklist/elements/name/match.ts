/**
 * Judges the procedure name: a "Tên thủ tục" field, else the heading right above the procedure's
 * fields (where every portal puts the title), else the first h1. A code before the name
 * ("1.012815 Đăng ký …") is not part of it. Fails when nothing names the procedure.
 */
import type { ExtractedPage } from '../../../extractor';
import { LEADING_MARKER_RE } from '../../../text/normalize';
import { PROCEDURE_CODE_RE } from '../../../text/patterns';
import { judgeFields, makeResult, reason, unfilledResult, type Judgement } from '../../judge';
import { element } from './element';

const CODE_PREFIX = new RegExp(`^\\s*(?:${PROCEDURE_CODE_RE.source})\\s*[-–:.]?\\s*`);
const GENERIC =
  /^(chi tiết thủ tục|chi tiết|thông tin thủ tục|thông tin chung|thông tin cơ bản|thông tin chi tiết|thủ tục hành chính|danh sách thủ tục|tra cứu thủ tục|cổng dịch vụ công|trang chủ|nội dung|general information|details)\b/i;

/** The name without a leading bullet or code ("• 1.012815 Đăng ký …" → "Đăng ký …"). */
function stripCode(name: string): string {
  return name.replace(LEADING_MARKER_RE, '').replace(CODE_PREFIX, '').trim();
}

export function match(page: ExtractedPage): Judgement {
  // "Tên thủ tục" names it more surely than a "Thủ tục hành chính: …" heading line.
  const real = judgeFields(page, 'name').filter((j) => j.kind === 'real');
  const labelled = real.find((j) => /^(tên|procedure name|name)/i.test(j.field.label)) ?? real[0];
  if (labelled) {
    const value = stripCode(labelled.field.value.split('\n')[0] ?? '');
    return {
      result: makeResult(element, 'pass', true, value, [labelled.field.evidence], reason('reason.found', { label: labelled.field.label })),
      findings: [],
    };
  }
  const usable = page.headings.filter((h) => h.text.length >= 8 && h.text.length <= 400 && !GENERIC.test(h.text));
  const beforeFields = page.firstLabelIndex >= 0 ? usable.filter((h) => h.blockIndex < page.firstLabelIndex) : [];
  // The title sits right above the fields: the last heading before them, else a free-standing block.
  const lead = page.leadBlocks.filter((b) => b.text.length >= 20 && !GENERIC.test(b.text) && !/[:：]\s*\S/.test(b.text.slice(0, 60)));
  const heading =
    beforeFields[beforeFields.length - 1] ??
    usable.find((h) => h.level === 1) ??
    lead[lead.length - 1] ??
    (page.firstLabelIndex >= 0 ? usable[0] : undefined);
  if (heading) {
    return {
      result: makeResult(
        element,
        'pass',
        true,
        stripCode(heading.text.split('\n')[0] ?? heading.text),
        [heading.evidence],
        reason('reason.nameFromHeading'),
      ),
      findings: [],
    };
  }
  const placeholder = judgeFields(page, 'name')[0];
  if (placeholder) return { result: unfilledResult(element, placeholder), findings: [] };
  return { result: makeResult(element, 'fail', false, null, [], reason('reason.missing')), findings: [] };
}
