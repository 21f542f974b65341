/** Đối tượng thực hiện thủ tục hành chính: who may apply. Decree 63/2010 Art. 8(2)(e). */
import type { ElementDefinition } from '../../types';

export const element = {
  id: 'subjects',
  legalName: 'Đối tượng thực hiện thủ tục hành chính',
  englishName: 'Applicants (subjects)',
  requirement: 'always',
  legalRef: { document: 'Nghị định 63/2010/NĐ-CP', provision: 'Điều 8, khoản 2, điểm e', amendedBy: 'Nghị định 92/2017/NĐ-CP' },
  labels: [
    'Đối tượng thực hiện',
    'Đối tượng thực hiện thủ tục hành chính',
    'Đối tượng thực hiện TTHC',
    'Đối tượng',
    'Subjects',
    'Subjects of implementation',
    'Implementing subjects',
    'Implementation subjects',
    'Applicants',
  ],
  tags: ['law.nd63-art8-2e', 'cat.content'],
} as const satisfies ElementDefinition;
