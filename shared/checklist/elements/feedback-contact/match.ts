/**
 * Judges the contact for phản ánh, kiến nghị (Decree 20/2008 Art. 13): somewhere on the page
 * (usually the footer) a block that names phản ánh, kiến nghị together with a way to reach the
 * receiving agency (address, phone, e-mail or website). Naming it without any contact, or giving
 * only a generic phone or e-mail, asks for review.
 */
import type { ContactBlock, ExtractedPage } from '../../../extractor';
import { quote } from '../../../text/normalize';
import { contactMeans, countMeans } from '../../../text/patterns';
import { distinctLines, classifyValue, fieldsFor, makeResult, reason, type Judgement } from '../../judge';
import { element } from './element';

export function match(page: ExtractedPage): Judgement {
  const fields = fieldsFor(page, 'feedback-contact');
  const labelled: ContactBlock[] = fields.filter((f) => {
    const kind = classifyValue(f.value);
    return kind === 'real' || (kind === 'empty' && f.links.length > 0);
  }).map((f) => {
    const text = `${f.label}\n${f.value}`;
    return { pakn: true, text: quote(text, 300), ...contactMeans(text, f.links.map((l) => l.href)), evidence: f.value ? f.evidence : f.labelEvidence };
  });
  const pakn = [...labelled, ...page.contacts.filter((c) => c.pakn)];
  const reachable = pakn.filter((c) => countMeans(c) > 0).sort((a, b) => countMeans(b) - countMeans(a));
  const best = reachable[0];
  if (best) {
    return { result: makeResult(element, 'pass', true, best.text, [best.evidence], reason('reason.contactFound', { contact: quote(best.text, 120) })), findings: [] };
  }
  // A label whose value is only a placeholder ("Đang cập nhật") says the contact is not published.
  const unfilled = fields.find((f) => f.links.length === 0 && classifyValue(f.value) !== 'real');
  if (unfilled) {
    const why = classifyValue(unfilled.value) === 'empty' ? reason('reason.empty', { label: unfilled.label }) : reason('reason.placeholder', { label: unfilled.label, value: quote(distinctLines(unfilled.value), 60) });
    return { result: makeResult(element, 'fail', false, null, [unfilled.evidence], why), findings: [] };
  }
  if (pakn[0]) return { result: makeResult(element, 'review', false, pakn[0].text, [pakn[0].evidence], reason('reason.contactWithoutMeans')), findings: [] };
  const generic = page.contacts.find((c) => c.phones.length > 0 || c.emails.length > 0);
  if (generic) return { result: makeResult(element, 'review', false, generic.text, [generic.evidence], reason('reason.contactGeneric')), findings: [] };
  return { result: makeResult(element, 'fail', false, null, [], reason('reason.missing')), findings: [] };
}
