/**
 * The figures: sums over the fact index (facts.ts) under a filter. The index of satisfaction is the
 * share of satisfied answers ("Hài lòng" + "Rất hài lòng", shared/protocol/scale.ts) among the
 * answers counted: for overall, agency, procedure and the series, each current overall rating is
 * one answer; per question, each current rating's answer to that question is one. A figure from
 * fewer answers than the minimum is marked tooFew. Gap reports all count (they replace nothing).
 */
import { SATISFIED_FROM } from '../../shared/protocol/scale';
import { searchKey } from '../../shared/text/normalize';
import type { Queryable } from '../db/driver';
import { ENGINE_FAIL, ENGINE_REVIEW, factsOf, MISSING, Q, QUESTIONS, WRONG, type Facts, type ProcEntry } from './facts';
import { bucketStarts, dayOf, isoOf, periodFilter } from './filter';
import { latestComments } from './queries';
import {
  DEFAULT_MIN_ANSWERS,
  type AgencyFigure,
  type Formula,
  type DashboardFilter,
  type DashboardSummary,
  type GapElement,
  type GapRow,
  type IndexFigure,
  type ProcedureDetail,
  type PublicSummary,
  type QuestionFigure,
  type SeriesPoint,
  type SummaryOptions,
  type SummaryRow,
} from './types';

type DashDb = Queryable & { kind: string };

export function indexFigure(answers: number, satisfied: number, minAnswers: number): IndexFigure {
  return { answers, satisfied, share: answers ? satisfied / answers : null, tooFew: answers < minAnswers };
}

/** Which procedure entries the filter's agency and procedure select (1 = selected). */
export function selectProcs(facts: Facts, filter: Pick<DashboardFilter, 'agency' | 'procedure'>): Uint8Array {
  const mask = new Uint8Array(facts.procs.length);
  const wanted = filter.procedure?.trim();
  const folded = wanted ? searchKey(wanted) : '';
  for (const p of facts.procs) {
    if (filter.agency !== undefined && filter.agency !== '' && p.agency !== filter.agency) continue;
    if (wanted && p.code !== wanted && !p.fold.includes(folded)) continue;
    mask[p.id] = 1;
  }
  return mask;
}

/** Sums of one pass over the facts. */
interface Sums {
  procN: Int32Array;
  procSat: Int32Array;
  byLevel5: [number, number, number, number, number];
  byLevel3: [number, number, number];
  qN: Int32Array;
  qSat: Int32Array;
  bucketN: Int32Array;
  bucketSat: Int32Array;
  buckets: number[];
  ratings: number;
  /** Current ratings at a satisfied level. */
  satisfied: number;
  comments: number;
  gapReports: number;
  gapCitizen: Int32Array;
  gapEngine: Int32Array;
  gapLast: Float64Array;
  /** Per procedure with reports: counts per element code (element * 4 + kind). */
  gapCodes: Map<number, Int32Array>;
}

function sum(facts: Facts, filter: DashboardFilter, mask: Uint8Array, from5: number, from3: number): Sums {
  const from = dayOf(filter.from);
  const to = dayOf(filter.to);
  const buckets = bucketStarts(from, to, filter.bucket);
  // Day -> bucket position, for the days of the period.
  const dayBucket = new Int32Array(Math.max(0, to - from));
  for (let b = 0, d = from; d < to; d++) {
    while (b + 1 < buckets.length && d >= buckets[b + 1]!) b++;
    dayBucket[d - from] = b;
  }
  const langBit = filter.lang === undefined ? -1 : filter.lang === 'en' ? 1 : 0;
  const P = facts.procs.length;
  const s: Sums = {
    procN: new Int32Array(P),
    procSat: new Int32Array(P),
    byLevel5: [0, 0, 0, 0, 0],
    byLevel3: [0, 0, 0],
    qN: new Int32Array(Q),
    qSat: new Int32Array(Q),
    bucketN: new Int32Array(buckets.length),
    bucketSat: new Int32Array(buckets.length),
    buckets,
    ratings: 0,
    satisfied: 0,
    comments: 0,
    gapReports: 0,
    gapCitizen: new Int32Array(P),
    gapEngine: new Int32Array(P),
    gapLast: new Float64Array(P),
    gapCodes: new Map(),
  };
  const { rDay, rProc, rFlags, rOverall, rAnswered } = facts;
  // How many ratings answered (and answered satisfied) each combination of questions: one count
  // per rating here, split into per-question counts once after the pass.
  const answeredBy = new Int32Array(65536);
  const satisfiedBy = new Int32Array(65536);
  const { procN, procSat, bucketN, bucketSat, qN, qSat } = s;
  // levels[0..4]: 5-level answers 1..5; levels[5..7]: 3-level answers 1..3.
  const levels = new Int32Array(8);
  const sat5 = from5;
  const sat3 = from3;
  // The questions answered at a satisfied level, per scale.
  const satisfiedMask5 = facts.rAtLeast[sat5]!;
  const satisfiedMask3 = facts.rAtLeast[sat3]!;
  let satisfied = 0;
  let ratings = 0;
  let comments = 0;
  for (let i = 0, n = facts.rn; i < n; i++) {
    const d = rDay[i]!;
    if (d < from || d >= to) continue;
    const p = rProc[i]!;
    if (mask[p] === 0) continue;
    const f = rFlags[i]!;
    if (langBit >= 0 && (f & 1) !== langBit) continue;
    if (f & 4) comments++;
    if (!(f & 2)) continue;
    const level = rOverall[i]!;
    const three = (f & 8) !== 0;
    const least = three ? sat3 : sat5;
    const ok = level >= least ? 1 : 0;
    satisfied += ok;
    ratings++;
    procN[p]!++;
    procSat[p]! += ok;
    const b = dayBucket[d - from]!;
    bucketN[b]!++;
    bucketSat[b]! += ok;
    levels[three ? level + 4 : level - 1]!++;
    answeredBy[rAnswered[i]!]!++;
    satisfiedBy[(three ? satisfiedMask3 : satisfiedMask5)[i]!]!++;
  }
  for (let m = 1; m < 65536; m++) {
    const n = answeredBy[m]!;
    const sat = satisfiedBy[m]!;
    if (n === 0 && sat === 0) continue;
    for (let q = 0; q < Q; q++)
      if (m & (1 << q)) {
        qN[q]! += n;
        qSat[q]! += sat;
      }
  }
  s.ratings = ratings;
  s.satisfied = satisfied;
  s.comments = comments;
  s.byLevel5 = [levels[0]!, levels[1]!, levels[2]!, levels[3]!, levels[4]!];
  s.byLevel3 = [levels[5]!, levels[6]!, levels[7]!];
  for (const c of facts.deadComments)
    if (c.day >= from && c.day < to && mask[c.proc] && (langBit < 0 || Number(c.en) === langBit)) s.comments++;
  const { gDay, gProc, gFlags, gMs, gStart, gCodes } = facts;
  const E4 = facts.elements.length * 4;
  for (let i = 0, n = facts.gn; i < n; i++) {
    const d = gDay[i]!;
    if (d < from || d >= to) continue;
    const p = gProc[i]!;
    if (!mask[p]) continue;
    const f = gFlags[i]!;
    if (langBit >= 0 && (f & 1) !== langBit) continue;
    s.gapReports++;
    if (f & 4) s.comments++;
    s.gapCitizen[p]!++;
    if (f & 2) s.gapEngine[p]!++;
    if (gMs[i]! > s.gapLast[p]!) s.gapLast[p] = gMs[i]!;
    let counts = s.gapCodes.get(p);
    if (!counts) s.gapCodes.set(p, (counts = new Int32Array(E4)));
    for (let k = gStart[i]!, end = gStart[i + 1]!; k < end; k++) counts[gCodes[k]!]!++;
  }
  return s;
}

/**
 * The sequence numbers of the newest `per` comments on each procedure entry of `procs` in the
 * filter's period and language: comments of ratings (replaced ones too) and of gap reports, found
 * in the fact index (newest first from its end) so that only these rows are read from the table.
 */
export function latestCommentSeqs(facts: Facts, filter: DashboardFilter, procs: readonly number[], per: number): number[] {
  const from = dayOf(filter.from);
  const to = dayOf(filter.to);
  const langBit = filter.lang === undefined ? -1 : filter.lang === 'en' ? 1 : 0;
  const found = new Map<number, number[]>(procs.map((p) => [p, []]));
  const scan = (n: number, day: Int32Array, proc: Int32Array, flags: Uint8Array, seqOf: (i: number) => number) => {
    let open = found.size;
    for (let i = n - 1; i >= 0 && open > 0; i--) {
      const f = flags[i]!;
      if (!(f & 4) || (langBit >= 0 && (f & 1) !== langBit)) continue;
      const d = day[i]!;
      if (d < from || d >= to) continue;
      const list = found.get(proc[i]!);
      if (!list || list.length >= per) continue;
      list.push(seqOf(i));
      if (list.length === per) open--;
    }
  };
  // The newest `per` of each kind (ratings, gap reports, replaced ratings), then the newest `per` of them all.
  const kinds = new Map<number, number[]>();
  scan(facts.rn, facts.rDay, facts.rProc, facts.rFlags, (i) => facts.ratingSeq(i));
  for (const [p, list] of found) kinds.set(p, list.splice(0));
  scan(facts.gn, facts.gDay, facts.gProc, facts.gFlags, (i) => facts.gSeq[i]!);
  for (const c of facts.deadComments)
    if (c.day >= from && c.day < to && (langBit < 0 || Number(c.en) === langBit)) found.get(c.proc)?.push(c.seq);
  const out: number[] = [];
  for (const [p, list] of found) out.push(...[...kinds.get(p)!, ...list].sort((a, b) => b - a).slice(0, per));
  return out;
}

/** The lowest satisfied level per scale of `options` (SATISFIED_FROM unless configured). */
function satisfiedFrom(options: SummaryOptions): { 5: number; 3: number } {
  const given = options.satisfiedFrom;
  const five = given?.[5] ?? SATISFIED_FROM[5];
  const three = given?.[3] ?? SATISFIED_FROM[3];
  if (![2, 3, 4, 5].includes(five) || ![2, 3].includes(three)) throw new RangeError('satisfiedFrom: 2–5 of 5, 2–3 of 3');
  return { 5: five, 3: three };
}

/** The levels counted as satisfied on each scale, for the formula shown. */
export function satisfiedLevels(from: { 5: number; 3: number }): Formula['satisfiedLevels'] {
  const range = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  return { 5: range(from[5], 5), 3: range(from[3], 3) };
}

function ref(p: ProcEntry) {
  return { code: p.code, name: p.name, agency: p.agency, pageUrl: p.pageUrl };
}

function gapRow(facts: Facts, s: Sums, p: ProcEntry): GapRow {
  const counts = s.gapCodes.get(p.id)!;
  const elements: GapElement[] = [];
  for (let e = 0; e < facts.elements.length; e++) {
    const b = e * 4;
    const el = {
      id: facts.elements[e]!,
      missing: counts[b + MISSING]!,
      wrong: counts[b + WRONG]!,
      engineFail: counts[b + ENGINE_FAIL]!,
      engineReview: counts[b + ENGINE_REVIEW]!,
    };
    if (el.missing || el.wrong || el.engineFail || el.engineReview) elements.push(el);
  }
  return {
    ...ref(p),
    citizenReports: s.gapCitizen[p.id]!,
    engineReports: s.gapEngine[p.id]!,
    elements,
    lastAt: new Date(s.gapLast[p.id]!).toISOString(),
  };
}

function perQuestion(s: Sums, minAnswers: number): QuestionFigure[] {
  const out: QuestionFigure[] = [];
  for (let q = 0; q < Q; q++)
    if (s.qN[q])
      out.push({ questionSet: QUESTIONS[q]!.set, questionId: QUESTIONS[q]!.id, ...indexFigure(s.qN[q]!, s.qSat[q]!, minAnswers) });
  return out;
}

function series(s: Sums, minAnswers: number): SeriesPoint[] {
  return s.buckets.map((b, i) => ({ bucketStart: isoOf(b), ...indexFigure(s.bucketN[i]!, s.bucketSat[i]!, minAnswers) }));
}

const collator = new Intl.Collator('vi');
const byAnswersThenName = <T extends { answers: number; name?: string | null; agency?: string | null }>(a: T, b: T) =>
  b.answers - a.answers || collator.compare(String(a.name ?? a.agency ?? ''), String(b.name ?? b.agency ?? ''));

/** Every figure of the dashboard's main view for `filter`. */
export async function dashboardSummary(db: DashDb, filter: DashboardFilter, options: SummaryOptions = {}): Promise<DashboardSummary> {
  const minAnswers = options.minAnswers ?? DEFAULT_MIN_ANSWERS;
  const facts = await factsOf(db);
  const mask = selectProcs(facts, filter);
  const from = satisfiedFrom(options);
  const s = sum(facts, filter, mask, from[5], from[3]);

  const agencies = new Map<string | null, { n: number; sat: number }>();
  const perProcedure = [];
  for (const p of facts.procs) {
    const n = s.procN[p.id]!;
    if (!n) continue;
    perProcedure.push({ ...ref(p), ...indexFigure(n, s.procSat[p.id]!, minAnswers) });
    const a = agencies.get(p.agency) ?? { n: 0, sat: 0 };
    a.n += n;
    a.sat += s.procSat[p.id]!;
    agencies.set(p.agency, a);
  }
  perProcedure.sort(byAnswersThenName);
  const perAgency: AgencyFigure[] = [...agencies]
    .map(([agency, a]) => ({ agency, ...indexFigure(a.n, a.sat, minAnswers) }))
    .sort(byAnswersThenName);

  // Most reports first (then the latest): only the rows kept are built.
  const gaps = [...s.gapCodes.keys()]
    .sort((a, b) => s.gapCitizen[b]! - s.gapCitizen[a]! || s.gapLast[b]! - s.gapLast[a]!)
    .slice(0, options.gapLimit ?? 200)
    .map((p) => gapRow(facts, s, facts.procs[p]!));

  const satisfied = s.satisfied;
  return {
    filter,
    formula: { satisfiedLevels: satisfiedLevels(from), minAnswers },
    overall: { ...indexFigure(s.ratings, satisfied, minAnswers), byLevel5: s.byLevel5, byLevel3: s.byLevel3 },
    perAgency,
    perProcedure,
    perQuestion: perQuestion(s, minAnswers),
    series: series(s, minAnswers),
    gaps,
    totals: { ratings: s.ratings, gapReports: s.gapReports, comments: s.comments },
  };
}

/**
 * One procedure (by code, or by page URL for a procedure without a code) under `filter`: its index,
 * series, questions, gaps and latest comments, at every agency unless the filter names one. Null
 * when nothing was ever received for it.
 */
export async function procedureDetail(
  db: DashDb,
  code: string,
  filter: DashboardFilter,
  options: SummaryOptions = {},
): Promise<ProcedureDetail | null> {
  const minAnswers = options.minAnswers ?? DEFAULT_MIN_ANSWERS;
  const facts = await factsOf(db);
  const mask = new Uint8Array(facts.procs.length);
  const entries = facts.procs.filter((p) => p.key === code && (!filter.agency || p.agency === filter.agency));
  if (!entries.length) return null;
  for (const p of entries) mask[p.id] = 1;
  const from = satisfiedFrom(options);
  const s = sum(facts, filter, mask, from[5], from[3]);
  // The entry with most answers names the procedure.
  const main = [...entries].sort((a, b) => s.procN[b.id]! - s.procN[a.id]! || b.seenSeq - a.seenSeq)[0]!;
  let gaps: GapRow | null = null;
  for (const p of entries) {
    if (!s.gapCodes.has(p.id)) continue;
    const row = gapRow(facts, s, p);
    if (!gaps) gaps = { ...row, ...ref(main) };
    else {
      gaps.citizenReports += row.citizenReports;
      gaps.engineReports += row.engineReports;
      if (row.lastAt > gaps.lastAt) gaps.lastAt = row.lastAt;
      for (const e of row.elements) {
        const mine = gaps.elements.find((x) => x.id === e.id);
        if (!mine) gaps.elements.push({ ...e });
        else {
          mine.missing += e.missing;
          mine.wrong += e.wrong;
          mine.engineFail += e.engineFail;
          mine.engineReview += e.engineReview;
        }
      }
      gaps.elements.sort((a, b) => facts.elements.indexOf(a.id) - facts.elements.indexOf(b.id));
    }
  }
  const satisfied = s.satisfied;
  return {
    code: main.code,
    name: main.name,
    agency: main.agency,
    pageUrls: [...new Set(entries.flatMap((p) => [...p.pageUrls]))].sort(),
    index: indexFigure(s.ratings, satisfied, minAnswers),
    series: series(s, minAnswers),
    perQuestion: perQuestion(s, minAnswers),
    gaps,
    comments: await latestComments(
      db,
      entries.map((p) => ({ key: p.key, agency: p.agency })),
      filter,
      50,
    ),
  };
}

/**
 * What may be published for `agency` (Decree 118/2025 Art. 34(1)): the overall index and the index
 * per procedure, each only when it rests on at least `minAnswers` answers. No comments, no
 * personal data. Period: this year unless given.
 */
export async function publicSummary(
  db: DashDb,
  agency: string,
  minAnswers: number = DEFAULT_MIN_ANSWERS,
  period: { from: string; to: string } = periodFilter('year'),
  satisfiedFrom?: SummaryOptions['satisfiedFrom'],
): Promise<PublicSummary> {
  const summary = await dashboardSummary(
    db,
    { ...period, agency, bucket: 'month' },
    { minAnswers, gapLimit: 0, ...(satisfiedFrom ? { satisfiedFrom } : {}) },
  );
  const o = summary.overall;
  return {
    agency,
    from: period.from,
    to: period.to,
    minAnswers,
    satisfiedLevels: summary.formula.satisfiedLevels,
    overall: o.answers >= minAnswers && o.share !== null ? { answers: o.answers, satisfied: o.satisfied, share: o.share } : null,
    perProcedure: summary.perProcedure
      .filter((p) => p.answers >= minAnswers && p.share !== null)
      .map((p) => ({ code: p.code, name: p.name, answers: p.answers, satisfied: p.satisfied, share: p.share! })),
  };
}

/**
 * The per-procedure table of a summary as plain rows (exports, printable report), with the gap
 * counts of the procedures in `summary.gaps` (ask the summary for `gapLimit: Infinity` to have all).
 */
export function summaryRows(summary: DashboardSummary): SummaryRow[] {
  const gaps = new Map(summary.gaps.map((g) => [`${g.code ?? g.pageUrl}\u0000${g.agency ?? ''}`, g]));
  return summary.perProcedure.map((p) => {
    const g = gaps.get(`${p.code ?? p.pageUrl}\u0000${p.agency ?? ''}`);
    return {
      code: p.code ?? p.pageUrl,
      name: p.name ?? '',
      agency: p.agency ?? '',
      answers: p.answers,
      satisfied: p.satisfied,
      sharePercent: p.share === null ? '' : (Math.round(p.share * 1000) / 10).toFixed(1),
      tooFew: p.tooFew,
      citizenReports: g?.citizenReports ?? 0,
      engineReports: g?.engineReports ?? 0,
    };
  });
}
