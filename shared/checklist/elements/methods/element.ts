/** Cách thức thực hiện: how to submit (in person, online, by post). Decree 63/2010 Art. 8(2)(c). */
import type { ElementDefinition } from '../../types';

export const element = {
  id: 'methods',
  legalName: 'Cách thức thực hiện',
  englishName: 'Methods of submission',
  requirement: 'always',
  legalRef: { document: 'Nghị định 63/2010/NĐ-CP', provision: 'Điều 8, khoản 2, điểm c', amendedBy: 'Nghị định 92/2017/NĐ-CP' },
  labels: [
    'Cách thức thực hiện',
    'Cách thức thực hiện thủ tục hành chính',
    'Cách thức thực hiện TTHC',
    'Cách thực hiện',
    'Cách thức nộp hồ sơ',
    'Hình thức nộp hồ sơ',
    'Methods of implementation',
    'Method of implementation',
    'Methods of submission',
    'How to apply',
    { text: 'Hình thức nộp', columnOnly: true },
  ],
  tags: ['law.nd63-art8-2c', 'cat.content'],
} as const satisfies ElementDefinition;
