/**
 * The label vocabulary the extractor recognises: every element's label variants plus the other
 * fields real portals print beside them (decision number, field, address, cooperating agency…).
 * Those auxiliary labels matter as much as the element labels: they end the value of the label
 * before them, and they keep look-alikes ("Số quyết định", "Cơ quan phối hợp") from being taken for
 * an element. The registry builds CHECKLIST_LEXICON from these and the elements' own labels; the
 * extractor knows no label of its own.
 */
import type { LabelSet, LabelVariant } from '../extractor/lexicon';
import type { ElementId } from './index';

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
  'aux:legal-code': [
    { text: 'Văn bản quy định', columnOnly: true },
    { text: 'Văn bản qui định', columnOnly: true },
    { text: 'Mã văn bản', columnOnly: true },
    { text: 'Số ký hiệu', columnOnly: true },
    { text: 'Ngày ban hành', columnOnly: true },
    { text: 'Cơ quan ban hành', columnOnly: true },
  ],
  'aux:picker': ['Chọn cơ quan thực hiện'],
  // Article and page furniture around a procedure: they end the value before them.
  'aux:meta': [
    'Người đăng',
    'Người viết',
    'Tác giả',
    'Nguồn',
    'Nguồn tin',
    'Chia sẻ',
    'In trang',
    'In bài',
    'Bình luận',
    'Tin liên quan',
    'Bài viết liên quan',
    'Các tin khác',
    'Tin khác',
    'Thủ tục khác',
    'Các thủ tục khác',
    'Ngày ban hành',
    'Ngày hiệu lực',
    'Ngày có hiệu lực',
    'Ngày hết hiệu lực',
    'Ngày xuất bản',
  ],
};

/**
 * Auxiliary labels that are a part of an element when they appear inside its section: "Số lượng
 * hồ sơ: 01 bộ" listed among the dossier's documents belongs to the dossier, not after it.
 */
const PART_OF: Partial<Record<AuxKey, ElementId>> = {
  'aux:dossier-quantity': 'dossier',
  'aux:fee-document': 'fees',
};

/** The auxiliary label sets, for the lexicon. */
export const AUX_LABEL_SETS: readonly LabelSet[] = (Object.entries(AUX_LABELS) as [AuxKey, readonly (string | LabelVariant)[]][]).map(
  ([key, variants]) => ({ key, variants, element: false, partOf: PART_OF[key] }),
);
