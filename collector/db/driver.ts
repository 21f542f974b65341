/**
 * The two database drivers behind one small interface: the embedded PGlite (data in a folder, or
 * in memory; run in a worker thread, see openPglite) and a PostgreSQL server through node-postgres
 * (`pg`, a pool per process). Same SQL on both. `exclusive` runs work on one connection holding a cluster-wide advisory lock, so two
 * processes starting together never migrate at the same time.
 */
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import type { PgliteOptions } from './pglite-open';
import type { WorkerAnswer, WorkerRequest } from './pglite-worker';

export interface Queryable {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs SQL text holding several statements, without parameters. */
  exec(text: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  exclusive<T>(lockKey: number, work: (session: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Settles when the database is gone for good while the process runs (the PGlite worker died):
   * nothing can be stored any more, so the process should exit and be restarted. Never settles for
   * PostgreSQL (a lost connection is retried by the pool) nor after close().
   */
  readonly lost: Promise<Error>;
}

/** Rejects every later call: the worker has stopped. */
class StoppedError extends Error {
  readonly code = '57P01';
}

/**
 * PGlite in `dataDir` (made with its parents when missing, as on a fresh clone), or in memory when
 * `dataDir` is empty, running in a worker thread (pglite-worker.ts) so that the WebAssembly database
 * and the HTTP work use two cores. One connection; calls queue inside PGlite in the order sent.
 * `durable`: each commit is fsynced to disk (pglite-open.ts).
 */
export function openPglite(dataDir: string, options: { durable?: boolean } = {}): Promise<Db> {
  return connectPgliteWorker(startPgliteWorker(dataDir, options));
}

/** Starts the worker thread that opens PGlite (pglite-worker.ts). */
export function startPgliteWorker(dataDir: string, options: { durable?: boolean } = {}): Worker {
  const file = new URL(`./pglite-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
  // The worker is TypeScript like the rest of the collector; Node 20 does not apply tsx's loader
  // to a worker's first file, so a one-line entry loads it through tsx's API.
  const entry = file.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
      `.then((tsx) => tsx.tsImport(${JSON.stringify(file)}, ${JSON.stringify(file)}))`
    : `import(${JSON.stringify(file)})`;
  return new Worker(entry, { eval: true, workerData: { dataDir, durable: options.durable ?? false } satisfies PgliteOptions });
}

/** The Db over a started PGlite worker: resolves when PGlite is open, rejects when it failed to open. */
export async function connectPgliteWorker(worker: Worker): Promise<Db> {
  const pending = new Map<number, { done: (rows: unknown[]) => void; fail: (error: Error) => void }>();
  let next = 1;
  let stopped: Error | null = null;
  let closing = false;
  let reportLost: (error: Error) => void = () => {};
  const lost = new Promise<Error>((settle) => (reportLost = settle));
  const stop = (error: Error) => {
    if (!stopped && !closing) reportLost(error);
    stopped ??= error;
    for (const p of pending.values()) p.fail(stopped);
    pending.clear();
  };

  await new Promise<void>((ready, fail) => {
    worker.on('message', (answer: WorkerAnswer) => {
      if ('ready' in answer) return ready();
      if ('failed' in answer) {
        void worker.terminate();
        return fail(Object.assign(new Error(answer.failed.message), answer.failed));
      }
      const p = pending.get(answer.id);
      if (!p) return;
      pending.delete(answer.id);
      if ('error' in answer) p.fail(Object.assign(new Error(answer.error.message), answer.error));
      else p.done(answer.rows);
    });
    // A worker that fails after start (out of memory, a WebAssembly trap): every waiting and later
    // query fails as unavailable (503), /readyz says not ready, and the log says why.
    worker.on('error', (error) => {
      if (!stopped) console.error('[collector] the database worker failed:', error.message);
      stop(Object.assign(new StoppedError(error.message), { cause: error }));
      fail(error);
    });
    worker.on('exit', (code) => {
      if (!stopped) console.error(`[collector] the database worker stopped (exit code ${code})`);
      const error = new StoppedError(`the database worker stopped (${code})`);
      stop(error);
      fail(error);
    });
  });

  const call = (request: DistributiveOmit<WorkerRequest, 'id'>): Promise<unknown[]> => {
    if (stopped) return Promise.reject(stopped);
    const id = next++;
    return new Promise((done, fail) => {
      pending.set(id, { done, fail });
      worker.postMessage({ ...request, id });
    });
  };
  const session: Queryable = {
    query: async <T>(text: string, params?: unknown[]) => (await call({ op: 'query', text, params })) as T[],
    exec: async (text) => {
      await call({ op: 'exec', text });
    },
  };
  return {
    kind: 'pglite',
    ...session,
    // A PGlite folder belongs to one process, so the one connection is already exclusive.
    exclusive: (_lockKey, work) => work(session),
    lost,
    async close() {
      if (stopped) return;
      closing = true;
      await call({ op: 'close' }).catch(() => {});
      stop(new StoppedError('the database is closed'));
      await worker.terminate();
    },
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

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
    lost: new Promise<Error>(() => {}),
  };
}
