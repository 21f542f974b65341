/** Tên thủ tục hành chính: the procedure's name. Decree 63/2010 Art. 8(2)(a), as amended by Decree 92/2017. */
import type { ElementDefinition } from '../../types';

export const element = {
  id: 'name',
  legalName: 'Tên thủ tục hành chính',
  englishName: 'Procedure name',
  requirement: 'always',
  legalRef: { document: 'Nghị định 63/2010/NĐ-CP', provision: 'Điều 8, khoản 2, điểm a', amendedBy: 'Nghị định 92/2017/NĐ-CP' },
  labels: [
    'Tên thủ tục',
    'Tên thủ tục hành chính',
    'Tên TTHC',
    'Tên tài liệu',
    'Procedure name',
    'Name of procedure',
    { text: 'Thủ tục', inlineOnly: true },
    { text: 'Thủ tục hành chính', inlineOnly: true },
  ],
  tags: ['law.nd63-art8-2a', 'cat.identity'],
} as const satisfies ElementDefinition;
