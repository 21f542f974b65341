/**
 * The collector's HTTP application (Fastify 5): body parsing, CORS, rate limits and error
 * handling as middleware, then the routes. Built from a typed config and an open store, so tests
 * run it on an in-memory PGlite or a PostgreSQL schema of their own. Malformed URLs never reach a
 * handler: the router's frameworkErrors answers them 400 in JSON.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '../shared/protocol/constants';
import type { CollectorConfig } from './config';
import type { SubmissionStore } from './db/store';
import { installBodyParsing } from './middleware/body';
import { installCors } from './middleware/cors';
import { installErrorHandling, sendError } from './middleware/errors';
import { installRateLimits } from './middleware/rate-limit';
import { dashboardRoutes } from './routes/dashboard';
import { formRoutes } from './routes/form';
import { healthRoutes } from './routes/health';
import { staticRoutes } from './routes/static';
import { submissionRoutes } from './routes/submissions';
import { summaryApiRoutes } from './routes/summary-api';

export interface CollectorOptions {
  config: CollectorConfig;
  store: SubmissionStore;
  /** Folder of demo pages served under /demo/ (omit to serve none). */
  demoDir?: string;
  /** The built widget file served at /widget/tthc-feedback.js (omit to serve none). */
  widgetFile?: string;
}

const trustHops = (hops: number) => (_address: string, index: number) => index < hops;

export async function createCollector(options: CollectorOptions): Promise<FastifyInstance> {
  const { config, store } = options;
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    // A hop count becomes proxy-addr's trust function: trust the nearest n addresses.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    return503OnClosing: true,
    // Bad percent-encoding and other URLs the router cannot read: 400 in JSON, never a crash.
    frameworkErrors: (_error, _request, reply) => {
      sendError(reply, 400, 'bad_request');
    },
  });
  installErrorHandling(app);
  installBodyParsing(app);
  await installCors(app, config);
  const limits = await installRateLimits(app, config);
  submissionRoutes(app, { config, store, limits });
  formRoutes(app, { config, store, limits });
  healthRoutes(app, store);
  dashboardRoutes(app, { config, store });
  summaryApiRoutes(app, { config, db: store.db });
  await staticRoutes(app, options);

  // Hourly and at start: the retention purge, then the store's housekeeping (statistics on PGlite).
  const hourly = async () => {
    if (config.retentionDays > 0)
      await store
        .purgeText(config.retentionDays)
        .catch((error: Error) => console.error('[collector] retention purge failed:', error.message));
    await store.maintain().catch((error: Error) => console.error('[collector] database housekeeping failed:', error.message));
  };
  const timer = setInterval(() => void hourly(), 3_600_000);
  timer.unref();
  app.addHook('onReady', async () => void hourly());
  app.addHook('onClose', async () => clearInterval(timer));
  await app.ready();
  return app;
}
