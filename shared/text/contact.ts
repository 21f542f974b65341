/**
 * The contact for phản ánh, kiến nghị read as structured data: the receiving agency, its street
 * address, phones, e-mails, websites and working hours, for the widget's contact panel.
 * Decree 20/2008/NĐ-CP Art. 13 (as amended by Decree 48/2013) requires each agency to publish the
 * agency's address, a postal address, a dedicated phone, a website and an e-mail for receiving
 * phản ánh, kiến nghị on administrative regulations (docs: regulation §1.3). At province level the
 * receiver is now the provincial Trung tâm Phục vụ hành chính công (Decree 118/2025 Art. 8(2)(e));
 * "Trung tâm" is an agency word, so its name is read like any other.
 *
 * Heuristics from the wording of real footers and PAKN blocks (docs: portal layouts), not a
 * grammar: labels ("Địa chỉ:", "Cơ quan tiếp nhận:", "Working hours:") split a line into fields;
 * an unlabelled line that opens with an agency word ("Văn phòng", "Sở", "Cục", "Ủy ban", …) is
 * the agency, and what follows it from a street word on ("số 1 đường …", "Tầng 6, …") is the
 * address. Phones, e-mails and websites come from `contactMeans`, the one home of their patterns.
 * When a PAKN block is found, what it names wins over the rest of the text (the site's own address).
 *
 * Limits: a name that opens with no agency word is missed unless labelled ("Cơ quan tiếp nhận:")
 * or English Title Case ("Hanoi Department of Justice"); the site's owner ("Cơ quan chủ quản:",
 * "Bản quyền thuộc …") is never taken for the receiving agency; hours are read only after a label
 * or as a line opening with "Sáng"/"Từ thứ …"; values stop at ~200 characters; runs of more than
 * 128 ASCII letters, digits and "._+-@" are dropped before matching (no contact value is that
 * long), which keeps every pattern linear on hostile input. Pure: no DOM, no Node built-ins.
 */
import { quote } from './normalize';
import { PAKN_RE, contactMeans, isPlaceholderValue } from './patterns';

export interface StructuredContact {
  /** The receiving agency as the text names it ("Văn phòng UBND tỉnh Lào Cai"), or null. */
  agency: string | null;
  /** The street address without its label, or null. */
  address: string | null;
  phones: string[];
  emails: string[];
  websites: string[];
  /** Working or receiving hours as written, without the label, or null. */
  hours: string | null;
}

type Kind = 'agency' | 'address' | 'phone' | 'fax' | 'email' | 'website' | 'hours' | 'pakn' | 'other' | 'text';

interface Atom {
  /** The separator before the atom as written (", ", " - ", "; ", ". ", " "), "" for the first. */
  sep: string;
  text: string;
}

interface Field {
  kind: Kind;
  atoms: Atom[];
  /** Within a few lines after a mention of phản ánh, kiến nghị. */
  inBlock: boolean;
  /** The number of its line among the non-empty ones. */
  line: number;
  /** Named by a PAKN label or sentence ("Địa chỉ tiếp nhận phản ánh, kiến nghị: …", "gửi về …"). */
  pakn: boolean;
}

const MAX_VALUE = 200;
const MAX_LIST = 5;
/** Lines after a mention of phản ánh, kiến nghị that still belong to its block. */
const BLOCK_LINES = 5;

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** Words that start a label, at the start of a field ("Điện thoại chuyên dùng:", "Address:"). */
const HEADS =
  'số điện thoại|điện thoại|sđt|đt|telephone|tel|phone|hotline|đường dây nóng|tổng đài|fax|e-mail|email|thư điện tử|hộp thư|' +
  'địa chỉ|trụ sở|postal address|address|website|trang web|web|trang thông tin điện tử|cổng thông tin điện tử|cổng thông tin|' +
  'trang tiếp nhận|cổng tiếp nhận|thời gian|giờ|lịch làm việc|working hours|office hours|opening hours|business hours|hours|' +
  'tên cơ quan|tên đơn vị|cơ quan|đơn vị|nơi tiếp nhận|receiving agency|agency|organisation|organization';
/** A label with its colon at the start of an atom; the colon is followed by a space or nothing (not "7:30", not "https://"). */
const COLON_LABEL_RE = new RegExp(`^((?:${HEADS})(?=[\\s:：])[^:：]{0,40}?)\\s*[:：](?=\\s|$)\\s*`, 'iu');
/** A whole line that is only a label, its value on the next line ("Thời gian làm việc", "Website:"). */
const LABEL_LINE_RE = new RegExp(`^(?:${HEADS})(?:\\s+(?:chuyên dùng|liên hệ|làm việc|tiếp nhận|trực tuyến))?\\s*[:：]?$`, 'iu');
/** Where a colon label starts after a plain space ("0000 000 000 Email: …"). */
const LABEL_AHEAD_G = new RegExp(`\\s(?=(?:${HEADS})(?=[\\s:：])[^:：]{0,25}[:：](?:\\s|$))`, 'giu');
/** Labels written without a colon, recognised by the value that follows ("điện thoại 0000 000 000"). */
const BARE_PHONE_RE = /^((?:số\s+)?(?:điện thoại(?:\s+chuyên dùng)?|đt|tel|phone|hotline|đường dây nóng|fax))\s+(?=[+(\d])/iu;
const BARE_EMAIL_RE = /^(e-?mail|thư điện tử)\s+(?=[\w.+-]{1,64}@)/iu;
const BARE_WEB_RE = /^(website|web|trang web)\s+(?=https?:\/\/|www\.)/iu;
/** Any other label at the start of a field ("Cơ quan chủ quản:", "Chịu trách nhiệm chính:"). */
const OTHER_LABEL_RE = /^(\p{Lu}[^:：]{0,50}?)\s*[:：](?=\s|$)\s*/u;
/** The first colon ending a label (not "7:30", not "https://"), looked for near the start of a part. */
const LABEL_COLON_RE = /[:：](?=\s|$)/u;

const HOURS_LABEL_RE =
  /^(?:thời gian|giờ|lịch)\s+(?:làm việc|tiếp nhận|tiếp công dân|tiếp|mở cửa|hành chính|phục vụ)|^lịch làm việc|^(?:working|office|opening|business|reception)\s+hours|^hours\b/u;
const PHONE_LABEL_RE = /^(?:số\s+)?(?:điện thoại|đt\b|sđt\b|tel\b|telephone|phone|hotline|đường dây nóng|tổng đài)/u;
const FAX_LABEL_RE = /^(?:số\s+)?fax\b/u;
const EMAIL_LABEL_RE = /^(?:địa chỉ\s+)?(?:e-?mail|thư điện tử|hộp thư|mail\b)/u;
const WEB_LABEL_RE =
  /^(?:địa chỉ\s+)?(?:website|web\b|trang web|trang thông tin|cổng thông tin|trang tiếp nhận|cổng tiếp nhận|url\b|portal\b)/u;
// "Cơ quan tiếp nhận", "Tên cơ quan", "Nơi tiếp nhận", "Agency"; not "Cơ quan chủ quản", "Cơ quan tiếp nhận hồ sơ".
const AGENCY_LABEL_RE =
  /^(?:tên\s+)?(?:cơ quan|đơn vị)(?:\s+tiếp nhận(?!\s+(?:hồ sơ|hs)\b).*)?$|^nơi tiếp nhận(?!\s+(?:hồ sơ|hs)\b)|^(?:receiving\s+)?(?:agency|organi[sz]ation)\b/u;
const ADDRESS_LABEL_RE = /^(?:địa chỉ|trụ sở|address|postal address)/u;
// Addresses of something else than the contact: where dossiers are filed, the handling agency.
const NOT_ADDRESS_LABEL_RE = /tiếp nhận (?:hồ sơ|hs)\b|giải quyết|thực hiện/u;

/**
 * Words an agency's name opens with; the name itself is written with a capital. Not the same
 * words in common nouns: "Trường hợp", "Bộ luật", "Bộ hồ sơ", "Sở hữu", "Ban hành", "Vụ việc".
 */
const AGENCY_HEAD_RE = new RegExp(
  '^(?:văn phòng|ủy ban|uỷ ban|ubnd|hđnd|hội đồng|tổng cục|chi cục|cục(?! bộ)|sở(?! hữu)|bộ phận|bộ(?! (?:luật|hồ sơ))|vụ(?! việc)|' +
    'phòng(?:,? (?:chống|ngừa))?|trung tâm|ban(?! hành)|công an|ngân hàng|kho bạc|bảo hiểm xã hội|thanh tra|tòa án|toà án|' +
    'viện(?! dẫn)|đài|học viện|trường(?! hợp)|bệnh viện|office|ministry|department|people.s committee|government)(?=[\\s,(]|$)',
  'iu',
);
/** English names: an agency word somewhere in a Title Case name ("Hanoi Department of Justice"). */
const ENGLISH_AGENCY_RE = /\b(?:office|department|ministry|committee|board|agency|authority|cent(?:re|er)|bureau|division|directorate)\b/i;
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'to', '&', '-', '–', '—']);
/** Words that make a sentence, not a name ("… đề nghị gửi về cơ quan có thẩm quyền"). */
const SENTENCE_RE =
  /(?:^|\s)(?:có|là|được|bị|sẽ|đã|đang|xin|hãy|vui lòng|đề nghị|gửi|nhằm|nếu|khi|mọi|này|theo quy định|tiếp nhận phản ánh|please|is|are|was|were|will|should)(?=\s|$)/iu;
/** Verbs of procedure steps, written in lower case ("Sở Tư pháp tiếp nhận, kiểm tra …"); names capitalise them. */
const VERB_RE =
  /\s(?:tiếp nhận(?! và trả)|kiểm tra|thông báo|hướng dẫn|có trách nhiệm|thực hiện|xem xét|trả lời|nêu rõ|cấp giấy)(?=[\s,.;:]|$)/u;

/** A street-address opening strong enough on a line of its own ("Số 1 Hoàng Hoa Thám", "Tầng 6"). */
const ADDRESS_START_RE =
  /^(?:[Ss]ố\s+\d|[Ss]ố nhà\s|\d+[A-Za-z]?(?:\/\d+)*[,\s]+\p{Lu}|[Nn]o\.?\s*\d|[Tt]ầng\s|[Tt][oò]a nhà\s|[Tt]oà nhà\s|[Đđ]ường\s+\p{Lu}|[Pp]hố\s+\p{Lu}|[Đđ]ại lộ\s|[Nn]gõ\s+\d|[Nn]gách\s|[Hh]ẻm\s|[Kk]hu\s+(?:[\p{Lu}\d]|hành chính|phố|dân cư|đô thị)|[Tt]ổ\s+\d|[Ll]ô\s|[Kk]m\s*\d|[Tt]hôn\s+\p{Lu}|[Bb]ản\s+\p{Lu}|[Ấấ]p\s+\p{Lu}|[Tt]ổ dân phố|[Tt]rụ sở\s)/u;
/** After an agency's name, an area also starts the address ("…, xã Trà Mai, huyện …"). */
const AREA_START_RE = /^(?:[Xx]ã|[Pp]hường|[Qq]uận|[Hh]uyện|[Tt]hị xã|[Tt]hị trấn|[Tt]hành phố|[Tt]ỉnh|TP\.?)\s+\p{Lu}/u;
/** A street word, or an area right after a comma: what a numbered line needs to be an address. */
const STREET_OR_AREA_RE =
  /(?:^|\s)(?:đường|phố|street|road|avenue)(?=[\s,.]|$)|, (?:xã|phường|quận|huyện|thị xã|thị trấn|thành phố|tỉnh|tp\.?|hà nội|ha noi|ward|district|city|province)(?=[\s,.]|$)/iu;
const AREA_WORD_RE =
  /(?:^|\s)(?:xã|phường|quận|huyện|thị xã|thị trấn|thành phố|tỉnh|tp\.?|đường|phố|hà nội|street|road|avenue|ward|district|city|province)(?=[\s,.]|$)/iu;

/** An unlabelled line giving hours ("Sáng từ 7h30 - 11h30, …", "Monday–Friday, 7:30–17:00"). */
const HOURS_LINE_RE = /^(?:(?:buổi\s+)?(?:sáng|chiều|trưa)|từ\s+thứ|thứ\s+(?:hai|2)|các ngày|monday|mon\b)/iu;
const TIME_RE = /\d{1,2}\s*(?:h|giờ|:)\s*\d{0,2}/u;

/** A portal's name glued after the agency's in a banner ("SỞ TƯ PHÁP TỈNH … Cổng thông tin điện tử"). */
const PORTAL_TAIL_RE = /\s(?:cổng|trang) (?:thông tin điện tử|dịch vụ công)(?:\s.*)?$/iu;

// Separators: hard ones always end a part; soft ones end a field only where a label follows.
const HARD_SEP_RE = / ?[|·•] ?/u;
const SOFT_SEP_G = / [-–—]+ |[;,] |\. (?=\p{Lu})/gu;
// "gửi … về / đến / tới <Agency>": the agency a PAKN sentence sends to.
const SEND_RE = /(?<!\p{L})gửi(?!\p{L})/iu;
const SEND_TO_RE = /\s(?:về|đến|tới)\s+(?=\p{Lu})/u;
// "<Agency> tiếp nhận phản ánh, kiến nghị …".
const SUBJECT_RE = /^(.{2,120}?)\s+(?:tiếp nhận|receives?)\s+(?:các\s+)?(?:phản\s*ánh|kiến\s*nghị|feedback)/iu;
// A run of letters, digits, dots, hyphens, "+" and "@" (as the e-mail pattern reads them); one
// longer than MAX_RUN is no contact value, and matching inside it costs its length squared.
const RUN_G = /[\w.+\-@]+/g;
const MAX_RUN = 128;

// ---------------------------------------------------------------------------------------------
// Reading lines into fields

function classifyLabel(label: string): Kind {
  const l = label.toLowerCase().replace(/\s+/g, ' ').trim();
  if (HOURS_LABEL_RE.test(l)) return 'hours';
  if (PHONE_LABEL_RE.test(l)) return 'phone';
  if (FAX_LABEL_RE.test(l)) return 'fax';
  if (EMAIL_LABEL_RE.test(l)) return 'email';
  if (WEB_LABEL_RE.test(l)) return 'website';
  if (AGENCY_LABEL_RE.test(l)) return 'agency';
  if (PAKN_RE.test(l)) return 'pakn';
  if (ADDRESS_LABEL_RE.test(l) && !NOT_ADDRESS_LABEL_RE.test(l)) return 'address';
  return 'other';
}

interface LabelHit {
  kind: Kind;
  rest: string;
}

/** The label an atom opens with, if any. */
function labelAt(text: string, sep: string, current: Kind): LabelHit | null {
  let m = COLON_LABEL_RE.exec(text);
  if (m) return { kind: classifyLabel(m[1]!), rest: text.slice(m[0].length) };
  m = BARE_PHONE_RE.exec(text);
  if (m) return { kind: classifyLabel(m[1]!), rest: text.slice(m[0].length) };
  m = BARE_EMAIL_RE.exec(text) ?? BARE_WEB_RE.exec(text);
  if (m) return { kind: classifyLabel(m[1]!), rest: text.slice(m[0].length) };
  // Any other "Label:" ends the field before it, except inside hours ("Sáng: 7h30", "Thứ Bảy: …")
  // and after a comma (a comma does not start a new field in real footers).
  if (current !== 'hours' && sep.trim() !== ',') {
    m = OTHER_LABEL_RE.exec(text);
    if (m && !TIME_RE.test(m[1]!)) return { kind: classifyLabel(m[1]!), rest: text.slice(m[0].length) };
  }
  return null;
}

/** Splits a part of a line at soft separators and before colon labels, outside parentheses. */
function atomize(part: string): Atom[] {
  const cuts: { start: number; end: number }[] = [];
  for (const m of part.matchAll(SOFT_SEP_G)) cuts.push({ start: m.index, end: m.index + m[0].length });
  const ahead: { start: number; end: number }[] = [];
  for (const m of part.matchAll(LABEL_AHEAD_G)) ahead.push({ start: m.index, end: m.index + 1 });
  const merged = mergeCuts(cuts, ahead);
  const atoms: Atom[] = [];
  let from = 0;
  let sep = '';
  let depth = 0;
  let scanned = 0;
  for (const cut of merged) {
    if (cut.start < from) continue;
    for (; scanned < cut.start; scanned++) {
      const c = part.charCodeAt(scanned);
      if (c === 40) depth++;
      else if (c === 41 && depth > 0) depth--;
    }
    // "phòng, chống" is one phrase inside a name ("Cục An ninh mạng và phòng, chống tội phạm …").
    if (
      depth > 0 ||
      (part[cut.start] === ',' &&
        /phòng$/iu.test(part.slice(cut.start - 5, cut.start)) &&
        /^chống/iu.test(part.slice(cut.end, cut.end + 5)))
    )
      continue;
    atoms.push({ sep, text: part.slice(from, cut.start) });
    sep = part.slice(cut.start, cut.end);
    from = cut.end;
  }
  atoms.push({ sep, text: part.slice(from) });
  return atoms.filter((a) => a.text.trim() !== '');
}

function mergeCuts<T extends { start: number }>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** Fields of one part of a line; `initial` is the kind of a value that starts the part unlabelled. */
function fieldsOf(part: string, initial: Kind, pakn: boolean, inBlock: boolean, line: number): Field[] {
  const fields: Field[] = [];
  let current: Field | null = null;
  for (const atom of atomize(part)) {
    const hit = labelAt(atom.text, atom.sep, current?.kind ?? initial);
    if (hit) {
      current = { kind: hit.kind, atoms: hit.rest ? [{ sep: '', text: hit.rest }] : [], inBlock, line, pakn: false };
      fields.push(current);
    } else if (current) {
      current.atoms.push(current.atoms.length ? atom : { sep: '', text: atom.text });
    } else {
      current = { kind: initial, atoms: [{ sep: '', text: atom.text }], inBlock, line, pakn };
      fields.push(current);
    }
  }
  return fields;
}

interface Parsed {
  fields: Field[];
  /** A website label stands alone on its line ("Cổng thông tin điện tử", then the link). */
  websiteLabel: boolean;
  /** The line of the first mention of phản ánh, kiến nghị (Infinity when none). */
  firstMention: number;
}

/** Collapses white space within lines and drops over-long runs, so every pattern stays linear. */
function sanitize(text: string): string {
  const flat = text.replace(/[^\S\n]+/g, ' ');
  return hasLongRun(flat) ? flat.replace(RUN_G, (run) => (run.length > MAX_RUN ? ' ' : run)) : flat;
}

/** Whether `text` has a run of more than MAX_RUN characters of RUN_G's class (one pass, no regex). */
function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const inRun =
      (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 43 || c === 45 || c === 64;
    run = inRun ? run + 1 : 0;
    if (run > MAX_RUN) return true;
  }
  return false;
}

function readFields(text: string): Parsed {
  const fields: Field[] = [];
  let websiteLabel = false;
  let pending: Kind | null = null;
  let lastMention = -Infinity;
  let firstMention = Infinity;
  let lineNo = 0;
  const lines = text.split('\n');
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!.trim().replace(/^[-+*•–—]+\s+/u, '');
    if (!line) continue;
    lineNo++;
    if (PAKN_RE.test(line)) {
      lastMention = lineNo;
      if (firstMention === Infinity) firstMention = lineNo;
    }
    const inBlock = lineNo - lastMention <= BLOCK_LINES;
    const wasPending: Kind | null = pending;
    pending = null;
    // Hours on the lines under an hours label: "Thời gian làm việc:" / "Sáng: 7h30 - 11h30" / "Chiều: …".
    if (wasPending === 'hours' && !startsWithKnownLabel(line)) {
      const parts = [line];
      while (parts.length < 3 && li + 1 < lines.length && HOURS_LINE_RE.test(lines[li + 1]!.trim())) parts.push(lines[++li]!.trim());
      fields.push({ kind: 'hours', atoms: [{ sep: '', text: parts.join('; ') }], inBlock, line: lineNo, pakn: false });
      continue;
    }
    // A label or heading with nothing after it hands its kind to the next part, on this line or the next.
    let carry: Kind | null = wasPending;
    for (const raw of line.split(HARD_SEP_RE)) {
      const part = raw.trim();
      if (!part) continue;
      // A value that opens with an agency's name is read as one, whatever label came before it.
      const initial: Kind = carry && !(carry !== 'pakn' && carry !== 'agency' && startsAgency(part)) ? carry : 'text';
      const fromPakn = initial === 'pakn';
      carry = null;
      if (LABEL_LINE_RE.test(part)) {
        const kind = labelLineKind(part, inBlock);
        if (kind === 'website') websiteLabel = true;
        carry = kind;
        continue;
      }
      const paknHit = PAKN_RE.test(part) ? readPaknPart(part) : null;
      if (paknHit?.subject) fields.push({ kind: 'agency', atoms: [{ sep: '', text: paknHit.subject }], inBlock, line: lineNo, pakn: true });
      if (paknHit && !paknHit.value?.trim()) {
        carry = paknHit.kind === 'other' ? null : paknHit.kind;
        continue;
      }
      const partFields = paknHit
        ? fieldsOf(paknHit.value!, paknHit.kind, paknHit.kind === 'pakn', inBlock, lineNo)
        : fieldsOf(part, initial, fromPakn, inBlock, lineNo);
      for (const f of partFields) fields.push(f);
      const tail = partFields[partFields.length - 1];
      if (tail && tail.atoms.length === 0 && tail.kind !== 'other') carry = tail.kind;
    }
    pending = carry;
  }
  return { fields, websiteLabel, firstMention };
}

/**
 * The kind of a line that is only a label. Without a colon, "Cổng thông tin điện tử" is more
 * often a site's banner than a label, so it labels a website only near a PAKN mention; a bare
 * "Cơ quan" or "Đơn vị" is a column title, not the agency's label.
 */
function labelLineKind(part: string, inBlock: boolean): Kind | null {
  const colon = /[:：]\s*$/u.test(part);
  const label = part
    .replace(/[:：]\s*$/u, '')
    .trim()
    .toLowerCase();
  const kind = classifyLabel(label);
  if (kind === 'other') return null;
  if (!colon && kind === 'website' && !/^(?:website|web|trang web)$/u.test(label) && !inBlock) return null;
  if (!colon && kind === 'agency' && /^(?:cơ quan|đơn vị)$/u.test(label)) return null;
  return kind;
}

function startsWithKnownLabel(line: string): boolean {
  return COLON_LABEL_RE.test(line) || BARE_PHONE_RE.test(line) || BARE_EMAIL_RE.test(line) || PAKN_RE.test(line.slice(0, 60));
}

/**
 * A part of a line that names phản ánh, kiến nghị: a label with its value after the colon
 * ("Địa chỉ tiếp nhận phản ánh, kiến nghị về quy định hành chính: Văn phòng …"), a sentence
 * naming where to send ("… xin gửi về Bộ Tư pháp"), or a heading (value null: on the next line).
 */
function readPaknPart(part: string): { kind: Kind; value: string | null; subject: string | null } | null {
  const head = part.slice(0, 250);
  const colon = LABEL_COLON_RE.exec(head);
  const label = colon ? head.slice(0, colon.index) : head;
  // "<Agency> tiếp nhận phản ánh, kiến nghị …": the agency is the subject of the sentence.
  const m = SUBJECT_RE.exec(label);
  const subject = m && isAgencyName(m[1]!) ? m[1]! : null;
  if (colon && PAKN_RE.test(label)) return { kind: classifyLabel(label), value: part.slice(colon.index + 1), subject };
  const send = SEND_RE.exec(head);
  if (send) {
    const to = SEND_TO_RE.exec(head.slice(send.index));
    if (to) return { kind: 'pakn', value: part.slice(send.index + to.index + to[0].length), subject };
  }
  // A PAKN word inside a value ("Email: pakn@…"), or an agency's name ("Văn phòng … (tiếp nhận
  // phản ánh, kiến nghị)"): read as usual.
  if (colon || (!subject && startsAgency(head))) return null;
  return { kind: classifyLabel(label), value: null, subject };
}

// ---------------------------------------------------------------------------------------------
// Agency and address

function isAgencyName(s: string): boolean {
  const t = s.trim();
  if (t.length < 3 || t.length > 160 || isPlaceholderValue(t)) return false;
  const words = t.split(' ');
  if (words.length < 2 || words.length > 25 || VERB_RE.test(t)) return false;
  if (AGENCY_HEAD_RE.test(t) && /^\p{Lu}/u.test(t)) return !SENTENCE_RE.test(t);
  // English: every word capitalised but the small ones ("Office of the Department of Home Affairs").
  return ENGLISH_AGENCY_RE.test(t) && words.every((w) => SMALL_WORDS.has(w.toLowerCase()) || /^[\p{Lu}\d(]/u.test(w));
}

function joinAtoms(atoms: readonly Atom[]): string {
  return atoms.map((a, i) => (i === 0 ? a.text : a.sep + a.text)).join('');
}

/** Opens like an agency's name: an agency word written with a capital, or an English name. */
function startsAgency(s: string): boolean {
  return (AGENCY_HEAD_RE.test(s) && /^\p{Lu}/u.test(s)) || isAgencyName(s.slice(0, 161));
}

/**
 * An agency's name and the address after it, from the atoms of one value: the name runs until a
 * street or area word ("số 1 đường …", "Tầng 6", "xã Trà Mai"); after a comma only another agency's
 * name continues it ("Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ"). `labelled`: the value
 * of "Cơ quan tiếp nhận:" or "Tên cơ quan:", a name even without an agency word.
 */
function splitAgency(atoms: readonly Atom[], labelled = false): { agency: string | null; address: string | null } {
  const first = atoms[0];
  if (!first) return { agency: null, address: null };
  const lenient = labelled && /^\p{Lu}/u.test(first.text) && !ADDRESS_START_RE.test(first.text) && !SENTENCE_RE.test(first.text);
  if ((startsAgency(first.text) && first.text.trim().includes(' ')) || lenient) {
    let i = 1;
    let address = true;
    for (; i < atoms.length; i++) {
      const a = atoms[i]!;
      const sep = a.sep.trim();
      if (ADDRESS_START_RE.test(a.text) || AREA_START_RE.test(a.text)) break;
      if (sep === ',' && !AGENCY_HEAD_RE.test(a.text)) break;
      // A full stop ends the name unless it ends an abbreviation ("UBND TP. Hồ Chí Minh").
      if (sep === '.' && !/(?:^|\s)(?:TP|Tp|TX|Q|P|H|St|No)$/u.test(atoms[i - 1]!.text)) {
        address = false;
        break;
      }
    }
    const agency = joinAtoms(atoms.slice(0, i));
    if (isAgencyName(agency) || (lenient && agency.length <= 160 && !SENTENCE_RE.test(agency) && !VERB_RE.test(agency))) {
      const rest = address ? joinAtoms(atoms.slice(i)) : '';
      return { agency, address: rest && followsAsAddress(rest) ? rest : null };
    }
  }
  const whole = joinAtoms(atoms);
  if (isStandaloneAddress(whole)) return { agency: null, address: whole };
  return { agency: null, address: null };
}

/** A line that is only an address: a street opening and a comma or an area ("Số 1 Hoàng Hoa Thám, …"). */
function isStandaloneAddress(s: string): boolean {
  if (!ADDRESS_START_RE.test(s) || s.length > 400 || SENTENCE_RE.test(s) || VERB_RE.test(s)) return false;
  // "18 Ton That Thuyet Street, …" but not a numbered list item ("3 Xem xét, ký duyệt … xã").
  return /^\d/.test(s) ? STREET_OR_AREA_RE.test(s) : s.includes(', ') || AREA_WORD_RE.test(s);
}

/** What follows an agency's name is its address when it opens like one or names places ("Ba Đình, Hà Nội"). */
function followsAsAddress(s: string): boolean {
  if (ADDRESS_START_RE.test(s) || AREA_START_RE.test(s)) return !VERB_RE.test(s);
  return /^\p{Lu}/u.test(s) && s.length <= 120 && !SENTENCE_RE.test(s) && !VERB_RE.test(s);
}

// ---------------------------------------------------------------------------------------------
// Values

/** Trimmed of separators and trailing punctuation, cut at ~200 characters; null when empty or filler. */
function clean(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = value
    .slice(0, 4 * MAX_VALUE)
    .replace(/^[\s:：;,.·|•\-–—]+/u, '')
    .replace(/[\s:：;,.·|•\-–—]+$/u, '')
    .trim();
  if (!t || isPlaceholderValue(t)) return null;
  return quote(t, MAX_VALUE);
}

interface Candidate {
  value: string;
  rank: number;
  order: number;
}

function best(candidates: Candidate[]): string | null {
  let top: Candidate | null = null;
  for (const c of candidates) if (!top || c.rank < top.rank || (c.rank === top.rank && c.order < top.order)) top = c;
  return top?.value ?? null;
}

/** A phone number's digits, "+84"/"(84)" read as the leading 0: one key per number however it is spaced. */
function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return /^\s*\(?\+?84/.test(phone) ? `0${digits.slice(2)}` : digits;
}

function webKey(site: string): string {
  return site
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

function trimUrl(url: string): string {
  let u = url.replace(/[.,;:!?'"»…]+$/u, '');
  // A closing bracket the URL does not open belongs to the sentence: "(https://…)".
  while (/[)\]]$/.test(u) && (u.match(/[([]/g) ?? []).length < (u.match(/[)\]]/g) ?? []).length) u = u.slice(0, -1);
  return u;
}

function hostOf(site: string): string | null {
  const m = /^(?:https?:\/\/)?([^/?#:\s]+)/i.exec(site.trim());
  return m ? m[1]!.toLowerCase().replace(/^www\./, '') : null;
}

// ---------------------------------------------------------------------------------------------

/**
 * The contact that `text` (normalised, lines separated by "\n") gives for phản ánh, kiến nghị,
 * with the hrefs of the links in it: "tel:" and "mailto:" ones are phones and e-mails, http(s)
 * ones are websites when the text labels a website ("Website:", "Cổng thông tin điện tử").
 */
export function parseContact(text: string, hrefs: readonly string[] = []): StructuredContact {
  const flat = sanitize(text);
  const { fields, websiteLabel, firstMention } = readFields(flat);

  const agencies: Candidate[] = [];
  const addresses: Candidate[] = [];
  const hours: Candidate[] = [];
  const siteValues: string[] = [];
  const faxValues: string[] = [];
  let labelsWebsite = websiteLabel;
  let order = 0;
  for (const f of fields) {
    order++;
    const whole = joinAtoms(f.atoms);
    switch (f.kind) {
      case 'agency':
      case 'pakn':
      case 'text': {
        const { agency, address } = splitAgency(f.atoms, f.kind === 'agency');
        const named = f.kind !== 'text' || f.pakn;
        // Agency ranks: named by a label or a PAKN heading in the block, then a bare name in the
        // block, then a label elsewhere, then a bare name before the block (the nearest: a
        // footer's first line), then one after it.
        if (agency) {
          if (f.inBlock || named) agencies.push({ value: agency, rank: f.inBlock ? (named ? 0 : 1) : 2, order });
          else if (f.line < firstMention && firstMention !== Infinity) agencies.push({ value: agency, rank: 3, order: -f.line });
          else agencies.push({ value: agency, rank: 4, order });
        }
        if (address) addresses.push({ value: address, rank: f.inBlock ? 0 : named ? 1 : 2, order });
        if (f.kind === 'text' && !agency && !address && HOURS_LINE_RE.test(whole) && TIME_RE.test(whole))
          hours.push({ value: whole, rank: 2, order });
        break;
      }
      case 'address':
        if (whole) addresses.push({ value: whole, rank: f.inBlock ? 0 : 1, order });
        break;
      case 'hours':
        if (whole) hours.push({ value: whole, rank: f.inBlock ? 0 : 1, order });
        break;
      case 'website':
        labelsWebsite = true;
        if (whole) siteValues.push(whole);
        break;
      case 'fax':
        if (faxValues.length < 20) faxValues.push(whole);
        break;
      default:
        break;
    }
  }

  const means = contactMeans(flat, hrefs);

  // Phones: as written, "(0000) 000 000" kept whole, one per number, fax-only numbers left out.
  const faxKeys = new Set(faxValues.flatMap((v) => contactMeans(v).phones.map(phoneKey)));
  const otherPhoneText = fields
    .filter((f) => f.kind !== 'fax')
    .map((f) => joinAtoms(f.atoms))
    .join('\n');
  const nonFaxKeys = faxKeys.size ? new Set(contactMeans(otherPhoneText, hrefs).phones.map(phoneKey)) : new Set<string>();
  const phones = distinctBy(
    means.phones
      .map((p) => (p.includes(')') && !p.includes('(') ? (flat.includes(`(${p}`) ? `(${p}` : p.replace(/\)/g, '')) : p))
      .filter((p) => !faxKeys.has(phoneKey(p)) || nonFaxKeys.has(phoneKey(p))),
    phoneKey,
  );

  const emails = distinctBy(means.emails, (e) => e.toLowerCase());

  // Websites: from the text, the value of a website label ("Website: sotuphap.example.gov.vn"),
  // and, when the text labels a website, the http(s) links (those of the labelled host if it names one).
  const labelled = siteValues
    .map((v) => v.trim().split(' ')[0] ?? '')
    .filter((v) => /^(?:https?:\/\/)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)+(?:[/?#]\S*)?$/u.test(v) && !v.includes('@'));
  const labelledHosts = new Set(labelled.map(hostOf).filter((h): h is string => !!h));
  const linkSites = labelsWebsite
    ? hrefs.filter((h) => /^https?:\/\//i.test(h) && (labelledHosts.size === 0 || labelledHosts.has(hostOf(h) ?? '')))
    : [];
  const websites = distinctWebsites(
    [...means.websites, ...labelled, ...linkSites].map((u) => trimUrl(u.slice(0, 4 * MAX_VALUE))).filter(Boolean),
  );

  return {
    agency: clean(best(agencies)?.replace(PORTAL_TAIL_RE, '')),
    address: clean(best(addresses)),
    phones,
    emails,
    websites,
    hours: clean(best(hours)),
  };
}

function distinctBy(values: readonly string[], key: (v: string) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const k = key(v);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
    if (out.length === MAX_LIST) break;
  }
  return out;
}

/** One entry per site; the written form with its scheme wins, so the widget can link it. */
function distinctWebsites(values: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const v of values) {
    const k = webKey(v);
    if (!k) continue;
    const had = byKey.get(k);
    if (had === undefined) {
      if (byKey.size < MAX_LIST) byKey.set(k, quote(v, MAX_VALUE));
    } else if (!/^https?:\/\//i.test(had) && /^https?:\/\//i.test(v)) byKey.set(k, quote(v, MAX_VALUE));
  }
  return [...byKey.values()];
}
