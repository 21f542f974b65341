/**
 * Vietnamese catalog: the first language of every interface. It defines the Catalog type;
 * other locales must satisfy it (see en.ts). Placeholders are written %{name}.
 */
export const vi = {
  'widget.title': 'Bạn có hài lòng với thủ tục hành chính này?',
  'widget.rating.1': 'Rất không hài lòng',
  'widget.rating.2': 'Không hài lòng',
  'widget.rating.3': 'Bình thường',
  'widget.rating.4': 'Hài lòng',
  'widget.rating.5': 'Rất hài lòng',
  'widget.sending': 'Đang gửi đánh giá…',
  'widget.thanks': 'Cảm ơn bạn đã đánh giá. Ý kiến của bạn đã được ghi nhận.',
  'widget.error.network': 'Chưa gửi được đánh giá (lỗi kết nối). Vui lòng thử lại.',
  'widget.error.rejected': 'Máy chủ không nhận đánh giá: %{reason}',
  'widget.error.noCollector': 'Tiện ích chưa được cấu hình địa chỉ máy chủ nhận ý kiến.',
  'widget.retry': 'Gửi lại',
  'extension.sidepanel.title': 'Kiểm tra công khai thủ tục hành chính',
  'extension.sidepanel.scan': 'Kiểm tra trang này',
  'extension.sidepanel.noPage': 'Không đọc được trang đang mở: %{reason}',
  'extension.sidepanel.summary': 'Đạt %{pass} · Thiếu %{fail} · Cần xem xét %{review} · Không áp dụng %{na}',
  'collector.dashboard.title': 'Mức độ hài lòng của người dân',
  'collector.dashboard.total': 'Tổng số đánh giá',
  'collector.dashboard.satisfied': 'Tỷ lệ hài lòng (Hài lòng + Rất hài lòng)',
  'collector.dashboard.empty': 'Chưa có đánh giá nào.',
} as const;

export type MessageId = keyof typeof vi;
export type Catalog = { readonly [K in MessageId]: string };
