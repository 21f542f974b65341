/**
 * Cơ quan giải quyết thủ tục hành chính: the agency that handles the procedure. Decree 63/2010
 * Art. 8(2)(g) as amended by Decree 92/2017 ("Cơ quan thực hiện" before). Cooperating, delegating,
 * announcing or issuing agencies are not it.
 */
import type { ElementDefinition } from '../../types';

export const element = {
  id: 'agency',
  legalName: 'Cơ quan giải quyết thủ tục hành chính',
  englishName: 'Handling agency',
  requirement: 'always',
  legalRef: { document: 'Nghị định 63/2010/NĐ-CP', provision: 'Điều 8, khoản 2, điểm g', amendedBy: 'Nghị định 92/2017/NĐ-CP' },
  labels: [
    'Cơ quan thực hiện',
    'Cơ quan thực hiện thủ tục hành chính',
    'Cơ quan thực hiện TTHC',
    'Cơ quan giải quyết',
    'Cơ quan giải quyết thủ tục hành chính',
    'Cơ quan giải quyết TTHC',
    'Cơ quan có thẩm quyền',
    'Cơ quan có thẩm quyền quyết định',
    'Cơ quan trực tiếp thực hiện TTHC',
    'Cơ quan trực tiếp thực hiện',
    'Cơ quan hành chính',
    'Thẩm quyền xử lý',
    'Thẩm quyền giải quyết',
    'Phòng ban xử lý',
    'Đơn vị thực hiện',
    'Đơn vị giải quyết',
    'Implementing agency',
    'Implementing agencies',
    'Agency',
    'Competent authority',
  ],
  tags: ['law.nd63-art8-2g', 'cat.content'],
} as const satisfies ElementDefinition;
