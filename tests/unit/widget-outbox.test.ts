/**
 * The widget's outbox with a fake fetch and memory storage: retries with backoff on network errors,
 * 5xx and 429 (Retry-After), drops on a permanent 4xx, sends each item once per flush.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoff, createOutbox, type Delivery } from '../../widget/src/outbox';
import { retryAfterMs } from '../../widget/src/transport';
import type { Submission } from '../../shared/protocol/submission';

const submission = { v: 2, id: '4f0c1f1e-9a7b-4c5d-8e6f-0a1b2c3d4e5f', kind: 'rating', overall: 4 } as unknown as Submission;
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('widget outbox', () => {
  it('retries a 500 with growing delays, then delivers once with the receipt', async () => {
    const answers = [json(500, { error: 'internal_error' }), json(500, {}), json(201, { id: submission.id, receipt: 'ACDE3467' })];
    const fetch = vi.fn(async () => answers.shift()!);
    const seen: Delivery[] = [];
    const outbox = createOutbox({ fetch, store: null, baseDelayMs: 100, random: () => 1 });
    await outbox.submit(submission, 'https://c.example/api/v1/submissions', (d) => seen.push(d));
    expect(seen.at(-1)).toEqual({ state: 'queued', reason: 'server' });
    await vi.advanceTimersByTimeAsync(100);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(seen.at(-1)).toEqual({ state: 'sent', receipt: 'ACDE3467' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(3);
    outbox.dispose();
  });

  it('honours Retry-After on 429 and treats a network failure as retryable', async () => {
    const answers: (() => Response)[] = [
      () => {
        throw new TypeError('offline');
      },
      () => json(429, { error: 'rate_limited' }, { 'retry-after': '5' }),
      () => json(200, { id: submission.id, receipt: 'X' }),
    ];
    const fetch = vi.fn(async () => answers.shift()!());
    const seen: Delivery[] = [];
    const outbox = createOutbox({ fetch, store: null, baseDelayMs: 10, random: () => 0 });
    await outbox.submit(submission, 'https://c.example/s', (d) => seen.push(d));
    expect(seen.at(-1)).toEqual({ state: 'queued', reason: 'network' });
    await vi.advanceTimersByTimeAsync(5);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(seen.at(-1)?.state).toBe('sent');
    outbox.dispose();
  });

  it('drops an item the collector refuses for good, with its code', async () => {
    const fetch = vi.fn(async () => json(400, { error: 'invalid_submission' }));
    const seen: Delivery[] = [];
    const outbox = createOutbox({ fetch, store: null });
    await outbox.submit(submission, 'https://c.example/s', (d) => seen.push(d));
    expect(seen.at(-1)).toEqual({ state: 'rejected', code: 'invalid_submission' });
    await vi.advanceTimersByTimeAsync(600_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    outbox.dispose();
  });

  it('on pagehide beacons an item not yet sent, but not one whose request is still on its way', async () => {
    const first = { ...submission, id: '11111111-1111-4111-8111-111111111111' } as Submission;
    const second = { ...submission, id: '22222222-2222-4222-8222-222222222222' } as Submission;
    let answer: (r: Response) => void = () => undefined;
    const fetch = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    const sendBeacon = vi.fn((_url: string, _body: Blob) => true);
    vi.stubGlobal('navigator', { sendBeacon });
    const outbox = createOutbox({ fetch, store: null });
    // The first request hangs; the second item waits behind it, not yet sent.
    const sent = outbox.submit(first, 'https://c.example/s', () => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    void outbox.submit(second, 'https://c.example/s', () => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);

    outbox.beacon();
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    const beaconed = JSON.parse(await sendBeacon.mock.calls[0]![1].text()) as Submission;
    expect(beaconed.id).toBe(second.id);
    expect(sendBeacon.mock.calls[0]![1].type).toBe('text/plain;charset=utf-8');

    // The first request fails: that item waits for a retry, and the second one's request goes out.
    answer(json(503, {}));
    await sent;
    expect(fetch).toHaveBeenCalledTimes(2);
    sendBeacon.mockClear();
    outbox.beacon();
    const ids = await Promise.all(sendBeacon.mock.calls.map(async (c) => (JSON.parse(await c[1].text()) as Submission).id));
    expect(ids).toEqual([first.id]);
    outbox.dispose();
    vi.unstubAllGlobals();
  });

  it('backs off exponentially with jitter and reads Retry-After as seconds or a date', () => {
    expect(backoff(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoff(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(backoff(20, 1000, 60_000, () => 1)).toBe(60_000);
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs(new Date(Date.now() + 3000).toUTCString(), Date.now())).toBeGreaterThan(1000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
