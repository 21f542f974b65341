/**
 * Right after a start, while the dashboard's fact index is still loading from a large database: the
 * collector keeps taking submissions and answering /healthz and /readyz, and the dashboard, the
 * public page and the summary API say the figures are loading (503, Retry-After) instead of waiting
 * or showing partial figures. The load is held back by a database whose page reads wait for the
 * test's signal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../collector/config';
import { createCollector } from '../../collector/app';
import { openPglite, type Db } from '../../collector/db/driver';
import { migrate } from '../../collector/db/migrations';
import { createStore } from '../../collector/db/store';
import { post, rating, withFactReadsHeld } from './kit';

const TOKEN = 'loading-test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

let inner: Db;
let release: () => void = () => {};
const held = new Promise<void>((done) => (release = done));
let url = '';
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  inner = await openPglite('');
  await migrate(inner);
  // Rows to load: one rating from an agency the public page knows.
  const seed = createStore(inner);
  const app0 = await createCollector({ config: testConfig({ rateLimitPerMinute: 0, minFillMs: 0 }), store: seed });
  const base0 = await app0.listen({ port: 0, host: '127.0.0.1' });
  expect((await post(base0, rating({ agency: 'Sở Thử nghiệm' }))).status).toBe(201);
  await app0.close();
  // The same database, whose reads of the fact index's pages wait until `release`.
  const gated = withFactReadsHeld(inner, held);
  const app = await createCollector({
    config: testConfig({ dashboardToken: TOKEN, rateLimitPerMinute: 0, minFillMs: 0 }),
    store: createStore(gated),
  });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  close = () => app.close();
}, 60_000);

afterAll(async () => {
  release();
  await close();
  await inner?.close();
});

describe('while the figures load after a start', () => {
  it('takes submissions and answers /healthz and /readyz', async () => {
    expect((await post(url, rating())).status).toBe(201);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('the dashboard says in Vietnamese and in English that the figures are loading, with Retry-After', async () => {
    const vi = await fetch(`${url}/dashboard?period=year`, { headers: auth });
    expect(vi.status).toBe(503);
    expect(Number(vi.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(vi.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await vi.text();
    expect(page).toContain('Đang nạp số liệu');
    expect(page).toContain('data-loading');
    expect(page).not.toContain('http-equiv');
    expect(page).toContain('href="/dashboard?period=year"');
    const en = await (await fetch(`${url}/dashboard?ui=en`, { headers: auth })).text();
    expect(en).toContain('Loading the figures');
  });

  it('the summary API and the public page answer 503 "loading" instead of partial figures', async () => {
    const api = await fetch(`${url}/api/v1/summary?period=year`, { headers: auth });
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBeTruthy();
    expect(await api.json()).toEqual({ error: 'loading' });
    const pub = await fetch(`${url}/public/${encodeURIComponent('Sở Thử nghiệm')}`);
    expect(pub.status).toBe(503);
    expect(await pub.text()).toContain('Đang nạp số liệu');
  });

  it('without a login the dashboard still answers 401, not the loading page', async () => {
    expect((await fetch(`${url}/dashboard`)).status).toBe(401);
  });

  it('once loaded, the figures count every rating, including those received during the load', async () => {
    release();
    let status = 0;
    let body: { totals?: { ratings: number } } = {};
    for (let i = 0; i < 50 && status !== 200; i++) {
      const r = await fetch(`${url}/api/v1/summary?period=year`, { headers: auth });
      status = r.status;
      body = (await r.json()) as typeof body;
    }
    expect(status).toBe(200);
    expect(body.totals?.ratings).toBe(2);
    expect((await fetch(`${url}/dashboard`, { headers: auth })).status).toBe(200);
  });
});
