/**
 * Căn cứ pháp lý: the legal documents that set the procedure. Not an Art. 8 component but required
 * content of the announcement decision and the CSDLQG record: Decree 63/2010 Art. 15(1)(b).
 */
import type { ElementDefinition } from '../../types';

export const element = {
  id: 'legal-basis',
  legalName: 'Căn cứ pháp lý',
  englishName: 'Legal basis',
  requirement: 'always',
  legalRef: { document: 'Nghị định 63/2010/NĐ-CP', provision: 'Điều 15, khoản 1, điểm b', amendedBy: 'Nghị định 92/2017/NĐ-CP' },
  labels: [
    'Căn cứ pháp lý',
    'Căn cứ pháp lý của thủ tục hành chính',
    'Căn cứ pháp lý của TTHC',
    'Văn bản quy định',
    'Văn bản pháp lý',
    'Cơ sở pháp lý',
    'Legal basis',
    'Legal grounds',
    { text: 'Tên văn bản pháp lý', columnOnly: true },
    { text: 'Tên văn bản', columnOnly: true },
    { text: 'Trích yếu', columnOnly: true },
    { text: 'Trích yếu nội dung', columnOnly: true },
  ],
  tags: ['law.nd63-art15-1b', 'cat.content'],
} as const satisfies ElementDefinition;
