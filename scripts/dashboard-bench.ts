/**
 * `npm run bench:dashboard`: how fast the dashboard's data answers at volume. Seeds 1,000,000
 * submissions over 2,000 procedures and 365 days (collector/dashboard/seed.ts seedBulk) into
 *   - PostgreSQL at 127.0.0.1:5432: a throwaway database tthc_dash_bench, dropped at the end
 *     (skipped, saying so, when the server does not answer), and
 *   - PGlite in .data/dashboard-bench (kept: a second run reuses it when it holds the rows),
 * then times, 20 runs each, the summary for this quarter and this year, with a procedure search,
 * a procedure's detail page, the first page of comments, and over HTTP on 127.0.0.1 the dashboard's
 * main view (GET /dashboard, the whole HTML page) and GET /api/v1/summary; prints median and p95
 * (wall clock and this process's CPU, worker threads included), the load average, the cold load of
 * the fact index (wall and CPU) and a catch-up after 1,000 new rows.
 * Options: --rows N, --procedures N, --runs N, --only pg|pglite, --keep (keep the PostgreSQL database
 * for the next run, which then reuses its rows like PGlite's).
 */
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import pg from 'pg';
import { testConfig } from '../collector/config';
import { dashboardSummary, listComments, periodFilter, procedureDetail, resetFacts, factsOf } from '../collector/dashboard';
import { seedBulk } from '../collector/dashboard/seed';
import { openPglite, openPostgres, type Db } from '../collector/db/driver';
import { migrate } from '../collector/db/migrations';
import { createStore } from '../collector/db/store';
import { dashboardRoutes } from '../collector/routes/dashboard';
import { summaryApiRoutes } from '../collector/routes/summary-api';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    procedures: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '20' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
const PROCEDURES = Number(values.procedures);
const RUNS = Number(values.runs);
const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_DB = 'tthc_dash_bench';

interface Timing {
  name: string;
  wall: number[];
  cpu: number[];
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

async function time(name: string, work: () => Promise<unknown>): Promise<Timing> {
  await work(); // warm
  const t: Timing = { name, wall: [], cpu: [] };
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    await work();
    t.wall.push(performance.now() - w0);
    const c = process.cpuUsage(c0);
    t.cpu.push((c.user + c.system) / 1000);
  }
  return t;
}

async function seedIfNeeded(db: Db, label: string): Promise<void> {
  const n = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions'))[0]!.n;
  if (n >= ROWS) return console.log(`${label}: ${n.toLocaleString('en')} rows already there`);
  const t = performance.now();
  await seedBulk(db, {
    rows: ROWS - n,
    procedures: PROCEDURES,
    onProgress: (done) => process.stdout.write(`\r${label}: seeding ${(n + done).toLocaleString('en')} / ${ROWS.toLocaleString('en')}`),
  });
  if (db.kind === 'postgres') await db.query('ANALYZE submissions');
  console.log(`\n${label}: seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

async function bench(db: Db, label: string): Promise<void> {
  await seedIfNeeded(db, label);
  resetFacts(db);
  const load0 = loadavg()[0]!;
  let t = performance.now();
  const c0 = process.cpuUsage();
  const facts = await factsOf(db);
  const load = performance.now() - t;
  const loadCpu = process.cpuUsage(c0);
  const mem = process.memoryUsage();
  console.log(
    `${label}: fact index loaded in ${(load / 1000).toFixed(1)} s, CPU ${((loadCpu.user + loadCpu.system) / 1e6).toFixed(1)} s (${facts.rn.toLocaleString('en')} ratings, ${facts.gn.toLocaleString('en')} gap reports; heap ${(mem.heapUsed / 1e6).toFixed(0)} MB; load average ${load0.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after)`,
  );

  const quarter = { ...periodFilter('quarter'), bucket: 'week' as const };
  const year = { ...periodFilter('year'), bucket: 'month' as const };
  const token = 'bench-dashboard-token-0123456789';
  const app = Fastify();
  const config = testConfig({ dashboardToken: token });
  summaryApiRoutes(app, { config, db });
  dashboardRoutes(app, { config, store: createStore(db) });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const get = async (path: string) => {
    const r = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
    await r.arrayBuffer();
  };
  const api = (query: string) => get(`/api/v1/summary?${query}`);
  const loadBefore = loadavg()[0]!;
  const timings = [
    await time('summary, this quarter (weeks)', () => dashboardSummary(db, quarter)),
    await time('summary, this year (months)', () => dashboardSummary(db, year)),
    await time('summary, this year, procedure search', () => dashboardSummary(db, { ...year, procedure: 'mau so 12' })),
    await time('procedure detail, this year', () => procedureDetail(db, '9.000012.000.00.00.H99', year)),
    await time('comments, first page, this quarter', () => listComments(db, { ...quarter, limit: 50, offset: 0 })),
    await time('GET /dashboard (main view, HTML), quarter', () => get('/dashboard?period=quarter')),
    await time('GET /dashboard (main view, HTML), year', () => get('/dashboard?period=year&bucket=month')),
    await time('GET /api/v1/summary, quarter', () => api('period=quarter')),
    await time('GET /api/v1/summary, year', () => api('period=year')),
  ];
  await app.close();

  // Catch-up after new rows: 1,000 ratings, some replacing earlier ones.
  await seedBulk(db, { rows: 1000, procedures: PROCEDURES, days: 1 });
  t = performance.now();
  await factsOf(db);
  const catchUp = performance.now() - t;

  console.log(`\n${label} (${RUNS} runs each; ms; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after)`);
  console.log('| query | median | p95 | CPU median |');
  console.log('|---|---:|---:|---:|');
  for (const x of timings)
    console.log(
      `| ${x.name} | ${quantile(x.wall, 0.5).toFixed(1)} | ${quantile(x.wall, 0.95).toFixed(1)} | ${quantile(x.cpu, 0.5).toFixed(1)} |`,
    );
  console.log(`| catch-up after 1,000 new rows | ${catchUp.toFixed(1)} | | |\n`);
}

if (values.only !== 'pglite') {
  const admin = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2000 });
  let up = true;
  try {
    await admin.connect();
  } catch (error) {
    up = false;
    console.log(`PostgreSQL at 127.0.0.1:5432 does not answer (${(error as Error).message}): PostgreSQL SKIPPED.`);
  }
  if (up) {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [PG_DB])).rowCount;
    if (!values.keep || !exists) {
      await admin.query(`DROP DATABASE IF EXISTS ${PG_DB}`);
      await admin.query(`CREATE DATABASE ${PG_DB}`);
    }
    const url = new URL(PG_ADMIN);
    url.pathname = `/${PG_DB}`;
    const db = await openPostgres(url.toString(), 4);
    try {
      await migrate(db);
      await bench(db, 'PostgreSQL');
    } finally {
      await db.close();
      if (!values.keep) await admin.query(`DROP DATABASE IF EXISTS ${PG_DB}`);
      await admin.end();
    }
  }
}
if (values.only !== 'pg') {
  const db = await openPglite(join(ROOT, '.data', 'dashboard-bench'));
  try {
    await migrate(db);
    await bench(db, 'PGlite');
  } finally {
    await db.close();
  }
}
