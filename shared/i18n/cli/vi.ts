/**
 * The command-line auditor's messages: usage, argument errors and why an input could not be read.
 * Vietnamese, the first language: it defines the keys; en.ts must have the same ones (parity test).
 */
export const vi = {
  'cli.usage': `Cách dùng: npm run audit -- [tùy chọn] <tệp.html|URL>...

Kiểm tra trang thủ tục hành chính có công khai đủ các bộ phận theo quy định.

Tùy chọn:
  --format table|json|csv  kết quả: bảng để đọc (mặc định), một mảng JSON các báo cáo,
                           hoặc CSV mỗi dòng một trang và một bộ phận (UTF-8 có BOM, mở bằng Excel)
  --render                 mở từng trang trong Chromium không giao diện trước, chờ nội dung
                           ổn định (cho cổng thông tin nạp nội dung sau khi tải trang)
  --lang vi|en             ngôn ngữ của bảng, CSV và thông báo (mặc định vi)
  -h, --help               in hướng dẫn này

Mã thoát: 0 đã kiểm tra (dù kết quả thế nào), 2 sai tham số, 3 có đầu vào không đọc được.`,
  'cli.error.badFormat': '--format nhận table, json hoặc csv (nhận được %{got}).',
  'cli.error.badLang': '--lang nhận vi hoặc en (nhận được %{got}).',
  'cli.error.missingValue': 'không có giá trị',
  'cli.error.unknownOption': 'Không có tùy chọn %{option}.',
  'cli.error.noInput': 'Cần ít nhất một tệp HTML hoặc một URL để kiểm tra.',
  'cli.load.notFound': 'không có tệp %{path}',
  'cli.load.isFolder': '%{path} là thư mục, không phải tệp',
  'cli.load.cannotRead': 'không đọc được %{path}: %{detail}',
  'cli.load.tooLarge': '%{path} lớn hơn %{mb} MB',
  'cli.load.cannotFetch': 'không tải được %{url}: %{detail}',
  'cli.load.fetchTimedOut': 'không tải được %{url}: quá thời gian chờ',
  'cli.load.httpStatus': '%{url} trả lời HTTP %{status}',
  'cli.load.notHtml': '%{url} không phải trang HTML (%{type})',
  'cli.load.cannotLoad': 'không mở được %{url}: %{detail}',
  'cli.load.needsChromium': '--render cần Chromium tại %{path} (đặt CHROMIUM_PATH): %{detail}',
  'cli.unexpected': 'lỗi không lường trước: %{detail}',
} as const;

export type CliMessageId = keyof typeof vi;
