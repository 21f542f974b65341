/**
 * What the collector keeps: submissions, each stored exactly once by its client id. Exactly-once is
 * the database's job: the id is the primary key, the insert is `ON CONFLICT (id) DO NOTHING`, and
 * the receipt of an id already there is read back from the table (never from process memory), so
 * retries, concurrent duplicates and several collector processes all end in one row, one receipt.
 * A rating replaces the same respondent's earlier rating of the same procedure in counts; the
 * earlier row stays as history. No client address is ever stored. Inserts are group-committed:
 * submissions arriving while a batch is written go together in the next statement.
 */
import { randomInt } from 'node:crypto';
import { RECEIPT_ALPHABET, RECEIPT_LENGTH, type Submission } from '../../shared/protocol/submission';
import { DEFAULT_SCALE_LEVELS, isSatisfied, type ScaleLevels } from '../../shared/protocol/scale';
import { openPglite, openPostgres, type Db } from './driver';
import { migrate } from './migrations';

export interface RatingSummary {
  /** Current ratings: one per respondent and procedure. */
  total: number;
  /** Count per level of the 5-level answers, index 0 = level 1. */
  byLevel: [number, number, number, number, number];
  /** (Hài lòng + Rất hài lòng) / total on either scale, or null with no ratings. */
  satisfiedShare: number | null;
  /** Gap reports received. */
  gapReports: number;
}

export interface StoredOutcome {
  receipt: string;
  /** True when this call wrote the row; false when the id was already stored. */
  created: boolean;
}

export interface SubmissionStore {
  readonly kind: Db['kind'];
  /** The database itself, for readers that are not the insert path (the dashboard's figures). */
  readonly db: Db;
  /** Stores `submission` once; resolves after the write is committed. */
  insert(submission: Submission, origin: string | null): Promise<StoredOutcome>;
  summary(): Promise<RatingSummary>;
  /** Rows stored with this id (0 or 1), for tests and checks. */
  count(id?: string): Promise<number>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  /** Deletes comments and contact details older than `days` days; returns the rows changed. */
  purgeText(days: number): Promise<number>;
  /**
   * Housekeeping a PostgreSQL server's autovacuum does by itself: PGlite runs PostgreSQL in single-user
   * mode, without autovacuum, so its planner would never learn the table's size and value spread.
   * On PGlite this runs ANALYZE (a sample of 30,000 rows; it holds the one connection, and so the
   * submissions, for about 0.6 s at a million rows) when the table has never been analysed or has
   * grown by more than autovacuum's own threshold since (50 rows + 10 %); on PostgreSQL nothing.
   */
  maintain(): Promise<void>;
  close(): Promise<void>;
}

export function newReceipt(): string {
  let out = '';
  for (let i = 0; i < RECEIPT_LENGTH; i++) out += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return out;
}

const COLUMNS =
  'id, receipt, kind, client_created_at, procedure_code, procedure_name, agency, page_url, lang, origin, respondent, overall, scale_levels, question_set, answers, comment, contact, details';

/**
 * One statement inserts a whole batch (one transaction, one commit): the rows travel as one jsonb
 * array, duplicates of an id already stored (or earlier in the batch) are skipped by the primary key.
 */
const INSERT_BATCH = `
  INSERT INTO submissions (${COLUMNS})
  SELECT ${COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS x(
    id uuid, receipt text, kind text, client_created_at timestamptz, procedure_code text, procedure_name text, agency text, page_url text, lang text,
    origin text, respondent uuid, overall smallint, scale_levels smallint, question_set text, answers jsonb, comment text, contact jsonb, details jsonb)
  ON CONFLICT (id) DO NOTHING
  RETURNING id::text AS id, receipt`;

/** Largest batch one statement carries. */
const MAX_BATCH = 256;

function row(s: Submission, receipt: string, origin: string | null): Record<string, unknown> {
  const rating = s.kind === 'rating' ? s : null;
  const gap = s.kind === 'gap-report' ? s : null;
  return {
    id: s.id.toLowerCase(),
    receipt,
    kind: s.kind,
    client_created_at: s.createdAt ?? null,
    procedure_code: s.procedureCode ?? null,
    procedure_name: s.procedureName ?? null,
    agency: s.agency ?? null,
    page_url: s.pageUrl,
    lang: s.lang,
    origin,
    respondent: rating ? rating.respondent.toLowerCase() : null,
    overall: rating ? rating.overall : null,
    scale_levels: rating ? (rating.scale ?? DEFAULT_SCALE_LEVELS) : null,
    question_set: rating ? (rating.questionSet ?? (rating.answers ? 'nd118-art33' : null)) : null,
    answers: rating?.answers ?? null,
    comment: s.comment ?? null,
    contact: s.consent === true ? (s.contact ?? null) : null,
    details: gap ? { elements: gap.elements, findings: gap.findings } : null,
  };
}

interface Pending {
  submission: Submission;
  origin: string | null;
  done: (outcome: StoredOutcome) => void;
  fail: (error: unknown) => void;
}

const isUniqueViolation = (error: unknown, constraint: string) =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: string }).code === '23505' &&
  String((error as { constraint?: string; message?: string }).constraint ?? (error as Error).message).includes(constraint);

export function createStore(db: Db): SubmissionStore {
  // Group commit: while one batch is being written, new submissions queue up and go together in
  // the next statement. Each caller's promise resolves only after its batch has committed.
  let queue: Pending[] = [];
  let flushing: Promise<void> | null = null;

  async function writeBatch(batch: Pending[]): Promise<Map<string, StoredOutcome>> {
    for (let attempt = 0; ; attempt++) {
      const rows = batch.map((p) => row(p.submission, newReceipt(), p.origin));
      let inserted: { id: string; receipt: string }[];
      try {
        inserted = await db.query<{ id: string; receipt: string }>(INSERT_BATCH, [JSON.stringify(rows)]);
      } catch (error) {
        // Two ids drew the same receipt (1 in 7.8e10 per pair): draw again for the whole batch.
        if (attempt < 5 && isUniqueViolation(error, 'receipt')) continue;
        throw error;
      }
      const outcomes = new Map<string, StoredOutcome>();
      for (const r of inserted) outcomes.set(r.id, { receipt: r.receipt, created: true });
      const missing = [...new Set(rows.map((r) => r.id as string).filter((id) => !outcomes.has(id)))];
      // Ids stored before (or by a concurrent transaction that committed meanwhile): read back
      // with a fresh snapshot.
      if (missing.length) {
        const found = await db.query<{ id: string; receipt: string }>(
          'SELECT id::text AS id, receipt FROM submissions WHERE id = ANY($1::uuid[])',
          [missing],
        );
        for (const r of found) outcomes.set(r.id, { receipt: r.receipt, created: false });
      }
      return outcomes;
    }
  }

  async function flush(): Promise<void> {
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      try {
        const outcomes = await writeBatch(batch);
        const claimed = new Set<string>();
        for (const p of batch) {
          const id = p.submission.id.toLowerCase();
          const outcome = outcomes.get(id);
          if (!outcome) p.fail(new Error('submission neither inserted nor found'));
          // The same id twice in one batch: the first one created the row, the others repeat it.
          else if (outcome.created && claimed.has(id)) p.done({ receipt: outcome.receipt, created: false });
          else {
            claimed.add(id);
            p.done(outcome);
          }
        }
      } catch (error) {
        for (const p of batch) p.fail(error);
      }
    }
    flushing = null;
  }

  return {
    kind: db.kind,
    db,
    insert(submission, origin) {
      return new Promise<StoredOutcome>((done, fail) => {
        queue.push({ submission, origin, done, fail });
        flushing ??= flush();
      });
    },
    async summary() {
      const rows = await db.query<{ overall: number; levels: ScaleLevels; n: number }>(`
        SELECT overall, levels, count(*)::int AS n FROM (
          SELECT DISTINCT ON (respondent, coalesce(procedure_code, page_url)) overall, coalesce(scale_levels, 5) AS levels
          FROM submissions WHERE kind = 'rating'
          ORDER BY respondent, coalesce(procedure_code, page_url), seq DESC) AS current
        GROUP BY overall, levels`);
      // byLevel counts the 5-level answers; 3-level answers count in total and in the satisfied share.
      const byLevel: RatingSummary['byLevel'] = [0, 0, 0, 0, 0];
      let total = 0;
      let satisfied = 0;
      for (const r of rows) {
        if (r.levels === 5) byLevel[r.overall - 1] = r.n;
        total += r.n;
        if (isSatisfied(r.overall, r.levels)) satisfied += r.n;
      }
      const gaps = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM submissions WHERE kind = 'gap-report'`);
      return { total, byLevel, satisfiedShare: total ? satisfied / total : null, gapReports: gaps[0]?.n ?? 0 };
    },
    async count(id) {
      const rows = id
        ? await db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions WHERE id = $1', [id.toLowerCase()])
        : await db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions');
      return rows[0]?.n ?? 0;
    },
    async ping() {
      await db.query('SELECT 1');
    },
    async maintain() {
      if (db.kind !== 'pglite') return;
      // max(seq) (an index lookup) bounds the rows from above: a conflicting insert also takes a seq.
      const [stats] = await db.query<{ analysed: number; rows: number }>(
        `SELECT c.reltuples::float8 AS analysed, (SELECT coalesce(max(seq), 0) FROM submissions)::float8 AS rows
         FROM pg_class c WHERE c.relname = 'submissions'`,
      );
      if (!stats || stats.analysed < 0 || stats.rows - stats.analysed > 50 + 0.1 * stats.analysed) await db.exec('ANALYZE submissions');
    },
    async purgeText(days) {
      const rows = await db.query<{ n: number }>(
        `WITH done AS (
           UPDATE submissions SET comment = NULL, contact = NULL, text_purged_at = now()
           WHERE received_at < now() - make_interval(days => $1::int) AND text_purged_at IS NULL
             AND (comment IS NOT NULL OR contact IS NOT NULL)
           RETURNING 1)
         SELECT count(*)::int AS n FROM done`,
        [days],
      );
      return rows[0]?.n ?? 0;
    },
    // Submissions already accepted into the queue are written before the database closes (a
    // graceful stop answers them; a request that arrives after close fails as unavailable).
    async close() {
      while (flushing) await flushing;
      await db.close();
    },
  };
}

/**
 * Opens and migrates the store: PostgreSQL at `databaseUrl`, else PGlite in `dataDir` (in memory
 * when empty), whose commits are fsynced to disk unless `durable` is false.
 */
export async function openStore(
  options: { databaseUrl?: string | null; dataDir?: string; poolSize?: number; durable?: boolean } = {},
): Promise<SubmissionStore> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : await openPglite(options.dataDir ?? '', { durable: options.durable ?? true });
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return createStore(db);
}
