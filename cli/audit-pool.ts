/**
 * Parsing and auditing pages on worker threads for batch runs: the work is CPU-bound (the HTML
 * parser and the engine), so on a machine with several cores a batch audits several pages at the
 * same time instead of one after the other on the main thread, which is left to fetching and
 * writing. Each worker runs the CLI's own module file (main.ts, or the built tthc-audit.mjs) in
 * worker mode, so the built CLI stays one file. If a worker cannot start (or dies), the page is
 * audited on the main thread instead: slower, never wrong.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { auditDocument, type AuditReport } from '../shared/audit';
import { parseHtmlDocument } from '../shared/node/html';

const ROLE = 'tthc-audit-worker';

interface Job {
  id: number;
  html: string;
  url: string;
}

type Reply = { id: number; report: AuditReport } | { id: number; error: string };

/** Parses and audits one page (on whichever thread calls it). */
export function auditHtml(html: string, url: string): AuditReport {
  return auditDocument(parseHtmlDocument(html), { url });
}

/** True (and serving jobs) when this thread is an audit worker; main.ts then does nothing else. */
export function runAsWorkerIfAsked(): boolean {
  if (isMainThread || (workerData as { role?: string } | null)?.role !== ROLE || !parentPort) return false;
  const port = parentPort;
  port.on('message', (job: Job) => {
    let reply: Reply;
    try {
      reply = { id: job.id, report: auditHtml(job.html, job.url) };
    } catch (error) {
      reply = { id: job.id, error: (error as Error).message };
    }
    port.postMessage(reply);
  });
  return true;
}

export interface AuditPool {
  audit(html: string, url: string): Promise<AuditReport>;
  close(): Promise<void>;
}

/** Workers to use: one per core, at most `concurrency` (the pages that can be ready at once). */
export function poolSize(concurrency: number): number {
  return Math.max(1, Math.min(concurrency, availableParallelism()));
}

/** A pool of `size` workers running `entry` (the CLI's module URL). Size 1 or less: no workers. */
export function createAuditPool(size: number, entry: URL): AuditPool {
  if (size <= 1) return { audit: async (html, url) => auditHtml(html, url), close: async () => {} };
  interface Slot {
    worker: Worker | null;
    busy: Map<number, { resolve(r: AuditReport): void; reject(e: Error): void; job: Job }>;
  }
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;
  const start = (slot: Slot): void => {
    let worker: Worker;
    try {
      worker = new Worker(entry, { workerData: { role: ROLE } });
    } catch {
      slot.worker = null;
      return;
    }
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const pending = slot.busy.get(reply.id);
      if (!pending) return;
      slot.busy.delete(reply.id);
      if ('report' in reply) pending.resolve(reply.report);
      else pending.reject(new Error(reply.error));
    });
    const fail = () => {
      // The worker is gone: its pages are audited here, and no new work goes to it.
      slot.worker = null;
      for (const [id, pending] of slot.busy) {
        slot.busy.delete(id);
        try {
          pending.resolve(auditHtml(pending.job.html, pending.job.url));
        } catch (error) {
          pending.reject(error as Error);
        }
      }
    };
    worker.on('error', fail);
    worker.on('exit', () => {
      if (!closed) fail();
    });
    slot.worker = worker;
  };
  for (let i = 0; i < size; i++) {
    const slot: Slot = { worker: null, busy: new Map() };
    start(slot);
    slots.push(slot);
  }
  return {
    audit(html, url) {
      const live = slots.filter((s) => s.worker !== null);
      if (live.length === 0) return Promise.resolve().then(() => auditHtml(html, url));
      const slot = live.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
      const job: Job = { id: nextId++, html, url };
      return new Promise<AuditReport>((resolve, reject) => {
        slot.busy.set(job.id, { resolve, reject, job });
        slot.worker!.postMessage(job);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker?.terminate()));
    },
  };
}
