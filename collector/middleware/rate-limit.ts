/**
 * Rate limits on submissions, per process (in memory): per client address (from X-Forwarded-For
 * only when TRUST_PROXY says so, via Fastify's request.ip) and per origin. Over the limit: 429 with
 * Retry-After. With N processes behind a load balancer each keeps its own counters, so a client may
 * reach N times the limit unless the balancer is sticky by address; shared counters in the
 * database would cost a round trip per request on the path that must be fastest (see README).
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { CollectorConfig } from '../config';
import { HttpError } from './errors';

export interface SubmissionLimits {
  hooks: onRequestHookHandler[];
}

export async function installRateLimits(app: FastifyInstance, config: CollectorConfig): Promise<SubmissionLimits> {
  if (config.rateLimitPerMinute === 0) return { hooks: [] };
  await app.register(rateLimit, { global: false });
  const errorResponseBuilder = () => new HttpError(429, 'rate_limited');
  const hooks: onRequestHookHandler[] = [
    app.rateLimit({ max: config.rateLimitPerMinute, timeWindow: 60_000, keyGenerator: (r) => `ip:${r.ip}`, errorResponseBuilder }),
  ];
  if (config.rateLimitPerOriginPerMinute > 0)
    hooks.push(
      app.rateLimit({
        max: config.rateLimitPerOriginPerMinute,
        timeWindow: 60_000,
        keyGenerator: (r) => `origin:${r.headers.origin ?? '-'}`,
        errorResponseBuilder,
      }),
    );
  return { hooks };
}
