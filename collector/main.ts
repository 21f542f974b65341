/**
 * `npm start`: runs the collector with its demo portal pages on http://127.0.0.1:8787. Settings come
 * from the environment (collector/config.ts; PORT, HOST, DATA_DIR, DATABASE_URL, …); messages from
 * the collector catalog, in Vietnamese unless LANG starts with "en".
 * The dashboard is never left open: without DASHBOARD_TOKEN a token is made once and kept in the
 * data folder (file dashboard-token, readable by the owner only). A demo start (no NODE_ENV=
 * production, no DATA_DIR, no DATABASE_URL) stores the demo dataset into an empty database and
 * prints the token; any other start never seeds and prints only where the token is.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { collectorCatalogs } from '../shared/i18n/collector';
import { resolveLocale, translator } from '../shared/i18n/format';
import { createCollector } from './app';
import { parseConfig } from './config';
import { demoFirstDay, isDemoStart, seedDemo } from './dashboard/seed';
import { openStore } from './db/store';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const say = translator(collectorCatalogs, resolveLocale(process.env.LANG));
const widgetFile = join(root, 'widget', 'dist', 'tthc-feedback.js');
const extensionDir = join(root, '.output', 'chrome-mv3');

const parsed = parseConfig(process.env, root);
if (!parsed.ok) {
  for (const problem of parsed.problems) console.error(say(problem.id, problem.params));
  process.exit(2);
}
const { config } = parsed;
if (!existsSync(widgetFile)) console.warn(say('collector.start.widgetMissing', { file: widgetFile }));

let store: Awaited<ReturnType<typeof openStore>>;
try {
  store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    durable: config.pgliteFsync,
  });
} catch (error) {
  console.error(say('collector.start.databaseFailed', { reason: (error as Error).message }));
  process.exit(1);
}
// A PGlite worker that died cannot store anything: exit non-zero so that the supervisor restarts
// the collector on the same data (every answered submission is already committed there).
void store.db.lost.then((error) => {
  console.error(say('collector.start.databaseLost', { reason: error.message }));
  process.exit(1);
});
const demo = isDemoStart(process.env);
let tokenFile: string | null = null;
if (!config.dashboardToken) {
  tokenFile = join(config.dataDir, 'dashboard-token');
  const kept = await readFile(tokenFile, 'utf8').then(
    (text) => text.trim(),
    () => '',
  );
  if (kept.length >= 16) config.dashboardToken = kept;
  else {
    config.dashboardToken = randomBytes(24).toString('base64url');
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(tokenFile, `${config.dashboardToken}\n`, { mode: 0o600 });
  }
}
if (demo) {
  const seeded = await seedDemo(store.db, new Date(), `http://${config.host}:${config.port}`);
  if (seeded) console.log(say('collector.start.demoSeeded', { count: seeded, from: demoFirstDay(new Date()) }));
}
const app = await createCollector({ config, store, demoDir: join(root, 'collector', 'demo'), widgetFile });
try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  console.error(e.code === 'EADDRINUSE' ? say('collector.start.portInUse', { port: config.port }) : e.message);
  process.exit(1);
}
const address = app.server.address();
const base = `http://${config.host}:${typeof address === 'object' && address ? address.port : config.port}`;
console.log(
  say('collector.start.banner', {
    base,
    data: config.databaseUrl ? say('collector.start.postgres') : config.dataDir,
    extension: extensionDir,
    extensionState: existsSync(extensionDir) ? say('collector.start.extensionBuilt') : say('collector.start.extensionMissing'),
  }),
);

if (demo) console.log(say('collector.start.demoToken', { token: config.dashboardToken }));
else if (tokenFile) console.log(say('collector.start.tokenFile', { file: tokenFile }));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void app
      .close()
      .then(() => store.close())
      .finally(() => process.exit(0));
  });
}
