/** Trình tự thực hiện: the steps an applicant follows. Decree 63/2010 Art. 8(2)(b). */
import type { ElementDefinition } from '../../types';

export const element = {
  id: 'steps',
  legalName: 'Trình tự thực hiện',
  englishName: 'Steps',
  requirement: 'always',
  legalRef: { document: 'Nghị định 63/2010/NĐ-CP', provision: 'Điều 8, khoản 2, điểm b', amendedBy: 'Nghị định 92/2017/NĐ-CP' },
  labels: [
    'Trình tự thực hiện',
    'Trình tự thực hiện thủ tục hành chính',
    'Trình tự thực hiện TTHC',
    'Trình tự, thủ tục',
    'Trình tự giải quyết',
    'Các bước thực hiện',
    'Các bước',
    'Hướng dẫn thủ tục',
    'Order of execution',
    'Order of implementation',
    'Steps',
    'Procedure steps',
    { text: 'Tên bước', columnOnly: true },
    { text: 'Mô tả bước', columnOnly: true },
  ],
  tags: ['law.nd63-art8-2b', 'cat.content'],
} as const satisfies ElementDefinition;
