/**
 * `npm start`: runs the collector with its demo portal pages on http://127.0.0.1:8787. Settings come
 * from the environment (collector/config.ts; PORT, HOST, DATA_DIR, DATABASE_URL, …); messages from
 * the collector catalog, in Vietnamese unless LANG starts with "en".
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collectorCatalogs } from '../shared/i18n/collector';
import { resolveLocale, translator } from '../shared/i18n/format';
import { createCollector } from './app';
import { parseConfig } from './config';
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
  store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
} catch (error) {
  console.error(say('collector.start.databaseFailed', { reason: (error as Error).message }));
  process.exit(1);
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
