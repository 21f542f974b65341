/**
 * Judges the procedure code: a "Mã thủ tục" / "Ký hiệu thủ tục" field holding a code in a known
 * format (1.000178, 1.000948.H38, 1.003658.000.00.00.H38, T-TVH-284957-TT), else a code in the
 * title or the headings before the fields. A decision number is not a code. Absent: review, since
 * the code is portal practice rather than an Art. 8 component.
 */
import type { ExtractedPage } from '../../../extractor';
import { quote } from '../../../text/normalize';
import { PROCEDURE_CODE_RE } from '../../../text/patterns';
import { judgeFields, makeResult, reason, unfilledResult, type Judgement } from '../../judge';
import { element } from './element';

export function match(page: ExtractedPage): Judgement {
  const judged = judgeFields(page, 'code');
  for (const j of judged) {
    const code = PROCEDURE_CODE_RE.exec(j.field.value);
    if (code)
      return {
        result: makeResult(element, 'pass', true, code[0], [j.field.evidence], reason('reason.found', { label: j.field.label })),
        findings: [],
      };
  }
  const inTitle =
    page.codeMentions[0] ??
    (page.title && PROCEDURE_CODE_RE.test(page.title)
      ? { code: PROCEDURE_CODE_RE.exec(page.title)![0], evidence: { selector: 'title', quote: page.title } }
      : undefined);
  if (inTitle)
    return { result: makeResult(element, 'pass', true, inTitle.code, [inTitle.evidence], reason('reason.codeInTitle')), findings: [] };
  const realButOdd = judged.find((j) => j.kind === 'real');
  if (realButOdd) {
    // Local formats exist; a person decides whether this is the national code.
    const value = quote(realButOdd.field.value, 60);
    return {
      result: makeResult(
        element,
        'review',
        true,
        value,
        [realButOdd.field.evidence],
        reason('reason.codeMalformed', { label: realButOdd.field.label, value }),
      ),
      findings: [],
    };
  }
  const first = judged[0];
  if (first) {
    return { result: unfilledResult(element, first), findings: [] };
  }
  return { result: makeResult(element, 'review', false, null, [], reason('reason.practiceAbsent')), findings: [] };
}
