/**
 * Judges the forms (Mẫu đơn, mẫu tờ khai). Forms count as published when a forms field or column
 * names them, when the dossier names them ("Mẫu số 05"), or when a file is linked; the page saying
 * there is no form makes the element not applicable, and so does an empty forms column with no form
 * mentioned anywhere. A dossier that requires "tờ khai theo mẫu" without naming or linking it fails.
 * Quality finding: a downloadable file, not only a citation (Circular 02/2017: forms attached).
 */
import type { ExtractedPage } from '../../../extractor';
import { quote } from '../../../text/normalize';
import { DOCUMENT_LINK_RE, FORM_WORD_RE } from '../../../text/patterns';
import { judgeFields, makeFinding, makeResult, reason, unfilledResult, type Judgement } from '../../judge';
import { element } from './element';

// Within one line: a form named across table cells ("theo mẫu" + "1 bản chính") is no name.
const NAMED_FORM =
  /\bmẫu[ \t]+(?:số[ \t]+)?[\p{L}\d]*\d[\p{L}\d.\-/]*|\bmẫu[ \t]+[A-ZĐ]{1,4}[\d\-/.]+\w*|\bform[ \t]+(?:no\.?[ \t]*)?\d+/iu;
// An explicit template ("theo mẫu", "mẫu đơn"); a document called "Tờ khai" alone may have none.
const REQUIRES_FORM = /theo\s+mẫu|mẫu\s+đơn|mẫu\s+tờ\s+khai|biểu\s+mẫu/i;

export function match(page: ExtractedPage): Judgement {
  const formFields = judgeFields(page, 'forms');
  const dossierFields = judgeFields(page, 'dossier');
  // Files linked in the forms or dossier sections, or elsewhere in the procedure body when they are forms.
  const links = [
    ...[...formFields, ...dossierFields].flatMap((j) => j.field.links).filter((l) => DOCUMENT_LINK_RE.test(l.href)),
    ...page.documentLinks.filter((l) => FORM_WORD_RE.test(`${l.href} ${l.text}`)),
  ];
  const realForms = formFields.filter((j) => j.kind === 'real');
  const dossierText = dossierFields.map((j) => j.field.value).join('\n');
  const named = NAMED_FORM.exec(dossierText);

  const download = (evidence: (typeof realForms)[number]['field']['evidence'][]) =>
    links.length > 0
      ? makeFinding('forms.download', element, 'pass', reason('finding.formDownload.pass', { count: links.length }), evidence.slice(0, 1))
      : makeFinding('forms.download', element, 'fail', reason('finding.formDownload.fail'), evidence.slice(0, 1));

  if (realForms.length > 0 || links.length > 0) {
    const value = realForms.length > 0 ? realForms.map((j) => j.field.value).join('\n') : links.map((l) => l.text || l.href).join('\n');
    const evidence = realForms.length > 0 ? realForms.map((j) => j.field.evidence) : dossierFields.slice(0, 1).map((j) => j.field.evidence);
    const label = realForms[0]?.field.label || element.legalName;
    return {
      result: makeResult(element, 'pass', true, value, evidence, reason('reason.found', { label })),
      findings: [download(evidence)],
    };
  }
  if (named) {
    const evidence = dossierFields.filter((j) => NAMED_FORM.test(j.field.value)).map((j) => j.field.evidence);
    return {
      result: makeResult(element, 'pass', true, named[0], evidence, reason('reason.formsInDossier')),
      findings: [download(evidence)],
    };
  }
  const declaredNone = formFields.find((j) => j.kind === 'none');
  if (declaredNone) {
    return {
      result: makeResult(
        element,
        'na',
        false,
        null,
        [declaredNone.field.evidence],
        reason('reason.declaredNone', { value: quote(declaredNone.field.value, 60) }),
      ),
      findings: [],
    };
  }
  if (REQUIRES_FORM.test(dossierText)) {
    const evidence = dossierFields.filter((j) => REQUIRES_FORM.test(j.field.value)).map((j) => j.field.evidence);
    return { result: makeResult(element, 'fail', false, null, evidence, reason('reason.formRequiredNotPublished')), findings: [] };
  }
  const emptyColumn = formFields.find((j) => j.field.source === 'column' && j.kind === 'empty');
  if (emptyColumn)
    return {
      result: makeResult(element, 'na', false, null, [emptyColumn.field.labelEvidence], reason('reason.noFormCited')),
      findings: [],
    };
  const first = formFields[0];
  if (first) return { result: unfilledResult(element, first), findings: [] };
  return { result: makeResult(element, 'review', false, null, [], reason('reason.conditionalAbsent')), findings: [] };
}
