/**
 * What agency leaders read: GET /api/v1/summary (JSON) and GET /dashboard (HTML). When
 * DASHBOARD_TOKEN is set both need `Authorization: Bearer <token>` (or `?token=` for a browser
 * bookmark); without it they are open, as the demo needs.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CollectorConfig } from '../config';
import type { SubmissionStore } from '../db/store';
import { HttpError } from '../middleware/errors';
import { renderDashboard } from '../views/dashboard';

function authorised(config: CollectorConfig, request: FastifyRequest): boolean {
  if (!config.dashboardToken) return true;
  const header = request.headers.authorization;
  const given = header?.startsWith('Bearer ') ? header.slice(7) : ((request.query as { token?: unknown })?.token ?? '');
  const a = Buffer.from(String(given));
  const b = Buffer.from(config.dashboardToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function dashboardRoutes(app: FastifyInstance, deps: { config: CollectorConfig; store: SubmissionStore }): void {
  const guard = async (request: FastifyRequest) => {
    if (!authorised(deps.config, request)) throw new HttpError(401, 'unauthorized');
  };
  app.get('/api/v1/summary', { onRequest: guard }, async () => deps.store.summary());
  app.get('/dashboard', { onRequest: guard }, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderDashboard(await deps.store.summary())),
  );
}
