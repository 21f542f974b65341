/**
 * Who may read the dashboard: the 401 login form, the session cookie and its flags, Bearer tokens
 * for scripts, the lockout after wrong tokens (429 with Retry-After), CSRF on the forms that change
 * something, logout, session expiry, sessions known to a second instance sharing the store, and the
 * headers every page carries. Against a collector in
 * this process (in-memory PGlite) over HTTP on 127.0.0.1, and the auth module with a fake clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { createDashboardAuth, DEFAULT_AUTH_LIMITS, SESSION_COOKIE } from '../../collector/dashboard/auth';
import { post, rating, startCollector, type RunningCollector } from '../collector/kit';

const TOKEN = 'dashboard-token-for-tests-0123456789';

let c: RunningCollector;
beforeAll(async () => {
  // trustProxy: each test takes its own client address through X-Forwarded-For.
  c = await startCollector({ dashboardToken: TOKEN, trustProxy: true });
}, 120_000); // PGlite starts slowly on a busy machine
afterAll(() => c?.close());

let nextAddress = 10;
/** A fresh client address, so the lockout of one test does not reach the next. */
const address = () => `10.0.0.${nextAddress++}`;

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function login(from: string, token = TOKEN, extra: Record<string, string> = {}) {
  return fetch(`${c.url}/dashboard/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from, ...extra },
    body: form({ token, next: '/dashboard/comments' }),
  });
}

/** The session cookie ("name=value") from a login answer. */
function sessionCookie(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  return set.split(';')[0]!;
}

describe('dashboard protection over HTTP', () => {
  it('answers 401 with a Vietnamese login form when there is no token or session', async () => {
    for (const path of [
      '/dashboard',
      '/dashboard/comments',
      '/dashboard/report',
      '/dashboard/procedure/1.000178',
      '/dashboard/export/summary.csv',
    ]) {
      const res = await fetch(`${c.url}${path}`, { headers: { 'x-forwarded-for': address() } });
      expect(res.status, path).toBe(401);
      expect(res.headers.get('content-type')).toContain('text/html');
      const body = await res.text();
      expect(body).toContain('<html lang="vi"');
      expect(body).toContain('Đăng nhập bảng theo dõi');
      expect(body).toMatch(/<input[^>]+name="token"[^>]+type="password"/);
    }
    const en = await (await fetch(`${c.url}/dashboard?ui=en`, { headers: { 'x-forwarded-for': address() } })).text();
    expect(en).toContain('Dashboard login');
  });

  it('logs in with the token: a session cookie only for /dashboard, HttpOnly and SameSite=Strict, not the token itself', async () => {
    const res = await login(address());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard/comments');
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(new RegExp(`^${SESSION_COOKIE}=v1\\.[0-9a-z]+\\.[0-9a-z]+\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43};`));
    expect(set).toContain('Path=/dashboard');
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect(set).not.toContain('Secure'); // plain http here
    expect(set).not.toContain(TOKEN);
    const page = await fetch(`${c.url}/dashboard`, { headers: { cookie: sessionCookie(res), 'x-forwarded-for': address() } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Mức độ hài lòng của người dân');
  });

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    const res = await login(address(), TOKEN, { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  it('never returns to a page outside the dashboard after login', async () => {
    const res = await fetch(`${c.url}/dashboard/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address() },
      body: form({ token: TOKEN, next: '//evil.example/dashboard' }),
    });
    expect(res.headers.get('location')).toBe('/dashboard');
  });

  it('slows a wrong token: 401 at first, then 429 with Retry-After, even for the right token', async () => {
    const from = address();
    const limit = DEFAULT_AUTH_LIMITS.freeFailures;
    for (let i = 1; i < limit; i++) {
      const res = await login(from, 'wrong-token-guess-000000');
      expect(res.status).toBe(401);
      expect(await res.text()).toContain('Mã truy cập không đúng.');
    }
    const locked = await login(from, 'wrong-token-guess-000000');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(DEFAULT_AUTH_LIMITS.firstLockMs / 1000 - 1);
    expect(await locked.text()).toContain('Đã nhập sai quá nhiều lần');
    expect((await login(from)).status).toBe(429);
    // A Bearer from the locked address is refused too; another address is not affected.
    expect((await fetch(`${c.url}/dashboard`, { headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': from } })).status).toBe(
      429,
    );
    expect((await login(address())).status).toBe(303);
  });

  it('lets scripts in with Authorization: Bearer and counts a wrong one as a failed attempt', async () => {
    const from = address();
    const ok = await fetch(`${c.url}/dashboard/export/summary.json`, {
      headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': from },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toHaveProperty('procedures');
    for (let i = 0; i < DEFAULT_AUTH_LIMITS.freeFailures - 1; i++)
      expect((await fetch(`${c.url}/dashboard`, { headers: { authorization: 'Bearer nope', 'x-forwarded-for': from } })).status).toBe(401);
    expect((await fetch(`${c.url}/dashboard`, { headers: { authorization: 'Bearer nope', 'x-forwarded-for': from } })).status).toBe(429);
  });

  it('needs the session CSRF token to mark a comment handled, and marks it with it', async () => {
    const sent = rating({ comment: 'Cán bộ hướng dẫn rất tận tình' });
    expect((await post(c.url, sent)).status).toBe(201);
    const from = address();
    const cookie = sessionCookie(await login(from));
    const page = await (await fetch(`${c.url}/dashboard/comments`, { headers: { cookie, 'x-forwarded-for': from } })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1];
    expect(csrf).toBeTruthy();
    const mark = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${c.url}/dashboard/comments/${sent.id}/handled`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from, ...headers },
        body: form(fields),
      });
    expect((await mark({ handled: 'yes' })).status).toBe(403);
    expect((await mark({ handled: 'yes', csrf: 'forged' })).status).toBe(403);
    expect((await mark({ handled: 'yes', csrf: csrf! }, { origin: 'https://evil.example' })).status).toBe(403);
    const done = await mark({ handled: 'yes', csrf: csrf!, back: '/dashboard/comments' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/dashboard/comments?done=handled');
    const after = await (await fetch(`${c.url}/dashboard/comments?handled=yes`, { headers: { cookie, 'x-forwarded-for': from } })).text();
    expect(after).toContain('Cán bộ hướng dẫn rất tận tình');
    expect(after).toContain('Đã xử lý lúc');
  });

  it('ends the session on logout', async () => {
    const from = address();
    const cookie = sessionCookie(await login(from));
    const page = await (await fetch(`${c.url}/dashboard`, { headers: { cookie, 'x-forwarded-for': from } })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
    const out = await fetch(`${c.url}/dashboard/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from },
      body: form({ csrf }),
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    const after = await fetch(`${c.url}/dashboard`, { headers: { cookie, 'x-forwarded-for': from } });
    expect(after.status).toBe(401);
    expect(await after.text()).toContain('Phiên làm việc đã hết hạn');
  });

  it('sends every dashboard page with the strict CSP; only the public embed may be framed', async () => {
    const res = await fetch(`${c.url}/dashboard`, { headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': address() } });
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const part of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "frame-ancestors 'none'"])
      expect(csp).toContain(part);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.text();
    expect(body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(body).not.toMatch(/<style|\sstyle=/);
    const login401 = await fetch(`${c.url}/dashboard`, { headers: { 'x-forwarded-for': address() } });
    expect(login401.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const missing = await fetch(`${c.url}/public/${encodeURIComponent('Không có cơ quan này')}/embed`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toContain('frame-ancestors *');
  });
});

describe('dashboard sessions across collector processes (two instances sharing one store, as behind a load balancer)', () => {
  let other: RunningCollector;
  beforeAll(async () => {
    // Its own config and auth, as another process has; the same token and database.
    other = await startCollector({ dashboardToken: TOKEN, trustProxy: true }, c.store);
  }, 120_000);
  afterAll(() => other?.close());

  it('a login on one instance is known to the other, and a form from one is accepted by the other', async () => {
    const from = address();
    const cookie = sessionCookie(await login(from));
    const page = await fetch(`${other.url}/dashboard/comments`, { headers: { cookie, 'x-forwarded-for': from } });
    expect(page.status).toBe(200);
    const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const sent = rating({ comment: 'Ý kiến đánh dấu qua máy thứ hai' });
    expect((await post(c.url, sent)).status).toBe(201);
    const done = await fetch(`${c.url}/dashboard/comments/${sent.id}/handled`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from },
      body: form({ handled: 'yes', csrf, back: '/dashboard/comments' }),
    });
    expect(done.headers.get('location')).toBe('/dashboard/comments?done=handled');
  });

  it('logout clears the cookie in the browser and the instance that logged out refuses the session id', async () => {
    const from = address();
    const cookie = sessionCookie(await login(from));
    const page = await (await fetch(`${other.url}/dashboard`, { headers: { cookie, 'x-forwarded-for': from } })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
    const out = await fetch(`${other.url}/dashboard/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from },
      body: form({ csrf }),
    });
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await fetch(`${other.url}/dashboard`, { headers: { cookie, 'x-forwarded-for': from } })).status).toBe(401);
  });
});

describe('dashboard auth rules (fake clock)', () => {
  const request = (fields: { ip?: string; cookie?: string; authorization?: string } = {}) =>
    ({
      ip: fields.ip ?? '192.0.2.1',
      protocol: 'http',
      headers: {
        ...(fields.cookie ? { cookie: fields.cookie } : {}),
        ...(fields.authorization ? { authorization: fields.authorization } : {}),
      },
    }) as unknown as FastifyRequest;

  it('ends a session after the idle time and after the longest time (the browser keeps the renewed cookie)', () => {
    let now = 1_000_000;
    const auth = createDashboardAuth({ dashboardToken: TOKEN }, DEFAULT_AUTH_LIMITS, () => now);
    /** Checks with the cookie as a browser holds it: a renewed cookie replaces the old one. */
    const visit = (jar: { cookie: string }) => {
      const access = auth.check(request({ cookie: jar.cookie }));
      if (access.ok && access.session?.renew) jar.cookie = `${SESSION_COOKIE}=${access.session.value}`;
      return access.ok;
    };
    const result = auth.login(request(), TOKEN);
    if (!result.ok) throw new Error('login failed');
    const jar = { cookie: `${SESSION_COOKIE}=${result.session.value}` };
    const first = jar.cookie;
    now += DEFAULT_AUTH_LIMITS.sessionIdleMs - 1000;
    expect(visit(jar)).toBe(true);
    expect(jar.cookie).not.toBe(first);
    now += DEFAULT_AUTH_LIMITS.sessionIdleMs - 1000;
    expect(visit(jar)).toBe(true);
    // The cookie as it was before the renewals is past its idle time.
    expect(auth.check(request({ cookie: first })).ok).toBe(false);
    now += DEFAULT_AUTH_LIMITS.sessionIdleMs + 1;
    expect(visit(jar)).toBe(false);

    const again = auth.login(request(), TOKEN);
    if (!again.ok) throw new Error('login failed');
    const jar2 = { cookie: `${SESSION_COOKIE}=${again.session.value}` };
    for (let t = 0; t < DEFAULT_AUTH_LIMITS.sessionMaxMs; t += DEFAULT_AUTH_LIMITS.sessionIdleMs / 2) {
      now += DEFAULT_AUTH_LIMITS.sessionIdleMs / 2;
      expect(visit(jar2)).toBe(true);
    }
    now += 1000;
    expect(visit(jar2)).toBe(false);
  });

  it('refuses a session cookie that was altered, or signed under another token', () => {
    const now = 2_000_000;
    const auth = createDashboardAuth({ dashboardToken: TOKEN }, DEFAULT_AUTH_LIMITS, () => now);
    const result = auth.login(request(), TOKEN);
    if (!result.ok) throw new Error('login failed');
    const value = result.session.value;
    expect(auth.check(request({ cookie: `${SESSION_COOKIE}=${value}` })).ok).toBe(true);
    // A later creation time (to stretch the session) breaks the signature.
    const [v, created, ...rest] = value.split('.');
    const stretched = [v, (parseInt(created!, 36) + 3_600_000).toString(36), ...rest].join('.');
    expect(auth.check(request({ cookie: `${SESSION_COOKIE}=${stretched}` })).ok).toBe(false);
    expect(auth.check(request({ cookie: `${SESSION_COOKIE}=${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}` })).ok).toBe(false);
    const other = createDashboardAuth({ dashboardToken: `${TOKEN}-rotated` }, DEFAULT_AUTH_LIMITS, () => now);
    expect(other.check(request({ cookie: `${SESSION_COOKIE}=${value}` })).ok).toBe(false);
    // The same token in another process (or after a restart): the same session and CSRF token.
    const restarted = createDashboardAuth({ dashboardToken: TOKEN }, DEFAULT_AUTH_LIMITS, () => now);
    const access = restarted.check(request({ cookie: `${SESSION_COOKIE}=${value}` }));
    expect(access.ok && access.session?.csrf).toBe(result.session.csrf);
  });

  it('doubles the lockout with each further failure and lifts it when it has run out', () => {
    let now = 5_000_000;
    const auth = createDashboardAuth({ dashboardToken: TOKEN }, DEFAULT_AUTH_LIMITS, () => now);
    const waits: number[] = [];
    for (let i = 0; i < DEFAULT_AUTH_LIMITS.freeFailures + 2; i++) {
      const r = auth.login(request(), 'wrong');
      if (!r.ok && r.reason === 'locked') {
        waits.push(r.retryAfterSeconds);
        now += r.retryAfterSeconds * 1000; // wait it out, then fail again
      }
    }
    expect(waits.length).toBe(3);
    expect(waits[1]).toBe(waits[0]! * 2);
    expect(waits[2]).toBe(waits[1]! * 2);
    expect(auth.login(request(), TOKEN).ok).toBe(true);
  });

  it('compares tokens of any length without failing, and lets everything through when no token is configured', () => {
    const auth = createDashboardAuth({ dashboardToken: TOKEN });
    expect(auth.check(request({ authorization: 'Bearer x' })).ok).toBe(false);
    expect(auth.check(request({ authorization: `Bearer ${TOKEN}x` })).ok).toBe(false);
    expect(auth.check(request({ authorization: `Bearer ${TOKEN}` })).ok).toBe(true);
    const open = createDashboardAuth({ dashboardToken: null });
    expect(open.check(request())).toEqual({ ok: true, session: null, via: 'open' });
  });
});
