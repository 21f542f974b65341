/**
 * Developer measurement tool: loads the national-portal procedure records (JSON files crawled from
 * dichvucong.gov.vn, see ../shared/data/national-records/README.md) and parses the crawler's glued
 * text fields ("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp15 NgàyMiễn phí…") back into
 * structure: method rows, dossier groups and rows, legal-basis rows, result items and plain fields.
 *
 * It reads ../shared (outside the project) only as a developer measurement tool. The project's
 * tests never use this module or that folder; a user's clone does not have it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PLACEHOLDERS = ['không có thông tin', 'đang cập nhật', 'đang cập nhập', 'chưa có thông tin'];

/** Collapses white space (including NBSP, tabs, newlines) and trims. */
export function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u00A0\u200B]+/g, ' ')
    .trim();
}

/** Like clean() but keeps line breaks (one per paragraph), for multi-line values such as the steps. */
export function cleanLines(text: string): string {
  return text
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[\s\u00A0\u200B]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** "Real" value: non-empty after trimming and not a portal placeholder. */
export function isReal(value: string | null | undefined): boolean {
  if (value == null) return false;
  const v = clean(value)
    .toLowerCase()
    .replace(/[.\s]+$/u, '');
  if (v === '' || v === '|' || v === '...' || v === '…' || /^[|\s-]+$/u.test(v)) return false;
  return !PLACEHOLDERS.includes(v);
}

export interface MethodRow {
  /** Trực tiếp | Trực tuyến | Dịch vụ bưu chính | … */
  channel: string;
  /** "15 Ngày làm việc", a bare "1", or the placeholder. */
  time: string;
  /** "Miễn phí", "70,000 VNĐ", or the placeholder. */
  fee: string;
  /** The parenthesised note glued after the fee, without the parentheses ("" if none). */
  feeNote: string;
  description: string;
}

export interface DossierRow {
  name: string;
  /** Form file names attached to the row ("Mau NA20-BCA.docx"). */
  forms: string[];
  /** "1 bản chính", "0 bản chính,1 bản sao". */
  quantity: string;
}

export interface DossierGroup {
  /** Case sub-heading ("Giấy tờ phải nộp:"), or null for the portal's "--" (no heading). */
  title: string | null;
  rows: DossierRow[];
}

export interface LegalRow {
  title: string;
  code: string;
}

export interface ResultItem {
  text: string;
  /** "KQ.G01.000068" (the "Mã:" after the result), or null. */
  code: string | null;
}

export interface RawRecord {
  ma_thu_tuc: string;
  ten_thu_tuc: string;
  so_quyet_dinh: string;
  cap_thuc_hien: string;
  loai_thu_tuc: string;
  linh_vuc: string;
  doi_tuong_thuc_hien: string;
  co_quan_co_tham_quyen: string;
  dia_chi_tiep_nhan: string;
  co_quan_duoc_uy_quyen: string;
  co_quan_phoi_hop: string;
  thu_tuc_lien_quan: string;
  trinh_tu_thuc_hien: string;
  cach_thuc_thuc_hien: string;
  thanh_phan_ho_so: string;
  can_cu_phap_ly: string;
  co_quan_thuc_hien: string;
  yeu_cau_dieu_kien: string;
  ket_qua_xu_ly: string;
  detail_url: string;
  raw_text: string;
}

export interface StructuredRecord {
  /** File name, e.g. "bo-cong-an_1.000178.json". */
  file: string;
  /** Position in the sorted file list (drives the deterministic layout variations). */
  index: number;
  url: string;
  code: string;
  name: string;
  decision: string;
  level: string;
  kind: string;
  field: string;
  subjects: string;
  competentAgency: string;
  receivingAddress: string;
  delegatedAgency: string;
  coordinatingAgency: string;
  related: string;
  /** Multi-line (one line per paragraph). */
  steps: string;
  methods: MethodRow[];
  dossier: DossierGroup[];
  legal: LegalRow[];
  agency: string;
  /** Multi-line. */
  conditions: string;
  results: ResultItem[];
  /** The result items' texts joined with "; " ("" when none). */
  result: string;
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// Methods: "Hình thức nộpThời gianPhí, lệ phíMô tả" + rows "<channel><time><fee>(<note>)<description>"

const METHODS_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
const CHANNELS = ['Dịch vụ bưu chính', 'Trực tiếp', 'Trực tuyến', 'Qua bưu điện', 'Qua Bưu điện', 'Bưu chính công ích'];
const PLACEHOLDER_RE_SRC = 'Không có thông tin|Đang cập nhật|Đang cập nhập';
// A channel starts a row only when a time cell (placeholder or a number) follows it directly:
// descriptions also contain "Trực tuyến: nộp hồ sơ…".
const ROW_START_RE = new RegExp(`(${CHANNELS.join('|')})(?=${PLACEHOLDER_RE_SRC}|\\d)`, 'gu');
const TIME_RE = new RegExp(
  `^(?:${PLACEHOLDER_RE_SRC}|\\d+(?:[.,]\\d+)?(?: ?(?:Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Tuần|Phút|ngày làm việc|ngày|giờ|tháng|năm))?)`,
  'u',
);
const FEE_RE = new RegExp(
  `^(?:${PLACEHOLDER_RE_SRC}|Miễn phí|Không thu phí|Không|\\d[\\d.,]*(?: ?(?:Việt Nam Đồng|VNĐ|VND|Đồng|đồng|USD|EUR|đ))?)`,
  'u',
);

/** Reads a balanced "( … )" group at the start of s; returns [inner, rest] or null. */
function takeParenGroup(s: string): [string, string] | null {
  if (!s.startsWith('(')) return null;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return [s.slice(1, i), s.slice(i + 1)];
    }
  }
  return null;
}

export function parseMethods(text: string, warn: (m: string) => void): MethodRow[] {
  let body = text.normalize('NFC');
  if (body.startsWith(METHODS_HEADER)) body = body.slice(METHODS_HEADER.length);
  else if (isReal(body)) warn(`methods: header not found in "${body.slice(0, 60)}"`);
  if (!isReal(body)) return [];
  const starts = [...body.matchAll(ROW_START_RE)].map((m) => m.index ?? 0);
  if (starts.length === 0) {
    warn(`methods: no channel found in "${body.slice(0, 60)}"`);
    return [];
  }
  if (clean(body.slice(0, starts[0])) !== '') warn(`methods: text before the first row: "${body.slice(0, starts[0]).slice(0, 60)}"`);
  const rows: MethodRow[] = [];
  for (let i = 0; i < starts.length; i++) {
    const chunk = body.slice(starts[i], starts[i + 1] ?? body.length);
    const channel = CHANNELS.find((c) => chunk.startsWith(c)) ?? '';
    let rest = chunk.slice(channel.length);
    const time = TIME_RE.exec(rest)?.[0] ?? '';
    if (time === '') warn(`methods: no time cell after "${channel}": "${rest.slice(0, 40)}"`);
    rest = rest.slice(time.length);
    let fee = FEE_RE.exec(rest)?.[0] ?? '';
    // "Không" alone is a fee of "none" only when not the start of "Không có thông tin" (handled above)
    // or of a description sentence ("Không quy định…").
    if (fee === 'Không' && /^Không\s*[a-zà-ỹđ]/u.test(rest)) fee = '';
    if (fee === '') warn(`methods: no fee cell after "${channel}${time}": "${rest.slice(0, 40)}"`);
    rest = rest.slice(fee.length);
    let feeNote = '';
    const group = takeParenGroup(rest);
    if (group) {
      // The portal prints "(" + note + ")"; a note with its own ")." closes early:
      // "(gồm … hoạt động). (Áp dụng … TT-BTC).)". Keep consuming such continuations.
      let note = group[0];
      rest = group[1];
      for (;;) {
        const cont = /^([.;,]?\s*)(?=\()/u.exec(rest);
        const closing = /^[.;,]?\)/u.exec(rest);
        if (closing) {
          note += closing[0].slice(0, -1);
          rest = rest.slice(closing[0].length);
          break;
        }
        if (!cont || !rest.includes(')', cont[0].length + 1) || !/\)[.;,]?\)/u.test(rest)) break;
        const g = takeParenGroup(rest.slice(cont[0].length));
        if (!g) break;
        note += `)${cont[1]}(${g[0]}`;
        rest = g[1];
      }
      feeNote = clean(note);
    } else if (rest.startsWith('(')) {
      warn(`methods: unbalanced fee note after "${fee}"`);
      feeNote = clean(rest.slice(1));
      rest = '';
    }
    rows.push({ channel, time: clean(time), fee: clean(fee), feeNote, description: cleanLines(rest) });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Dossier: groups "<case title or -->Tên giấy tờMẫu đơn, tờ khaiSố lượng" + rows "<name><forms><quantity>"

const DOSSIER_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';
const QUANTITY_RE = /(\d+ bản chính(?:,\s?\d+ bản sao)?|\d+ bản sao)/gu;
const FILE_EXT_RE = /\.(?:docx|doc|pdf|xlsx|xls|rar|zip|odt|DOCX|DOC|PDF|XLSX|XLS)(?![a-z])/gu;
// Words that start a form file name ("Mau NA20-BCA.docx", "Mẫu số 01.docx", "PhlcII.docx"…).
const FORM_PREFIX_RE = /(?:Mau|Mẫu|MẪU|MAU|Mus|Phlc|Phuluc|Phụ lục|TK |To khai)/gu;

/** Splits the file names glued after a document name: "…Thông tư 21/2015/TT-BNNPTNTPhlcII.docx". */
export function splitForms(text: string): { name: string; forms: string[] } {
  const exts = [...text.matchAll(FILE_EXT_RE)];
  const last = exts[exts.length - 1];
  if (!last || (last.index ?? 0) + last[0].length !== text.length) return { name: clean(text), forms: [] };
  // Later files are whole: each runs from the end of the previous extension to its own extension.
  const ends = exts.map((m) => (m.index ?? 0) + m[0].length);
  // Only the trailing run of adjacent files counts (an extension inside the name, followed by more
  // name text, is not a file): walk back while the files are glued and look like names.
  let firstIdx = exts.length - 1;
  while (firstIdx > 0) {
    const between = text.slice(ends[firstIdx - 1], exts[firstIdx]!.index);
    if (between.length === 0 || between.length > 120) break;
    firstIdx--;
  }
  const firstExt = exts[firstIdx]!;
  const stemEnd = firstExt.index ?? 0;
  const head = text.slice(0, stemEnd);
  const start = findFormStart(head);
  const name = clean(text.slice(0, start));
  const forms: string[] = [];
  let from = start;
  for (let i = firstIdx; i < exts.length; i++) {
    forms.push(clean(text.slice(from, ends[i])));
    from = ends[i]!;
  }
  if (name === '') return { name: clean(text), forms: [] };
  return { name, forms };
}

/** Where the first glued form file name starts inside `head` (the text before its extension). */
function findFormStart(head: string): number {
  const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
  // 1. A known file-name prefix word, the latest one ("…(NA20).Mau NA20-BCA", "…NĐ-CPMau05").
  const prefixes = [...head.matchAll(FORM_PREFIX_RE)].map((m) => m.index ?? 0).filter((i) => i > 0);
  const p = prefixes[prefixes.length - 1];
  if (p !== undefined && letters(head.slice(0, p)) >= 3) return p;
  // 2. After punctuation glued to the file name: ").Giấy đề nghị", ";Tên file" (not "12." or "2.7").
  for (let i = head.length - 1; i > 0; i--) {
    const c = head[i - 1] ?? '';
    if (!'.;):'.includes(c) || /\d/u.test(head[i - 2] ?? '') || /\s/u.test(head[i] ?? ' ')) continue;
    if (letters(head.slice(i)) >= 3 && letters(head.slice(0, i)) >= 3) return i;
  }
  // 3. A lower-case letter glued to a digit or an upper-case letter ("theo mẫu1.004465").
  for (let i = head.length - 1; i > 0; i--) {
    if (/\p{Ll}/u.test(head[i - 1] ?? '') && /[\d\p{Lu}]/u.test(head[i] ?? '') && letters(head.slice(0, i)) >= 3) return i;
  }
  return head.length;
}

export function parseDossier(text: string, warn: (m: string) => void): DossierGroup[] {
  const body = text.normalize('NFC');
  if (!isReal(body)) return [];
  const parts = body.split(DOSSIER_HEADER);
  if (parts.length < 2) {
    warn(`dossier: table header not found in "${body.slice(0, 60)}"`);
    return [];
  }
  const groups: DossierGroup[] = [];
  let title: string | null = normaliseGroupTitle(parts[0] ?? '');
  for (let p = 1; p < parts.length; p++) {
    const part = parts[p] ?? '';
    const rows: DossierRow[] = [];
    let from = 0;
    for (const m of part.matchAll(QUANTITY_RE)) {
      const at = m.index ?? 0;
      const before = part[at - 1] ?? '';
      const after = part[at + m[0].length] ?? '';
      // A quantity inside a name ("…: 01 bản chính;") follows a space or is followed by ';'/'.'.
      if (at === 0 || /\s/u.test(before) || after === ';' || after === '.' || after === ')') {
        if (at !== from || at === 0) continue;
      }
      const nameText = part.slice(from, at);
      if (clean(nameText) === '') {
        warn(`dossier: empty document name before "${m[0]}"`);
        from = at + m[0].length;
        continue;
      }
      const { name, forms } = splitForms(nameText.replace(/\s+$/u, ''));
      rows.push({ name, forms, quantity: m[0] });
      from = at + m[0].length;
    }
    const tail = part.slice(from);
    if (p < parts.length - 1) {
      groups.push({ title, rows });
      title = normaliseGroupTitle(tail);
    } else {
      if (clean(tail) !== '') warn(`dossier: trailing text without a quantity: "${clean(tail).slice(0, 60)}"`);
      groups.push({ title, rows });
    }
    if (rows.length === 0) warn(`dossier: group ${groups.length} has no rows`);
  }
  return groups;
}

function normaliseGroupTitle(t: string): string | null {
  const c = clean(t);
  return c === '' || c === '--' ? null : c;
}

// ---------------------------------------------------------------------------------------------
// Legal basis: "Tên văn bản pháp lýMã văn bản" + rows "<title><code>"

const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản';
const CODE_PREFIX = '(?:(?:Thông tư liên tịch|Thông tư|Nghị định|Nghị quyết|Quyết định|Luật|Lệnh|NĐ|TT|QĐ)\\s?(?:số\\s?)?|số\\s?)?';
// Document number: 1-3 digits (optionally ".19"), not glued to earlier digits unless those are a
// year ("năm 201102/2011/QH13" → "02/2011/QH13"); then /year/ and an upper-case issuer suffix.
const LEGAL_CODE_RE = new RegExp(
  `${CODE_PREFIX}(?:(?<!\\d)|(?<=(?:19|20)\\d\\d)|(?<=QH\\d\\d))(\\d{1,3}(?:\\.\\d{1,3})?)\\/(\\d{4})\\/[A-ZĐ]+(?:-[A-ZĐ]+)*(?:(?<=QH)\\d{2})?`,
  'gu',
);
// Capitalised words that start a document title glued to the previous code ("…TT-BCALuật Khiếu nại").
const TITLE_START_WORDS = new Set(
  'Luật Nghị Thông Quy Quyết Hướng Nhập Sửa Về Lệnh Bộ Biểu Danh Các Chính Công Pháp Văn Hiến Chỉ Kế Ban Bãi Điều Phê Tiêu Mức Giá Xuất Cấp Phân Thuế Quản Tổ Đăng Khiếu Hộ Trợ Dân Hình Hải Ngân Đất Nhà Xây Giao Thủ Trật Lâm Thú Trồng Bảo Chứng Kinh Doanh'.split(
    ' ',
  ),
);
const UPPER_TITLE_START_RE = /(?:QUY|LUẬT|NGHỊ|THÔNG|HƯỚNG|QUYẾT|SỬA|VỀ)$/u;

/** Fixes the end of a greedy code match against the text that follows it. */
function adjustCodeEnd(body: string, start: number, end: number): number {
  const code = body.slice(start, end);
  const after = body.slice(end);
  // "QĐ-TTg": the one issuer with a lower-case letter.
  if (/TT$/u.test(code) && /^g(?![a-zà-ỹđ])/u.test(after)) return end + 1;
  const lower = /^[a-zà-ỹđ]+/u.exec(after)?.[0];
  if (lower !== undefined && TITLE_START_WORDS.has(code.slice(-1) + lower)) return end - 1;
  if (/^\s/u.test(after) || after === '') {
    const tail = /-([A-ZĐ]+)$/u.exec(code)?.[1] ?? '';
    const m = UPPER_TITLE_START_RE.exec(tail);
    if (m && tail.length - m[0].length >= 2) return end - m[0].length;
  }
  return end;
}

export function parseLegal(text: string, warn: (m: string) => void): LegalRow[] {
  let body = text.normalize('NFC');
  // The crawler sometimes runs the next section into this field.
  const cut = body.indexOf('Cơ quan thực hiện');
  if (cut >= 0) body = body.slice(0, cut);
  if (!isReal(body)) return [];
  if (body.startsWith(LEGAL_HEADER)) body = body.slice(LEGAL_HEADER.length);
  else warn(`legal: header not found in "${body.slice(0, 60)}"`);
  // Portal typo: "53/2025/TT-BCAngày 01/7/2025" (missing space before "ngày").
  body = body.replace(/([A-ZĐ])(ngày\s)/gu, '$1 $2');
  const matches = [...body.matchAll(LEGAL_CODE_RE)].map((m) => {
    const start = m.index ?? 0;
    const end = adjustCodeEnd(body, start, start + m[0].length);
    const numStart = start + m[0].indexOf(`${m[1]}/${m[2]}/`);
    return { start, numStart, end, text: body.slice(start, end), key: `${m[1]}/${m[2]}` };
  });
  const rows: LegalRow[] = [];
  let from = 0;
  type Code = (typeof matches)[number];
  const twin = (a: Code | undefined, b: Code | undefined) => !!a && !!b && a.end === b.start && a.key === b.key;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    const next = matches[i + 1];
    const afterNext = matches[i + 2];
    const after = body.slice(m.end);
    // A code ends a row when the next title follows glued, or after a space a capitalised word
    // ("…18/2026/NĐ-CP Nghị định quy định…"); "…/TT-BTC ngày 28/4…" or "… - Quy định" is inside a title.
    const endsRow = after === '' || /^[^\s\-–(,;.]/u.test(after) || /^\s+\p{Lu}\p{Ll}/u.test(after);
    if (!endsRow) continue;
    // "Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP": the first is the title, the glued twin is the code.
    if (twin(m, next)) continue;
    // "…bởi Nghị định số 232/2025/NĐ-CP34/2025/TT-NHNN": a code inside the title, glued to the row's
    // code; unless the next code is itself a title with its twin ("…QH15193/2025/NĐ-CP193/2025/NĐ-CP").
    if (next && next.numStart === m.end && !twin(next, afterNext)) continue;
    let title = clean(body.slice(from, m.start));
    const code = clean(m.text);
    if (title === '') title = code;
    rows.push({ title, code });
    from = m.end;
  }
  let tail = clean(body.slice(from));
  if (tail !== '') {
    // A last row whose code cell is a bare number ("…HẢI QUAN.42/2020").
    const bare = /(\d{1,3}\/\d{4})$/u.exec(tail);
    if (bare && clean(tail.slice(0, bare.index)) !== '') {
      rows.push({ title: clean(tail.slice(0, bare.index)), code: bare[1] ?? '' });
    } else {
      rows.push({ title: tail, code: '' });
      warn(`legal: row without a code: "${tail.slice(0, 60)}"`);
    }
    tail = '';
  }
  if (rows.length === 0) warn(`legal: no rows in "${body.slice(0, 60)}"`);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Result: "<text>Mã: KQ.G01.000068<text>Mã: …Từ khóa…Mô tả…Chọn cơ quan thực hiện…"

const RESULT_CODE_RE = /Mã:\s*([A-Z0-9]+(?:[.-][A-Z0-9]+)*)(?![a-zà-ỹđ])/gu;

/** Cuts the portal's "Từ khóa … Mô tả … Chọn cơ quan thực hiện … Nộp hồ sơ" tail from a field. */
export function stripPortalTail(text: string): string {
  let t = text;
  for (const marker of ['Từ khóa', 'Chọn cơ quan thực hiện']) {
    const i = t.indexOf(marker);
    if (i >= 0) t = t.slice(0, i);
  }
  return t;
}

export function parseResults(text: string, warn: (m: string) => void): ResultItem[] {
  const body = stripPortalTail(text.normalize('NFC'));
  if (!isReal(body)) return [];
  const items: ResultItem[] = [];
  let from = 0;
  for (const m of body.matchAll(RESULT_CODE_RE)) {
    const t = clean(body.slice(from, m.index));
    if (t !== '') items.push({ text: t, code: m[1] ?? null });
    else warn(`result: code "${m[1]}" without a text`);
    from = (m.index ?? 0) + m[0].length;
  }
  const tail = clean(body.slice(from));
  if (tail !== '') items.push({ text: tail, code: null });
  return items.filter((it) => isReal(it.text));
}

// ---------------------------------------------------------------------------------------------

export function structure(raw: RawRecord, file: string, index: number): StructuredRecord {
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  const s = (v: string | undefined) => clean(v ?? '');
  const results = parseResults(raw.ket_qua_xu_ly ?? '', warn);
  const rec: StructuredRecord = {
    file,
    index,
    url: raw.detail_url ?? '',
    code: s(raw.ma_thu_tuc),
    name: s(raw.ten_thu_tuc),
    decision: s(raw.so_quyet_dinh),
    level: s(raw.cap_thuc_hien),
    kind: s(raw.loai_thu_tuc),
    field: s(raw.linh_vuc),
    subjects: s(raw.doi_tuong_thuc_hien),
    competentAgency: s(raw.co_quan_co_tham_quyen),
    receivingAddress: s(raw.dia_chi_tiep_nhan),
    delegatedAgency: s(raw.co_quan_duoc_uy_quyen),
    coordinatingAgency: s(raw.co_quan_phoi_hop),
    related: s(raw.thu_tuc_lien_quan),
    steps: cleanLines(raw.trinh_tu_thuc_hien ?? ''),
    methods: parseMethods(raw.cach_thuc_thuc_hien ?? '', warn),
    dossier: parseDossier(raw.thanh_phan_ho_so ?? '', warn),
    legal: parseLegal(raw.can_cu_phap_ly ?? '', warn),
    agency: s(raw.co_quan_thuc_hien),
    conditions: cleanLines(stripPortalTail(raw.yeu_cau_dieu_kien ?? '')),
    results,
    result: results.map((r) => r.text).join('; '),
    warnings,
  };
  return rec;
}

/** The project root (two levels above this file). */
export function projectRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

/** Default records folder: ../shared/data/national-records relative to the project root. */
export function defaultRecordsDir(): string {
  return resolve(projectRoot(), '..', 'shared', 'data', 'national-records');
}

/** Loads and structures every *.json record of `dir`, sorted by file name. Exits 2 if the folder is missing. */
export function loadRecords(dir: string): StructuredRecord[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(
      `Records folder not found: ${dir}\n` +
        'This measurement needs the national procedure records (../shared/data/national-records next to the\n' +
        'project), which exist on developer machines only. Pass another folder as the first argument.',
    );
    process.exit(2);
  }
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((file, index) => {
    const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as RawRecord;
    return structure(raw, file, index);
  });
}

// `npx tsx scripts/accuracy/records.ts [dir]` prints the parsed structure, for checking the parser.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : defaultRecordsDir();
  const records = loadRecords(dir);
  for (const r of records) {
    console.log(`\n== [${r.index}] ${r.file}  code=${r.code}`);
    for (const m of r.methods)
      console.log(
        `  M ${m.channel} | ${m.time} | ${m.fee}${m.feeNote ? ` (${m.feeNote.slice(0, 40)}…)` : ''} | ${m.description.slice(0, 50)}`,
      );
    for (const g of r.dossier) {
      console.log(`  G ${g.title ?? '--'}`);
      for (const d of g.rows) console.log(`    D ${d.name.slice(0, 70)} | ${d.forms.join(' + ')} | ${d.quantity}`);
    }
    for (const l of r.legal) console.log(`  L ${l.title.slice(0, 70)} | ${l.code}`);
    for (const x of r.results) console.log(`  R ${x.text.slice(0, 80)} | ${x.code ?? ''}`);
    console.log(`  agency=${r.agency.slice(0, 40)} | competent=${r.competentAgency.slice(0, 40)} | cond=${r.conditions.slice(0, 40)}`);
    for (const w of r.warnings) console.log(`  WARNING ${w}`);
  }
  const warned = records.filter((r) => r.warnings.length > 0).length;
  console.log(`\n${records.length} records, ${warned} with warnings`);
}
