/**
 * Liveness (`GET /healthz`: the process answers) and readiness (`GET /readyz`: the database
 * answers within 2 s), for load balancers and orchestrators.
 */
import type { FastifyInstance } from 'fastify';
import type { SubmissionStore } from '../db/store';
import { sendError } from '../middleware/errors';

export function healthRoutes(app: FastifyInstance, store: SubmissionStore): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), 2000);
    });
    try {
      await Promise.race([store.ping(), timeout]);
      return { status: 'ready', database: store.kind };
    } catch {
      return sendError(reply.header('retry-after', '5'), 503, 'unavailable');
    } finally {
      clearTimeout(timer);
    }
  });
}
