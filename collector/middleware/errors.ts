/**
 * One shape for every failure: `{ error: <machine code>, issues? }` with a 4xx status, and 500 or
 * 503 only when the collector or its database fails (logged, never a stack trace in the answer).
 * The codes are shared/protocol/errors.ts's, which the widget maps to catalog messages. Malformed
 * URLs (bad percent-encoding, `//`, `/\`) are answered by the router's frameworkErrors hook in
 * app.ts; a preflight from an origin not allowed gets 403 `origin_not_allowed` (no CORS headers).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../shared/protocol/errors';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(code);
  }
}

const FRAMEWORK_CODES: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_BAD_URL: [400, 'bad_request'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'bad_request'],
};

export function sendError(reply: FastifyReply, status: number, code: ErrorCode, issues?: HttpError['issues']): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(issues ? { error: code, issues } : { error: code });
}

/** A database that cannot be reached or refuses connections: answer 503 so clients retry. */
function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return (
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|57P0[123]|08\d{3}|53\d{3})$/.test(code) ||
    /Connection terminated|timeout exceeded/i.test(String((error as Error)?.message))
  );
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpError) {
      if (error.statusCode === 429 && !reply.getHeader('retry-after')) reply.header('retry-after', '60');
      return sendError(reply, error.statusCode, error.code, error.issues);
    }
    const mapped = FRAMEWORK_CODES[error.code ?? ''];
    if (mapped) return sendError(reply, mapped[0], mapped[1]);
    const status = error.statusCode ?? 500;
    if (status === 429) return sendError(reply, 429, 'rate_limited');
    if (status >= 400 && status < 500) return sendError(reply, status, 'bad_request');
    if (isUnavailable(error)) {
      console.error('[collector] database unavailable on', request.method, request.url, (error as Error).message);
      reply.header('retry-after', '5');
      return sendError(reply, 503, 'unavailable');
    }
    console.error('[collector] internal error on', request.method, request.url, error);
    return sendError(reply, 500, 'internal_error');
  });
  app.setNotFoundHandler((request, reply) => {
    // @fastify/cors answers every preflight of an allowed origin (204); one that reaches this
    // handler came from another origin: refused plainly, without any Access-Control-Allow-* header.
    if (request.method === 'OPTIONS' && request.headers.origin !== undefined) return sendError(reply, 403, 'origin_not_allowed');
    return sendError(reply, 404, 'not_found');
  });
}
