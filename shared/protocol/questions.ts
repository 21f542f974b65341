/**
 * The question sets a rating may answer, as data shared by the widget, the collector and the
 * dashboard: ids, the catalog key of each item's text, its legal source and the scale. The law
 * sets no scale (Decree 118/2025 sets the items, not points), so the scale belongs to the set.
 * Default: the citizens' evaluation items of Decree 118/2025/NĐ-CP Art. 33(1) a–i; alternative:
 * SIPAS-style items. Item texts live in shared/i18n/widget (Vietnamese verbatim where the law is).
 */
import type { WidgetMessageId } from '../i18n/widget';

export interface Question {
  /** Stable id, the key in a rating's `answers`. */
  id: string;
  /** Catalog key of the item's text. */
  text: WidgetMessageId;
  /** Where the item comes from. */
  source: string;
}

export interface QuestionSet {
  id: string;
  title: WidgetMessageId;
  source: string;
  /** Answers are whole numbers from min to max; labels[i] names level min + i. */
  scale: { min: number; max: number; labels: readonly WidgetMessageId[] };
  questions: readonly Question[];
}

const FIVE_LEVELS = {
  min: 1,
  max: 5,
  labels: ['widget.rating.1', 'widget.rating.2', 'widget.rating.3', 'widget.rating.4', 'widget.rating.5'],
} as const;

const ND118 = 'Nghị định 118/2025/NĐ-CP, Điều 33 khoản 1';
const nd118 = (letter: string): Question => ({
  id: letter,
  text: `widget.question.nd118.${letter}` as WidgetMessageId,
  source: `${ND118} điểm ${letter}`,
});

export const QUESTION_SETS = {
  'nd118-art33': {
    id: 'nd118-art33',
    title: 'widget.questionSet.nd118',
    source: ND118,
    scale: FIVE_LEVELS,
    // Art. 33(1) letters a, b, c, d, đ, e, g, h, i; "đ" is written "dd" in ids.
    questions: ['a', 'b', 'c', 'd', 'dd', 'e', 'g', 'h', 'i'].map(nd118),
  },
  sipas: {
    id: 'sipas',
    title: 'widget.questionSet.sipas',
    source: 'SIPAS (Bộ Nội vụ), các yếu tố dịch vụ hành chính công; câu hỏi theo mẫu đánh giá một cửa',
    scale: FIVE_LEVELS,
    questions: [
      { id: 'access', text: 'widget.question.sipas.access', source: 'SIPAS: Tiếp cận dịch vụ' },
      { id: 'procedure', text: 'widget.question.sipas.procedure', source: 'SIPAS: Thủ tục hành chính' },
      { id: 'staff', text: 'widget.question.sipas.staff', source: 'SIPAS: Sự phục vụ của công chức (chỉ số một cửa 7)' },
      { id: 'time', text: 'widget.question.sipas.time', source: 'SIPAS: Kết quả giải quyết công việc (chỉ số một cửa 1)' },
      {
        id: 'feedback',
        text: 'widget.question.sipas.feedback',
        source: 'SIPAS: Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị (chỉ số một cửa 8)',
      },
      { id: 'online', text: 'widget.question.sipas.online', source: 'Dịch vụ công trực tuyến (chỉ số một cửa 9)' },
    ],
  },
} as const satisfies Record<string, QuestionSet>;

export type QuestionSetId = keyof typeof QUESTION_SETS;
export const QUESTION_SET_IDS = Object.keys(QUESTION_SETS) as QuestionSetId[];
export const DEFAULT_QUESTION_SET: QuestionSetId = 'nd118-art33';
