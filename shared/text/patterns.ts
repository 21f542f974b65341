/**
 * Text patterns used in more than one place: the procedure code format, contact means (phone,
 * e-mail, website, street address), mentions of phản ánh, kiến nghị, and "expired" wording.
 * Formats come from examples seen on portals (docs: regulation §4.1), not from a regulation.
 */

/** National procedure codes: 1.000178, 1.000948.H38, 1.003658.000.00.00.H38; legacy T-TVH-284957-TT. */
export const PROCEDURE_CODE_RE = /\b\d\.\d{6}(?:\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|\.[A-Z]\d{2})?\b|\bT-[A-Z]{2,5}-\d{3,}-[A-Z]{2}\b/;

/** Words that name the feedback channel of Decree 20/2008 (or a hotline). */
export const PAKN_RE = /phản\s*ánh|kiến\s*nghị|\bpakn\b|đường\s*dây\s*nóng|hotline|feedback and petition/i;

/** A procedure shown as no longer in force. */
export const EXPIRED_RE = /hết\s+hiệu\s+lực|bị\s+bãi\s+bỏ|đã\s+bãi\s+bỏ|bãi\s+bỏ|ngưng\s+hiệu\s+lực|hết\s+hạn\s+áp\s+dụng|không\s+còn\s+(?:hiệu lực|áp dụng)|\bexpired\b|no longer in force|repealed/i;

const EMAIL_G = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE_G = /(?:\+84|\(\+?84\)|\b0)[\s.\-()]*\d(?:[\s.\-()]*\d){7,10}\b|\b1[89]00[\s.]?\d(?:[\s.]?\d){3,6}\b/g;
const WEB_G = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[\w-]+(?:\.[\w-]+)+/gi;
// "Địa chỉ: …", "số 1 Hoàng Hoa Thám", "đường Lê Lai", "quận Cầu Giấy" (street or area names are capitalised).
const ADDRESS_RE = /địa chỉ[^:：\n]{0,60}[:：]\s*\S|\bsố\s+\d+\w?(?:\/\d+)?\s*,?\s*(?:(?:đường|phố|ngõ|ngách)\s+)?\p{Lu}|\b(?:đường|phố|phường|quận|huyện|thị xã)\s+\p{Lu}|\baddress\s*:/u;

export interface ContactMeans {
  phones: string[];
  emails: string[];
  websites: string[];
  hasAddress: boolean;
}

function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)].slice(0, 5);
}

/** The ways to reach someone that `text` (and the hrefs of its links) gives. */
export function contactMeans(text: string, hrefs: readonly string[] = []): ContactMeans {
  const mail = hrefs.filter((h) => /^mailto:/i.test(h)).map((h) => h.slice(7).split('?')[0]!);
  const tel = hrefs.filter((h) => /^tel:/i.test(h)).map((h) => h.slice(4));
  return {
    phones: distinct([...(text.match(PHONE_G) ?? []), ...tel]),
    emails: distinct([...(text.match(EMAIL_G) ?? []), ...mail]),
    websites: distinct(text.match(WEB_G) ?? []),
    hasAddress: ADDRESS_RE.test(text),
  };
}

/** Whether `means` gives at least one way to reach someone. */
export function isReachable(means: ContactMeans): boolean {
  return means.phones.length > 0 || means.emails.length > 0 || means.websites.length > 0 || means.hasAddress;
}
