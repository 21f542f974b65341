/** Thời hạn giải quyết: how long the agency may take. Decree 63/2010 Art. 8(2)(đ). */
import type { ElementDefinition } from '../../types';

export const element = {
  id: 'time-limit',
  legalName: 'Thời hạn giải quyết',
  englishName: 'Time limit',
  requirement: 'always',
  legalRef: { document: 'Nghị định 63/2010/NĐ-CP', provision: 'Điều 8, khoản 2, điểm đ', amendedBy: 'Nghị định 92/2017/NĐ-CP' },
  labels: [
    'Thời hạn giải quyết',
    'Thời hạn giải quyết thủ tục hành chính',
    'Thời gian giải quyết',
    'Thời gian xử lý',
    'Thời hạn xử lý',
    'Số ngày xử lý',
    'Ngày thụ lý',
    'Time limit',
    'Time limit for settlement',
    'Processing time',
    'Processing time limit',
    'Settlement time limit',
    'Time limit for processing',
    'Time for settlement',
    { text: 'Thời gian', columnOnly: true },
  ],
  tags: ['law.nd63-art8-2dd', 'cat.content'],
} as const satisfies ElementDefinition;
