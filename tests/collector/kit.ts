/**
 * Collector test kit: a collector in this process (Fastify on 127.0.0.1, in-memory PGlite or a
 * PostgreSQL schema of its own), collector processes spawned from collector/main.ts, the local
 * PostgreSQL probe (127.0.0.1:5432, database test, user postgres) and valid submissions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { createCollector } from '../../collector/app';
import { testConfig, type CollectorConfig } from '../../collector/config';
import { openStore, type SubmissionStore } from '../../collector/db/store';
import type { Db } from '../../collector/db/driver';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const PG_BASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface RunningCollector {
  url: string;
  store: SubmissionStore;
  close(): Promise<void>;
}

/** A collector in this process; `store` defaults to a fresh in-memory PGlite. */
export async function startCollector(overrides: Partial<CollectorConfig> = {}, store?: SubmissionStore): Promise<RunningCollector> {
  const own = store ?? (await openStore());
  const app = await createCollector({ config: testConfig({ rateLimitPerMinute: 0, minFillMs: 1000, ...overrides }), store: own });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    store: own,
    close: async () => {
      await app.close();
      if (!store) await own.close();
    },
  };
}

/** A rating that passes the schema, with fresh ids. */
export function rating(overrides: Record<string, unknown> = {}): Record<string, unknown> & { id: string } {
  return {
    v: 2,
    id: randomUUID(),
    kind: 'rating',
    overall: 4,
    procedureCode: '1.000178',
    pageUrl: 'https://dichvucong.example.gov.vn/tthc/1.000178',
    lang: 'vi',
    respondent: randomUUID(),
    ...overrides,
  } as Record<string, unknown> & { id: string };
}

export const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/v1/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** True when the local PostgreSQL answers; the reason otherwise. */
export async function postgresAvailable(): Promise<true | string> {
  const client = new pg.Client({ connectionString: PG_BASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh schema on the local PostgreSQL: its URL (search_path set) and a function to drop it. */
export async function freshSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `tthc_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: PG_BASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = `${PG_BASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: PG_BASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export interface CollectorProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<number | string | null>;
}

/**
 * Spawns `collector/main.ts` on a free port with `env`; resolves once it listens. One process
 * (node --import tsx, not the tsx wrapper), so SIGKILL and CPU readings reach the collector itself.
 */
export async function spawnCollector(env: Record<string, string>, timeoutMs = 120_000): Promise<CollectorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'collector', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LANG: 'en', RATE_LIMIT_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string | null>((done) => child.on('exit', (code, signal) => done(signal ?? code)));
  const url = await new Promise<string>((done, fail) => {
    // A collector that did not start in time is killed, not left running after the test.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`collector did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const check = () => {
      const m = /Submissions API:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`collector exited (${code}) before listening:\n${out}`));
    });
  });
  return { url, child, output: () => out, exited };
}

/** Stops a spawned collector (SIGTERM, then SIGKILL after 5 s). */
export async function stopCollector(p: CollectorProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 5000);
  await p.exited;
  clearTimeout(timer);
}

/**
 * `inner` with the dashboard fact index's page reads held until `held` settles (everything else
 * passes through): a collector on it starts while its figures are still loading. Closing it leaves
 * `inner` open.
 */
export function withFactReadsHeld(inner: Db, held: Promise<void>): Db {
  return {
    kind: inner.kind,
    query: async <T>(text: string, params?: unknown[]) => {
      if (text.includes('json_build_array')) await held;
      return inner.query<T>(text, params);
    },
    exec: (text) => inner.exec(text),
    exclusive: (key, work) => inner.exclusive(key, work),
    lost: inner.lost,
    close: async () => {},
  };
}
