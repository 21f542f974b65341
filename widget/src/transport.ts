/**
 * One HTTP attempt to deliver a submission to the collector (POST /api/v1/submissions, protocol
 * v2), classified for the outbox: delivered (201 stored or 200 already stored, with the receipt),
 * retry later (network error, timeout, 408/425/429, 5xx; with Retry-After when the collector
 * gives one) or rejected for good (any other 4xx, with the collector's machine code). Never throws.
 */
import type { Submission } from '../../shared/protocol/submission';

export type Attempt =
  | { kind: 'delivered'; id: string; receipt?: string }
  | { kind: 'retry'; afterMs?: number; reason: 'network' | 'server' }
  | { kind: 'rejected'; code: string };

const RETRYABLE = new Set([408, 425, 429]);
const TIMEOUT_MS = 15_000;

/** Retry-After as milliseconds (seconds or an HTTP date), or undefined. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  const ms = header ? Number(header) * 1000 || Date.parse(header) - now : NaN;
  return ms >= 0 ? ms : header === '0' ? 0 : undefined;
}

export async function attemptDelivery(endpoint: string, submission: Submission, fetchImpl: typeof fetch = fetch): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(submission),
      credentials: 'omit',
      signal: controller.signal,
    });
  } catch {
    return { kind: 'retry', reason: 'network' };
  } finally {
    clearTimeout(timer);
  }
  const body = (await response.json().catch(() => null)) as { id?: unknown; receipt?: unknown; error?: unknown } | null;
  if (response.ok && typeof body?.id === 'string')
    return { kind: 'delivered', id: body.id, ...(typeof body.receipt === 'string' ? { receipt: body.receipt } : {}) };
  if (response.status >= 500 || RETRYABLE.has(response.status) || response.ok) {
    const afterMs = retryAfterMs(response.headers.get('retry-after'));
    return { kind: 'retry', reason: 'server', ...(afterMs === undefined ? {} : { afterMs }) };
  }
  return { kind: 'rejected', code: typeof body?.error === 'string' ? body.error : 'bad_request' };
}
