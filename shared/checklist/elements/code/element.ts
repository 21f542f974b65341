/**
 * Mã thủ tục: the procedure's code in the national database (CSDLQG), e.g. 1.000178 or
 * 1.003658.000.00.00.H38. Portal practice rather than an Art. 8 component; Decree 63/2010
 * Art. 15(3) refers to the "số, ký hiệu của hồ sơ thủ tục hành chính" on the CSDLQG.
 */
import type { ElementDefinition } from '../../types';

export const element = {
  id: 'code',
  legalName: 'Mã thủ tục hành chính (mã số hồ sơ trên Cơ sở dữ liệu quốc gia)',
  englishName: 'Procedure code',
  requirement: 'practice',
  legalRef: { document: 'Nghị định 63/2010/NĐ-CP', provision: 'Điều 15, khoản 3' },
  labels: [
    'Mã thủ tục',
    'Mã thủ tục hành chính',
    'Mã TTHC',
    'Ký hiệu thủ tục',
    'Mã số thủ tục',
    'Mã số TTHC',
    'Số hồ sơ',
    'Procedure code',
    'Code',
  ],
  tags: ['law.nd63-art15-3', 'cat.identity'],
} as const satisfies ElementDefinition;
