/**
 * What the collector keeps: submissions, each stored exactly once by its client id. Exactly-once is
 * the database's job: the id is the primary key, the insert is `ON CONFLICT (id) DO NOTHING`, and
 * the receipt of an id already there is read back from the table (never from process memory), so
 * retries, concurrent duplicates and several collector processes all end in one row, one receipt.
 * A rating replaces the same respondent's earlier rating of the same procedure in counts; the
 * earlier row stays as history. No client address is ever stored.
 */
import { randomInt } from 'node:crypto';
import { RECEIPT_ALPHABET, RECEIPT_LENGTH, type Submission } from '../../shared/protocol/submission';
import { openPglite, openPostgres, type Db } from './driver';
import { migrate } from './migrations';

export interface RatingSummary {
  /** Current ratings: one per respondent and procedure. */
  total: number;
  /** Count per level, index 0 = level 1. */
  byLevel: [number, number, number, number, number];
  /** (Hài lòng + Rất hài lòng) / total, or null with no ratings. */
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
  /** Stores `submission` once; resolves after the write is committed. */
  insert(submission: Submission, origin: string | null): Promise<StoredOutcome>;
  summary(): Promise<RatingSummary>;
  /** Rows stored with this id (0 or 1), for tests and checks. */
  count(id?: string): Promise<number>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  /** Deletes comments and contact details older than `days` days; returns the rows changed. */
  purgeText(days: number): Promise<number>;
  close(): Promise<void>;
}

export function newReceipt(): string {
  let out = '';
  for (let i = 0; i < RECEIPT_LENGTH; i++) out += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return out;
}

const INSERT = `
  WITH ins AS (
    INSERT INTO submissions (id, receipt, kind, client_created_at, procedure_code, page_url, lang, origin,
                             respondent, overall, question_set, answers, comment, contact, details)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14::jsonb, $15::jsonb)
    ON CONFLICT (id) DO NOTHING
    RETURNING receipt)
  SELECT receipt, true AS created FROM ins
  UNION ALL
  SELECT receipt, false AS created FROM submissions WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM ins)`;

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

function row(s: Submission, receipt: string, origin: string | null): unknown[] {
  const rating = s.kind === 'rating' ? s : null;
  const gap = s.kind === 'gap-report' ? s : null;
  const contact = s.consent === true ? json(s.contact) : null;
  return [
    s.id.toLowerCase(),
    receipt,
    s.kind,
    s.createdAt ?? null,
    s.procedureCode ?? null,
    s.pageUrl,
    s.lang,
    origin,
    rating ? rating.respondent.toLowerCase() : null,
    rating ? rating.overall : null,
    rating ? (rating.questionSet ?? (rating.answers ? 'nd118-art33' : null)) : null,
    rating ? json(rating.answers) : null,
    s.comment ?? null,
    contact,
    gap ? json({ elements: gap.elements, findings: gap.findings }) : null,
  ];
}

const isUniqueViolation = (error: unknown, constraint: string) =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: string }).code === '23505' &&
  String((error as { constraint?: string; message?: string }).constraint ?? (error as Error).message).includes(constraint);

export function createStore(db: Db): SubmissionStore {
  return {
    kind: db.kind,
    async insert(submission, origin) {
      for (let attempt = 0; ; attempt++) {
        let rows: { receipt: string; created: boolean }[];
        try {
          rows = await db.query<{ receipt: string; created: boolean }>(INSERT, row(submission, newReceipt(), origin));
        } catch (error) {
          // Two ids drew the same receipt (1 in 7.8e10): draw again.
          if (attempt < 5 && isUniqueViolation(error, 'receipt')) continue;
          throw error;
        }
        if (rows[0]) return { receipt: rows[0].receipt, created: rows[0].created === true };
        // The same id was being inserted by another transaction that committed after this
        // statement's snapshot: read it again with a fresh snapshot.
        const again = await db.query<{ receipt: string }>('SELECT receipt FROM submissions WHERE id = $1', [submission.id.toLowerCase()]);
        if (again[0]) return { receipt: again[0].receipt, created: false };
        if (attempt >= 5) throw new Error('submission neither inserted nor found');
      }
    },
    async summary() {
      const rows = await db.query<{ overall: number; n: number }>(`
        SELECT overall, count(*)::int AS n FROM (
          SELECT DISTINCT ON (respondent, coalesce(procedure_code, page_url)) overall
          FROM submissions WHERE kind = 'rating'
          ORDER BY respondent, coalesce(procedure_code, page_url), seq DESC) AS current
        GROUP BY overall`);
      const byLevel: RatingSummary['byLevel'] = [0, 0, 0, 0, 0];
      for (const r of rows) byLevel[r.overall - 1] = r.n;
      const total = byLevel.reduce((a, b) => a + b, 0);
      const gaps = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM submissions WHERE kind = 'gap-report'`);
      return { total, byLevel, satisfiedShare: total ? (byLevel[3] + byLevel[4]) / total : null, gapReports: gaps[0]?.n ?? 0 };
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
    close: () => db.close(),
  };
}

/** Opens and migrates the store: PostgreSQL at `databaseUrl`, else PGlite in `dataDir` (in memory when empty). */
export async function openStore(
  options: { databaseUrl?: string | null; dataDir?: string; poolSize?: number } = {},
): Promise<SubmissionStore> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : await openPglite(options.dataDir ?? '');
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return createStore(db);
}
