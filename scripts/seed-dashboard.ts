/**
 * `npx tsx scripts/seed-dashboard.ts [--rows N] [--procedures N] [--days N] [--database-url URL | --data-dir DIR] [--demo]`:
 * fills a collector database for the dashboard. Default: 1,000,000 rows over 2,000 procedures and
 * 365 days (collector/dashboard/seed.ts seedBulk: generated inside the database, chunk by chunk),
 * into PostgreSQL at --database-url or PGlite in --data-dir (default .data/dashboard-bench).
 * `--demo`: the small demo dataset instead (what `npm start` stores on a first run).
 * Migrates first; adds to what is there (run it on an empty database for exact volumes).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openPglite, openPostgres, type Db } from '../collector/db/driver';
import { migrate } from '../collector/db/migrations';
import { insertRows, demoRows, seedBulk } from '../collector/dashboard/seed';

const ROOT = resolve(import.meta.dirname, '..');

export async function openTarget(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, 4)
    : await openPglite(options.dataDir ?? join(ROOT, '.data', 'dashboard-bench'));
  await migrate(db);
  return db;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      procedures: { type: 'string', default: '2000' },
      days: { type: 'string', default: '365' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
    },
  });
  const rows = Number(values.rows);
  const procedures = Number(values.procedures);
  const days = Number(values.days);
  if (![rows, procedures, days].every((n) => Number.isSafeInteger(n) && n > 0)) {
    console.error('--rows, --procedures and --days take whole numbers above 0');
    process.exit(2);
  }
  const db = await openTarget({ databaseUrl: values['database-url'], dataDir: values['data-dir'] && resolve(values['data-dir']) });
  const started = performance.now();
  try {
    if (values.demo) {
      const demo = demoRows(new Date());
      await insertRows(db, demo);
      console.log(`demo dataset: ${demo.length} rows`);
    } else {
      await seedBulk(db, {
        rows,
        procedures,
        days,
        onProgress: (done) => process.stdout.write(`\r${done.toLocaleString('en')} / ${rows.toLocaleString('en')} rows`),
      });
      process.stdout.write('\n');
    }
    if (db.kind === 'postgres') await db.query('ANALYZE submissions');
    console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s (${db.kind})`);
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
