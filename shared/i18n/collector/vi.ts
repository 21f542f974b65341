/**
 * The collector's messages (dashboard, answers a person reads).
 * Vietnamese, the first language: it defines the keys; en.ts must have the same ones (parity test).
 * Placeholders are written %{name}; a message with a count may give plural forms ({ other, one }).
 */
export const vi = {
  'collector.dashboard.title': 'Mức độ hài lòng của người dân',
  'collector.dashboard.total': 'Tổng số đánh giá',
  'collector.dashboard.satisfied': 'Tỷ lệ hài lòng (Hài lòng + Rất hài lòng)',
  'collector.dashboard.empty': 'Chưa có đánh giá nào.',
  'collector.dashboard.gapReports': 'Số báo cáo thiếu thông tin',
  'collector.form.title': 'Đánh giá thủ tục hành chính',
  'collector.form.procedure': 'Mã thủ tục: %{code}',
  'collector.form.invalid': 'Chưa ghi nhận được đánh giá: vui lòng chọn một mức hài lòng rồi gửi lại.',
  'collector.form.back': 'Quay lại phiếu đánh giá',
  'collector.form.thanks': 'Cảm ơn bạn đã đánh giá. Ý kiến của bạn đã được ghi nhận.',
  'collector.form.receipt': 'Mã biên nhận:',
  'collector.start.banner':
    'Máy chủ nhận ý kiến và trang minh hoạ đang chạy (dữ liệu: %{data})\n  Trang cổng minh hoạ:  %{base}/\n  Bảng tổng hợp:        %{base}/dashboard\n  API nhận ý kiến:      %{base}/api/v1/submissions\n  Tệp tiện ích:         %{base}/widget/tthc-feedback.js\n  Sức khoẻ:             %{base}/healthz, %{base}/readyz\nTiện ích kiểm tra (extension): %{extensionState} %{extension}\n  Chromium: chrome://extensions → Chế độ dành cho nhà phát triển → Tải tiện ích đã giải nén → chọn thư mục đó.\nDừng bằng Ctrl+C.',
  'collector.start.postgres': 'máy chủ PostgreSQL theo DATABASE_URL',
  'collector.start.extensionBuilt': 'đã dựng tại',
  'collector.start.extensionMissing': 'chạy npm run build:extension, rồi tải',
  'collector.start.widgetMissing': 'Tiện ích chưa được dựng (%{file}); hãy chạy npm run build:widget.',
  'collector.start.portInUse': 'Cổng %{port} đang được dùng; hãy đặt PORT sang cổng khác.',
  'collector.start.databaseFailed': 'Không mở được cơ sở dữ liệu: %{reason}',
  'collector.config.integer': '%{name} phải là số nguyên từ %{min} đến %{max}, nhận được "%{value}".',
  'collector.config.databaseUrl': '%{name} phải là địa chỉ postgres://… hoặc postgresql://…, nhận được "%{value}".',
  'collector.config.origin':
    '%{name} là danh sách nguồn (origin) cách nhau bằng dấu phẩy, dạng https://ten-mien[:cổng] hoặc *; "%{value}" không hợp lệ.',
  'collector.config.token': '%{name} phải dài ít nhất 16 ký tự (đang có %{value}).',
  'collector.config.trustProxy': '%{name} phải là true, false, số lớp proxy, hoặc danh sách địa chỉ/CIDR của proxy; nhận được "%{value}".',
} as const;

export type CollectorMessageId = keyof typeof vi;
