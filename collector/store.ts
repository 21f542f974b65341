/**
 * Where the collector keeps what citizens send: an embedded PostgreSQL (PGlite) whose data lives
 * in a directory (or in memory for tests), so the demo needs no database server. The SQL is plain
 * PostgreSQL, so a real server can replace PGlite without changing the queries.
 */
import { PGlite } from '@electric-sql/pglite';
import type { RatingSubmission } from '../shared/protocol/feedback';

const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS feedback (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     received_at timestamptz NOT NULL DEFAULT now(),
     kind text NOT NULL,
     rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
     page_url text NOT NULL,
     procedure_code text,
     lang text NOT NULL,
     origin text
   )`,
  `CREATE INDEX IF NOT EXISTS feedback_procedure_idx ON feedback (procedure_code)`,
];

export interface RatingSummary {
  total: number;
  /** Count per level, index 0 = level 1. */
  byLevel: [number, number, number, number, number];
  /** (Hài lòng + Rất hài lòng) / total, or null with no ratings. */
  satisfiedShare: number | null;
}

export interface FeedbackStore {
  addRating(submission: RatingSubmission, origin: string | null): Promise<string>;
  summary(): Promise<RatingSummary>;
  close(): Promise<void>;
}

/** Opens (and migrates) the store; `dataDir` undefined keeps everything in memory. */
export async function openStore(dataDir?: string): Promise<FeedbackStore> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  for (const statement of MIGRATIONS) await db.exec(statement);
  return {
    async addRating(s, origin) {
      const result = await db.query<{ id: string }>(
        `INSERT INTO feedback (kind, rating, page_url, procedure_code, lang, origin)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [s.kind, s.rating, s.pageUrl, s.procedureCode ?? null, s.lang, origin],
      );
      const id = result.rows[0]?.id;
      if (!id) throw new Error('insert returned no id');
      return id;
    },
    async summary() {
      const result = await db.query<{ rating: number; n: number }>('SELECT rating, count(*)::int AS n FROM feedback GROUP BY rating');
      const byLevel: RatingSummary['byLevel'] = [0, 0, 0, 0, 0];
      for (const row of result.rows) byLevel[row.rating - 1] = row.n;
      const total = byLevel.reduce((a, b) => a + b, 0);
      return { total, byLevel, satisfiedShare: total ? (byLevel[3] + byLevel[4]) / total : null };
    },
    close: () => db.close(),
  };
}
