/**
 * The citizen widget's messages. The widget's Vietnamese strings chunk (widget/src/strings-vi.ts) carries `vi` and `viPanels`.
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
  'widget.error.noCollector': 'Tiện ích chưa được cấu hình địa chỉ máy chủ nhận ý kiến.',
  'widget.thanksReceipt': 'Cảm ơn bạn đã đánh giá. Ý kiến của bạn đã được ghi nhận, mã biên nhận: %{receipt}.',
  'widget.error.code.invalid': 'Máy chủ không nhận đánh giá vì dữ liệu gửi đi không hợp lệ.',
  'widget.error.code.outdated': 'Tiện ích đánh giá trên trang này đã cũ; vui lòng tải lại trang rồi gửi lại.',
  'widget.error.code.tooLarge': 'Nội dung gửi đi quá dài; vui lòng rút ngắn rồi gửi lại.',
  'widget.error.code.rateLimited': 'Bạn đã gửi quá nhiều lần trong thời gian ngắn; vui lòng thử lại sau ít phút.',
  'widget.error.code.misconfigured': 'Tiện ích được cấu hình sai địa chỉ máy chủ nhận ý kiến.',
  'widget.questionSet.nd118': 'Đánh giá việc giải quyết thủ tục hành chính (Nghị định 118/2025/NĐ-CP, Điều 33)',
  'widget.questionSet.sipas': 'Đánh giá mức độ hài lòng về dịch vụ hành chính công',
  'widget.name': 'Ý kiến về thủ tục hành chính',
  'widget.launcher': 'Góp ý về thủ tục này',
  'widget.context.procedure': 'Thủ tục: %{name}',
  'widget.context.agency': 'Cơ quan thực hiện: %{agency}',
  'widget.close': 'Đóng',
  'widget.tab.rating': 'Đánh giá',
  'widget.tab.contact': 'Liên hệ phản ánh, kiến nghị',
  'widget.tab.gap': 'Báo thiếu thông tin',
  'widget.submit.rating': 'Gửi đánh giá',
  'widget.submit.change': 'Gửi đánh giá đã sửa',
  'widget.more': '%{title} (không bắt buộc)',
  'widget.comment.label': 'Ý kiến khác (không bắt buộc)',
  'widget.comment.hint': 'Vui lòng không ghi thông tin cá nhân (họ tên, số điện thoại, số định danh, địa chỉ).',
  'widget.comment.count': 'Đã nhập %{count}/%{max} ký tự',
  'widget.confidential': 'Thông tin về người đánh giá được giữ bí mật; đánh giá không gắn với danh tính của bạn.',
  'widget.queued.network': 'Chưa có kết nối: ý kiến đã được lưu trên thiết bị này và sẽ tự động gửi khi có mạng.',
  'widget.queued.server': 'Máy chủ tạm thời chưa nhận: ý kiến đã được lưu trên thiết bị này và sẽ tự động gửi lại.',
  'widget.previous.receipt':
    'Bạn đã đánh giá thủ tục này (mã biên nhận: %{receipt}). Bạn có thể thay đổi đánh giá; đánh giá mới sẽ thay thế đánh giá cũ.',
  'widget.error.load': 'Không tải được phần này của tiện ích; vui lòng thử lại sau.',
  'widget.loading': 'Đang tải…',
} as const;

/**
 * The strings of what comes later: the question items, the contact and gap-report panels (the
 * widget fetches them with `vi`, in one chunk per language; the halves keep their key types apart).
 */
export const viPanels = {
  'widget.question.nd118.a':
    'Thời gian trả kết quả giải quyết, xử lý hồ sơ thủ tục hành chính so với quy định hoặc yêu cầu của cơ quan, đơn vị chủ trì',
  'widget.question.nd118.b': 'Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ thủ tục hành chính',
  'widget.question.nd118.c': 'Số lần phải liên hệ với cơ quan tiếp nhận để hoàn thiện hồ sơ thủ tục hành chính',
  'widget.question.nd118.d': 'Tính chính xác, đầy đủ, kịp thời của thông tin thủ tục hành chính được công khai so với quy định',
  'widget.question.nd118.dd': 'Thái độ ứng xử của cán bộ, công chức, viên chức hướng dẫn, tiếp nhận hồ sơ, giải quyết thủ tục hành chính',
  'widget.question.nd118.e':
    'Sự phù hợp với pháp luật của kết quả giải quyết thủ tục hành chính và chi phí thực hiện thủ tục hành chính; các chi phí phát sinh ngoài quy định của pháp luật khi thực hiện các thủ tục hành chính',
  'widget.question.nd118.g':
    'Thời gian và chất lượng ý kiến giải trình của cơ quan có thẩm quyền, cán bộ, công chức, viên chức đối với các ý kiến phản ánh, kiến nghị, khiếu nại, tố cáo của tổ chức, cá nhân',
  'widget.question.nd118.h': 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến của cơ quan có thẩm quyền',
  'widget.question.nd118.i': 'Các nội dung khác theo đánh giá của tổ chức, cá nhân',
  'widget.question.sipas.access': 'Mức độ hài lòng chung về tiếp cận dịch vụ',
  'widget.question.sipas.procedure': 'Mức độ hài lòng chung về thủ tục hành chính',
  'widget.question.sipas.staff':
    'Thái độ của cán bộ, công chức, viên chức khi hướng dẫn lập hồ sơ, tiếp nhận hồ sơ và giải quyết thủ tục hành chính',
  'widget.question.sipas.time': 'Tổng thời gian giải quyết thủ tục hành chính so với quy định của pháp luật',
  'widget.question.sipas.feedback': 'Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị của tổ chức, cá nhân',
  'widget.question.sipas.online': 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến của cơ quan có thẩm quyền',
  'widget.more.hint': 'Chọn mức đánh giá cho từng nội dung bạn muốn; có thể bỏ qua nội dung không liên quan.',
  'widget.contact.title': 'Nơi tiếp nhận phản ánh, kiến nghị về thủ tục này',
  'widget.contact.reading': 'Đang đọc thông tin liên hệ trên trang…',
  'widget.contact.none':
    'Trang này chưa công bố địa chỉ tiếp nhận phản ánh, kiến nghị và cơ quan quản lý trang chưa cấu hình thông tin này. Bạn có thể báo thiếu thông tin ở mục “Báo thiếu thông tin”.',
  'widget.contact.source.config': 'Nguồn: thông tin do cơ quan quản lý trang cung cấp.',
  'widget.contact.source.page': 'Nguồn: thông tin liên hệ được đọc tự động từ nội dung trang này; vui lòng đối chiếu trước khi gửi.',
  'widget.contact.upper': 'Cấp trên: %{agency}',
  'widget.contact.address': 'Địa chỉ',
  'widget.contact.phone': 'Điện thoại',
  'widget.contact.email': 'Thư điện tử',
  'widget.contact.website': 'Trang web',
  'widget.contact.hours': 'Thời gian tiếp nhận',
  'widget.contact.mustContain.title': 'Phản ánh, kiến nghị cần có',
  'widget.contact.mustContain':
    'Phản ánh, kiến nghị viết bằng tiếng Việt, nêu rõ nội dung; ghi rõ tên, địa chỉ, số điện thoại (hoặc địa chỉ thư tín khi cần liên hệ) của người gửi (Nghị định 20/2008/NĐ-CP, Điều 7). Phản ánh qua điện thoại chỉ thực hiện qua số điện thoại chuyên dùng đã công bố.',
  'widget.gap.title': 'Trang này còn thiếu hoặc sai thông tin nào?',
  'widget.gap.reading': 'Đang kiểm tra các thành phần thông tin bắt buộc trên trang…',
  'widget.gap.intro':
    'Các thành phần thông tin bắt buộc của thủ tục; mục được đánh dấu sẵn là mục công cụ không tìm thấy trên trang. Hãy đánh dấu mục bạn không tìm thấy hoặc thấy sai.',
  'widget.gap.notProcedure': 'Không nhận ra nội dung thủ tục hành chính trên trang này.',
  'widget.gap.failed': 'Không kiểm tra được trang này.',
  'widget.gap.found': 'kiểm tra tự động: %{status}',
  'widget.gap.wrong': 'thông tin sai',
  'widget.gap.wrongOf': '%{name}: thông tin sai',
  'widget.gap.submit': 'Gửi báo thiếu thông tin',
  'widget.gap.noneTicked': 'Vui lòng đánh dấu ít nhất một mục còn thiếu hoặc sai.',
  'widget.gap.thanks': 'Cảm ơn bạn. Báo cáo thiếu thông tin đã được ghi nhận.',
  'widget.gap.thanksReceipt': 'Cảm ơn bạn. Báo cáo thiếu thông tin đã được ghi nhận, mã biên nhận: %{receipt}.',
  'widget.status.pass': 'có',
  'widget.status.fail': 'không tìm thấy',
  'widget.status.review': 'cần xem lại',
  'widget.status.na': 'không áp dụng',
} as const;

export type WidgetCoreMessageId = keyof typeof vi;
export type WidgetPanelMessageId = keyof typeof viPanels;
export type WidgetMessageId = WidgetCoreMessageId | WidgetPanelMessageId;
