/**
 * The dashboard's fact index: every current rating and every gap report reduced to a few bytes in
 * typed arrays (day, procedure, language, scale, overall level, the questions answered and answered
 * satisfied as two bit masks; for gap reports the elements and the engine's findings), kept in this
 * process and caught up from the database by sequence number. Why: every figure the dashboard shows
 * is a sum over these facts under a filter (period, agency, procedure search, language), and one
 * pass over 1,000,000 facts in typed arrays takes milliseconds, with any period and any bucket, on
 * PGlite and PostgreSQL alike, while SQL over 1,000,000 rows (or over daily counts with 2,000
 * procedures, nearly as many rows) does not fit 300 ms on PGlite. Nothing is added to the insert
 * path.
 *
 * Catch-up reads `seq > watermark` in pages. The first load finds the replaced ratings itself as
 * the rows come in seq order (each respondent's latest rating per procedure); afterwards, for each
 * new rating the database says whether a later rating of the same respondent and procedure exists
 * (then it is not current) and which earlier one it replaces (then that one stops counting). Until
 * the first load has completed, `factsLoading` says so and pages show no figure. On PostgreSQL
 * several transactions commit out of sequence order, so the watermark advances only past rows older
 * than SETTLE_MS; rows above it already applied are remembered by sequence number. Limits: memory
 * about 30 bytes per submission per process (typed arrays, up to twice while growing; during the
 * first load also a map of respondents); comments deleted later by retention still count in
 * `totals.comments`; rows deleted from the table behind the collector's back need `resetFacts`.
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
export const Q = QUESTIONS.length;
const SET_IDS = Object.keys(QUESTION_SETS);
/** Per question set (by its order): the first question's position and the one after its last. */
export const SET_START = Int32Array.from(SET_IDS, (id) => QUESTIONS.findIndex((q) => q.set === id));
export const SET_END = Int32Array.from(SET_IDS, (id, i) => SET_START[i]! + QUESTIONS.filter((q) => q.set === id).length);
if (SET_IDS.length > 4) throw new Error('the fact index keeps a question set in two bits');
if (QUESTIONS.length > 16) throw new Error("the fact index keeps a rating's answers in 16 bits");

/** Gap element codes: element index * 4 + one of these. */
export const MISSING = 0;
export const WRONG = 1;
export const ENGINE_FAIL = 2;
export const ENGINE_REVIEW = 3;

/**
 * Rows read per query. Small enough that one page's work (about 50 ms of this thread) never holds
 * up the collector's requests for long, and that PGlite (one connection) serves the submissions
 * queued behind a page soon.
 */
const PAGE = 10_000;
/** On PostgreSQL, rows younger than this may still have rows of lower seq not yet committed. */
const SETTLE_MS = 10_000;

type Typed = Float64Array | Int32Array | Uint8Array | Uint16Array;

function grow<T extends Typed>(array: T, need: number): T {
  if (need <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(need, array.length * 2, 1024));
  next.set(array);
  return next;
}

/** One submission as read, by position (see COLUMNS); jsonb columns come parsed or as text. */
type Fetched = [
  seq: number,
  kind: string,
  ms: number,
  code: string | null,
  name: string | null,
  agency: string | null,
  url: string,
  lang: string,
  scale: number | null,
  overall: number | null,
  qs: string | null,
  /** The answers of its question set, one digit per question (ANSWER_DIGITS). */
  answers: string | null,
  hasComment: boolean,
  details: GapDetails | string | null,
  superseded: boolean | null,
  prev: number | null,
  respondent: string | null,
];

interface GapDetails {
  elements?: { id: string; problem: string }[];
  findings?: { results?: { id: string; status: string }[] };
}

/** A page as read: its rows, its last seq and the database's clock. */
interface Page {
  rows: Fetched[];
  last: number;
  now: number;
}

/**
 * A rating's answers as digits, one per question of its set in the set's order, '0' where none or
 * not a level 1–5: a few bytes to read instead of a JSON text to parse per rating.
 */
const ANSWER_DIGITS = `CASE coalesce(s.question_set, 'nd118-art33') ${Object.values(QUESTION_SETS)
  .map(
    (set) =>
      `WHEN '${set.id}' THEN concat(${set.questions
        .map((q) => `CASE WHEN s.answers->>'${q.id}' IN ('1', '2', '3', '4', '5') THEN s.answers->>'${q.id}' ELSE '0' END`)
        .join(', ')})`,
  )
  .join(' ')} END`;

/**
 * The columns of a fact, in Fetched's order. For a rating with seq above $2, whether a later
 * rating replaces it and which earlier one it replaces; up to $2 (the first load) its respondent
 * instead, and the load finds the replaced ones itself (rows come in seq order): one lookup per
 * row, or one window over the whole table, took longer than the reading.
 */
const COLUMNS = [
  's.seq::float8',
  's.kind',
  '(extract(epoch FROM s.received_at) * 1000)::float8',
  's.procedure_code',
  's.procedure_name',
  's.agency',
  's.page_url',
  's.lang',
  's.scale_levels',
  's.overall',
  's.question_set',
  ANSWER_DIGITS,
  's.comment IS NOT NULL',
  "CASE WHEN s.kind = 'gap-report' THEN s.details END",
  `CASE WHEN s.kind = 'rating' AND s.seq > $2 THEN EXISTS (
    SELECT 1 FROM submissions l WHERE l.kind = 'rating' AND l.respondent = s.respondent
      AND coalesce(l.procedure_code, l.page_url) = coalesce(s.procedure_code, s.page_url) AND l.seq > s.seq) END`,
  `CASE WHEN s.kind = 'rating' AND s.seq > $2 THEN (
    SELECT l.seq::float8 FROM submissions l WHERE l.kind = 'rating' AND l.respondent = s.respondent
      AND coalesce(l.procedure_code, l.page_url) = coalesce(s.procedure_code, s.page_url) AND l.seq < s.seq
    ORDER BY l.seq DESC LIMIT 1) END`,
  "CASE WHEN s.kind = 'rating' AND s.seq <= $2 THEN s.respondent::text END",
];

/**
 * How a page travels, per driver (measured at 1,000,000 rows): from PostgreSQL as ordinary rows,
 * jsonb as text (node-postgres parses rows fast; building one text per page costs the server more);
 * from PGlite as one JSON text per page (json_build_array per row, string_agg), parsed by one
 * JSON.parse: PGlite's worker hands rows over one object at a time, five times slower.
 */
const FETCH_ROWS = `
  SELECT ${COLUMNS.map((c, i) => `${i === 13 ? `(${c})::text` : c} AS c${i}`).join(', ')},
    (extract(epoch FROM now()) * 1000)::float8 AS c17
  FROM submissions s WHERE s.seq > $1 ORDER BY s.seq LIMIT ${PAGE}`;
const FETCH_JSON = `
  SELECT count(*)::int AS n, max(p.seq)::float8 AS last, (extract(epoch FROM now()) * 1000)::float8 AS now,
         '[' || string_agg(p.j, ',' ORDER BY p.seq) || ']' AS rows
  FROM (SELECT s.seq, json_build_array(${COLUMNS.join(', ')})::text AS j FROM submissions s WHERE s.seq > $1 ORDER BY s.seq LIMIT ${PAGE}) AS p`;

/** Reads the page after `cursor`. */
async function fetchPage(db: Queryable & { kind: string }, cursor: number, mark: number): Promise<Page> {
  if (db.kind === 'pglite') {
    const r = (await db.query<{ n: number; last: number | null; now: number; rows: string | null }>(FETCH_JSON, [cursor, mark]))[0];
    return { rows: r?.rows ? (JSON.parse(r.rows) as Fetched[]) : [], last: Number(r?.last ?? cursor), now: Number(r?.now ?? 0) };
  }
  const rows = await db.query<Record<string, unknown>>(FETCH_ROWS, [cursor, mark]);
  const out: Fetched[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = Object.values(rows[i]!) as unknown as Fetched;
  const lastRow = out[out.length - 1];
  return { rows: out, last: lastRow ? Number(lastRow[0]) : cursor, now: lastRow ? Number((lastRow as unknown[])[17]) : 0 };
}

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
  /** Per rating, bit q (position in QUESTIONS): question q was answered. */
  rAnswered = new Uint16Array(0);
  /**
   * rAtLeast[k] (k = 2…5), per rating, bit q: question q was answered at level k or above. A summary
   * takes the mask of its satisfied level per scale (configurable: SATISFIED_FROM_5, _3).
   */
  rAtLeast: Uint16Array[] = [0, 1, 2, 3, 4, 5].map(() => new Uint16Array(0));
  /** Superseded ratings that had a comment (they still count as comments received), by day and proc. */
  deadComments: { day: number; proc: number; en: boolean; seq: number }[] = [];

  // Gap reports.
  gn = 0;
  gDay = new Int32Array(0);
  gMs = new Float64Array(0);
  gSeq = new Float64Array(0);
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
  /** First run: per procedure key, each respondent's latest rating up to firstMark (its position). */
  private latest = new Map<string, Map<string, number>>();
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
      // They persist in its folder, and ANALYZE holds the one connection (and so the submissions)
      // for about a second at 1,000,000 rows: only when there are none yet.
      if (
        this.db.kind === 'pglite' &&
        !(await this.db.query("SELECT 1 FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'submissions' LIMIT 1")).length
      )
        await this.db.exec('ANALYZE submissions');
      this.firstMark = (await this.db.query<{ m: number | null }>('SELECT max(seq)::float8 AS m FROM submissions'))[0]?.m ?? 0;
    }
    const mark = this.loaded ? 0 : this.firstMark;
    const concurrent = this.db.kind === 'postgres';
    let contiguous = true;
    // The next page is asked for while this one is applied (the database works meanwhile).
    let next: Promise<Page> | null = fetchPage(this.db, this.low, mark);
    while (next) {
      const page: Page = await next;
      next = page.rows.length < PAGE ? null : fetchPage(this.db, page.last, mark);
      const settle = page.now - SETTLE_MS;
      for (const row of page.rows) {
        const seq = Number(row[0]);
        const settledRow = !concurrent || (contiguous && Number(row[2]) < settle);
        if (!this.applied.has(seq)) {
          this.apply(row, seq);
          // Rows at or below the watermark are never read again; the others may be.
          if (!settledRow) this.applied.add(seq);
        }
        // Advanced row by row, so a failure half-way never applies a row twice.
        if (settledRow) this.low = seq;
        else contiguous = false;
      }
    }
    this.loaded = true;
    this.latest.clear();
    for (const seq of this.applied) if (seq <= this.low) this.applied.delete(seq);
  }

  /** The first load has completed: the figures are whole. */
  get ready(): boolean {
    return this.loaded;
  }

  private proc(row: Fetched, seq: number): number {
    const [, , , code, name, agency, url] = row;
    const key = code ?? url;
    const k = `${key}\u0000${agency ?? ''}`;
    let id = this.procIndex.get(k);
    if (id === undefined) {
      id = this.procs.length;
      this.procIndex.set(k, id);
      this.procs.push({
        id,
        key,
        code,
        name,
        agency,
        pageUrl: url,
        pageUrls: new Set([url]),
        fold: '',
        seenSeq: seq,
      });
      this.procs[id]!.fold = searchKey(`${code ?? ''} ${name ?? ''}`);
      return id;
    }
    const p = this.procs[id]!;
    p.pageUrls.add(url);
    if (seq > p.seenSeq) {
      p.seenSeq = seq;
      p.pageUrl = url;
      if (name && name !== p.name) {
        p.name = name;
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

  /** The entry of a procedure key (code, or page URL) at an agency, or undefined. */
  procId(key: string, agency: string | null): number | undefined {
    return this.procIndex.get(`${key}\u0000${agency ?? ''}`);
  }

  /** The seq of the rating at position i (rSeq holds a late row's predecessor's). */
  ratingSeq(i: number): number {
    if (this.late.size) for (const [seq, at] of this.late) if (at === i) return seq;
    return this.rSeq[i]!;
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

  private apply(row: Fetched, seq: number): void {
    const [, kind, msRaw, , , , , lang, scale, overall, qs, answers, hasComment, detailsRaw, superseded, prev, respondent] = row;
    const ms = Number(msRaw);
    const day = vnDay(ms);
    const en = lang === 'en' ? 1 : 0;
    const comment = hasComment ? 4 : 0;
    const proc = this.proc(row, seq);
    if (kind === 'rating') {
      if (prev !== null && prev !== undefined) {
        const at = this.findRating(Number(prev));
        if (at >= 0 && this.rFlags[at]! & 2) {
          this.rFlags[at] = this.rFlags[at]! & ~2;
        }
      }
      if (superseded) {
        if (comment) this.deadComments.push({ day, proc, en: en === 1, seq });
        return;
      }
      const i = this.rn++;
      if (respondent) {
        // First run: this rating replaces the respondent's previous one of the entry's procedure.
        const key = this.procs[proc]!.key;
        let seen = this.latest.get(key);
        if (!seen) this.latest.set(key, (seen = new Map()));
        const before = seen.get(respondent);
        if (before !== undefined) this.rFlags[before] = this.rFlags[before]! & ~2;
        seen.set(respondent, i);
      }
      this.rSeq = grow(this.rSeq, this.rn);
      this.rDay = grow(this.rDay, this.rn);
      this.rProc = grow(this.rProc, this.rn);
      this.rFlags = grow(this.rFlags, this.rn);
      this.rOverall = grow(this.rOverall, this.rn);
      this.rAnswered = grow(this.rAnswered, this.rn);
      for (let k = 2; k <= 5; k++) this.rAtLeast[k] = grow(this.rAtLeast[k]!, this.rn);
      // Keep rSeq ascending for the binary search; a late row is found through `late`.
      if (i > 0 && seq < this.rSeq[i - 1]!) {
        this.rSeq[i] = this.rSeq[i - 1]!;
        this.late.set(seq, i);
      } else this.rSeq[i] = seq;
      this.rDay[i] = day;
      this.rProc[i] = proc;
      this.rFlags[i] = en | 2 | comment | (Number(scale) === 3 ? 8 : 0);
      this.rOverall[i] = Number(overall ?? 0);
      let answered = 0;
      // atLeast[k]: the questions answered at level k or above.
      const atLeast = [0, 0, 0, 0, 0, 0];
      const set = SET_IDS.indexOf(qs ?? 'nd118-art33');
      if (answers && set >= 0) {
        const start = SET_START[set]!;
        for (let q = start, end = SET_END[set]!; q < end; q++) {
          const level = answers.charCodeAt(q - start) - 48;
          if (level >= 1 && level <= 5) {
            answered |= 1 << q;
            for (let k = 2; k <= level; k++) atLeast[k]! |= 1 << q;
          }
        }
        if (answered) this.rFlags[i] = (this.rFlags[i]! & 31) | 16 | (set << 5);
      }
      this.rAnswered[i] = answered;
      for (let k = 2; k <= 5; k++) this.rAtLeast[k]![i] = atLeast[k]!;
      return;
    }
    if (kind !== 'gap-report') return;
    const i = this.gn++;
    this.gDay = grow(this.gDay, this.gn);
    this.gMs = grow(this.gMs, this.gn);
    this.gSeq = grow(this.gSeq, this.gn);
    this.gProc = grow(this.gProc, this.gn);
    this.gFlags = grow(this.gFlags, this.gn);
    this.gStart = grow(this.gStart, this.gn + 1);
    this.gDay[i] = day;
    this.gMs[i] = ms;
    this.gSeq[i] = seq;
    this.gProc[i] = proc;
    const details = typeof detailsRaw === 'string' ? (JSON.parse(detailsRaw) as GapDetails) : detailsRaw;
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

/** How long a page waits for the figures to finish loading before it says they are loading. */
export const LOADING_WAIT_MS = 2_000;
/** Seconds a reader is then asked to wait (Retry-After). */
export const LOADING_RETRY_SECONDS = 5;

/**
 * True while the first load of `db`'s fact index has not completed (it is started if it was not):
 * the figures would be partial, so pages say so instead of showing them. Waits up to `waitMs` for
 * the load to end first (a small database loads in a blink: no page needs to say anything then).
 */
export async function factsLoading(db: Queryable & { kind: string }, waitMs = 0): Promise<boolean> {
  let facts = cache.get(db);
  if (!facts) {
    facts = new Facts(db);
    cache.set(db, facts);
  }
  if (facts.ready) return false;
  // A failure is logged by startFactsRefresh's timer, which tries again.
  const load = facts.catchUp().catch(() => {});
  if (waitMs > 0) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([load, new Promise((done) => (timer = setTimeout(done, waitMs)))]);
    clearTimeout(timer);
  }
  return !facts.ready;
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
