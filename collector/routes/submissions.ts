/**
 * POST /api/v1/submissions (and its alias /api/v1/feedback, same handler): parse with the shared
 * protocol schema, drop spam quietly, store once, answer only after the write is committed:
 * 201 { id, receipt } when stored now, 200 with the same receipt when the id was already stored.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SUBMISSIONS_PATH } from '../../shared/protocol/constants';
import { FEEDBACK_PROTOCOL_VERSION, Submission, describeIssues } from '../../shared/protocol/submission';
import type { CollectorConfig } from '../config';
import { newReceipt, type SubmissionStore } from '../db/store';
import { originAllowed } from '../middleware/cors';
import { HttpError, sendError } from '../middleware/errors';
import type { SubmissionLimits } from '../middleware/rate-limit';

export const SUBMISSION_PATHS = [SUBMISSIONS_PATH, '/api/v1/feedback'] as const;

export function submissionRoutes(
  app: FastifyInstance,
  deps: { config: CollectorConfig; store: SubmissionStore; limits: SubmissionLimits },
) {
  const { config, store } = deps;

  async function receive(request: FastifyRequest, reply: FastifyReply) {
    if (!originAllowed(config, request)) throw new HttpError(403, 'origin_not_allowed');
    const body: unknown = request.body;
    if (body === undefined) throw new HttpError(400, 'invalid_json');
    const version = (body as { v?: unknown } | null)?.v;
    if (typeof version === 'number' && version !== FEEDBACK_PROTOCOL_VERSION) throw new HttpError(422, 'unsupported_version');
    const parsed = Submission.safeParse(body);
    if (!parsed.success) throw new HttpError(422, 'invalid_submission', describeIssues(parsed.error));
    const s = parsed.data;
    // Spam: answered like a success (a bot learns nothing), stored nowhere.
    if ((s.honeypot !== undefined && s.honeypot !== '') || (config.minFillMs > 0 && s.fillMs !== undefined && s.fillMs < config.minFillMs))
      return reply.code(201).send({ id: s.id, receipt: newReceipt() });
    const origin = typeof request.headers.origin === 'string' ? request.headers.origin.slice(0, 200) : null;
    const outcome = await store.insert(s, origin);
    return reply.code(outcome.created ? 201 : 200).send({ id: s.id, receipt: outcome.receipt });
  }

  for (const url of SUBMISSION_PATHS) {
    app.post(url, { onRequest: deps.limits.hooks }, receive);
    app.route({
      method: ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH'],
      url,
      handler: (_request, reply) => sendError(reply.header('allow', 'POST, OPTIONS'), 405, 'method_not_allowed'),
    });
  }
}
