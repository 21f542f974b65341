/**
 * Reads procedure text for the administration as it stood before 1 July 2025, when the district
 * level and the town (thị trấn) ended (two-level local government; Decree 118/2025/NĐ-CP knows
 * only ministry, province and commune levels): district-level bodies named as if they still act
 * ("Ủy ban nhân dân cấp huyện", "UBND quận 1", "Công an huyện", "Phòng Tư pháp huyện"), town bodies
 * ("UBND thị trấn …"), the old list of commune-level units ("xã, phường, thị trấn"), and values of
 * "Cấp thực hiện" outside those the national database now uses (Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan
 * khác).
 * Not a mention: history ("trước đây", "(cũ)", "nay là"), a body named inside a document's name
 * ("Quyết định số 12/2019/QĐ-UBND của UBND huyện …"), a commune taking over a district's powers
 * ("UBND cấp xã thực hiện thẩm quyền của UBND cấp huyện"), a district or ward name used as a place
 * name ("UBND phường Hà Đông", "phường Chợ Huyện"), a street address ("quận Ba Đình, Hà Nội").
 * Limits: a bare place ("tại huyện", "thị trấn Quảng Hà" in an address) is not read as a body; a
 * district-level city ("thành phố thuộc tỉnh") cannot be told from a province by its name, so only
 * the words "cấp huyện", "huyện", "quận", "thị xã" are read.
 */

export type MentionKind = 'district' | 'town' | 'town-list';

interface Mention {
  kind: MentionKind;
  /** Where the words start in the text. */
  index: number;
  /** The words found, with the name that follows them ("Ủy ban nhân dân huyện Hàm Yên"). */
  words: string;
}

// Values are normalised text (one space between words), so the patterns write a plain space.
// "(?<![\p{L}\d])" and "(?![\p{L}\d])" stand for word edges: \b does not know Vietnamese letters.

/** "cấp huyện", "cấp quận, huyện", "cấp thị xã". */
const LEVEL_PHRASE_G = /(?<![\p{L}\d])cấp (?:huyện|quận|thị xã)(?: ?[,/] ?(?:cấp )?(?:huyện|quận|thị xã))*(?![\p{L}\d])/giu;
/**
 * A body that existed at district level, then the unit: "UBND huyện", "Công an quận", "Ủy ban nhân
 * dân các huyện, thị xã", "Văn phòng HĐND và UBND huyện", "UBND thị trấn".
 */
const BODY_UNIT_G =
  /(?<![\p{L}\d])(?:(?:ủy|uỷ) ban nhân dân|ubnd|hội đồng nhân dân|hđnd|chủ tịch|công an|văn phòng (?:hđnd (?:và|&) )?ubnd|bộ phận (?:một cửa|tiếp nhận và trả kết quả)|trung tâm (?:phục vụ )?hành chính công) (?:các )?(huyện|quận|thị xã|thị trấn)(?![\p{L}\d])/giu;
/** "Phòng Tư pháp huyện", "Phòng Tài nguyên và Môi trường quận" (a capital P: not "văn phòng"). */
const OFFICE_UNIT_G = /(?<![\p{L}\d]|[Vv]ăn )Phòng ([^,.;:()\n]{2,60}?) ([Hh]uyện|[Qq]uận|[Tt]hị [Xx]ã)(?![\p{L}\d])/gu;
/** The old list of commune-level units: "xã, phường, thị trấn", "xã/thị trấn", "thị trấn và xã". */
const TOWN_LIST_G =
  /(?<![\p{L}\d])(?:(?:(?:xã|phường|đặc khu) ?(?:,|\/|;| và| hoặc) ?){1,3}thị trấn|thị trấn ?(?:,|\/| và| hoặc) ?(?:xã|phường))(?![\p{L}\d])/giu;
const TOWN_LIST_RE = new RegExp(TOWN_LIST_G.source, 'iu');

// Inside an office's name, a commune-level word means the unit word belongs to a place's name.
const COMMUNE_WORD_RE = /(?<![\p{L}\d])(?:xã|phường|đặc khu|thị trấn|thôn|ấp|bản|tổ dân phố)(?![\p{L}\d])/iu;

// History, said shortly before the words ("Trước đây, … UBND cấp huyện", "(trước đây là UBND huyện …)").
const HISTORY_BEFORE_RE = /trước đây|trước ngày 0?1 ?[/.-] ?0?7 ?[/.-] ?2025|trước khi (?:sắp xếp|sáp nhập|hợp nhất|tổ chức lại)/iu;
// Said to be gone, right before the words ("không còn UBND cấp huyện").
const GONE_BEFORE_RE = /không còn(?: [^\s,.;]+){0,2} ?$/iu;
// A sentence about the reform itself ("theo mô hình chính quyền địa phương hai cấp, …").
const REFORM_RE = /chính quyền địa phương (?:2|hai) cấp/iu;
// History, said right after the name ("UBND huyện Gia Lâm (cũ)", "… nay là UBND xã …", "… đã giải thể").
const HISTORY_AFTER_RE =
  /^[^.;\n]{0,20}?(?:\( ?cũ ?\)|(?<![\p{L}\d])cũ(?![\p{L}\d])|nay (?:là|thuộc|do)(?![\p{L}\d])|(?:đã )?(?:bị )?giải thể|\( ?trước đây|(?:cấp|ban hành) trước đây)/iu;
// A document's number: the words after it, up to a new clause, are its name.
const DOCUMENT_G =
  /(?<![\p{L}\d])(?:(?:bộ )?luật|nghị định|nghị quyết|thông tư(?: liên tịch)?|quyết định|chỉ thị|công văn|văn bản|kế hoạch|hướng dẫn|pháp lệnh) (?:số )?\d[\w./-]*|\d{1,4}\/\d{4}\/[\p{L}\d-]+/giu;
// A new clause: "…/NĐ-CP, Công an cấp huyện…", "…; …", "…: …", "… thì …".
const CLAUSE_BREAK_RE = /[;:]|, ?\p{Lu}| thì /u;
// The commune level named as the one that acts.
const COMMUNE_RE =
  /(?<![\p{L}\d])(?:cấp xã|(?:ubnd|(?:ủy|uỷ) ban nhân dân|chủ tịch (?:ubnd|(?:ủy|uỷ) ban nhân dân)) (?:xã|phường|đặc khu))(?![\p{L}\d])/iu;
// A commune taking over a district's powers, said between the commune and the district words.
const TAKEOVER_RE = /thay (?:cho|thế)|kế thừa|(?:nhiệm vụ|thẩm quyền|chức năng)(?:,? (?:quyền hạn|nhiệm vụ))? (?:của|thuộc)/iu;
// A district's powers handed to the commune, said after the district words.
const HANDED_OVER_AFTER_RE =
  /^[^.;\n]{0,40}?(?:chuyển giao|chuyển|giao) (?:cho|về|sang) (?:(?:ubnd|(?:ủy|uỷ) ban nhân dân|chủ tịch (?:ubnd|(?:ủy|uỷ) ban nhân dân)) )?cấp xã/iu;
const POWERS_BEFORE_RE = /(?:nhiệm vụ|thẩm quyền|chức năng)[^.;\n]{0,40}$/iu;
/** Sentence ends: ". " (not "Tp. Hồ"… but a cut there is harmless), ";", "!", "?", a line break. */
const SENTENCE_END_G = /[.!?](?=\s|$)|[;\n]/g;
/** Context read around the words: enough for a sentence, bounded so long texts stay linear. */
const BEFORE_MAX = 300;
const AFTER_MAX = 200;

/** Where every sentence of `text` ends, in order. */
function sentenceEnds(text: string): number[] {
  return Array.from(text.matchAll(SENTENCE_END_G), (m) => m.index);
}

/** The sentence around [start, end), cut to the bounded context: [from, to). */
function sentenceAround(ends: readonly number[], length: number, start: number, end: number): { from: number; to: number } {
  // The first sentence end at or after `start` (binary search).
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  const previous = lo > 0 ? ends[lo - 1]! + 1 : 0;
  let next = length;
  for (let i = lo; i < ends.length; i++)
    if (ends[i]! >= end) {
      next = ends[i]!;
      break;
    }
  return { from: Math.max(previous, start - BEFORE_MAX), to: Math.min(next, end + AFTER_MAX) };
}

/**
 * Whether the words at [start, end) (with the name after them up to `nameEnd`) are history, part of
 * a document's name, or the commune level taking over a district's powers.
 */
function isExcused(text: string, ends: readonly number[], start: number, end: number, nameEnd: number): boolean {
  const { from, to } = sentenceAround(ends, text.length, start, end);
  const before = text.slice(from, start);
  const after = text.slice(nameEnd, Math.max(nameEnd, to));
  if (HISTORY_BEFORE_RE.test(before.slice(-80)) || GONE_BEFORE_RE.test(before) || HISTORY_AFTER_RE.test(after)) return true;
  if (REFORM_RE.test(text.slice(from, to))) return true;
  // Inside a document's name: a document number before the words, no new clause in between.
  DOCUMENT_G.lastIndex = 0;
  let lastDocumentEnd = -1;
  for (let m = DOCUMENT_G.exec(before); m; m = DOCUMENT_G.exec(before)) lastDocumentEnd = m.index + m[0].length;
  if (lastDocumentEnd >= 0) {
    const between = before.slice(lastDocumentEnd);
    if (between.length <= 200 && !CLAUSE_BREAK_RE.test(between)) return true;
  }
  // "UBND cấp xã thực hiện thẩm quyền của / thay cho UBND cấp huyện".
  const commune = COMMUNE_RE.exec(before);
  if (commune && TAKEOVER_RE.test(before.slice(commune.index + commune[0].length))) return true;
  // "Thẩm quyền của UBND cấp huyện được chuyển giao cho UBND cấp xã".
  if (POWERS_BEFORE_RE.test(before) && HANDED_OVER_AFTER_RE.test(after)) return true;
  return false;
}

// Words that link a body to what comes before it: the body's name starts after them.
const LINK_WORD_RE = /^(?:của|thuộc|tại|gửi|về|cho|đến|lên|với|hoặc|thì|là|do|bởi|từ|qua|nộp)$/iu;

/** The words before a level phrase that name the body ("Công an", "Chủ tịch Ủy ban nhân dân"), within its clause. */
function bodyStart(text: string, index: number): number {
  const head = text.slice(Math.max(0, index - 80), index);
  const clause = head.split(/[,.;:()\n]/).pop() ?? '';
  const tokens = clause.trimEnd().split(/\s+/).filter(Boolean);
  // Up to 7 words back ("Hội đồng thi đua - khen thưởng"), not past a linking word ("gửi", "của");
  // a dash is not a word.
  let start = tokens.length;
  for (let words = 0; start > 0 && words < 7 && !LINK_WORD_RE.test(tokens[start - 1]!); start--)
    if (/\p{L}/u.test(tokens[start - 1]!)) words++;
  const words = tokens.slice(start);
  const capital = words.findIndex((w) => /^\p{Lu}/u.test(w));
  const kept = capital >= 0 ? words.slice(capital) : words;
  const phrase = kept.join(' ');
  if (phrase === '') return index;
  const at = text.lastIndexOf(phrase, index);
  return at >= 0 ? at : index;
}

/** The end of the name after a unit word: capitalised words or a number ("huyện Hàm Yên", "Quận 1"). */
function nameEnd(text: string, end: number): number {
  const name = /^(?:\s+(?:\p{Lu}[\p{L}\d'-]*|\d{1,2})(?![\p{L}\d])){1,4}/u.exec(text.slice(end, end + 60));
  return name ? end + name[0].length : end;
}

function overlaps(a: { index: number; end: number }, b: { index: number; end: number }): boolean {
  return a.index < b.end && b.index < a.end;
}

/** Mentions kept per text: enough to quote and to point at; a page repeating them adds nothing. */
const MAX_MENTIONS = 50;

// Every mention holds one of these words: most texts are passed over after one scan.
const UNIT_WORD_RE = /huyện|quận|thị\s+(?:xã|trấn)/iu;

/** Every mention of the pre-reform administration in `text`, in order, excused ones left out. */
export function preReformMentions(text: string): Mention[] {
  if (!UNIT_WORD_RE.test(text)) return [];
  const ends = sentenceEnds(text);
  const found: (Mention & { end: number })[] = [];
  const add = (kind: MentionKind, start: number, matchEnd: number, quoteStart = start) => {
    if (found.length >= MAX_MENTIONS) return;
    const end = kind === 'town-list' ? matchEnd : nameEnd(text, matchEnd);
    if (isExcused(text, ends, start, matchEnd, end)) return;
    found.push({ kind, index: quoteStart, end, words: text.slice(quoteStart, end) });
  };
  const lists: { index: number; end: number }[] = [];
  for (const m of text.matchAll(TOWN_LIST_G)) {
    lists.push({ index: m.index, end: m.index + m[0].length });
    add('town-list', m.index, m.index + m[0].length, bodyStart(text, m.index));
  }
  // Lists are in text order and do not overlap: the one that may overlap [index, end) is the last starting before `end`.
  const inList = (index: number, end: number) => {
    let lo = 0;
    let hi = lists.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lists[mid]!.index < end) lo = mid + 1;
      else hi = mid;
    }
    const list = lists[lo - 1];
    return list !== undefined && overlaps(list, { index, end });
  };
  for (const m of text.matchAll(BODY_UNIT_G)) {
    const end = m.index + m[0].length;
    if (inList(m.index, end)) continue;
    add(/trấn$/iu.test(m[1] ?? '') ? 'town' : 'district', m.index, end);
  }
  for (const m of text.matchAll(OFFICE_UNIT_G)) {
    const end = m.index + m[0].length;
    const middle = m[1] ?? '';
    const unit = m[2] ?? '';
    if (COMMUNE_WORD_RE.test(middle) || inList(m.index, end)) continue;
    if (/^thị/iu.test(unit) && /(?:^|\s)đô$/iu.test(middle)) continue; // "Phòng Quản lý đô thị xã …"
    // "Huyện" with a capital after a capitalised word is part of a name ("Phố Huyện").
    if (/^\p{Lu}/u.test(unit) && /(?:^|\s)\p{Lu}[\p{L}]*$/u.test(middle)) continue;
    add('district', m.index, end);
  }
  for (const m of text.matchAll(LEVEL_PHRASE_G)) {
    const end = m.index + m[0].length;
    if (inList(m.index, end)) continue;
    add('district', m.index, end, bodyStart(text, m.index));
  }
  found.sort((a, b) => a.index - b.index);
  // One mention per place: "Chủ tịch UBND huyện" is found as "Chủ tịch" and as "UBND huyện".
  const kept: (Mention & { end: number })[] = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last && overlaps(last, f)) {
      if (f.end > last.end) {
        last.end = f.end;
        last.words = text.slice(last.index, f.end);
      }
      continue;
    }
    kept.push(f);
  }
  return kept.map(({ kind, index, words }) => ({ kind, index, words: words.trim() }));
}

type LevelVerdict = { kind: 'current' } | { kind: 'retired' | 'unknown' | 'town-list'; value: string };

// Values of "Cấp thực hiện" on the national database (regulation: July 2026 crawl), English too.
const CURRENT_LEVEL_RE =
  /^(?:cấp\s+)?(?:bộ(?:\s*[/,]\s*ngành)?|tỉnh|xã|phường|đặc\s+khu)$|^cơ\s+quan\s+khác$|^(?:ministry|ministerial|provincial|province|commune)(?:\s+level)?$|^other\s+agenc(?:y|ies)$/iu;
const RETIRED_LEVEL_RE = /^(?:cấp\s+)?(?:huyện|quận|thị\s+xã)(?:\s*\/\s*(?:huyện|quận|thị\s+xã))*$|^district(?:\s+level)?$/iu;

/**
 * "Cấp thực hiện" read against the national database's values. A value may join several ("Cấp bộ,
 * Cấp tỉnh, Cấp xã"); the worst part decides: a retired level, then the old town list, then an
 * unknown value.
 */
export function judgeLevel(value: string): LevelVerdict {
  const text = value.replace(/\s+/g, ' ').trim();
  if (TOWN_LIST_RE.test(text)) return { kind: 'town-list', value: text };
  const parts = text
    .replace(/cấp\s+bộ\s*,\s*ngành/giu, 'cấp bộ')
    .split(/\s*(?:[,;\n]|\s-\s|\svà\s|\shoặc\s)\s*/u)
    .map((p) => p.replace(/[.:]+$/u, '').trim())
    .filter(Boolean);
  const retired = parts.find((p) => RETIRED_LEVEL_RE.test(p));
  if (retired) return { kind: 'retired', value: retired };
  const unknown = parts.find((p) => !CURRENT_LEVEL_RE.test(p));
  if (unknown) return { kind: 'unknown', value: unknown };
  return { kind: 'current' };
}
