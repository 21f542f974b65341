/** Yêu cầu, điều kiện thực hiện: requirements an applicant must meet. Decree 63/2010 Art. 8(2)(h). */
import type { ElementDefinition } from '../../types';

export const element = {
  id: 'conditions',
  legalName: 'Yêu cầu, điều kiện thực hiện thủ tục hành chính',
  englishName: 'Requirements and conditions',
  requirement: 'conditional',
  legalRef: { document: 'Nghị định 63/2010/NĐ-CP', provision: 'Điều 8, khoản 2, điểm h', amendedBy: 'Nghị định 92/2017/NĐ-CP' },
  labels: [
    'Yêu cầu, điều kiện thực hiện',
    'Yêu cầu, điều kiện thực hiện thủ tục hành chính',
    'Yêu cầu, điều kiện thực hiện TTHC',
    'Yêu cầu, điều kiện',
    'Yêu cầu điều kiện',
    'Yêu cầu điều kiện thực hiện',
    'Điều kiện thực hiện',
    'Yêu cầu hoặc điều kiện để thực hiện TTHC',
    'Yêu cầu hoặc điều kiện để thực hiện thủ tục hành chính',
    'Yêu cầu',
    'Requirements and conditions',
    'Requirements',
    'Conditions',
  ],
  tags: ['law.nd63-art8-2h', 'cat.content'],
} as const satisfies ElementDefinition;
