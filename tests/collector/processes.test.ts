/**
 * Collector processes as they run in production (collector/main.ts under tsx), over real HTTP:
 * two processes on one PostgreSQL stay exactly-once and migrate once; under a steady stream of
 * submissions a SIGKILLed collector, restarted on the same data, still holds every submission it
 * answered 201 or 200 for, exactly once (PGlite and PostgreSQL). Loops are bounded in count and
 * time. The PostgreSQL tests need 127.0.0.1:5432 (database test, user postgres) and say so when
 * it is not there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MIGRATIONS } from '../../collector/db/migrations';
import { openStore } from '../../collector/db/store';
import { freshSchema, post, postgresAvailable, rating, spawnCollector, stopCollector, type CollectorProcess } from './kit';

const pgState = await postgresAvailable();
if (pgState !== true)
  console.warn(`[collector tests] PostgreSQL is not reachable at 127.0.0.1:5432 (${pgState}): the PostgreSQL tests are SKIPPED.`);
const withPostgres = describe.skipIf(pgState !== true);

interface Acked {
  id: string;
  receipt: string;
}

/**
 * Sends fresh ratings with `concurrency` loops until `stop()` is called; records every id answered
 * 201/200. Connection errors (the process was killed) end a loop quietly.
 */
function stream(url: string, concurrency: number) {
  const acked: Acked[] = [];
  let sent = 0;
  let running = true;
  const loops = Array.from({ length: concurrency }, async () => {
    while (running) {
      const body = rating();
      sent++;
      try {
        const res = await post(url, body);
        if (res.status === 201 || res.status === 200) acked.push({ id: body.id, receipt: (await res.json()).receipt });
        else await res.body?.cancel();
      } catch {
        return;
      }
    }
  });
  return {
    acked,
    sent: () => sent,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Resends every acked id: each must answer 200 with the receipt first given (stored, once). */
async function expectAllStored(url: string, acked: Acked[]): Promise<void> {
  const mismatches: string[] = [];
  for (let i = 0; i < acked.length; i += 20) {
    await Promise.all(
      acked.slice(i, i + 20).map(async ({ id, receipt }) => {
        const res = await post(url, rating({ id }));
        const body = await res.json();
        if (res.status !== 200 || body.receipt !== receipt) mismatches.push(`${id}: ${res.status} ${body.receipt} ≠ ${receipt}`);
      }),
    );
  }
  expect(mismatches).toEqual([]);
}

/** Kill-and-restart cycles on the same data; `env` selects the store. */
async function killCycles(env: Record<string, string>, cycles: number): Promise<{ acked: number; sent: number }> {
  const all: Acked[] = [];
  let sent = 0;
  for (let cycle = 0; cycle < cycles; cycle++) {
    const p = await spawnCollector(env);
    const s = stream(p.url, 8);
    const deadline = Date.now() + 4000;
    while (s.acked.length < 150 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    p.child.kill('SIGKILL');
    await p.exited;
    await s.stop();
    all.push(...s.acked);
    sent += s.sent();
  }
  const p = await spawnCollector(env);
  try {
    await expectAllStored(p.url, all);
  } finally {
    await stopCollector(p);
  }
  return { acked: all.length, sent };
}

describe('durability on PGlite (DATA_DIR)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tthc-collector-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts on a fresh machine, making its data folder and the folders above it', { timeout: 180_000 }, async () => {
    const proc = await spawnCollector({ DATA_DIR: join(dir, 'fresh', '.data', 'collector') });
    try {
      const answer = await post(proc.url, rating());
      expect(answer.status).toBe(201);
    } finally {
      await stopCollector(proc);
    }
  });

  it('keeps every answered submission exactly once across SIGKILL and restart', { timeout: 600_000 }, async () => {
    const { acked, sent } = await killCycles({ DATA_DIR: dir }, 3);
    expect(acked).toBeGreaterThan(100);
    const store = await openStore({ dataDir: dir });
    try {
      const rows = await store.count();
      expect(rows).toBeGreaterThanOrEqual(acked);
      expect(rows).toBeLessThanOrEqual(sent);
    } finally {
      await store.close();
    }
  });
});

withPostgres('several collector processes on one PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  const procs: CollectorProcess[] = [];
  beforeAll(async () => {
    schema = await freshSchema();
  });
  afterAll(async () => {
    await Promise.all(procs.map(stopCollector));
    await schema?.drop();
  });

  it('two processes starting together migrate once', { timeout: 120_000 }, async () => {
    procs.push(...(await Promise.all([spawnCollector({ DATABASE_URL: schema.url }), spawnCollector({ DATABASE_URL: schema.url })])));
    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    const rows = (await client.query('SELECT version FROM schema_migrations ORDER BY version')).rows;
    await client.end();
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version).sort((x, y) => x - y));
    for (const p of procs) expect((await fetch(`${p.url}/readyz`)).status).toBe(200);
  });

  it('stores an id sent to both processes, 10 times each at once, in one row with one receipt', async () => {
    const body = rating();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => post(procs[i % 2]!.url, body)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    expect(new Set(await Promise.all(answers.map(async (r) => (await r.json()).receipt))).size).toBe(1);
    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    expect((await client.query('SELECT count(*)::int AS n FROM submissions WHERE id = $1', [body.id])).rows[0].n).toBe(1);
    await client.end();
  });

  it('replays 500 ids alternately through both processes and stores exactly 500 rows', async () => {
    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    const before = (await client.query('SELECT count(*)::int AS n FROM submissions')).rows[0].n;
    const bodies = Array.from({ length: 500 }, () => rating());
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < bodies.length; i += 25)
        await Promise.all(bodies.slice(i, i + 25).map((b, j) => post(procs[(i + j + round) % 2]!.url, b).then((r) => r.body?.cancel())));
    expect((await client.query('SELECT count(*)::int AS n FROM submissions')).rows[0].n).toBe(before + 500);
    await client.end();
  });
});

withPostgres('durability on PostgreSQL (DATABASE_URL)', () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  beforeAll(async () => {
    schema = await freshSchema();
  });
  afterAll(async () => {
    await schema?.drop();
  });

  it('keeps every answered submission exactly once across SIGKILL and restart', { timeout: 600_000 }, async () => {
    const { acked, sent } = await killCycles({ DATABASE_URL: schema.url }, 3);
    expect(acked).toBeGreaterThan(100);
    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    const rows = (await client.query('SELECT count(*)::int AS n FROM submissions')).rows[0].n;
    await client.end();
    expect(rows).toBeGreaterThanOrEqual(acked);
    expect(rows).toBeLessThanOrEqual(sent);
  });
});
