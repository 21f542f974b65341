/**
 * `npm run bench:collector`: the collector's ingest under load, on 127.0.0.1 only, bounded in time
 * (about 1.5 minutes without PostgreSQL, 3 with it). For the embedded PGlite (one process) and for
 * PostgreSQL (two processes on one database, when 127.0.0.1:5432 answers): accepted submissions per
 * second and p99 latency at 10 and 50 connections (autocannon, fresh ids), the CPU the collector
 * processes used, the raw insert rate of the same database (single-row INSERTs) and of the collector's
 * store without HTTP, and the ratios between them
 * (for PGlite also without fsync, the cost of durability), and a replay of the same 10,000 ids twice that must leave exactly 10,000 rows.
 */
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newReceipt, openStore, type SubmissionStore } from '../collector/db/store';
import type { Db } from '../collector/db/driver';
import { Submission } from '../shared/protocol/submission';
import { freshSchema, postgresAvailable, spawnCollector, stopCollector, type CollectorProcess } from '../tests/collector/kit';

interface Result {
  requests: { average: number; total: number };
  latency: { p99: number; average: number };
  statusCodeStats?: Record<string, { count: number }>;
  non2xx: number;
  errors: number;
  duration: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ENV = { RATE_LIMIT_PER_MINUTE: '0', RETENTION_DAYS: '0', MIN_FILL_MS: '0' };
/** How long a collector may take to start: on a shared, overloaded machine it took 90 s. */
const START_MS = 180_000;

const body = () =>
  JSON.stringify({
    v: 2,
    id: randomUUID(),
    kind: 'rating',
    overall: 1 + Math.floor(Math.random() * 5),
    procedureCode: '1.000178',
    pageUrl: 'https://dichvucong.example.gov.vn/tthc/1.000178',
    lang: 'vi',
    respondent: randomUUID(),
  });

/** CPU seconds (user + system) a process has used so far, from /proc. */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Rows stored for `ids` (each 0 or 1), 50 lookups at a time. */
async function rowsFor(store: SubmissionStore, ids: string[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < ids.length; i += 50)
    n += (await Promise.all(ids.slice(i, i + 50).map((id) => store.count(id)))).reduce((a, b) => a + b, 0);
  return n;
}

/** Load on every process at once (connections split evenly); sums rates, keeps the worst p99. */
async function load(procs: CollectorProcess[], connections: number) {
  const before = await Promise.all(procs.map((p) => cpuSeconds(p.child.pid!)));
  const started = Date.now();
  const results = await Promise.all(
    procs.map((p) =>
      autocannon({
        url: `${p.url}/api/v1/submissions`,
        connections: Math.max(1, Math.round(connections / procs.length)),
        duration: SECONDS,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body() }) }],
      }),
    ),
  );
  const wall = (Date.now() - started) / 1000;
  const after = await Promise.all(procs.map((p) => cpuSeconds(p.child.pid!)));
  const accepted = results.reduce((n, r) => n + (r.statusCodeStats?.['201']?.count ?? 0), 0);
  return {
    connections,
    acceptedPerSecond: Math.round(accepted / wall),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    failed: results.reduce((n, r) => n + r.non2xx + r.errors, 0),
    cpuCores: (after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0)) / wall,
  };
}

/** Calls of `insertOne` per second, `concurrency` at a time, for SECONDS. */
async function rate(concurrency: number, insertOne: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const end = Date.now() + SECONDS * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        await insertOne();
        n++;
      }
    }),
  );
  return Math.round(n / ((Date.now() - started) / 1000));
}

/**
 * The database's raw insert rate: plain single-row INSERT statements (each its own transaction and
 * commit, as an application without our layer would write), `concurrency` at a time.
 * No HTTP, no validation, no idempotency read-back, no group commit: the baseline the issue's
 * "overhead under 30 %" is measured against.
 */
const rawRowRate = (db: Db, concurrency: number) =>
  rate(concurrency, () =>
    db.query(
      `INSERT INTO submissions (id, receipt, kind, procedure_code, page_url, lang, respondent, overall, scale_levels)
       VALUES ($1, $2, 'rating', '1.000178', 'https://dichvucong.example.gov.vn/tthc/1.000178', 'vi', $3, $4, 5)`,
      [randomUUID(), newReceipt(), randomUUID(), 1 + Math.floor(Math.random() * 5)],
    ),
  );

/** The collector's store without HTTP (validation, idempotent group commit): fresh submissions, `concurrency` at a time. */
const rawInsertRate = (store: SubmissionStore, concurrency: number) =>
  rate(concurrency, () => store.insert(Submission.parse(JSON.parse(body())), null));

/** Sends the same 10,000 ids twice, 50 at a time, spread over the processes; `count` counts the rows of those ids. */
async function replay(procs: CollectorProcess[], count: ((ids: string[]) => Promise<number>) | null): Promise<string> {
  const bodies = Array.from({ length: 10_000 }, body);
  const statuses: Record<number, number> = {};
  for (let round = 0; round < 2; round++)
    for (let i = 0; i < bodies.length; i += 50)
      await Promise.all(
        bodies.slice(i, i + 50).map(async (b, j) => {
          const res = await fetch(`${procs[(i + j + round) % procs.length]!.url}/api/v1/submissions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: b,
          });
          await res.body?.cancel();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        }),
      );
  const ids = bodies.map((b) => (JSON.parse(b) as { id: string }).id);
  return `answers ${JSON.stringify(statuses)}${count ? `, rows stored for those ids ${await count(ids)}` : ''}`;
}

function report(name: string, rows: Awaited<ReturnType<typeof load>>[], raw: number, storePath: number) {
  console.log(`\n${name}`);
  for (const r of rows)
    console.log(
      `  ${String(r.connections).padStart(2)} connections: ${r.acceptedPerSecond} accepted/s, p99 ${r.p99} ms, ` +
        `collector CPU ${r.cpuCores.toFixed(2)} cores (${((r.cpuCores * 1000) / Math.max(1, r.acceptedPerSecond)).toFixed(2)} ms per accepted), ` +
        `failed ${r.failed}, ingest/raw ${((r.acceptedPerSecond / raw) * 100).toFixed(0)}%, ingest/store ${((r.acceptedPerSecond / storePath) * 100).toFixed(0)}%`,
    );
  console.log(`  raw insert rate of the same database (single-row INSERTs, one commit each, 50 at a time): ${raw}/s`);
  console.log(`  the collector's store without HTTP (validation, idempotent group commit, 50 at a time): ${storePath}/s`);
}

/** The machine's load average (other programs share its cores: figures are comparable only at similar load). */
const loadAverage = async () => (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');

// PGlite: one collector process on a fresh DATA_DIR; the raw rate on another fresh folder.
{
  console.log(`load average at the start: ${await loadAverage()}`);
  const dir = await mkdtemp(join(tmpdir(), 'tthc-bench-'));
  const p = await spawnCollector({ ...ENV, DATA_DIR: join(dir, 'collector') }, START_MS);
  try {
    const rows = [await load([p], 10), await load([p], 50)];
    let replayIds: string[] = [];
    const replayed = await replay([p], async (ids) => ((replayIds = ids), 0));
    await stopCollector(p);
    const store = await openStore({ dataDir: join(dir, 'collector') });
    const stored = await rowsFor(store, replayIds);
    const raw = await rawRowRate(store.db, 50);
    const storePath = await rawInsertRate(store, 50);
    await store.close();
    // The cost of durability: the same raw inserts on a PGlite that does not fsync (as before).
    const loose = await openStore({ dataDir: join(dir, 'no-fsync'), durable: false });
    const rawLoose = await rawInsertRate(loose, 50);
    await loose.close();
    report('PGlite (embedded, one process, database in a worker thread, fsync per commit)', rows, raw, storePath);
    console.log(`  the store path without fsync (PGlite's default): ${rawLoose}/s`);
    console.log(`  replay of 10,000 ids twice: ${replayed.replace(/, rows.*$/, '')}, rows stored for those ids ${stored}`);
  } finally {
    await stopCollector(p);
    await rm(dir, { recursive: true, force: true });
  }
}

// PostgreSQL: two collector processes on one fresh schema.
const pg = await postgresAvailable();
if (pg !== true) console.log(`\nPostgreSQL: skipped, 127.0.0.1:5432 is not reachable (${pg})`);
else {
  const schema = await freshSchema();
  const procs = await Promise.all([
    spawnCollector({ ...ENV, DATABASE_URL: schema.url }, START_MS),
    spawnCollector({ ...ENV, DATABASE_URL: schema.url }, START_MS),
  ]);
  const store = await openStore({ databaseUrl: schema.url, poolSize: 20 });
  try {
    const rows = [await load(procs, 10), await load(procs, 50)];
    const replayed = await replay(procs, (ids) => rowsFor(store, ids));
    const raw = await rawRowRate(store.db, 50);
    const storePath = await rawInsertRate(store, 50);
    report('PostgreSQL (two collector processes, one database)', rows, raw, storePath);
    console.log(`  replay of 10,000 ids twice through both processes: ${replayed}`);
    console.log(`load average at the end: ${await loadAverage()}`);
  } finally {
    await Promise.all(procs.map(stopCollector));
    await store.close();
    await schema.drop();
  }
}
