/**
 * The auditor extension's messages (side panel, history, options); report texts come from the
 * common catalog. Vietnamese, the first language: it defines the keys; en.ts must have the same
 * ones (parity test). Placeholders are written %{name}; a message with a count may give plural
 * forms ({ other, one }).
 */
export const vi = {
  'extension.sidepanel.title': 'Kiểm tra công khai thủ tục hành chính',
  'extension.sidepanel.scan': 'Kiểm tra trang này',
  'extension.sidepanel.busy': 'Đang kiểm tra…',
  'extension.sidepanel.hint': 'Mở trang thủ tục cần kiểm tra, bấm nút của tiện ích trên thanh công cụ, rồi bấm «Kiểm tra trang này».',
  'extension.sidepanel.tabChanged': 'Thẻ đang xem đã thay đổi. Bấm «Kiểm tra trang này» để kiểm tra trang mới.',
  'extension.sidepanel.noPage': 'Không đọc được trang đang mở: %{reason}',
  'extension.sidepanel.noTab': 'Không có thẻ nào đang mở.',
  'extension.sidepanel.invalidResponse': 'Câu trả lời của trang không đúng định dạng.',
  'extension.sidepanel.findings': 'Nhận xét thêm',
  'extension.sidepanel.elements': 'Các bộ phận phải công khai',
  'extension.error.noAccess':
    'Tiện ích chưa được phép đọc trang này. Bấm nút của tiện ích trên thanh công cụ khi đang mở trang cần kiểm tra, rồi thử lại.',
  'extension.error.restricted': 'Trình duyệt không cho tiện ích đọc loại trang này (trang nội bộ của trình duyệt hoặc cửa hàng tiện ích).',
  'extension.error.noTab': 'Thẻ cần kiểm tra đã đóng hoặc không còn tồn tại.',
  'extension.error.malformed': 'Câu trả lời của trang không đúng định dạng.',
  'extension.error.other': 'Không đọc được trang đang mở. Hãy tải lại trang rồi thử lại.',
  'extension.evidence.show': 'Xem trên trang',
  'extension.evidence.showAll': 'Đánh dấu mọi bằng chứng trên trang',
  'extension.evidence.hideAll': 'Bỏ đánh dấu trên trang',
  'extension.evidence.bySelector': 'Đã đánh dấu vị trí trên trang.',
  'extension.evidence.byQuote': 'Trang đã thay đổi: không còn thấy vị trí cũ, đã tìm theo đoạn trích dẫn.',
  'extension.evidence.none': 'Không còn thấy bằng chứng này trên trang (trang đã thay đổi).',
  'extension.evidence.allDrawn': 'Đã đánh dấu %{drawn} bằng chứng; không còn thấy %{missing}.',
  'extension.override.open': 'Sửa kết luận',
  'extension.override.legend': 'Kết luận của người kiểm tra',
  'extension.override.status': 'Trạng thái',
  'extension.override.note': 'Ghi chú (bắt buộc)',
  'extension.override.noteRequired': 'Cần ghi lý do cho kết luận của bạn.',
  'extension.override.save': 'Lưu kết luận',
  'extension.override.remove': 'Bỏ kết luận của người kiểm tra',
  'extension.override.cancel': 'Hủy',
  'extension.override.machine': 'Máy: %{status}',
} as const;

export type ExtensionMessageId = keyof typeof vi;
