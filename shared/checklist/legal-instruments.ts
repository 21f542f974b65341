/**
 * The legal instruments the project cites, each with its status as the project knows it: in force,
 * amended by, repealed by, or superseded in practice. It is the one list: every legal reference of
 * the registry (elements and page checks) names a document listed here, and no reference names a
 * repealed one (tests/unit/legal-instruments.test.ts). Statuses and articles come from the project's
 * regulation notes; `checked` says how: `verified` (the wording was read in the instrument or an
 * official consolidation) or `secondary` (a summary, a citation in another act, or practice).
 * Limits: statuses as of the notes' last research (late 2026); an amendment whose content is not
 * verified is listed with that said, not guessed.
 */

type InstrumentStatus = 'in-force' | 'repealed' | 'superseded';

interface LegalInstrument {
  /** As references write it: "Nghị định 63/2010/NĐ-CP". */
  document: string;
  /** What it governs, in a few words. */
  subject: string;
  status: InstrumentStatus;
  /** In force from (dd/mm/yyyy), when known. */
  inForceFrom?: string;
  /** Documents that amend it (each listed here too). */
  amendedBy?: readonly string[];
  /** The document (and article) that repeals it, or that replaces it in practice. */
  replacedBy?: { document: string; provision?: string };
  /** How the status is known. */
  checked: 'verified' | 'secondary';
  note?: string;
}

export const LEGAL_INSTRUMENTS: readonly LegalInstrument[] = [
  {
    document: 'Nghị định 63/2010/NĐ-CP',
    subject: 'Kiểm soát thủ tục hành chính (bộ phận tạo thành, công bố, công khai)',
    status: 'in-force',
    amendedBy: ['Nghị định 48/2013/NĐ-CP', 'Nghị định 92/2017/NĐ-CP', 'Nghị định 118/2025/NĐ-CP'],
    checked: 'secondary',
    note: 'Articles 8, 15, 16, 17, 26 read in the official consolidation (as amended); Decree 118/2025 Art. 40(5) amends only Art. 5(3).',
  },
  {
    document: 'Nghị định 48/2013/NĐ-CP',
    subject: 'Sửa đổi các nghị định về kiểm soát thủ tục hành chính',
    status: 'in-force',
    checked: 'verified',
  },
  {
    document: 'Nghị định 92/2017/NĐ-CP',
    subject: 'Sửa đổi các nghị định về kiểm soát thủ tục hành chính',
    status: 'in-force',
    inForceFrom: '25/09/2017',
    checked: 'verified',
  },
  {
    document: 'Nghị định 20/2008/NĐ-CP',
    subject: 'Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính',
    status: 'in-force',
    amendedBy: ['Nghị định 48/2013/NĐ-CP', 'Nghị định 92/2017/NĐ-CP'],
    checked: 'secondary',
    note: 'Art. 13 and Art. 10(3) read as amended by Decree 48/2013; the Decree 92/2017 amendments are known from summaries only.',
  },
  {
    document: 'Thông tư 02/2017/TT-VPCP',
    subject: 'Nghiệp vụ kiểm soát thủ tục hành chính (công khai, niêm yết)',
    status: 'in-force',
    inForceFrom: '15/12/2017',
    checked: 'secondary',
  },
  {
    document: 'Nghị định 118/2025/NĐ-CP',
    subject: 'Thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông; Cổng Dịch vụ công quốc gia; đánh giá',
    status: 'in-force',
    inForceFrom: '01/07/2025',
    amendedBy: ['Nghị định 309/2026/NĐ-CP'],
    checked: 'verified',
    note: 'Knows only ministry, province and commune levels (no article verified for that). Art. 8(2)(e): the provincial Trung tâm Phục vụ hành chính công receives phản ánh, kiến nghị; Art. 16(1): guidance as published on the national database.',
  },
  {
    document: 'Nghị định 309/2026/NĐ-CP',
    subject: 'Sửa đổi Nghị định 118/2025/NĐ-CP',
    status: 'in-force',
    checked: 'secondary',
    note: 'Date and content not verified.',
  },
  {
    document: 'Thông tư 03/2025/TT-VPCP',
    subject: 'Hướng dẫn Nghị định 118/2025/NĐ-CP (mẫu 01–07, mã hồ sơ)',
    status: 'in-force',
    checked: 'secondary',
  },
  {
    document: 'Nghị định 61/2018/NĐ-CP',
    subject: 'Cơ chế một cửa, một cửa liên thông (cũ)',
    status: 'repealed',
    replacedBy: { document: 'Nghị định 118/2025/NĐ-CP', provision: 'Điều 40, khoản 1 (từ 01/7/2025)' },
    checked: 'verified',
  },
  {
    document: 'Nghị định 107/2021/NĐ-CP',
    subject: 'Sửa đổi Nghị định 61/2018/NĐ-CP',
    status: 'repealed',
    replacedBy: { document: 'Nghị định 118/2025/NĐ-CP', provision: 'Điều 40, khoản 1 (từ 01/7/2025)' },
    checked: 'verified',
  },
  {
    document: 'Thông tư 01/2018/TT-VPCP',
    subject: 'Hướng dẫn Nghị định 61/2018/NĐ-CP (đánh giá giải quyết thủ tục hành chính)',
    status: 'superseded',
    replacedBy: { document: 'Thông tư 03/2025/TT-VPCP' },
    checked: 'secondary',
    note: 'Superseded in practice by Circular 03/2025; no repeal clause found.',
  },
];
