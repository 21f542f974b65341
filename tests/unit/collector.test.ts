/**
 * The collector's HTTP API over real HTTP on 127.0.0.1 with an in-memory PGlite: protocol v2,
 * exactly-once by client id, CORS allow-list, rate limit, spam checks, beacon bodies, hostile URLs
 * and bodies, health and readiness, dashboard token, retention.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect } from 'node:net';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Submission } from '../../shared/protocol/submission';
import { MAX_BODY_BYTES, RECEIPT_ALPHABET } from '../../shared/protocol/constants';
import { ERROR_CODES, ERROR_MESSAGES } from '../../shared/protocol/errors';
import { widgetCatalogs } from '../../shared/i18n/widget';
import { openStore } from '../../collector/db/store';
import { post, rating, startCollector, type RunningCollector } from '../collector/kit';

// Each collector opens its own PGlite (a worker thread, WebAssembly): on a shared 2-core machine
// under heavy load that took over a minute, so starts get a generous ceiling.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let c: RunningCollector;
const RECEIPT = new RegExp(`^[${RECEIPT_ALPHABET}]{8}$`);

/** Sends raw bytes as one HTTP request and resolves with the status line's code (fetch would normalise the path). */
function raw(url: string, request: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let data = '';
    socket.on('data', (d) => (data += d.toString('latin1')));
    socket.on('end', () => done({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), text: data }));
    socket.on('error', fail);
  });
}

beforeAll(async () => {
  c = await startCollector({ allowedOrigins: new Set(['https://sotuphap.example.gov.vn']) });
});
afterAll(async () => {
  await c.close();
});

describe('submissions (protocol v2)', () => {
  it('stores a rating once: 201 with a receipt, then 200 with the same receipt, one row', async () => {
    const body = rating();
    const first = await post(c.url, body);
    expect(first.status).toBe(201);
    const a = await first.json();
    expect(a).toEqual({ id: body.id, receipt: expect.stringMatching(RECEIPT) });
    const again = await post(c.url, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(a);
    expect(await c.store.count(body.id)).toBe(1);
  });

  it('stores one row and gives one receipt to 20 concurrent copies of an id', async () => {
    const body = rating();
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(c.url, body)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const receipts = new Set(await Promise.all(answers.map(async (r) => (await r.json()).receipt)));
    expect(receipts.size).toBe(1);
    expect(await c.store.count(body.id)).toBe(1);
  });

  it('accepts the alias /api/v1/feedback with the same handler, and text/plain beacon bodies', async () => {
    const body = rating();
    const alias = await fetch(`${c.url}/api/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(alias.status).toBe(201);
    const beacon = await post(c.url, JSON.stringify(rating()), { 'content-type': 'text/plain;charset=UTF-8' });
    expect(beacon.status).toBe(201);
    expect((await post(c.url, JSON.stringify(body), { 'content-type': 'text/plain' })).status).toBe(200);
  });

  it('counts a respondent once per procedure: a changed mind replaces the earlier rating, history kept', async () => {
    const respondent = randomUUID();
    const code = `9.${Date.now()}`;
    const before = await c.store.summary();
    expect((await post(c.url, rating({ respondent, procedureCode: code, overall: 1 }))).status).toBe(201);
    expect((await post(c.url, rating({ respondent, procedureCode: code, overall: 5 }))).status).toBe(201);
    const after = await c.store.summary();
    expect(after.total).toBe(before.total + 1);
    expect(after.byLevel[4]).toBe(before.byLevel[4] + 1);
    expect(after.byLevel[0]).toBe(before.byLevel[0]);
  });

  it('takes the procedure name and agency the page names, and refuses names past their bounds', async () => {
    const named = rating({ procedureName: 'Cấp phiếu lý lịch tư pháp cho công dân Việt Nam', agency: 'Sở Tư pháp tỉnh Lào Cai' });
    expect((await post(c.url, named)).status).toBe(201);
    const tooLong = await post(c.url, rating({ procedureName: 'x'.repeat(501), agency: '' }));
    expect(tooLong.status).toBe(422);
    expect((await tooLong.json()).issues.map((i: { path: string }) => i.path).sort()).toEqual(['agency', 'procedureName']);
  });

  it('takes ratings on the 3-level scale and counts "Hài lòng" (3 of 3) as satisfied', async () => {
    const isolated = await startCollector({});
    try {
      expect((await post(isolated.url, rating({ scale: 3, overall: 3 }))).status).toBe(201);
      expect((await post(isolated.url, rating({ scale: 3, overall: 2 }))).status).toBe(201);
      expect((await post(isolated.url, rating({ overall: 4 }))).status).toBe(201);
      const outside = await post(isolated.url, rating({ scale: 3, overall: 4, answers: { a: 4 } }));
      expect(outside.status).toBe(422);
      expect((await outside.json()).issues.map((i: { path: string }) => i.path).sort()).toEqual(['answers.a', 'overall']);
      expect((await post(isolated.url, rating({ scale: 4 }))).status).toBe(422);
      const summary = await isolated.store.summary();
      expect(summary.total).toBe(3);
      expect(summary.satisfiedShare).toBeCloseTo(2 / 3);
    } finally {
      await isolated.close();
    }
  });

  it('takes answers to the Decree 118 question set and a gap report with the engine findings', async () => {
    expect((await post(c.url, rating({ answers: { a: 4, d: 2, dd: 5 }, comment: 'Thời hạn ghi chưa rõ' }))).status).toBe(201);
    const wrongSet = await post(c.url, rating({ answers: { a: 9, zz: 1 } }));
    expect(wrongSet.status).toBe(422);
    expect((await wrongSet.json()).issues.map((i: { path: string }) => i.path).sort()).toEqual(['answers.a', 'answers.zz']);
    const gap = {
      ...rating(),
      kind: 'gap-report',
      elements: [{ id: 'fees', problem: 'missing' }],
      findings: { engineVersion: '1.0.0', results: [{ id: 'fees', status: 'fail' }] },
    };
    delete (gap as Record<string, unknown>).overall;
    delete (gap as Record<string, unknown>).respondent;
    expect((await post(c.url, gap)).status).toBe(201);
    expect((await c.store.summary()).gapReports).toBeGreaterThanOrEqual(1);
  });

  it('refuses contact details without consent, protocol v1 and unknown fields, naming the field', async () => {
    const noConsent = await post(c.url, rating({ contact: { phone: '0912345678' } }));
    expect(noConsent.status).toBe(422);
    expect((await noConsent.json()).issues[0].path).toBe('consent');
    expect((await post(c.url, rating({ contact: { phone: '0912345678' }, consent: true }))).status).toBe(201);
    const v1 = await post(c.url, { v: 1, kind: 'rating', rating: 5, pageUrl: 'https://x.gov.vn/tthc', lang: 'vi' });
    expect(v1.status).toBe(422);
    expect((await v1.json()).error).toBe('unsupported_version');
    const range = await post(c.url, rating({ overall: 9 }));
    expect(range.status).toBe(422);
    expect(await range.json()).toMatchObject({ error: 'invalid_submission', issues: [{ path: 'overall' }] });
    expect((await post(c.url, rating({ ip: '1.2.3.4' }))).status).toBe(422);
  });

  it('refuses a page URL with a query string or fragment', async () => {
    for (const pageUrl of ['https://x.gov.vn/tthc?hoTen=Nguyen', 'https://x.gov.vn/tthc#a', 'javascript:alert(1)'])
      expect((await post(c.url, rating({ pageUrl }))).status).toBe(422);
  });

  it('rejects NUL and other control characters in text instead of failing in the database', async () => {
    for (const comment of ['a\u0000b', '\u0007', 'x\ud800y']) {
      const res = await post(c.url, rating({ comment }));
      expect(res.status).toBe(422);
      expect((await res.json()).issues[0].path).toBe('comment');
    }
    expect((await post(c.url, rating({ procedureCode: '1.0\u0000' }))).status).toBe(422);
    expect((await post(c.url, rating({ comment: 'Dòng 1\nDòng 2\t‏RTL‮ <script>' }))).status).toBe(201);
  });

  it('answers spam like a success but stores nothing: honeypot filled, form sent too fast', async () => {
    for (const spam of [rating({ honeypot: 'http://spam.example' }), rating({ fillMs: 20 })]) {
      const res = await post(c.url, spam);
      expect(res.status).toBe(201);
      expect((await res.json()).receipt).toMatch(RECEIPT);
      expect(await c.store.count(spam.id)).toBe(0);
    }
    const slow = rating({ fillMs: 5000, honeypot: '' });
    expect((await post(c.url, slow)).status).toBe(201);
    expect(await c.store.count(slow.id)).toBe(1);
  });

  it('answers malformed requests with a 4xx and a JSON code', async () => {
    expect(await (await post(c.url, '{"overall":')).json()).toEqual({ error: 'invalid_json' });
    expect((await post(c.url, JSON.stringify(rating()), { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post(c.url, 'x'.repeat(MAX_BODY_BYTES + 1))).status).toBe(413);
    // 10 MB: answered 413 in JSON from the Content-Length, before the body is read.
    const tenMb = await raw(
      c.url,
      `POST /api/v1/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 * 1024}\r\nConnection: close\r\n\r\n{"comment":"${'x'.repeat(64 * 1024)}`,
    );
    expect(tenMb.status).toBe(413);
    expect(tenMb.text).toContain('{"error":"payload_too_large"}');
    // 10 MB without a Content-Length (chunked): cut off at the limit, 413 in JSON too.
    const chunked = await fetch(`${c.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 160; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit).catch((error: Error) => error);
    if (chunked instanceof Response) expect(await chunked.json()).toEqual({ error: 'payload_too_large' });
    else expect(chunked.message).toMatch(/fetch failed|other side closed|EPIPE|ECONNRESET/);
    const bad = await fetch(`${c.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    });
    expect(await bad.json()).toEqual({ error: 'invalid_encoding' });
    expect((await post(c.url, '['.repeat(5000) + ']'.repeat(5000))).status).toBe(422);
    expect((await fetch(`${c.url}/api/v1/submissions`)).status).toBe(405);
    const missing = await fetch(`${c.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not_found' });
  });

  it('answers // or /\\ paths and bad percent-encoding with a 4xx JSON error, and keeps serving', async () => {
    for (const path of ['//', '/\\', '//evil.example/x', '/\\evil.example', '/demo/%E0%A4%A', '/%', '/api/v1/%ZZ', '/%00']) {
      const res = await raw(c.url, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      expect({ path, status: res.status }).toEqual({ path, status: res.status >= 400 && res.status < 500 ? res.status : -1 });
      expect(res.text).toMatch(/\r\ncontent-type: application\/json/i);
      expect(JSON.parse(res.text.slice(res.text.indexOf('\r\n\r\n') + 4))).toEqual({
        error: expect.stringMatching(/^(bad_request|not_found)$/),
      });
      expect(res.text).not.toMatch(/at .+\(.+:\d+:\d+\)/);
    }
    expect((await fetch(`${c.url}/healthz`)).status).toBe(200);
  });

  it('maps every error code to a widget catalog message', () => {
    for (const code of ERROR_CODES) expect(widgetCatalogs.vi[ERROR_MESSAGES[code]], code).toBeTruthy();
  });

  it('publishes the protocol as JSON Schema', async () => {
    const schema = await (await fetch(`${c.url}/api/v1/schema.json`)).json();
    expect(schema.$schema).toContain('2020-12');
    expect(JSON.stringify(schema)).toContain('gap-report');
  });
});

describe('CORS allow-list', () => {
  it('answers the preflight of an allowed origin, without credentials', async () => {
    const res = await fetch(`${c.url}/api/v1/submissions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://sotuphap.example.gov.vn',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://sotuphap.example.gov.vn');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const sent = await post(c.url, rating(), { origin: 'https://sotuphap.example.gov.vn' });
    expect(sent.status).toBe(201);
    expect(sent.headers.get('access-control-allow-origin')).toBe('https://sotuphap.example.gov.vn');
  });

  it('gives other origins no CORS headers and refuses their submissions', async () => {
    const pre = await fetch(`${c.url}/api/v1/submissions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(pre.status).toBe(403);
    expect(await pre.json()).toEqual({ error: 'origin_not_allowed' });
    expect([...pre.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
    const body = rating();
    const res = await post(c.url, body, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await c.store.count(body.id)).toBe(0);
  });

  it('allows the collector its own origin (the demo pages)', async () => {
    const { host } = new URL(c.url);
    expect((await post(c.url, rating(), { origin: `http://${host}` })).status).toBe(201);
  });
});

describe('rate limit, health, dashboard, retention', () => {
  it('answers 429 with Retry-After past the per-address limit', async () => {
    const limited = await startCollector({ rateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const res = await post(limited.url, rating());
        statuses.push(res.status);
        if (res.status === 429) {
          retryAfter = res.headers.get('retry-after');
          expect(await res.json()).toEqual({ error: 'rate_limited' });
        }
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('answers 429 with Retry-After to one origin past the per-origin limit while another origin still passes', async () => {
    const a = 'https://sotuphap.example.gov.vn';
    const b = 'https://dichvucong.example.gov.vn';
    const limited = await startCollector({ rateLimitPerMinute: 1000, rateLimitPerOriginPerMinute: 2, allowedOrigins: new Set([a, b]) });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(limited.url, rating(), { origin: a })).status);
      expect(statuses).toEqual([201, 201, 429]);
      const refused = await post(limited.url, rating(), { origin: a });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('access-control-allow-origin')).toBe(a);
      expect(await refused.json()).toEqual({ error: 'rate_limited' });
      expect((await post(limited.url, rating(), { origin: b })).status).toBe(201);
    } finally {
      await limited.close();
    }
  });

  it('reports liveness and readiness; with the database closed it is not ready and submissions get 503', async () => {
    const store = await openStore();
    const own = await startCollector({}, store);
    expect(await (await fetch(`${own.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${own.url}/readyz`)).json()).toEqual({ status: 'ready', database: 'pglite' });
    await store.close();
    const down = await fetch(`${own.url}/readyz`);
    expect(down.status).toBe(503);
    // A submission meanwhile: 503 with Retry-After, so the widget keeps it and retries with the same id.
    const refused = await post(own.url, rating());
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ error: 'unavailable' });
    expect((await fetch(`${own.url}/healthz`)).status).toBe(200);
    await own.close();
  });

  it('guards the dashboard and summary with DASHBOARD_TOKEN when set', async () => {
    const token = 'a-long-dashboard-token-123';
    const guarded = await startCollector({ dashboardToken: token });
    try {
      expect((await fetch(`${guarded.url}/dashboard`)).status).toBe(401);
      expect((await fetch(`${guarded.url}/api/v1/summary`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`${guarded.url}/api/v1/summary`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      // A token in the address would stay in history and logs: only the header (or the login form) opens it.
      expect((await fetch(`${guarded.url}/dashboard?token=${token}`)).status).toBe(401);
      expect((await fetch(`${guarded.url}/dashboard`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('reports the satisfied share as (Hài lòng + Rất hài lòng) over current ratings', async () => {
    for (const overall of [5, 2]) expect((await post(c.url, rating({ overall }))).status).toBe(201);
    const { overall } = await (await fetch(`${c.url}/api/v1/summary`)).json();
    expect(overall.answers).toBeGreaterThanOrEqual(2);
    expect(overall.share).toBeCloseTo((overall.byLevel5[3] + overall.byLevel5[4] + overall.byLevel3[2]) / overall.answers);
  });

  it('a graceful stop writes every submission it had already accepted before the database closes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tthc-drain-'));
    try {
      const store = await openStore({ dataDir: dir, durable: false });
      const ids = Array.from({ length: 300 }, () => randomUUID());
      const writes = ids.map((id) => store.insert(Submission.parse(rating({ id })), null));
      const closed = store.close();
      const outcomes = await Promise.all(writes);
      await closed;
      expect(outcomes.every((o) => o.created && o.receipt.length > 0)).toBe(true);
      const reopened = await openStore({ dataDir: dir, durable: false });
      expect(await reopened.count()).toBe(300);
      await reopened.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("keeps the embedded database's planner statistics current (PGlite has no autovacuum)", async () => {
    const store = await openStore();
    try {
      await Promise.all(Array.from({ length: 40 }, () => store.insert(Submission.parse(rating()), null)));
      const tuples = async () =>
        (await store.db.query<{ n: number }>(`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'submissions'`))[0]!.n;
      const analyses = async () =>
        (await store.db.query<{ n: number }>(`SELECT analyze_count::int AS n FROM pg_stat_user_tables WHERE relname = 'submissions'`))[0]!
          .n;
      expect(await tuples()).toBeLessThan(40);
      await store.maintain();
      expect(await tuples()).toBe(40);
      // Unchanged since (or grown less than 50 rows + 10 %): the submissions are not held up again.
      const after = await analyses();
      await Promise.all(Array.from({ length: 20 }, () => store.insert(Submission.parse(rating()), null)));
      await store.maintain();
      expect(await analyses()).toBe(after);
      // Grown past it: analysed again.
      await Promise.all(Array.from({ length: 60 }, () => store.insert(Submission.parse(rating()), null)));
      await store.maintain();
      expect(await analyses()).toBe(after + 1);
      expect(await tuples()).toBe(120);
    } finally {
      await store.close();
    }
  });

  it('deletes comments and contact details after the retention period, keeping the counts', async () => {
    const store = await openStore();
    const own = await startCollector({}, store);
    try {
      await post(own.url, rating({ comment: 'Ý kiến', contact: { email: 'a@b.vn' }, consent: true }));
      const before = await store.summary();
      expect(await store.purgeText(0)).toBe(1);
      expect(await store.summary()).toEqual(before);
      expect(await store.purgeText(0)).toBe(0);
    } finally {
      await own.close();
      await store.close();
    }
  });
});
