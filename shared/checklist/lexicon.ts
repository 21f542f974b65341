/**
 * The label vocabulary the extractor recognises: every element's label variants plus the other
 * fields real portals print beside them (decision number, field, address, cooperating agency…).
 * Those auxiliary labels matter as much as the element labels: they end the value of the label
 * before them, and they keep look-alikes ("Số quyết định", "Cơ quan phối hợp") from being taken for
 * an element. Labels are compared by labelKey (text/normalize).
 */
import { labelKey } from '../text/normalize';
import { CHECKLIST } from './registry';
import type { ElementId, LabelVariant } from './types';

/** Fields that are not checklist elements but must be recognised as labels. */
export type AuxKey =
  | 'aux:decision'
  | 'aux:level'
  | 'aux:type'
  | 'aux:field'
  | 'aux:address'
  | 'aux:other-agency'
  | 'aux:related'
  | 'aux:online-level'
  | 'aux:validity'
  | 'aux:dossier-quantity'
  | 'aux:internal-routing'
  | 'aux:keywords'
  | 'aux:description'
  | 'aux:note'
  | 'aux:views'
  | 'aux:fee-document'
  | 'aux:legal-code'
  | 'aux:picker'
  | 'aux:meta';

export type LabelKey = ElementId | AuxKey;

const AUX_LABELS: Record<AuxKey, readonly (string | LabelVariant)[]> = {
  'aux:decision': ['Số quyết định', 'Quyết định công bố', 'Thông tin công bố', 'Số, ký hiệu quyết định', 'Decision number'],
  'aux:level': ['Cấp thực hiện', 'Cấp giải quyết', 'Level'],
  'aux:type': ['Loại thủ tục', 'Loại TTHC', 'Type of procedure'],
  'aux:field': ['Lĩnh vực', 'Lĩnh vực thực hiện', 'Nhóm thủ tục', 'Field', 'Sector'],
  'aux:address': [
    'Địa chỉ tiếp nhận HS',
    'Địa chỉ tiếp nhận hồ sơ',
    'Địa chỉ cơ quan giải quyết',
    'Địa chỉ tiếp nhận',
    'Nơi tiếp nhận',
    'Nơi tiếp nhận hồ sơ',
    'Nơi tiếp nhận và hoàn trả kết quả',
    'Nơi tiếp nhận và trả kết quả',
    'Địa điểm thực hiện',
    'Địa điểm tiếp nhận',
    'Thời gian tiếp nhận',
    'Place of submission',
  ],
  'aux:other-agency': [
    'Cơ quan phối hợp',
    'Cơ quan phối hợp (nếu có)',
    'Cơ quan được ủy quyền',
    'Cơ quan được uỷ quyền',
    'Cơ quan ban hành',
    'Cơ quan công bố',
    'Cơ quan công khai',
    'Cơ quan người có thẩm quyền quyết định',
    'Cơ quan được ủy quyền hoặc phân cấp thực hiện',
    'Coordinating agency',
  ],
  'aux:related': ['Thủ tục hành chính liên quan', 'Thủ tục liên quan', 'Related procedures'],
  'aux:online-level': [
    'Mức độ',
    'Mức độ dịch vụ công',
    'Mức độ dịch vụ công trực tuyến',
    'Mức trực tuyến',
    'Cách thức nộp trực tuyến',
    'Dịch vụ công trực tuyến',
  ],
  'aux:validity': ['Tình trạng hiệu lực', 'Tình trạng áp dụng', 'Hiệu lực', 'Trạng thái', 'Status'],
  'aux:dossier-quantity': [
    'Số lượng hồ sơ',
    'Số bộ hồ sơ',
    'Số lượng bộ hồ sơ',
    'Số lượng',
    { text: 'Bản chính', columnOnly: true },
    { text: 'Bản sao', columnOnly: true },
  ],
  'aux:internal-routing': ['Quy trình xử lý hồ sơ', 'Quy trình nội bộ', 'Quy trình giải quyết hồ sơ', 'Quy trình xử lý', 'Lưu đồ xử lý'],
  'aux:keywords': ['Từ khóa', 'Từ khoá', 'Keywords'],
  'aux:description': ['Mô tả', 'Description', { text: 'Ghi chú', columnOnly: true }],
  'aux:note': ['Ghi chú', 'Lưu ý', 'Thông tin khác'],
  'aux:views': ['Lượt xem', 'Số lượt xem', 'Ngày cập nhật', 'Ngày đăng'],
  'aux:fee-document': ['Văn bản quy định lệ phí', 'Văn bản quy định phí'],
  'aux:legal-code': [{ text: 'Văn bản quy định', columnOnly: true }, { text: 'Văn bản qui định', columnOnly: true }, { text: 'Mã văn bản', columnOnly: true }, { text: 'Số ký hiệu', columnOnly: true }, { text: 'Ngày ban hành', columnOnly: true }, { text: 'Cơ quan ban hành', columnOnly: true }],
  'aux:picker': ['Chọn cơ quan thực hiện'],
  // Article and page furniture around a procedure: they end the value before them.
  'aux:meta': [
    'Người đăng', 'Người viết', 'Tác giả', 'Nguồn', 'Nguồn tin', 'Chia sẻ', 'In trang', 'In bài', 'Bình luận',
    'Tin liên quan', 'Bài viết liên quan', 'Các tin khác', 'Tin khác', 'Thủ tục khác', 'Các thủ tục khác',
    'Ngày ban hành', 'Ngày hiệu lực', 'Ngày có hiệu lực', 'Ngày hết hiệu lực', 'Ngày xuất bản',
  ],
};

/**
 * Auxiliary labels that are a part of an element when they appear inside its section: "Số lượng
 * hồ sơ: 01 bộ" listed among the dossier's documents belongs to the dossier, not after it.
 */
export const PART_OF: Partial<Record<AuxKey, LabelKey>> = {
  'aux:dossier-quantity': 'dossier',
  'aux:fee-document': 'fees',
};

export interface LexiconEntry {
  key: LabelKey;
  /** labelKey of the variant. */
  folded: string;
  words: number;
  inlineOnly: boolean;
  columnOnly: boolean;
}

export interface Lexicon {
  /** Exact lookup of a whole label text (labelKey) for block labels. */
  byKey: ReadonlyMap<string, LexiconEntry>;
  /** Entries usable as a prefix ("Label: value", glued), longest first, bucketed by first word (firstWord). */
  prefixBuckets: ReadonlyMap<string, readonly LexiconEntry[]>;
  /** Column header lookup (labelKey → entry), column-only entries included. */
  columns: ReadonlyMap<string, LexiconEntry>;
}

function entry(key: LabelKey, variant: string | LabelVariant): LexiconEntry {
  const text = typeof variant === 'string' ? variant : variant.text;
  const folded = labelKey(text);
  return {
    key,
    folded,
    words: folded.split(' ').length,
    inlineOnly: typeof variant !== 'string' && !!variant.inlineOnly,
    columnOnly: typeof variant !== 'string' && !!variant.columnOnly,
  };
}

/** Builds the lexicon once; the default one is shared by every extraction. */
export function buildLexicon(): Lexicon {
  const all: LexiconEntry[] = [
    ...CHECKLIST.flatMap((el) => el.labels.map((v) => entry(el.id, v))),
    ...(Object.entries(AUX_LABELS) as [AuxKey, readonly (string | LabelVariant)[]][]).flatMap(([key, variants]) =>
      variants.map((v) => entry(key, v)),
    ),
  ];
  const byKey = new Map<string, LexiconEntry>();
  const columns = new Map<string, LexiconEntry>();
  const prefixBuckets = new Map<string, LexiconEntry[]>();
  for (const e of all) {
    // In a table header, a column-only meaning wins ("Văn bản quy định" beside a fee is its source).
    if (!columns.has(e.folded) || (e.columnOnly && !columns.get(e.folded)!.columnOnly)) columns.set(e.folded, e);
    if (e.columnOnly) continue;
    if (!e.inlineOnly && !byKey.has(e.folded)) byKey.set(e.folded, e);
    const word = firstWord(e.folded);
    const bucket = prefixBuckets.get(word) ?? [];
    bucket.push(e);
    prefixBuckets.set(word, bucket);
  }
  for (const bucket of prefixBuckets.values()) bucket.sort((a, b) => b.folded.length - a.folded.length);
  return { byKey, prefixBuckets, columns };
}

const WORD_END = /[\s:：\d,;.()/|\-–]/;

/** The leading word of lower-cased text (up to a space, digit or punctuation): the prefix index key. */
export function firstWord(lower: string): string {
  const end = lower.search(WORD_END);
  return end < 0 ? lower : lower.slice(0, end);
}

export const DEFAULT_LEXICON: Lexicon = buildLexicon();

export function isElementKey(key: LabelKey): key is ElementId {
  return !key.startsWith('aux:');
}
