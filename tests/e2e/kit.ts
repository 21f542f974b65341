/**
 * End-to-end kit: serves folders on 127.0.0.1, launches Debian's headless Chromium with the flags
 * this machine needs, and loads the built unpacked extension. Every test talks to 127.0.0.1 only.
 */
import { createServer, type Server } from 'node:http';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, launchChromium } from '../../shared/node/chromium';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const WIDGET_FILE = join(ROOT, 'widget', 'dist', 'tthc-feedback.js');
const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `root` (and the built widget at /widget/tthc-feedback.js) on a random local port. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path === '/widget/tthc-feedback.js' ? WIDGET_FILE : normalize(join(root, path));
    if (file !== WIDGET_FILE && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  return listen(server);
}

/** Starts `server` on 127.0.0.1 at a free port. */
export async function listen(server: Server): Promise<StaticServer> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export function assertBuilt(path: string, what: string): void {
  if (!existsSync(path)) throw new Error(`${what} is not built (${path}); run npm run build first.`);
}

export async function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /**
   * Clicks the extension's toolbar button on `page`'s tab, as a person would (CDP
   * Extensions.triggerAction): it grants the extension activeTab on that tab.
   */
  clickAction(page: Page): Promise<void>;
  close(): Promise<void>;
}

/** Launches Chromium with the built unpacked extension and finds its service worker and id. */
export async function launchWithExtension(extensionDir = EXTENSION_DIR): Promise<ExtensionSession> {
  assertBuilt(join(extensionDir, 'manifest.json'), 'The extension');
  const userDataDir = await mkdtemp(join(tmpdir(), 'tthc-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // For clickAction: the browser-level CDP Extensions domain, on a local port only.
      '--enable-unsafe-extension-debugging',
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      ...CHROMIUM_ARGS,
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    async clickAction(page) {
      // A second, short-lived connection: kept open, it would hold on to the pages it attached
      // to (and the download folder) and stall them.
      const [port] = (await readFile(join(userDataDir, 'DevToolsActivePort'), 'utf8')).split('\n');
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      const cdp: { session: CDPSession } = { session: await browser.newBrowserCDPSession() };
      try {
        // The action runs on a tab target (the parent of the page target), found by the page's URL.
        const { targetInfos } = (await cdp.session.send(
          'Target.getTargets' as 'Browser.getVersion',
          {
            filter: [{ type: 'tab' }],
          } as never,
        )) as unknown as { targetInfos: { targetId: string; url: string }[] };
        const tab = targetInfos.filter((t) => t.url === page.url()).at(-1);
        if (!tab) throw new Error(`no tab target for ${page.url()}`);
        await cdp.session.send('Extensions.triggerAction' as 'Browser.getVersion', { id: extensionId, targetId: tab.targetId } as never);
      } finally {
        await browser.close().catch(() => undefined);
      }
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's violations on the whole of `page` (WCAG 2.0/2.1 A and AA rules and best practices), as
 * "rule: [targets]". axe comes from node_modules and is evaluated over CDP, because the pages under
 * test (extension pages, the dashboard) forbid inline scripts; the page is brought to the front
 * first, since axe waits on animation frames that background tabs do not get.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.bringToFront();
  await page.evaluate(`${await AXE_SOURCE}\n;0`);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }
    ).axe;
    const outcome = await Promise.race([
      axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] }),
      new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 5_000)),
    ]);
    if (outcome === 'timeout') return ['axe did not finish in 5 s'];
    return outcome.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

/** Sets the auditor's language in the extension's options, as the options page stores it. */
export async function setExtensionLocale(session: ExtensionSession, locale: string): Promise<void> {
  await session.serviceWorker.evaluate(async (value) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome;
    await api.storage.local.set({ options: { auditorName: '', unit: '', locale: value, recordSource: '' } });
  }, locale);
}

/**
 * A copy of the built Chromium extension in a fresh temporary folder whose manifest grants the
 * local test sites (127.0.0.1) at install, as the batch tests need; remove the folder afterwards.
 */
export async function extensionWithLocalHosts(prefix: string): Promise<string> {
  assertBuilt(join(EXTENSION_DIR, 'manifest.json'), 'The extension');
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
  return dir;
}
