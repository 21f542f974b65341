/**
 * CORS and origin policy. Only origins in ALLOWED_ORIGINS (and the collector's own origin) get
 * CORS headers and may submit; a preflight is answered for them, other origins get no CORS headers
 * and their submissions a 403. Submissions are anonymous: no cookies, no credentials allowed.
 * Requests without an Origin header (curl, other servers) are not browsers' and pass.
 */
import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CollectorConfig } from '../config';

/** True when the request's Origin may use the API. */
export function originAllowed(config: CollectorConfig, request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (config.anyOrigin) return true;
  const lower = origin.toLowerCase();
  if (config.allowedOrigins.has(lower)) return true;
  // Same origin as the collector (its demo pages): the Origin's host is the Host header.
  const host = request.headers.host;
  return !!host && (lower === `http://${host.toLowerCase()}` || lower === `https://${host.toLowerCase()}`);
}

export async function installCors(app: FastifyInstance, config: CollectorConfig): Promise<void> {
  await app.register(cors, {
    delegator: (request, callback) =>
      callback(null, {
        origin: originAllowed(config, request as FastifyRequest),
        methods: ['GET', 'POST', 'OPTIONS'],
        allowedHeaders: ['content-type'],
        credentials: false,
        maxAge: 86400,
        strictPreflight: false,
      }),
  });
}
