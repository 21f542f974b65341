/**
 * Text patterns used in more than one place: the procedure code format, contact means (phone,
 * e-mail, website, street address), mentions of phản ánh, kiến nghị, and "expired" wording.
 * Formats come from examples seen on portals (docs: regulation §4.1), not from a regulation.
 */
import { labelKey } from './normalize';

/** A value's comparison key: label-folded (text/normalize) with punctuation read as spaces. */
export function valueKey(text: string): string {
  return labelKey(text)
    .replace(/[|()[\]"“”'.…\-–—_*•·,;:!?/\\]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Values that say nothing is published yet ("Không có thông tin", "Đang cập nhật"), as valueKey keys. */
export const PLACEHOLDER_VALUES: ReadonlySet<string> = new Set([
  'không có thông tin',
  'chưa có thông tin',
  'không có dữ liệu',
  'chưa có dữ liệu',
  'đang cập nhật',
  'đang cập nhập',
  'chưa cập nhật',
  'chưa cập nhập',
  'đang được cập nhật',
  'đang xây dựng',
  'đang bổ sung',
  'đang cập nhật thông tin',
  'updating',
  'n a',
  'na',
  'null',
  'undefined',
  'no information',
  'không xác định',
  'chưa xác định',
  'tbd',
  'nội dung đang được cập nhật',
  'đang được cập nhật thông tin',
  'đang cập nhập thông tin',
]);

/** Whether `text` only says that nothing is published yet. */
export function isPlaceholderValue(text: string): boolean {
  return PLACEHOLDER_VALUES.has(valueKey(text));
}

/** National procedure codes: 1.000178, 1.000948.H38, 1.003658.000.00.00.H38; legacy T-TVH-284957-TT. */
// Ends at a non-digit rather than a word boundary: pages glue the next field on ("…H38Lượt xem").
export const PROCEDURE_CODE_RE =
  /(?<![\d.])\d\.\d{6}(?:\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|\.[A-Z]\d{2})?(?![\d.]\d)|\bT-[A-Z]{2,5}-\d{3,}-[A-Z]{2}(?![A-Za-z\d])/;

/** Words that name the feedback channel of Decree 20/2008. */
// A hotline alone is a general contact; only naming phản ánh, kiến nghị makes it the channel of Decree 20/2008.
export const PAKN_RE = /phản\s*ánh|kiến\s*nghị|\bpakn\b|feedback and (?:petition|recommendation)/i;

/** A procedure shown as no longer in force. */
export const EXPIRED_RE =
  /hết\s+hiệu\s+lực|bị\s+bãi\s+bỏ|đã\s+bãi\s+bỏ|bãi\s+bỏ|ngưng\s+hiệu\s+lực|hết\s+hạn\s+áp\s+dụng|không\s+còn\s+(?:hiệu lực|áp dụng)|\bexpired\b|no longer in force|repealed/i;

// The lookbehind anchors a match at the start of a run: without it a long run with no "@" is quadratic.
const EMAIL_G = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
// Not inside a dotted code (1.003658.000.00.00.H38 holds no phone number).
const PHONE_G = /(?<!\d\.)(?:\+84|\(\+?84\)|\b0)[\s.\-()]*\d(?:[\s.\-()]*\d){7,10}\b|\b1[89]00[\s.]?\d(?:[\s.]?\d){3,6}\b/g;
const WEB_G = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[\w-]+(?:\.[\w-]+)+/gi;
// "Địa chỉ: …", "Số 1 Hoàng Hoa Thám", "đường Lê Lai", "quận Cầu Giấy": street and area names are
// capitalised, so the case of what follows matters (no i flag; both spellings of the keywords).
const ADDRESS_RE =
  /[Đđ]ịa chỉ[^:：\n]{0,60}[:：]\s*\S|\b[Ss]ố\s+\d+\w?(?:\/\d+)?\s*,?\s*(?:(?:[Đđ]ường|[Pp]hố|[Nn]gõ|[Nn]gách)\s+)?\p{Lu}|(?:[Đđ]ường|[Pp]hố|[Pp]hường|[Qq]uận|[Hh]uyện|[Tt]hị xã)\s+\p{Lu}|\b[Aa]ddress\s*:/u;

/** Words printed after a label, not a value: "(nếu có)" under "Phí, lệ phí". */
export const LABEL_FILLER_RE = /^\(?\s*(?:nếu có|nếu cần|nếu có yêu cầu|if any|if applicable)\s*\)?\s*[:：]?$/i;

/** A link to a document file (a form to download): by extension or by a download script. */
export const DOCUMENT_LINK_RE =
  /\.(?:docx?|pdf|xlsx?|odt|ods|rtf|zip|rar)(?:$|[?#])|download|tai-?ve|taive|getfile|file\.ashx|attachment|dinh-?kem/i;

/** Words that mark a link or a line as being about a form (mẫu đơn, tờ khai). */
export const FORM_WORD_RE = /m[aẫ]u|t[oờ][\s_-]?khai|bi[eể]u[\s_-]?m[aẫ]u|\bform|\bđơn\b|\bdon[-_]/i;

// Saying a procedure costs nothing: the one vocabulary of it ("Miễn phí", "Không thu phí, lệ phí",
// "Free of charge"), used to tell a published none and a fee that contradicts itself.
const FREE_OF_CHARGE = String.raw`miễn\s+(?:phí|thu|lệ\s+phí)|không\s+(?:thu|mất|phải\s+nộp)|\bfree\b`;
/** Somewhere in the text, the procedure is said to cost nothing. */
export const FREE_OF_CHARGE_RE = new RegExp(FREE_OF_CHARGE, 'iu');
/** The text opens by saying the procedure costs nothing (after bullets or punctuation). */
export const FREE_OF_CHARGE_START_RE = new RegExp(`^[^\\p{L}\\d]*(?:${FREE_OF_CHARGE})`, 'iu');
/** A whole (lower-cased, punctuation-free) line that says only that: "miễn phí", "không thu phí lệ phí". */
export const FREE_OF_CHARGE_LINE_RE = new RegExp(`^(?:${FREE_OF_CHARGE})(?:\\s+(?:phí|lệ phí|phí lệ phí|of charge))?$`, 'iu');

/** A sentence saying the procedure is no longer in force ("Thủ tục hành chính này đã hết hiệu lực"). */
export const EXPIRED_NOTICE_RE = /(?:thủ tục|tthc)[^.\n]{0,40}?(?:đã|bị)\s+(?:hết\s+hiệu\s+lực|bãi\s+bỏ|ngưng\s+hiệu\s+lực)/i;

/** Whether `text` holds a phone number or an e-mail address: the cheap test before reading a contact. */
export function hasPhoneOrEmail(text: string): boolean {
  return (text.includes('@') && EMAIL_ONE.test(text)) || PHONE_ONE.test(text);
}
// Non-global twins for test(): a global regex keeps a lastIndex between calls.
const EMAIL_ONE = new RegExp(EMAIL_G.source);
const PHONE_ONE = new RegExp(PHONE_G.source);

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

/** How many kinds of contact `means` gives (address, phone, e-mail, website). */
export function countMeans(means: ContactMeans): number {
  return Number(means.hasAddress) + Number(means.phones.length > 0) + Number(means.emails.length > 0) + Number(means.websites.length > 0);
}
