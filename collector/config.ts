/**
 * The collector's configuration: every setting read from the environment once, at start, into one
 * typed object. Each bad value becomes a message from the collector catalog naming the variable,
 * what it must be and what it got; nothing else in the collector reads process.env.
 */
import { isAbsolute, join, resolve } from 'node:path';
import type { CollectorMessageId } from '../shared/i18n/collector';
import type { MessageParams } from '../shared/i18n/format';

export interface CollectorConfig {
  port: number;
  host: string;
  /** Where PGlite keeps its files (used when databaseUrl is absent). */
  dataDir: string;
  /** postgres:// URL of a PostgreSQL server; absent: the embedded PGlite in dataDir. */
  databaseUrl: string | null;
  /** Connections per process to PostgreSQL. */
  databasePoolSize: number;
  /** Origins (scheme://host[:port]) whose pages may post; the collector's own origin is always allowed. */
  allowedOrigins: ReadonlySet<string>;
  /** Any origin may post (ALLOWED_ORIGINS=*). */
  anyOrigin: boolean;
  /** Bearer token for /dashboard and /api/v1/summary; null leaves them open (the demo). */
  dashboardToken: string | null;
  /** Submissions per minute per client address; 0 turns every rate limit off. */
  rateLimitPerMinute: number;
  /** Submissions per minute per origin (one portal); 0 turns this limit off. */
  rateLimitPerOriginPerMinute: number;
  /** Fastify's trustProxy: false, true, a hop count, or addresses/CIDRs of the proxies. */
  trustProxy: boolean | number | string[];
  /** Days after which comments and contact details are deleted (counts stay); 0 keeps them. */
  retentionDays: number;
  /** Forms sent faster than this (fillMs) are treated as spam; 0 turns the check off. */
  minFillMs: number;
  /** Answers a figure needs to be trusted on the dashboard and published on the public page (MIN_ANSWERS). */
  minAnswers: number;
  /** The lowest level counted as satisfied on each scale (SATISFIED_FROM_5, SATISFIED_FROM_3): the dashboard's formula. */
  satisfiedFrom: { 5: number; 3: number };
  /** PGlite: fsync each commit to disk (PGLITE_FSYNC, default on); off survives a killed process, not a power cut. */
  pgliteFsync: boolean;
}

export interface ConfigProblem {
  id: CollectorMessageId;
  params: MessageParams;
}

export type ConfigResult = { ok: true; config: CollectorConfig } | { ok: false; problems: ConfigProblem[] };

type Env = Record<string, string | undefined>;

/** Parses the environment; `root` is the repository folder (for the default DATA_DIR). */
export function parseConfig(env: Env, root: string): ConfigResult {
  const problems: ConfigProblem[] = [];
  const bad = (name: string, id: CollectorMessageId, value: string) => problems.push({ id, params: { name, value } });

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) {
      problems.push({ id: 'collector.config.integer', params: { name, value: raw, min, max } });
      return fallback;
    }
    return n;
  };

  const port = int('PORT', 8787, 0, 65535);
  const host = env.HOST?.trim() || '127.0.0.1';
  const dataDirRaw = env.DATA_DIR?.trim();
  const dataDir = dataDirRaw ? (isAbsolute(dataDirRaw) ? dataDirRaw : resolve(dataDirRaw)) : join(root, '.data', 'collector');

  let databaseUrl: string | null = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(?:ql)?:\/\/\S+$/.test(databaseUrl)) {
    bad('DATABASE_URL', 'collector.config.databaseUrl', databaseUrl.replace(/:[^:@/]*@/, ':***@'));
    databaseUrl = null;
  }
  const databasePoolSize = int('DATABASE_POOL_SIZE', 10, 1, 200);

  const allowedOrigins = new Set<string>();
  let anyOrigin = false;
  for (const item of (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (item === '*') anyOrigin = true;
    else if (/^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i.test(item)) allowedOrigins.add(item.toLowerCase());
    else bad('ALLOWED_ORIGINS', 'collector.config.origin', item);
  }

  const dashboardToken = env.DASHBOARD_TOKEN?.trim() || null;
  if (dashboardToken !== null && dashboardToken.length < 16) bad('DASHBOARD_TOKEN', 'collector.config.token', `${dashboardToken.length}`);

  const rateLimitPerMinute = int('RATE_LIMIT_PER_MINUTE', 60, 0, 1_000_000);
  const rateLimitPerOriginPerMinute = int('RATE_LIMIT_PER_ORIGIN_PER_MINUTE', 6000, 0, 10_000_000);

  let trustProxy: CollectorConfig['trustProxy'] = false;
  const tp = env.TRUST_PROXY?.trim();
  if (tp && tp !== 'false' && tp !== '0') {
    if (tp === 'true') trustProxy = true;
    else if (/^\d+$/.test(tp)) trustProxy = Number(tp);
    else {
      const list = tp.split(',').map((s) => s.trim());
      if (list.every((s) => /^[0-9a-f.:]+(?:\/\d{1,3})?$/i.test(s) || s === 'loopback' || s === 'uniquelocal' || s === 'linklocal'))
        trustProxy = list;
      else bad('TRUST_PROXY', 'collector.config.trustProxy', tp);
    }
  }

  const retentionDays = int('RETENTION_DAYS', 365, 0, 36500);
  const minFillMs = int('MIN_FILL_MS', 1500, 0, 600_000);

  const fsyncRaw = env.PGLITE_FSYNC?.trim().toLowerCase();
  let pgliteFsync = true;
  if (fsyncRaw === 'off' || fsyncRaw === 'false' || fsyncRaw === '0') pgliteFsync = false;
  else if (fsyncRaw && fsyncRaw !== 'on' && fsyncRaw !== 'true' && fsyncRaw !== '1')
    bad('PGLITE_FSYNC', 'collector.config.onOff', env.PGLITE_FSYNC!.trim());

  const minAnswers = int('MIN_ANSWERS', 30, 1, 1_000_000);
  const satisfiedFrom = { 5: int('SATISFIED_FROM_5', 4, 2, 5), 3: int('SATISFIED_FROM_3', 3, 2, 3) };

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    config: {
      port,
      host,
      dataDir,
      databaseUrl,
      databasePoolSize,
      allowedOrigins,
      anyOrigin,
      dashboardToken,
      rateLimitPerMinute,
      rateLimitPerOriginPerMinute,
      trustProxy,
      retentionDays,
      minFillMs,
      pgliteFsync,
      minAnswers,
      satisfiedFrom,
    },
  };
}

/** A configuration for tests and embedding: defaults, then `overrides`. */
export function testConfig(overrides: Partial<CollectorConfig> = {}): CollectorConfig {
  const parsed = parseConfig({}, '.');
  if (!parsed.ok) throw new Error('default configuration is invalid');
  return { ...parsed.config, dataDir: '', ...overrides };
}
