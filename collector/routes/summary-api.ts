/**
 * GET /api/v1/summary: the dashboard's figures as JSON for scripts, for the filter given in the
 * query string (`period`=quarter|half|year|custom, `from`, `to` as YYYY-MM-DD with `to` exclusive,
 * `agency`, `procedure` (code, or part of a code or name), `lang`=vi|en, `bucket`=week|month).
 * Behind the dashboard's protection: `Authorization: Bearer <DASHBOARD_TOKEN>` (auth.ts apiGuard).
 * Keeps the fact index caught up in the background so an answer only reads what came since; while
 * its first load runs after a start, answers 503 `{ error: 'loading' }` with Retry-After. A figure
 * from fewer than MIN_ANSWERS answers (config.minAnswers) is marked tooFew; SATISFIED_FROM_5/_3 set
 * which levels count as satisfied.
 */
import type { FastifyInstance } from 'fastify';
import type { CollectorConfig } from '../config';
import type { Db } from '../db/driver';
import { dashboardAuth } from '../dashboard/auth';
import {
  dashboardSummary,
  factsLoading,
  factsOf,
  LOADING_RETRY_SECONDS,
  LOADING_WAIT_MS,
  parseFilterQuery,
  startFactsRefresh,
  type SummaryOptions,
} from '../dashboard';

export function summaryApiRoutes(app: FastifyInstance, deps: { config: CollectorConfig; db: Db; options?: SummaryOptions }): void {
  const auth = dashboardAuth(deps.config);
  app.get('/api/v1/summary', { onRequest: (request, reply) => auth.apiGuard(request, reply) }, async (request, reply) => {
    const parsed = parseFilterQuery(request.query);
    if (!parsed.ok) return reply.code(400).header('cache-control', 'no-store').send({ error: 'invalid_filter', issues: parsed.problems });
    // Right after a start the figures are still loading: say so (503, Retry-After) rather than answer partial ones.
    if (await factsLoading(deps.db, LOADING_WAIT_MS))
      return reply
        .code(503)
        .header('retry-after', String(LOADING_RETRY_SECONDS))
        .header('cache-control', 'no-store')
        .send({ error: 'loading' });
    const summary = await dashboardSummary(deps.db, parsed.filter, {
      minAnswers: deps.config.minAnswers,
      satisfiedFrom: deps.config.satisfiedFrom,
      ...deps.options,
    });
    return reply.header('cache-control', 'no-store').send(summary);
  });
  let stop: (() => void) | null = null;
  let closing = false;
  app.addHook('onReady', async () => {
    // Load the index in the background at start, then keep it caught up.
    void factsOf(deps.db).catch((error: Error) => {
      if (!closing) console.error('[collector] dashboard index failed to load:', error.message);
    });
    stop = startFactsRefresh(deps.db);
  });
  app.addHook('onClose', async () => {
    closing = true;
    stop?.();
  });
}
