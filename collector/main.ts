/**
 * `npm start`: runs the collector with its demo portal pages on http://127.0.0.1:8787 (PORT and
 * HOST override; DATA_DIR sets where PGlite keeps its files, default .data/collector).
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openStore } from './store';
import { createCollectorServer } from './server';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data', 'collector'));
const widgetFile = join(root, 'widget', 'dist', 'tthc-feedback.js');
const extensionDir = join(root, '.output', 'chrome-mv3');

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a number from 0 to 65535, got "${process.env.PORT}".`);
  process.exit(2);
}
if (!existsSync(widgetFile)) console.warn(`The widget is not built yet (${widgetFile}); run npm run build:widget.`);

const store = await openStore(dataDir);
const server = createCollectorServer({ store, demoDir: join(root, 'collector', 'demo'), widgetFile });
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another one.` : error.message);
  process.exit(1);
});
server.listen(port, host, () => {
  const address = server.address();
  const base = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  console.log(`Collector and demo running (data in ${dataDir})
  Demo portal pages:  ${base}/
  Dashboard:          ${base}/dashboard
  Feedback API:       ${base}/api/v1/feedback
  Widget file:        ${base}/widget/tthc-feedback.js
Auditor extension: ${existsSync(extensionDir) ? 'built at' : 'run npm run build:extension, then load'} ${extensionDir}
  Chromium: chrome://extensions → Developer mode → Load unpacked → choose that folder.
Stop with Ctrl+C.`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void store.close().finally(() => process.exit(0));
  });
}
