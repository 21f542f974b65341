/**
 * The dashboard's fact index: every current rating and every gap report reduced to a few bytes in
 * typed arrays (day, procedure, language, scale, overall level, one byte per question's answer;
 * for gap reports the elements and the engine's findings), kept in this process and caught up from
 * the database by sequence number. Why: every figure the dashboard shows is a sum over these facts
 * under a filter (period, agency, procedure search, language), and one pass over 1,000,000 facts
 * in typed arrays takes milliseconds, with any period and any bucket, on PGlite and PostgreSQL
 * alike, while SQL over 1,000,000 rows (or over daily counts with 2,000 procedures, nearly as many
 * rows) does not fit 300 ms on PGlite. Nothing is added to the insert path.
 *
 * Catch-up reads `seq > watermark` in pages. The first load learns the replaced ratings in one
 * ordered pass; afterwards, for each new rating the database says whether a later rating of the
 * same respondent and procedure exists (then it is not current) and which earlier one it replaces
 * (then that one stops counting). On PostgreSQL several transactions commit out
 * of sequence order, so the watermark advances only past rows older than SETTLE_MS; rows above it
 * already applied are remembered by sequence number. Limits: memory about 40 bytes per submission
 * per process; comments deleted later by retention still count in `totals.comments`; rows deleted
 * from the table behind the collector's back need `resetFacts`.
 */
import { ELEMENT_IDS } from '../../shared/checklist';
import { QUESTION_SETS } from '../../shared/protocol/questions';
import { searchKey } from '../../shared/text/normalize';
import type { Queryable } from '../db/driver';
import { vnDay } from './filter';

/** A procedure at an agency: the unit the dashboard counts by. */
export interface ProcEntry {
  id: number;
  /** coalesce(code, page URL): what a respondent's rating replaces by. */
  key: string;
  code: string | null;
  name: string | null;
  agency: string | null;
  pageUrl: string;
  pageUrls: Set<string>;
  /** searchKey of code and name, for the procedure search. */
  fold: string;
  /** Sequence number of the submission the name and page came from. */
  seenSeq: number;
}

/** Every question of every set: its position in a rating's answer bytes. */
export const QUESTIONS: readonly { set: string; id: string }[] = Object.values(QUESTION_SETS).flatMap((s) =>
  s.questions.map((q) => ({ set: s.id, id: q.id })),
);
const QUESTION_INDEX = new Map(QUESTIONS.map((q, i) => [`${q.set}\u0000${q.id}`, i]));
export const Q = QUESTIONS.length;
const SET_IDS = Object.keys(QUESTION_SETS);
/** Per question set (by its order): the first question's position and the one after its last. */
export const SET_START = Int32Array.from(SET_IDS, (id) => QUESTIONS.findIndex((q) => q.set === id));
export const SET_END = Int32Array.from(SET_IDS, (id, i) => SET_START[i]! + QUESTIONS.filter((q) => q.set === id).length);
if (SET_IDS.length > 4) throw new Error('the fact index keeps a question set in two bits');

/** Gap element codes: element index * 4 + one of these. */
export const MISSING = 0;
export const WRONG = 1;
export const ENGINE_FAIL = 2;
export const ENGINE_REVIEW = 3;

/** Rows read per query while catching up. */
const PAGE = 20_000;
/** On PostgreSQL, rows younger than this may still have rows of lower seq not yet committed. */
const SETTLE_MS = 10_000;

type Typed = Float64Array | Int32Array | Uint8Array | Uint16Array;

function grow<T extends Typed>(array: T, need: number): T {
  if (need <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(need, array.length * 2, 1024));
  next.set(array);
  return next;
}

interface FetchedRow {
  seq: number;
  kind: string;
  ms: number;
  /** The database's clock at the query. */
  now: number;
  code: string | null;
  name: string | null;
  agency: string | null;
  url: string;
  lang: string;
  scale: number | null;
  overall: number | null;
  qs: string | null;
  /** jsonb as text. */
  answers: string | null;
  has_comment: boolean;
  /** jsonb as text: { elements?: { id, problem }[]; findings?: { results?: { id, status }[] } }. */
  details: string | null;
  superseded: boolean | null;
  prev: number | null;
}

// jsonb travels as text and is parsed here: PGlite's own jsonb parsing was 4 times slower.
const FETCH = `
  SELECT s.seq::float8 AS seq, s.kind, (extract(epoch FROM s.received_at) * 1000)::float8 AS ms,
         (extract(epoch FROM now()) * 1000)::float8 AS now,
         s.procedure_code AS code, s.procedure_name AS name, s.agency, s.page_url AS url, s.lang,
         s.scale_levels AS scale, s.overall, s.question_set AS qs, s.answers::text AS answers, (s.comment IS NOT NULL) AS has_comment,
         CASE WHEN s.kind = 'gap-report' THEN s.details::text END AS details,
         CASE WHEN s.kind = 'rating' AND s.seq > $2 THEN EXISTS (
           SELECT 1 FROM submissions l WHERE l.kind = 'rating' AND l.respondent = s.respondent
             AND coalesce(l.procedure_code, l.page_url) = coalesce(s.procedure_code, s.page_url) AND l.seq > s.seq) END AS superseded,
         CASE WHEN s.kind = 'rating' AND s.seq > $2 THEN (
           SELECT l.seq::float8 FROM submissions l WHERE l.kind = 'rating' AND l.respondent = s.respondent
             AND coalesce(l.procedure_code, l.page_url) = coalesce(s.procedure_code, s.page_url) AND l.seq < s.seq
           ORDER BY l.seq DESC LIMIT 1) END AS prev
  FROM submissions s WHERE s.seq > $1 ORDER BY s.seq LIMIT ${PAGE}`;

/**
 * The first load's replaced ratings up to `$1`, in one ordered pass over the current-rating index
 * (respondent, procedure key, seq DESC) instead of one lookup per row.
 */
const REPLACED = `
  SELECT seq::float8 AS seq FROM (
    SELECT seq, row_number() OVER (PARTITION BY respondent, coalesce(procedure_code, page_url) ORDER BY seq DESC) AS rn
    FROM submissions WHERE kind = 'rating' AND seq <= $1) AS x
  WHERE rn > 1`;

export class Facts {
  readonly procs: ProcEntry[] = [];
  private readonly procIndex = new Map<string, number>();
  /** Element ids in report order: the checklist's, then any other id met in findings. */
  readonly elements: string[] = [...ELEMENT_IDS];
  private readonly elementIndex = new Map<string, number>(ELEMENT_IDS.map((id, i) => [id, i]));

  // Ratings (current ones, plus those superseded after they were read: live = 0).
  rn = 0;
  rSeq = new Float64Array(0);
  rDay = new Int32Array(0);
  rProc = new Int32Array(0);
  /** bit 0: English; bit 1: live (current); bit 2: has a comment; bit 3: 3-level scale; bit 4: has answers; bits 5–6: their question set. */
  rFlags = new Uint8Array(0);
  rOverall = new Uint8Array(0);
  /** Q bytes per rating: the answer's level, 0 for none. */
  rAnswers = new Uint8Array(0);
  /** Superseded ratings that had a comment (they still count as comments received), by day and proc. */
  deadComments: { day: number; proc: number; en: boolean }[] = [];

  // Gap reports.
  gn = 0;
  gDay = new Int32Array(0);
  gMs = new Float64Array(0);
  gProc = new Int32Array(0);
  /** bit 0: English; bit 1: carried findings; bit 2: has a comment. */
  gFlags = new Uint8Array(0);
  gStart = new Int32Array(1);
  gCodes = new Uint16Array(0);
  gcn = 0;

  /** Every row with seq <= low is applied; rows above it in `applied` are too. */
  private low = 0;
  private readonly applied = new Set<number>();
  /** The first run has completed. */
  private loaded = false;
  /** Highest seq when the first run began. */
  private firstMark: number | null = null;
  /** Ratings up to firstMark that a later one up to firstMark replaced (first run only). */
  private replaced = new Set<number>();
  /** Where a late-committed rating sits (its seq breaks the ascending order of rSeq). */
  private readonly late = new Map<number, number>();
  private running: Promise<void> | null = null;

  constructor(private readonly db: Queryable & { kind: string }) {}

  /** Reads what was stored since the last call; concurrent calls share one run. */
  catchUp(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    // The first run reads every row; a rating stored before it began cannot replace one read
    // earlier, so only later ones ask which rating they replace. Every later run asks for all.
    if (this.firstMark === null) {
      // PGlite has no autovacuum: without statistics its planner sorts where an index would do.
      if (this.db.kind === 'pglite') await this.db.exec('ANALYZE submissions');
      const mark = (await this.db.query<{ m: number | null }>('SELECT max(seq)::float8 AS m FROM submissions'))[0]?.m ?? 0;
      const replaced = await this.db.query<{ seq: number }>(REPLACED, [mark]);
      this.replaced = new Set(replaced.map((r) => Number(r.seq)));
      this.firstMark = mark;
    }
    const mark = this.loaded ? 0 : this.firstMark;
    const concurrent = this.db.kind === 'postgres';
    let cursor = this.low;
    let contiguous = true;
    for (;;) {
      const rows = await this.db.query<FetchedRow>(FETCH, [cursor, mark]);
      for (const row of rows) {
        const seq = Number(row.seq);
        const settledRow = !concurrent || (contiguous && Number(row.ms) < Number(row.now) - SETTLE_MS);
        if (!this.applied.has(seq)) {
          this.apply(row, seq);
          // Rows at or below the watermark are never read again; the others may be.
          if (!settledRow) this.applied.add(seq);
        }
        // Advanced row by row, so a failure half-way never applies a row twice.
        if (settledRow) this.low = seq;
        else contiguous = false;
      }
      if (rows.length < PAGE) break;
      cursor = Number(rows[rows.length - 1]!.seq);
    }
    this.loaded = true;
    this.replaced.clear();
    for (const seq of this.applied) if (seq <= this.low) this.applied.delete(seq);
  }

  private proc(row: FetchedRow, seq: number): number {
    const key = row.code ?? row.url;
    const k = `${key}\u0000${row.agency ?? ''}`;
    let id = this.procIndex.get(k);
    if (id === undefined) {
      id = this.procs.length;
      this.procIndex.set(k, id);
      this.procs.push({
        id,
        key,
        code: row.code,
        name: row.name,
        agency: row.agency,
        pageUrl: row.url,
        pageUrls: new Set([row.url]),
        fold: '',
        seenSeq: seq,
      });
      this.procs[id]!.fold = searchKey(`${row.code ?? ''} ${row.name ?? ''}`);
      return id;
    }
    const p = this.procs[id]!;
    p.pageUrls.add(row.url);
    if (seq > p.seenSeq) {
      p.seenSeq = seq;
      p.pageUrl = row.url;
      if (row.name && row.name !== p.name) {
        p.name = row.name;
        p.fold = searchKey(`${p.code ?? ''} ${p.name}`);
      }
    }
    return id;
  }

  private element(id: string): number {
    let i = this.elementIndex.get(id);
    if (i === undefined) {
      i = this.elements.length;
      this.elements.push(id);
      this.elementIndex.set(id, i);
    }
    return i;
  }

  /** Position of the rating with this seq, or -1. */
  private findRating(seq: number): number {
    const late = this.late.get(seq);
    if (late !== undefined) return late;
    let lo = 0;
    let hi = this.rn;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rSeq[mid]! < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.rn && this.rSeq[lo] === seq ? lo : -1;
  }

  private apply(row: FetchedRow, seq: number): void {
    const day = vnDay(Number(row.ms));
    const en = row.lang === 'en' ? 1 : 0;
    const comment = row.has_comment ? 4 : 0;
    const proc = this.proc(row, seq);
    if (row.kind === 'rating') {
      if (row.prev !== null && row.prev !== undefined) {
        const at = this.findRating(Number(row.prev));
        if (at >= 0 && this.rFlags[at]! & 2) {
          this.rFlags[at] = this.rFlags[at]! & ~2;
        }
      }
      if (row.superseded ?? this.replaced.has(seq)) {
        if (comment) this.deadComments.push({ day, proc, en: en === 1 });
        return;
      }
      const i = this.rn++;
      this.rSeq = grow(this.rSeq, this.rn);
      this.rDay = grow(this.rDay, this.rn);
      this.rProc = grow(this.rProc, this.rn);
      this.rFlags = grow(this.rFlags, this.rn);
      this.rOverall = grow(this.rOverall, this.rn);
      this.rAnswers = grow(this.rAnswers, this.rn * Q);
      // Keep rSeq ascending for the binary search; a late row is found through `late`.
      if (i > 0 && seq < this.rSeq[i - 1]!) {
        this.rSeq[i] = this.rSeq[i - 1]!;
        this.late.set(seq, i);
      } else this.rSeq[i] = seq;
      this.rDay[i] = day;
      this.rProc[i] = proc;
      this.rFlags[i] = en | 2 | comment | (row.scale === 3 ? 8 : 0);
      this.rOverall[i] = row.overall ?? 0;
      const base = i * Q;
      this.rAnswers.fill(0, base, base + Q);
      if (row.answers) {
        const set = row.qs ?? 'nd118-art33';
        for (const [id, level] of Object.entries(JSON.parse(row.answers) as Record<string, number>)) {
          const q = QUESTION_INDEX.get(`${set}\u0000${id}`);
          if (q !== undefined && Number.isInteger(level) && level >= 1 && level <= 5) {
            this.rAnswers[base + q] = level;
            this.rFlags[i] = (this.rFlags[i]! & 31) | 16 | (SET_IDS.indexOf(set) << 5);
          }
        }
      }
      return;
    }
    if (row.kind !== 'gap-report') return;
    const i = this.gn++;
    this.gDay = grow(this.gDay, this.gn);
    this.gMs = grow(this.gMs, this.gn);
    this.gProc = grow(this.gProc, this.gn);
    this.gFlags = grow(this.gFlags, this.gn);
    this.gStart = grow(this.gStart, this.gn + 1);
    this.gDay[i] = day;
    this.gMs[i] = Number(row.ms);
    this.gProc[i] = proc;
    const details = row.details
      ? (JSON.parse(row.details) as {
          elements?: { id: string; problem: string }[];
          findings?: { results?: { id: string; status: string }[] };
        })
      : null;
    const results = details?.findings?.results;
    this.gFlags[i] = en | (results ? 2 : 0) | comment;
    const codes: number[] = [];
    for (const e of details?.elements ?? []) codes.push(this.element(e.id) * 4 + (e.problem === 'wrong' ? WRONG : MISSING));
    for (const r of results ?? []) {
      if (r.status === 'fail') codes.push(this.element(r.id) * 4 + ENGINE_FAIL);
      else if (r.status === 'review') codes.push(this.element(r.id) * 4 + ENGINE_REVIEW);
    }
    this.gCodes = grow(this.gCodes, this.gcn + codes.length);
    for (const c of codes) this.gCodes[this.gcn++] = c;
    this.gStart[i + 1] = this.gcn;
  }
}

const cache = new WeakMap<object, Facts>();

/** The fact index of `db`, caught up with what is stored now. */
export async function factsOf(db: Queryable & { kind: string }): Promise<Facts> {
  let facts = cache.get(db);
  if (!facts) {
    facts = new Facts(db);
    cache.set(db, facts);
  }
  await facts.catchUp();
  return facts;
}

/** Forgets the fact index of `db` (after rows were deleted or the table replaced). */
export function resetFacts(db: object): void {
  cache.delete(db);
}

/** Catches the fact index of `db` up every `ms` milliseconds (keeps the backlog small); returns stop. */
export function startFactsRefresh(db: Queryable & { kind: string }, ms = 5_000): () => void {
  let stopped = false;
  const tick = () =>
    void factsOf(db).catch((error: Error) => {
      if (!stopped) console.error('[collector] dashboard catch-up failed:', error.message);
    });
  const timer = setInterval(tick, ms);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
