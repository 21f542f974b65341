/**
 * Sends a rating to the collector over HTTP (POST /api/v1/submissions, protocol v2) and maps every
 * failure to a SendOutcome, so the widget never throws into the host page. 201 (stored) and 200
 * (already stored, same receipt) are both success.
 */
import type { SubmissionAccepted, SubmissionRejected } from '../../shared/protocol/submission';
import { SUBMISSIONS_PATH } from '../../shared/protocol/constants';
import type { SendOutcome, Transport } from './model';

/** Builds a transport for the collector at `collectorUrl` (absolute, or relative to the page). */
export function httpTransport(collectorUrl: string, fetchImpl: typeof fetch = fetch): Transport {
  const endpoint = new URL(collectorUrl.replace(/\/+$/, '') + SUBMISSIONS_PATH, document.baseURI).href;
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
    if (response.ok && typeof body?.id === 'string')
      return { ok: true, id: body.id, ...(typeof body.receipt === 'string' ? { receipt: body.receipt } : {}) };
    if (response.status >= 500 || typeof body?.error !== 'string') return { ok: false, kind: 'network' };
    return { ok: false, kind: 'rejected', code: body.error };
  };
}
