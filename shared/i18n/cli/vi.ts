/**
 * The command-line auditor's messages: usage, argument errors and why an input could not be read.
 * Vietnamese, the first language: it defines the keys; en.ts must have the same ones (parity test).
 */
export const vi = {
  'cli.usage': `Cách dùng: npm run audit -- [tùy chọn] <tệp.html|URL>...
           npm run audit -- --from-list <URL trang danh sách> [tùy chọn]
           npm run audit -- --urls <tệp danh sách URL> [tùy chọn]

Kiểm tra trang thủ tục hành chính có công khai đủ các bộ phận theo quy định.

Tùy chọn:
  --format table|json|csv  kết quả: bảng để đọc (mặc định), một mảng JSON các báo cáo,
                           hoặc CSV mỗi dòng một trang và một bộ phận (UTF-8 có BOM, mở bằng Excel)
  --render                 mở từng trang trong Chromium không giao diện trước, chờ nội dung
                           ổn định (cho cổng thông tin nạp nội dung sau khi tải trang)
  --lang vi|en             ngôn ngữ của bảng, CSV và thông báo (mặc định vi)
  -h, --help               in hướng dẫn này

Kiểm tra cả cổng thông tin:
  --from-list <URL>        lấy liên kết thủ tục trên trang danh sách và các trang phân trang của nó
  --max-pages N            đọc tối đa N trang danh sách (mặc định 200)
  --max-links N            lấy tối đa N liên kết thủ tục (mặc định 5000)
  --link-selector <CSS>    chỉ rõ liên kết thủ tục khi không tự nhận ra (hồ sơ trang)
  --next-selector <CSS>    chỉ rõ liên kết phân trang
  --allow-host <tên miền>  cho phép liên kết sang tên miền này (mặc định chỉ cùng tên miền)
  --urls <tệp>             kiểm tra các URL trong tệp (mỗi dòng một URL, dòng bắt đầu bằng # bị bỏ qua)
  --concurrency N          số trang kiểm tra cùng lúc (mặc định 3, tối đa 32)
  --timeout GIÂY           thời gian chờ mỗi trang (mặc định 30)
  --answer-timeout GIÂY|auto
                           thời gian chờ máy chủ bắt đầu trả lời một trang;
                           auto (mặc định): chờ trọn --timeout cho đến khi 10 trang của trang web
                           đó đã trả lời, sau đó gấp 10 lần thời gian mà trong đó nó trả lời 90%
                           số trang, ít nhất 3 giây (máy chủ chưa bắt đầu trả lời sau thời gian đó
                           được coi là bị treo: trang được tính là quá thời gian chờ, nhường chỗ
                           cho trang khác; trang đã bắt đầu trả lời vẫn được chờ trọn thời gian)
  --resume <tệp>           lưu trạng thái vào tệp sau mỗi trang; chạy lại cùng lệnh để tiếp tục
                           lượt bị ngắt mà không kiểm tra lại trang đã xong
  --out <thư mục>          ghi báo cáo cổng thông tin (portal.csv, portal.json, portal.html) và
                           báo cáo từng trang (pages/*.json)

Mã thoát: 0 đã kiểm tra xong (dù kết quả thế nào), 2 sai tham số, 3 đã xong nhưng có trang
không tải được (hết thời gian chờ, lỗi HTTP, lỗi tải), 4 lượt kiểm tra dừng trước khi xong
(tiếp tục bằng --resume), 1 lỗi không lường trước.`,
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
  'cli.load.noAnswer': '%{url} không bắt đầu trả lời trong %{seconds} giây',
  'cli.batch.answerLearnt':
    '%{host} đã trả lời 90% số trang trong vòng %{typical} giây: trang nào máy chủ chưa bắt đầu trả lời sau %{seconds} giây sẽ được tính là quá thời gian chờ (đổi bằng --answer-timeout).',
  'cli.load.httpStatus': '%{url} trả lời HTTP %{status}',
  'cli.load.notHtml': '%{url} không phải trang HTML (%{type})',
  'cli.load.cannotLoad': 'không mở được %{url}: %{detail}',
  'cli.load.needsChromium': '--render cần Chromium tại %{path} (đặt CHROMIUM_PATH): %{detail}',
  'cli.unexpected': 'lỗi không lường trước: %{detail}',
  'cli.error.needsValue': '%{option} cần một giá trị.',
  'cli.error.badNumber': '%{option} nhận một số nguyên từ %{min} đến %{max} (nhận được %{got}).',
  'cli.error.fromListNotUrl': '--from-list nhận địa chỉ http(s) của trang danh sách thủ tục (nhận được %{got}).',
  'cli.load.renderTimedOut': 'không mở xong %{url} trong %{seconds} giây',
  'cli.batch.urlsUnreadable': 'không đọc được tệp danh sách URL %{path}: %{detail}',
  'cli.batch.urlsBadLine': '%{path}, dòng %{line}: “%{text}” không phải địa chỉ http(s).',
  'cli.batch.urlsEmpty': 'Tệp %{path} không có địa chỉ nào.',
  'cli.batch.stateUnreadable': 'không đọc được tệp trạng thái %{path}: %{detail}',
  'cli.batch.stateUnwritable': 'không ghi được tệp trạng thái %{path}: %{detail}',
  'cli.batch.resumed': 'Tiếp tục lượt kiểm tra lưu trong %{path}: còn %{left} trên %{total} trang.',
  'cli.batch.resumeIgnoresInputs': 'Tệp %{path} đã có danh sách trang của lượt trước; bỏ qua --from-list, --urls và các đầu vào khác.',
  'cli.batch.listReading': 'Đọc trang danh sách %{n}: %{url}',
  'cli.batch.listFailed': 'không đọc được trang danh sách %{url}: %{detail}',
  'cli.batch.listFound': 'Tìm thấy %{links} liên kết thủ tục trên %{pages} trang danh sách.',
  'cli.batch.listCapPages': 'Dừng đọc phân trang ở %{max} trang danh sách (--max-pages).',
  'cli.batch.listCapLinks': 'Dừng ở %{max} liên kết thủ tục (--max-links).',
  'cli.batch.noLinks':
    'Không tìm thấy liên kết thủ tục nào trên %{url}. Hãy chỉ rõ bằng --link-selector (và --next-selector cho phân trang), hoặc dùng --urls.',
  'cli.batch.progress': '%{done}/%{total} trang · %{rate} trang/phút · còn %{left}',
  'cli.batch.lineDone': '[%{n}/%{total}] %{url}: %{summary}',
  'cli.batch.lineUnscannable': '[%{n}/%{total}] %{url}: không kiểm tra được: %{reason}',
  'cli.batch.summary': 'Xong %{finished}/%{total} trang: %{done} kiểm tra được, %{unscannable} không kiểm tra được; %{rate} trang/phút.',
  'cli.batch.stopped': 'Đã dừng trước khi xong: còn %{left} trang. Chạy lại cùng lệnh với --resume %{path} để tiếp tục.',
  'cli.batch.stoppedNoState': 'Đã dừng trước khi xong: còn %{left} trang chưa kiểm tra (dùng --resume <tệp> để có thể tiếp tục).',
  'cli.batch.outWritten': 'Đã ghi báo cáo cổng thông tin vào %{dir} (portal.csv, portal.json, portal.html, pages/).',
  'cli.batch.outFailed': 'không ghi được vào thư mục %{dir}: %{detail}',
} as const;

export type CliMessageId = keyof typeof vi;
