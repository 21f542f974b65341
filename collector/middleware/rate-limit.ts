/**
 * Rate limits on submissions, per process (in memory): per client address (from X-Forwarded-For
 * only when TRUST_PROXY says so, via Fastify's request.ip) and per origin (one portal). Over
 * either limit: 429 with Retry-After. Both counters go through one hook: @fastify/rate-limit runs
 * only the first of several `rateLimit` hooks on a request (it marks the request), so two hooks
 * would have left the per-origin limit unchecked. A request refused by the address limit does not
 * count against its origin. With N processes behind a load balancer each keeps its own counters,
 * so a client may reach N times the limit unless the balancer is sticky by address; shared
 * counters in the database would cost a round trip per request on the path that must be fastest
 * (see README).
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { CollectorConfig } from '../config';
import { HttpError } from './errors';

export interface SubmissionLimits {
  hooks: onRequestHookHandler[];
}

/** The Origin header as the per-origin key (requests without one, such as curl, share one key). */
const originKey = (r: FastifyRequest) => `origin:${String(r.headers.origin ?? '-').toLowerCase()}`;

export async function installRateLimits(app: FastifyInstance, config: CollectorConfig): Promise<SubmissionLimits> {
  if (config.rateLimitPerMinute === 0) return { hooks: [] };
  await app.register(rateLimit, { global: false });
  const limiters = [app.createRateLimit({ max: config.rateLimitPerMinute, timeWindow: 60_000, keyGenerator: (r) => `ip:${r.ip}` })];
  if (config.rateLimitPerOriginPerMinute > 0)
    limiters.push(app.createRateLimit({ max: config.rateLimitPerOriginPerMinute, timeWindow: 60_000, keyGenerator: originKey }));
  const hook: onRequestHookHandler = async (request, reply) => {
    for (const limit of limiters) {
      const result = await limit(request);
      if (!result.isAllowed && result.isExceeded) {
        reply.header('retry-after', String(Math.max(1, result.ttlInSeconds)));
        throw new HttpError(429, 'rate_limited');
      }
    }
  };
  return { hooks: [hook] };
}
