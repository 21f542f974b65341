/**
 * Judges the contact for phản ánh, kiến nghị (Decree 20/2008 Art. 13): somewhere on the page
 * (usually the footer) a block that names phản ánh, kiến nghị together with a way to reach the
 * receiving agency (address, phone, e-mail or website). Naming it without any contact, or giving
 * only a generic phone or e-mail, asks for review. The result keeps the contact structured
 * (agency, address, phones, e-mails, websites, hours) for the widget's contact panel.
 */
import type { ContactBlock, ExtractedPage } from '../../../extractor';
import { quote } from '../../../text/normalize';
import { contactMeans, countMeans } from '../../../text/patterns';
import { parseContact } from '../../../text/contact';
import { judgeFields, makeResult, reason, unfilledResult, type Judgement } from '../../judge';
import { element } from './element';

export function match(page: ExtractedPage): Judgement {
  const judged = judgeFields(page, 'feedback-contact');
  const labelled: ContactBlock[] = judged
    .filter((j) => j.kind === 'real' || (j.kind === 'empty' && j.field.links.length > 0))
    .map(({ field }) => {
      const text = `${field.label}\n${field.value}`;
      const hrefs = field.links.map((l) => l.href);
      return {
        pakn: true,
        text: quote(text, 300),
        body: field.value,
        hrefs,
        ...contactMeans(text, hrefs),
        evidence: field.value ? field.evidence : field.labelEvidence,
      };
    });
  const pakn = [...labelled, ...page.contacts.filter((c) => c.pakn)];
  const reachable = pakn.filter((c) => countMeans(c) > 0).sort((a, b) => countMeans(b) - countMeans(a));
  const best = reachable[0];
  if (best) {
    const result = makeResult(
      element,
      'pass',
      true,
      best.text,
      [best.evidence],
      reason('reason.contactFound', { contact: quote(best.text, 120) }),
    );
    return { result: { ...result, contact: parseContact(best.body, best.hrefs) }, findings: [] };
  }
  // A label whose value is only a placeholder ("Đang cập nhật") says the contact is not published.
  const unfilled = judged.find((j) => j.field.links.length === 0 && j.kind !== 'real');
  if (unfilled) return { result: unfilledResult(element, unfilled), findings: [] };
  if (pakn[0])
    return {
      result: makeResult(element, 'review', false, pakn[0].text, [pakn[0].evidence], reason('reason.contactWithoutMeans')),
      findings: [],
    };
  const generic = page.contacts.find((c) => c.phones.length > 0 || c.emails.length > 0);
  if (generic) {
    const result = makeResult(element, 'review', false, generic.text, [generic.evidence], reason('reason.contactGeneric'));
    return { result: { ...result, contact: parseContact(generic.body, generic.hrefs) }, findings: [] };
  }
  return { result: makeResult(element, 'fail', false, null, [], reason('reason.missing')), findings: [] };
}
