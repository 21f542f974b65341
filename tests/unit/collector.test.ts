/** The collector's feedback API, over real HTTP on 127.0.0.1, with an in-memory PGlite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type FeedbackStore } from '../../collector/store';
import { createCollectorServer, MAX_BODY_BYTES } from '../../collector/server';
import { listen, type StaticServer } from '../e2e/kit';

let store: FeedbackStore;
let server: StaticServer;
const valid = { v: 1, kind: 'rating', rating: 5, pageUrl: 'https://x.gov.vn/tthc', lang: 'vi', procedureCode: '1.000178' };
const post = (body: string, type = 'application/json') =>
  fetch(`${server.url}/api/v1/feedback`, { method: 'POST', headers: { 'content-type': type }, body });

beforeAll(async () => {
  store = await openStore();
  server = await listen(createCollectorServer({ store }));
});
afterAll(async () => {
  await server.close();
  await store.close();
});

describe('collector feedback API', () => {
  it('stores a valid rating and returns its id', async () => {
    const res = await post(JSON.stringify(valid));
    expect(res.status).toBe(201);
    expect((await res.json()).id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await store.summary()).byLevel[4]).toBeGreaterThanOrEqual(1);
  });

  it('rejects a rating out of range and names the field', async () => {
    const res = await post(JSON.stringify({ ...valid, rating: 9 }));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toBe('invalid_submission');
    expect(body.issues[0].path).toBe('rating');
  });

  it('answers clearly to malformed JSON, wrong content type and oversized bodies', async () => {
    expect((await post('{"rating":')).status).toBe(400);
    expect((await post(JSON.stringify(valid), 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post('x'.repeat(MAX_BODY_BYTES + 1))).status).toBe(413);
  });

  it('still accepts good ratings after bad ones', async () => {
    const before = (await store.summary()).total;
    await post('not json');
    expect((await post(JSON.stringify(valid))).status).toBe(201);
    expect((await store.summary()).total).toBe(before + 1);
  });

  it('allows widgets on other origins (CORS preflight)', async () => {
    const res = await fetch(`${server.url}/api/v1/feedback`, { method: 'OPTIONS', headers: { origin: 'https://sotuphap.example.gov.vn' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('reports the satisfied share as (Hài lòng + Rất hài lòng) over all ratings', async () => {
    await post(JSON.stringify({ ...valid, rating: 1 }));
    const summary = await (await fetch(`${server.url}/api/v1/summary`)).json();
    expect(summary.satisfiedShare).toBeCloseTo((summary.byLevel[3] + summary.byLevel[4]) / summary.total);
  });

  it('answers 404 in JSON for unknown paths', async () => {
    const res = await fetch(`${server.url}/nope`);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe('not_found');
  });
});
