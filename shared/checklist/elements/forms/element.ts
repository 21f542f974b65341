/**
 * Mẫu đơn, mẫu tờ khai hành chính: the forms to fill in. Decree 63/2010 Art. 8(2)(h); Circular
 * 02/2017/TT-VPCP asks that forms be attached right after the procedure (secondary source).
 */
import type { ElementDefinition } from '../../types';

export const element = {
  id: 'forms',
  legalName: 'Mẫu đơn, mẫu tờ khai hành chính',
  englishName: 'Application forms',
  requirement: 'conditional',
  legalRef: { document: 'Nghị định 63/2010/NĐ-CP', provision: 'Điều 8, khoản 2, điểm h', amendedBy: 'Nghị định 92/2017/NĐ-CP' },
  labels: [
    'Mẫu đơn, tờ khai',
    'Mẫu đơn, mẫu tờ khai',
    'Mẫu đơn, mẫu tờ khai hành chính',
    'Tên mẫu đơn, mẫu tờ khai',
    'Tên mẫu đơn, tờ khai',
    'Mẫu đơn, tờ khai (nếu có)',
    'Mẫu đơn đăng ký',
    'Mẫu đơn',
    'Mẫu tờ khai',
    'Biểu mẫu',
    'Tệp đính kèm',
    'Forms',
    'Application forms',
    'Templates',
  ],
  tags: ['law.nd63-art8-2h', 'law.tt02-2017', 'cat.content'],
} as const satisfies ElementDefinition;
