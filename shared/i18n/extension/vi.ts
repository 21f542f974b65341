/**
 * The auditor extension's messages (side panel); report texts come from the common catalog.
 * Vietnamese, the first language: it defines the keys; en.ts must have the same ones (parity test).
 * Placeholders are written %{name}; a message with a count may give plural forms ({ other, one }).
 */
export const vi = {
  'extension.sidepanel.title': 'Kiểm tra công khai thủ tục hành chính',
  'extension.sidepanel.scan': 'Kiểm tra trang này',
  'extension.sidepanel.noPage': 'Không đọc được trang đang mở: %{reason}',
  'extension.sidepanel.noTab': 'Không có thẻ nào đang mở.',
  'extension.sidepanel.invalidResponse': 'Câu trả lời của trang không đúng định dạng.',
} as const;

export type ExtensionMessageId = keyof typeof vi;
