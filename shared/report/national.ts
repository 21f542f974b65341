/**
 * Comparison of a published page with the procedure's record on the national database
 * (Cơ sở dữ liệu quốc gia về TTHC): for each element the record has a field for, whether the page
 * publishes it (missing here), publishes the same text (matches), or other text (differs, with the
 * words that differ marked on both sides). Texts are normalised before comparing (Unicode forms and
 * look-alikes, case, white space, numbering such as "Bước 1:" or "a)", punctuation) so that only
 * real differences show. Pure functions over plain data; the record is parsed at the boundary by
 * its caller. Limits: fields the record runs together from table cells (methods, dossier, legal
 * basis) are compared word by word, so cell boundaries do not count as differences; time limit,
 * fees and forms sit inside the record's tables and are not compared on their own.
 */
import type { AuditReport } from '../audit/types';
import type { ElementId } from '../checklist';
import { normalizeText } from '../text/normalize';

/** The fields of a national record this comparison reads (the portal's field names). */
export interface NationalRecord {
  ma_thu_tuc: string;
  ten_thu_tuc?: string;
  doi_tuong_thuc_hien?: string;
  trinh_tu_thuc_hien?: string;
  cach_thuc_thuc_hien?: string;
  thanh_phan_ho_so?: string;
  can_cu_phap_ly?: string;
  co_quan_thuc_hien?: string;
  yeu_cau_dieu_kien?: string;
  ket_qua_xu_ly?: string;
}

/** Which record field holds each element. */
export const RECORD_FIELDS: Readonly<Partial<Record<ElementId, keyof NationalRecord>>> = {
  name: 'ten_thu_tuc',
  code: 'ma_thu_tuc',
  steps: 'trinh_tu_thuc_hien',
  methods: 'cach_thuc_thuc_hien',
  dossier: 'thanh_phan_ho_so',
  subjects: 'doi_tuong_thuc_hien',
  agency: 'co_quan_thuc_hien',
  result: 'ket_qua_xu_ly',
  conditions: 'yeu_cau_dieu_kien',
  'legal-basis': 'can_cu_phap_ly',
};

export type WordOp = 'same' | 'page' | 'record';
export interface WordPart {
  op: WordOp;
  text: string;
}

export interface ElementComparison {
  id: ElementId;
  outcome: 'matches' | 'differs' | 'missing-here' | 'not-in-record';
  page: string | null;
  record: string | null;
  /** differs: the words in order, each kept (same), only on the page, or only in the record. */
  words?: WordPart[];
}

const PLACEHOLDER = /^(?:không có thông tin|không có|không quy định|chưa có thông tin)$/;
const NUMBERING = /(?:^|\s)(?:bước\s*\d+|\d{1,2}[.)]|[a-zđ][.)]|[ivxl]{1,5}[.)]|[-–—+•●○▪*])(?=\s|:|$)/giu;

/** Column headers the portal's tables put before the cells of a record field, run together. */
const RECORD_HEADERS =
  /^(?:\s*(?:tên giấy tờ|mẫu đơn, tờ khai|số lượng|tên văn bản pháp lý|mã văn bản|hình thức nộp|thời gian|phí, lệ phí|mô tả|-+))+/u;

/**
 * The words of a text as compared: normalised, lower case, numbering, punctuation and leading
 * zeros removed, letters and digits that cells ran together split ("mẫu1" → "mẫu 1").
 */
export function comparableWords(text: string | null | undefined): string[] {
  if (!text) return [];
  const flat = normalizeText(text).toLowerCase().replace(RECORD_HEADERS, ' ');
  if (PLACEHOLDER.test(flat.trim())) return [];
  return flat
    .replace(NUMBERING, ' ')
    .replace(/(\p{L})(?=\p{N})|(\p{N})(?=\p{L})/gu, '$1$2 ')
    .replace(/[^\p{L}\p{N}/%]+/gu, ' ')
    .split(' ')
    .filter(Boolean)
    .map((w) => (/^0+\d/.test(w) ? w.replace(/^0+/, '') : w));
}

/** Word-level difference (longest common subsequence), merged into runs. */
export function diffWords(page: readonly string[], record: readonly string[]): WordPart[] {
  const n = page.length;
  const m = record.length;
  // Bounded: long texts are compared on their first 2,000 words each (a few MB of table at most).
  if (n > 2_000 || m > 2_000) return diffWords(page.slice(0, 2_000), record.slice(0, 2_000));
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = page[i] === record[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const parts: WordPart[] = [];
  const push = (op: WordOp, word: string) => {
    const last = parts.at(-1);
    if (last?.op === op) last.text += ` ${word}`;
    else parts.push({ op, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && page[i] === record[j]) (push('same', page[i++]!), j++);
    else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) push('record', record[j++]!);
    else push('page', page[i++]!);
  }
  return parts;
}

/** Each element the record has a field for, compared with what the report found on the page. */
export function compareWithRecord(report: AuditReport, record: NationalRecord): ElementComparison[] {
  const out: ElementComparison[] = [];
  for (const result of report.results) {
    const field = RECORD_FIELDS[result.id];
    if (!field) continue;
    const recordText = record[field] ?? null;
    const pageText = result.id === 'code' ? (report.procedure.code ?? result.value) : result.value;
    const r = comparableWords(recordText);
    const p = comparableWords(pageText);
    const base = { id: result.id, page: pageText, record: recordText && r.length > 0 ? recordText : null };
    if (r.length === 0) out.push({ ...base, outcome: 'not-in-record' });
    else if (p.length === 0 || !result.present) out.push({ ...base, outcome: 'missing-here' });
    else if (p.join(' ') === r.join(' ')) out.push({ ...base, outcome: 'matches' });
    else out.push({ ...base, outcome: 'differs', words: diffWords(p, r) });
  }
  return out;
}

/** The record among `records` for the report's procedure code, if any. */
export function recordFor(report: AuditReport, records: readonly NationalRecord[]): NationalRecord | undefined {
  const code = report.procedure.code?.trim();
  return code ? records.find((r) => r.ma_thu_tuc.trim() === code) : undefined;
}
