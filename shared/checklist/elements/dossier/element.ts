/**
 * Thành phần, số lượng hồ sơ: the documents to file and how many copies. Decree 63/2010
 * Art. 8(2)(d) as amended by Decree 92/2017 (the 2010 text said only "Hồ sơ").
 */
import type { ElementDefinition } from '../../types';

export const element = {
  id: 'dossier',
  legalName: 'Thành phần, số lượng hồ sơ',
  englishName: 'Dossier (documents and quantity)',
  requirement: 'always',
  legalRef: { document: 'Nghị định 63/2010/NĐ-CP', provision: 'Điều 8, khoản 2, điểm d', amendedBy: 'Nghị định 92/2017/NĐ-CP' },
  labels: [
    'Thành phần hồ sơ',
    'Thành phần, số lượng hồ sơ',
    'Thành phần số lượng hồ sơ',
    'Thành phần hồ sơ, số lượng hồ sơ',
    'Hồ sơ kèm theo',
    'Hồ sơ gồm',
    'Hồ sơ bao gồm',
    'Hồ sơ',
    'Composition of documents',
    'Composition and quantity of documents',
    'Composition and number of documents',
    'Composition of dossier',
    'Dossier composition',
    'Required documents',
    'Dossier',
    { text: 'Tên giấy tờ', columnOnly: true },
    { text: 'Loại giấy tờ', columnOnly: true },
    { text: 'Tên hồ sơ', columnOnly: true },
  ],
  tags: ['law.nd63-art8-2d', 'cat.content'],
} as const satisfies ElementDefinition;
