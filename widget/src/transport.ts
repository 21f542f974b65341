/**
 * Sends a rating to the collector over HTTP (POST /api/v1/feedback) and maps every failure to a
 * SendOutcome, so the widget never throws into the host page.
 */
import type { SubmissionAccepted, SubmissionRejected } from '../../shared/protocol/feedback';
import type { SendOutcome, Transport } from './model';

export const FEEDBACK_PATH = '/api/v1/feedback';

/** Builds a transport for the collector at `collectorUrl` (absolute, or relative to the page). */
export function httpTransport(collectorUrl: string, fetchImpl: typeof fetch = fetch): Transport {
  const endpoint = new URL(collectorUrl.replace(/\/+$/, '') + FEEDBACK_PATH, document.baseURI).href;
  return async (submission): Promise<SendOutcome> => {
    let response: Response;
    try {
      response = await fetchImpl(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(submission),
        keepalive: true,
        credentials: 'omit',
      });
    } catch {
      return { ok: false, kind: 'network' };
    }
    const body = (await response.json().catch(() => null)) as Partial<SubmissionAccepted & SubmissionRejected> | null;
    if (response.ok && typeof body?.id === 'string') return { ok: true, id: body.id };
    if (response.status >= 500 || typeof body?.error !== 'string') return { ok: false, kind: 'network' };
    return { ok: false, kind: 'rejected', reason: body.issues?.[0]?.message ?? body.error };
  };
}
