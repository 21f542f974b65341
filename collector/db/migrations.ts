/**
 * Numbered schema migrations and their runner. The applied versions are kept in
 * `schema_migrations`; each migration runs in its own transaction together with its version row,
 * and the runner holds an advisory lock, so two collectors starting at once on one PostgreSQL
 * apply each migration exactly once. Never edit a released migration: add the next number.
 */
import type { Db } from './driver';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'submissions',
    sql: `
      CREATE TABLE submissions (
        seq bigserial NOT NULL,
        id uuid PRIMARY KEY,
        receipt text NOT NULL UNIQUE,
        kind text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        client_created_at timestamptz,
        procedure_code text,
        page_url text NOT NULL,
        lang text NOT NULL,
        origin text,
        respondent uuid,
        overall smallint CHECK (overall BETWEEN 1 AND 5),
        question_set text,
        answers jsonb,
        comment text,
        contact jsonb,
        details jsonb,
        text_purged_at timestamptz
      );
      CREATE INDEX submissions_current_rating_idx ON submissions (respondent, (coalesce(procedure_code, page_url)), seq DESC)
        WHERE kind = 'rating';
      CREATE INDEX submissions_received_idx ON submissions (received_at);
      -- Ratings of protocol v1 (no client id, no respondent) carried over, each its own respondent.
      DO $$ BEGIN
        IF to_regclass('feedback') IS NOT NULL THEN
          INSERT INTO submissions (id, receipt, kind, received_at, procedure_code, page_url, lang, origin, respondent, overall)
          SELECT id, 'V1' || upper(substr(replace(id::text, '-', ''), 1, 10)), 'rating', received_at, procedure_code, page_url, lang,
                 origin, id, rating
          FROM feedback ON CONFLICT DO NOTHING;
        END IF;
      END $$;`,
  },
  {
    version: 2,
    name: 'procedure name, agency, rating scale',
    sql: `
      ALTER TABLE submissions ADD COLUMN procedure_name text;
      ALTER TABLE submissions ADD COLUMN agency text;
      -- Levels of the scale the rating was given on (5 or 3); ratings before this had 5.
      ALTER TABLE submissions ADD COLUMN scale_levels smallint CHECK (scale_levels IN (3, 5));
      UPDATE submissions SET scale_levels = 5 WHERE kind = 'rating';`,
  },
  {
    version: 3,
    name: 'dashboard: handled comments',
    sql: `
      -- A comment marked handled on the dashboard: when and by whom.
      ALTER TABLE submissions ADD COLUMN handled_at timestamptz;
      ALTER TABLE submissions ADD COLUMN handled_by text;
      -- The comments list, newest first, without reading the rows that have none.
      CREATE INDEX submissions_comments_idx ON submissions (received_at DESC, seq DESC) WHERE comment IS NOT NULL;`,
  },
  {
    version: 4,
    name: 'dashboard: rows by sequence',
    sql: `
      -- The dashboard's index catches up with "seq > watermark ORDER BY seq": without this, a full scan.
      CREATE INDEX submissions_seq_idx ON submissions (seq);`,
  },
  {
    version: 5,
    name: 'dashboard: comments by procedure',
    sql: `
      -- A procedure's latest comments (its dashboard page) without reading every comment.
      CREATE INDEX submissions_procedure_comments_idx ON submissions ((coalesce(procedure_code, page_url)), received_at DESC)
        WHERE comment IS NOT NULL;`,
  },
];

/** Any fixed number, the same in every collector process: the key of the migration lock. */
const MIGRATION_LOCK = 718_033_001;

/** Applies the migrations not applied yet; returns the versions it applied. */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.exclusive(MIGRATION_LOCK, async (session) => {
    await session.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await session.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await session.exec(
        `BEGIN;\n${m.sql}\nINSERT INTO schema_migrations (version, name) VALUES (${Number(m.version)}, '${m.name.replace(/'/g, "''")}');\nCOMMIT;`,
      );
      applied.push(m.version);
    }
    return applied;
  });
}
