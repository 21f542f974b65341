/**
 * Page-level check `page.not-expired`: the page does not show the procedure as no longer in force
 * ("Tình trạng hiệu lực: Hết hiệu lực", "Thủ tục này đã bị bãi bỏ"). A portal must publish the
 * procedures as the national database holds them (Decree 63/2010 Art. 26(2) as amended by Decree
 * 92/2017: pages consistent with the CSDLQG), so a repealed procedure left online is a finding.
 * Reads the validity field and short status lines; a legal-basis title that repeals something is not
 * a status line.
 */
import { quote } from '../../../text/normalize';
import { EXPIRED_RE } from '../../../text/patterns';
import { judgeFields, makeFinding, reason } from '../../judge';
import type { LegalRef, PageCheck } from '../../types';

const LEGAL_REF: LegalRef = { document: 'Nghị định 63/2010/NĐ-CP', provision: 'Điều 26, khoản 2', amendedBy: 'Nghị định 92/2017/NĐ-CP' };

export const check: PageCheck = {
  id: 'page.not-expired',
  legalRef: LEGAL_REF,
  check(page) {
    const validity = judgeFields(page, 'aux:validity').find((j) => EXPIRED_RE.test(j.field.value));
    if (validity)
      return makeFinding(
        'page.not-expired',
        null,
        'fail',
        reason('finding.expired.fail', { value: quote(validity.field.value, 60) }),
        [validity.field.evidence],
        LEGAL_REF,
      );
    const marker = page.statusMarkers[0];
    if (marker)
      return makeFinding(
        'page.not-expired',
        null,
        'fail',
        reason('finding.expired.fail', { value: marker.text }),
        [marker.evidence],
        LEGAL_REF,
      );
    return makeFinding('page.not-expired', null, 'pass', reason('finding.expired.pass'), [], LEGAL_REF);
  },
};
