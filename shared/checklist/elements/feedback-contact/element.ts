/**
 * Where to send a phản ánh, kiến nghị about administrative regulations: agency address, postal
 * address, dedicated phone, website and email. Decree 20/2008 Art. 13 (and Art. 10(3)) as amended
 * by Decree 48/2013. Who receives them changed: at province level it is now the provincial
 * Trung tâm Phục vụ hành chính công, under the provincial People's Committee office (Decree
 * 118/2025 Art. 8(2)(e)); any receiving agency the page names passes, since the duty to publish the
 * contact is Decree 20/2008's. Usually in the site footer or a PAKN module, so the whole page is
 * searched.
 */
import type { ElementDefinition } from '../../types';

export const element = {
  id: 'feedback-contact',
  legalName: 'Địa chỉ tiếp nhận phản ánh, kiến nghị về quy định hành chính',
  englishName: 'Contact for feedback and petitions',
  requirement: 'always',
  legalRef: { document: 'Nghị định 20/2008/NĐ-CP', provision: 'Điều 13', amendedBy: 'Nghị định 48/2013/NĐ-CP' },
  labels: [
    'Địa chỉ tiếp nhận phản ánh, kiến nghị',
    'Địa chỉ tiếp nhận phản ánh, kiến nghị về quy định hành chính',
    'Tiếp nhận phản ánh, kiến nghị',
    'Phản ánh, kiến nghị',
    'Phản ánh kiến nghị',
    'Feedback and petitions',
    'Feedback and recommendations',
    'Address for receiving feedback and recommendations',
    'Address for receiving feedback and recommendations on administrative regulations',
  ],
  tags: ['law.nd20-art13', 'cat.contact'],
} as const satisfies ElementDefinition;
