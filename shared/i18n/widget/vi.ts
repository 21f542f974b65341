/**
 * The citizen widget's messages. The widget bundles only this catalog (and the common one when its report panel loads).
 * Vietnamese, the first language: it defines the keys; en.ts must have the same ones (parity test).
 * Placeholders are written %{name}; a message with a count may give plural forms ({ other, one }).
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
} as const;

export type WidgetMessageId = keyof typeof vi;
