/**
 * The two database drivers behind one small interface: the embedded PGlite (data in a folder, or
 * in memory) and a PostgreSQL server through node-postgres (`pg`, a pool per process). Same SQL on
 * both. `exclusive` runs work on one connection holding a cluster-wide advisory lock, so two
 * processes starting together never migrate at the same time.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Queryable {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs SQL text holding several statements, without parameters. */
  exec(text: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  exclusive<T>(lockKey: number, work: (session: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * PGlite in `dataDir` (made with its parents when missing, as on a fresh clone), or in memory when
 * `dataDir` is empty. One connection; calls queue inside PGlite.
 */
export async function openPglite(dataDir: string): Promise<Db> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const session: Queryable = {
    query: async <T>(text: string, params?: unknown[]) => (await db.query<T>(text, params)).rows,
    exec: async (text) => {
      await db.exec(text);
    },
  };
  return {
    kind: 'pglite',
    ...session,
    // A PGlite folder belongs to one process, so the one connection is already exclusive.
    exclusive: (_lockKey, work) => work(session),
    close: () => db.close(),
  };
}

/** A pool of connections to the PostgreSQL server at `url`. */
export async function openPostgres(url: string, poolSize: number): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('[collector] database connection lost:', error.message));
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
    exec: async (text) => {
      await client.query(text);
    },
  });
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    ...wrap(pool),
    async exclusive(lockKey, work) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [lockKey]);
        try {
          return await work(wrap(client));
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [lockKey]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
