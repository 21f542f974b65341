/** Phí, lệ phí: charges, or an explicit statement that there are none. Decree 63/2010 Art. 8(2)(h). */
import type { ElementDefinition } from '../../types';

export const element = {
  id: 'fees',
  legalName: 'Phí, lệ phí',
  englishName: 'Fees and charges',
  requirement: 'conditional',
  legalRef: { document: 'Nghị định 63/2010/NĐ-CP', provision: 'Điều 8, khoản 2, điểm h', amendedBy: 'Nghị định 92/2017/NĐ-CP' },
  labels: [
    'Phí, lệ phí',
    'Phí/Lệ phí',
    'Phí và lệ phí',
    'Phí hoặc lệ phí',
    'Các khoản phí và lệ phí',
    'Lệ phí',
    'Phí',
    'Mức phí',
    { text: 'Tên phí', columnOnly: true },
    { text: 'Tên lệ phí', columnOnly: true },
    'Mức thu phí, lệ phí',
    'Fees',
    'Fee',
    'Fees and charges',
    'Charges',
  ],
  tags: ['law.nd63-art8-2h', 'cat.content'],
} as const satisfies ElementDefinition;
