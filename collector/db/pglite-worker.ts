/**
 * The embedded PostgreSQL (PGlite) in a worker thread. PGlite is WebAssembly and runs wherever it
 * is called; in the collector's main thread its inserts and the HTTP parsing and validation of the
 * next requests took turns on one core. Here it has a thread of its own, so the two use both
 * cores. The main thread (driver.ts) sends one message per query and gets the rows, or the error's
 * message and PostgreSQL code, back; a query's answer is posted only after PGlite returned, that
 * is after the commit was written to DATA_DIR (and synced to disk when `durable`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openPgliteHere, type PgliteOptions } from './pglite-open';

export type WorkerRequest =
  { id: number; op: 'query'; text: string; params?: unknown[] } | { id: number; op: 'exec'; text: string } | { id: number; op: 'close' };

export interface WireError {
  message: string;
  code?: string;
  constraint?: string;
}

export type WorkerAnswer =
  { id: number; rows: unknown[] } | { id: number; error: WireError } | { id: 0; ready: true } | { id: 0; failed: WireError };

const wire = (error: unknown): WireError => {
  const e = error as { message?: string; code?: string; constraint?: string };
  return { message: String(e?.message ?? error), code: e?.code, constraint: e?.constraint };
};

const port = parentPort!;
try {
  const db = await openPgliteHere(workerData as PgliteOptions);
  port.on('message', (request: WorkerRequest) => {
    const answer = async (): Promise<WorkerAnswer> => {
      try {
        if (request.op === 'query') return { id: request.id, rows: (await db.query(request.text, request.params)).rows };
        if (request.op === 'exec') {
          await db.exec(request.text);
          return { id: request.id, rows: [] };
        }
        await db.close();
        return { id: request.id, rows: [] };
      } catch (error) {
        return { id: request.id, error: wire(error) };
      }
    };
    void answer().then((a) => port.postMessage(a));
  });
  port.postMessage({ id: 0, ready: true } satisfies WorkerAnswer);
} catch (error) {
  port.postMessage({ id: 0, failed: wire(error) } satisfies WorkerAnswer);
}
