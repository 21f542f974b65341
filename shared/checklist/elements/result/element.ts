/** Kết quả thực hiện thủ tục hành chính: what the applicant receives. Decree 63/2010 Art. 8(2)(h) (conditional since Decree 92/2017). */
import type { ElementDefinition } from '../../types';

export const element = {
  id: 'result',
  legalName: 'Kết quả thực hiện thủ tục hành chính',
  englishName: 'Result',
  requirement: 'conditional',
  legalRef: { document: 'Nghị định 63/2010/NĐ-CP', provision: 'Điều 8, khoản 2, điểm h', amendedBy: 'Nghị định 92/2017/NĐ-CP' },
  labels: [
    'Kết quả thực hiện',
    'Kết quả thực hiện thủ tục hành chính',
    'Kết quả thực hiện TTHC',
    'Kết quả của việc thực hiện TTHC',
    'Kết quả của việc thực hiện thủ tục hành chính',
    'Kết quả xử lý',
    'Kết quả giải quyết',
    'Kết quả thủ tục',
    'Kết quả',
    'Result',
    'Results',
    'Result of implementation',
  ],
  tags: ['law.nd63-art8-2h', 'cat.content'],
} as const satisfies ElementDefinition;
