/**
 * Page-level check `page.current-administration`: the page describes the administration as it is
 * since 1 July 2025, not the one before. Two-level local government ended the district level and the
 * town (thị trấn); Decree 118/2025/NĐ-CP names only ministry, province and commune levels, and the
 * national database's "Cấp thực hiện" takes only Cấp bộ, Cấp tỉnh, Cấp xã and Cơ quan khác. Decree
 * 118 Art. 16(1) requires guidance to applicants to be accurate and complete as the procedure is
 * published on the national database, so a page that still sends citizens to a district body
 * misleads them.
 * One check, not two, reads both the words and the "Cấp thực hiện" value: a retired level value is
 * the plainest sign of the same fault, and a separate level check would say "pass" or "review" on
 * the many pages that publish no level, which the law does not require.
 * fail: a district-level body or a town body named as current in the implementation level, the
 * competent agency, the receiving address or the steps ("Công an cấp huyện", "UBND huyện Hàm Yên",
 * "Cấp thực hiện: Cấp huyện"). review: only the old list "xã, phường, thị trấn" (the commune level
 * is right; the town no longer exists), or a level value the national database does not use.
 * Reading the words is detect.ts; what is not a mention (history, document names, place names, a
 * commune taking over) is said there.
 */
import { classifyValue, evidenceAt, makeFinding, reason } from '../../judge';
import type { LabelKey } from '../../vocabulary';
import type { Evidence, LegalRef, PageCheck, QualityFinding } from '../../types';
import { judgeLevel, preReformMentions, type MentionKind } from './detect';

const ID = 'page.current-administration';

const LEGAL_REF: LegalRef = {
  document: 'Nghị định 118/2025/NĐ-CP',
  provision: 'Điều 16, khoản 1',
  note: 'chỉ có cấp bộ, cấp tỉnh, cấp xã: theo toàn văn Nghị định, chưa xác minh điều khoản riêng',
};

/** Where a page says who handles the procedure and where to go: level, competent agency, receiving address, steps. */
const TEXT_KEYS: ReadonlySet<string> = new Set<LabelKey>(['agency', 'aux:address', 'steps']);

/** At most this many quotes in the reason, so a long page stays readable. */
const MAX_QUOTES = 3;

export const check: PageCheck = {
  id: ID,
  legalRef: LEGAL_REF,
  check(page): QualityFinding {
    const found: { kind: MentionKind | 'retired' | 'unknown'; words: string; evidence: Evidence }[] = [];
    for (const field of page.fields) {
      if (field.key !== 'aux:level' || classifyValue(field.value) !== 'real') continue;
      const verdict = judgeLevel(field.value);
      if (verdict.kind === 'current') continue;
      const kind = verdict.kind === 'town-list' ? 'town-list' : verdict.kind;
      found.push({ kind, words: verdict.value, evidence: { selector: field.evidence.selector, quote: field.evidence.quote } });
    }
    // A placeholder ("Không có thông tin") names no body: every value is read as it is.
    for (const field of page.fields) {
      if (!TEXT_KEYS.has(field.key)) continue;
      for (const mention of preReformMentions(field.value))
        found.push({ kind: mention.kind, words: mention.words, evidence: evidenceAt(field, mention.index, mention.words) });
    }
    const worst = (kinds: readonly string[]) => found.filter((f) => kinds.includes(f.kind));
    const failing = worst(['retired', 'district', 'town']);
    if (failing.length > 0) return finding('fail', 'finding.administration.fail', failing);
    const townLists = worst(['town-list']);
    if (townLists.length > 0) return finding('review', 'finding.administration.townList', townLists);
    const unknown = worst(['unknown']);
    if (unknown.length > 0) return finding('review', 'finding.administration.unknownLevel', unknown);
    return makeFinding(ID, null, 'pass', reason('finding.administration.pass'), [], LEGAL_REF);
  },
};

function finding(
  status: 'fail' | 'review',
  id: 'finding.administration.fail' | 'finding.administration.townList' | 'finding.administration.unknownLevel',
  found: readonly { words: string; evidence: Evidence }[],
): QualityFinding {
  const words = [...new Set(found.map((f) => f.words))];
  const evidence = [...new Map(found.map((f) => [`${f.evidence.selector}\u0000${f.evidence.quote}`, f.evidence])).values()];
  return makeFinding(ID, null, status, reason(id, { value: words.slice(0, MAX_QUOTES).join('”, “') }), evidence, LEGAL_REF);
}
