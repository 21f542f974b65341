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
} as const;

export type CollectorMessageId = keyof typeof vi;
