/**
 * Who may read the dashboard (/dashboard…) and the summary API: a person who logged in with
 * DASHBOARD_TOKEN (a session cookie), or a script that sends `Authorization: Bearer <token>`.
 *
 * - The token is compared in constant time (both sides hashed to 32 bytes, then timingSafeEqual),
 *   so neither its content nor its length leaks through timing.
 * - A session is a signed cookie, not a record in this process: `v1.<created>.<seen>.<id>.<mac>`,
 *   the MAC an HMAC-SHA-256 under a key derived from DASHBOARD_TOKEN. Every collector process with
 *   the same token therefore knows every session (several processes behind a load balancer need no
 *   sticky sessions and no shared store), a restart keeps them, and changing the token ends them
 *   all. The CSRF token is an HMAC of the session id under the same key, so a form rendered by one
 *   process is accepted by another. The cookie is for Path=/dashboard, HttpOnly, SameSite=Strict,
 *   and Secure when the request came over HTTPS (request.protocol, which honours TRUST_PROXY).
 * - Expiry: after 2 hours idle or 12 hours in all. The idle clock (`seen`) is in the cookie: an
 *   answer renews the cookie when `seen` is more than RENEW_MS old.
 * - Logout clears the cookie in the browser and refuses its id in this process until it would have
 *   expired. Honestly: another process (or this one after a restart) still accepts a copy of that
 *   cookie taken before logout until its idle or total time runs out, since nothing is shared; to
 *   end every session at once everywhere, change DASHBOARD_TOKEN.
 * - Brute force is slowed per client address: after 5 wrong tokens within 15 minutes every attempt
 *   (right or wrong) is refused with 429 and Retry-After for 30 s, doubling with each further
 *   failure up to 15 minutes. Counters are in memory, per process, like the submission rate limits:
 *   behind a balancer with N processes an address gets up to N times the tries before each process
 *   locks it (DASHBOARD_TOKEN has at least 16 characters; a random one makes guessing hopeless).
 * - Forms that change something (mark a comment handled, log out) carry the session's CSRF token, on
 *   top of SameSite=Strict; `checkCsrf` compares it in constant time.
 * With no DASHBOARD_TOKEN configured (in-process tests and embedding; `npm start` always sets one)
 * every request is let through.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CollectorConfig } from '../config';

export const SESSION_COOKIE = 'tthc_dashboard';
export const COOKIE_PATH = '/dashboard';

export interface AuthLimits {
  /** Wrong tokens from one address within `windowMs` before it is locked out. */
  freeFailures: number;
  windowMs: number;
  /** First lockout; doubles with each further failure, up to `maxLockMs`. */
  firstLockMs: number;
  maxLockMs: number;
  sessionIdleMs: number;
  sessionMaxMs: number;
}

/** A session's cookie is renewed (its idle clock reset) when its `seen` is older than this. */
export const RENEW_MS = 60_000;

export const DEFAULT_AUTH_LIMITS: AuthLimits = {
  freeFailures: 5,
  windowMs: 15 * 60_000,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  sessionIdleMs: 2 * 3_600_000,
  sessionMaxMs: 12 * 3_600_000,
};

export interface Session {
  /** Random, 16 bytes base64url: what logout revokes and the CSRF token is derived from. */
  id: string;
  csrf: string;
  created: number;
  seen: number;
  /** The signed cookie value. */
  value: string;
  /** The answer should carry a renewed cookie (`value` already is). */
  renew: boolean;
}

/** What a guard decided about one request. */
export type Access =
  | { ok: true; session: Session | null; via: 'open' | 'session' | 'bearer' }
  | { ok: false; reason: 'missing' | 'wrong' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

export interface DashboardAuth {
  /** True when a token is configured (false: everything is open). */
  readonly protected: boolean;
  /** Session cookie or Bearer header. Does not count failures (a missing credential is no attempt). */
  check(request: FastifyRequest): Access;
  /** Bearer header only (the summary API and scripts); a wrong token counts as a failed attempt. */
  checkBearer(request: FastifyRequest): Access;
  /** A token typed into the login form: a new session on success; failures count. */
  login(request: FastifyRequest, token: string): { ok: true; session: Session } | Extract<Access, { ok: false }>;
  logout(request: FastifyRequest): void;
  /** The Set-Cookie value that starts or renews `session` (or, with null, ends the cookie). */
  cookie(request: FastifyRequest, session: Session | null): string;
  checkCsrf(session: Session | null, given: unknown): boolean;
  /**
   * onRequest hook for the summary API: lets a valid Bearer through, else answers 401 (or 429 with
   * Retry-After) as JSON `{ error }`.
   */
  apiGuard(request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time equality of two strings of any length. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Cookies of a request, by name (first value wins). */
export function readCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

export function createDashboardAuth(
  config: Pick<CollectorConfig, 'dashboardToken'>,
  limits: AuthLimits = DEFAULT_AUTH_LIMITS,
  now: () => number = Date.now,
): DashboardAuth {
  const token = config.dashboardToken;
  // The session key: from the token, so every process with the same token has the same key.
  const key = token === null ? null : createHmac('sha256', token).update('tthc dashboard session key v1').digest();
  const mac = (text: string) => createHmac('sha256', key!).update(text).digest('base64url');
  /** Session ids logged out in this process, until the moment they would have expired anyway. */
  const revoked = new Map<string, number>();
  const failures = new Map<string, { count: number; first: number; lockedUntil: number }>();

  const prune = (t: number) => {
    for (const [k, f] of failures) if (f.lockedUntil <= t && t - f.first > limits.windowMs) failures.delete(k);
    for (const [id, until] of revoked) if (until <= t) revoked.delete(id);
  };
  const expired = (s: Pick<Session, 'created' | 'seen'>, t: number) =>
    t - s.seen > limits.sessionIdleMs || t - s.created > limits.sessionMaxMs;
  const sign = (id: string, created: number, seen: number, renew: boolean): Session => {
    const body = `v1.${created.toString(36)}.${seen.toString(36)}.${id}`;
    return { id, csrf: mac(`csrf.${id}`), created, seen, value: `${body}.${mac(body)}`, renew };
  };
  /** The session a cookie value carries, when its MAC is right and it has not expired or been revoked. */
  const verify = (value: string, t: number): Session | null => {
    const m = /^v1\.([0-9a-z]{1,12})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value);
    if (!m || key === null) return null;
    const [, c, s, id, given] = m as unknown as [string, string, string, string, string];
    const expected = Buffer.from(mac(`v1.${c}.${s}.${id}`));
    const got = Buffer.from(given);
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) return null;
    const created = parseInt(c, 36);
    const seen = parseInt(s, 36);
    if (seen < created || seen > t + 60_000 || expired({ created, seen }, t) || revoked.has(id)) return null;
    return t - seen > RENEW_MS ? sign(id, created, t, true) : sign(id, created, seen, false);
  };
  const locked = (ip: string): Access | null => {
    const f = failures.get(ip);
    const t = now();
    if (f && f.lockedUntil > t) return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil((f.lockedUntil - t) / 1000) };
    return null;
  };
  const fail = (ip: string): Extract<Access, { ok: false }> => {
    const t = now();
    if (failures.size > 50_000) prune(t);
    let f = failures.get(ip);
    if (!f || (t - f.first > limits.windowMs && f.lockedUntil <= t)) f = { count: 0, first: t, lockedUntil: 0 };
    f.count++;
    if (f.count >= limits.freeFailures) {
      const lock = Math.min(limits.maxLockMs, limits.firstLockMs * 2 ** (f.count - limits.freeFailures));
      f.lockedUntil = t + lock;
    }
    failures.set(ip, f);
    return f.lockedUntil > t
      ? { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil((f.lockedUntil - t) / 1000) }
      : { ok: false, reason: 'wrong' };
  };
  const bearer = (request: FastifyRequest): string | null => {
    const header = request.headers.authorization;
    if (typeof header !== 'string') return null;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return m ? m[1]! : '';
  };
  const sessionOf = (request: FastifyRequest): Session | null => {
    const value = readCookies(request.headers.cookie).get(SESSION_COOKIE);
    return value ? verify(value, now()) : null;
  };
  const checkBearer = (request: FastifyRequest): Access => {
    if (token === null) return { ok: true, session: null, via: 'open' };
    const given = bearer(request);
    if (given === null) return { ok: false, reason: 'missing' };
    const lock = locked(request.ip);
    if (lock) return lock;
    if (given && sameSecret(given, token)) return { ok: true, session: null, via: 'bearer' };
    return fail(request.ip);
  };

  return {
    protected: token !== null,
    check(request) {
      if (token === null) return { ok: true, session: null, via: 'open' };
      const session = sessionOf(request);
      if (session) return { ok: true, session, via: 'session' };
      return checkBearer(request);
    },
    checkBearer,
    login(request, given) {
      if (token === null) return { ok: false, reason: 'wrong' };
      const lock = locked(request.ip);
      if (lock && !lock.ok) return lock;
      if (!given || !sameSecret(given, token)) return fail(request.ip);
      failures.delete(request.ip);
      const t = now();
      return { ok: true, session: sign(randomBytes(16).toString('base64url'), t, t, true) };
    },
    logout(request) {
      const t = now();
      const session = sessionOf(request);
      if (!session) return;
      if (revoked.size > 50_000) prune(t);
      // Until no copy can be valid anywhere: another process may have renewed its idle clock.
      revoked.set(session.id, session.created + limits.sessionMaxMs + 1);
    },
    cookie(request, session) {
      const secure = request.protocol === 'https' ? '; Secure' : '';
      const left = session ? Math.max(0, Math.floor((session.created + limits.sessionMaxMs - now()) / 1000)) : 0;
      const value = session ? `${session.value}; Max-Age=${left}` : '; Max-Age=0';
      return `${SESSION_COOKIE}=${value}; Path=${COOKIE_PATH}; HttpOnly; SameSite=Strict${secure}`;
    },
    checkCsrf(session, given) {
      if (token === null && session === null) return true;
      return session !== null && typeof given === 'string' && sameSecret(given, session.csrf);
    },
    async apiGuard(request, reply) {
      const access = checkBearer(request);
      if (access.ok) return;
      reply.header('cache-control', 'no-store');
      if (access.reason === 'locked') {
        await reply.code(429).header('retry-after', String(access.retryAfterSeconds)).send({ error: 'rate_limited' });
        return;
      }
      await reply.code(401).header('www-authenticate', 'Bearer realm="dashboard"').send({ error: 'unauthorized' });
    },
  };
}

const perConfig = new WeakMap<object, DashboardAuth>();

/**
 * The one DashboardAuth of a collector, keyed by its config object (created on first call): the
 * dashboard routes and the summary API (`dashboardAuth(config).apiGuard`) share its sessions and
 * failure counters, whatever Fastify plugin context they are registered in.
 */
export function dashboardAuth(config: Pick<CollectorConfig, 'dashboardToken'>): DashboardAuth {
  let auth = perConfig.get(config);
  if (!auth) {
    auth = createDashboardAuth(config);
    perConfig.set(config, auth);
  }
  return auth;
}
