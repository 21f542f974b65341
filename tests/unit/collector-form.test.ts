/** The no-JavaScript form (GET/POST /form): a plain HTML form that stores a rating once and answers with an HTML receipt. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createCollector } from '../../collector/app';
import { testConfig } from '../../collector/config';
import { openStore, type SubmissionStore } from '../../collector/db/store';

// Each collector opens its own PGlite (a worker thread, WebAssembly): on a shared 2-core machine
// under heavy load that took over a minute, so starts get a generous ceiling.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let app: FastifyInstance;
let store: SubmissionStore;
beforeAll(async () => {
  store = await openStore();
  app = await createCollector({ config: testConfig({ rateLimitPerMinute: 0 }), store });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

const post = (payload: string) =>
  app.inject({ method: 'POST', url: '/form', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });

describe('collector: no-JavaScript form', () => {
  it('serves a form with its own ids, the procedure and the page it came from (no query)', async () => {
    const form = await app.inject({
      url: '/form?procedure=1.000178&lang=en',
      headers: { referer: 'https://portal.gov.vn/tthc/1?name=x#y' },
    });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toMatch(/^text\/html/);
    expect(form.body).toContain('<html lang="en">');
    expect(form.body).toContain('name="page" value="https://portal.gov.vn/tthc/1"');
    expect(form.body.match(/type="radio" name="overall"/g)).toHaveLength(5);
    expect(form.body).not.toContain('<script');
  });

  it('stores a rating once, with the same receipt when sent again, and refuses one without a level', async () => {
    const form = (await app.inject({ url: '/form?procedure=%3Cb%3E1.2' })).body;
    expect(form).not.toContain('<b>1.2');
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(form)![1]!;
    const body = `id=${field('id')}&respondent=${field('respondent')}&procedure=1.000178&lang=vi&page=${encodeURIComponent('http://127.0.0.1/form')}&overall=5&comment=T%E1%BB%91t`;
    const first = await post(body);
    expect(first.statusCode).toBe(201);
    const receipt = /data-receipt>([^<]+)</.exec(first.body)![1];
    const again = await post(body);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain(`data-receipt>${receipt}<`);
    expect((await store.summary()).total).toBe(1);
    const missing = await post(body.replace(/id=[^&]+/, 'id=3f0c1f1e-9a7b-4c5d-8e6f-0a1b2c3d4e5f').replace('&overall=5', ''));
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('href="/form?lang=vi&amp;procedure=1.000178"');
  });
});
