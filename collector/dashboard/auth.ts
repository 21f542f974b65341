/**
 * Who may read the dashboard (/dashboard…) and the summary API: a person who logged in with
 * DASHBOARD_TOKEN (a session cookie), or a script that sends `Authorization: Bearer <token>`.
 *
 * - The token is compared in constant time (both sides hashed to 32 bytes, then timingSafeEqual),
 *   so neither its content nor its length leaks through timing.
 * - A session is an opaque random id (32 bytes, base64url) kept in this process's memory with its
 *   CSRF token; the cookie carries the id only, for Path=/dashboard, HttpOnly, SameSite=Strict, and
 *   Secure when the request came over HTTPS (request.protocol, which honours TRUST_PROXY). Sessions
 *   end on logout, after 2 hours idle or 12 hours in all, and when the process restarts; several
 *   processes behind a balancer each keep their own (sticky sessions, or Bearer for scripts).
 * - Brute force is slowed per client address: after 5 wrong tokens within 15 minutes every attempt
 *   (right or wrong) is refused with 429 and Retry-After for 30 s, doubling with each further
 *   failure up to 15 minutes. Counters are in memory, per process, like the submission rate limits.
 * - Forms that change something (mark a comment handled, log out) carry the session's CSRF token, on
 *   top of SameSite=Strict; `checkCsrf` compares it in constant time.
 * With no DASHBOARD_TOKEN configured (in-process tests and embedding; `npm start` always sets one)
 * every request is let through.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
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
  /** Sessions kept at most (the oldest is dropped first). */
  maxSessions: number;
}

export const DEFAULT_AUTH_LIMITS: AuthLimits = {
  freeFailures: 5,
  windowMs: 15 * 60_000,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  sessionIdleMs: 2 * 3_600_000,
  sessionMaxMs: 12 * 3_600_000,
  maxSessions: 10_000,
};

export interface Session {
  id: string;
  csrf: string;
  created: number;
  seen: number;
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
  /** The Set-Cookie value that starts `session` (or, with null, ends the cookie). */
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
  const sessions = new Map<string, Session>();
  const failures = new Map<string, { count: number; first: number; lockedUntil: number }>();

  const prune = (t: number) => {
    for (const [key, f] of failures) if (f.lockedUntil <= t && t - f.first > limits.windowMs) failures.delete(key);
    for (const [id, s] of sessions) if (t - s.seen > limits.sessionIdleMs || t - s.created > limits.sessionMaxMs) sessions.delete(id);
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
    const id = readCookies(request.headers.cookie).get(SESSION_COOKIE);
    if (!id) return null;
    const s = sessions.get(id);
    const t = now();
    if (!s) return null;
    if (t - s.seen > limits.sessionIdleMs || t - s.created > limits.sessionMaxMs) {
      sessions.delete(id);
      return null;
    }
    s.seen = t;
    return s;
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
      if (sessions.size >= limits.maxSessions) {
        prune(t);
        while (sessions.size >= limits.maxSessions) sessions.delete(sessions.keys().next().value!);
      }
      const session: Session = {
        id: randomBytes(32).toString('base64url'),
        csrf: randomBytes(24).toString('base64url'),
        created: t,
        seen: t,
      };
      sessions.set(session.id, session);
      return { ok: true, session };
    },
    logout(request) {
      const id = readCookies(request.headers.cookie).get(SESSION_COOKIE);
      if (id) sessions.delete(id);
    },
    cookie(request, session) {
      const secure = request.protocol === 'https' ? '; Secure' : '';
      const value = session ? `${session.id}; Max-Age=${Math.floor(limits.sessionMaxMs / 1000)}` : '; Max-Age=0';
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
