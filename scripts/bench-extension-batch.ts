/**
 * `npm run bench:extension-batch`: the extension's batch audit, end to end, in headless Chromium
 * with the built unpacked extension (.output/chrome-mv3; run `npm run build:extension` first), over
 * the local demo portal of scripts/portal-fixture.ts served on 127.0.0.1 (200 procedure pages of
 * several layouts, plus pages that never finish loading, 404s and pages that are not procedure
 * pages). It starts the batch from the batch page as a person would, and reports pages per minute
 * (goal: 60 or more at concurrency 3) and the browser's memory (the proportional set size of
 * every Chromium process of the run, summed from /proc, Linux only) when 50, 100 and 200 pages are
 * finished, and the outcome of every page (each requested once, every page done or unscannable).
 *
 * Host access as in the e2e test: a copy of the build whose manifest grants http://127.0.0.1/* at
 * install, since headless Chromium cannot answer the permission prompt.
 * Settings: BENCH_PROCEDURES (200), BENCH_CONCURRENCY (3), BENCH_TIMEOUT seconds per page (15),
 * BENCH_PAGE=closed to close the batch page once the batch starts (progress then read from storage
 * through the service worker): the memory of the worker alone, without the page's results table.
 * The figures depend on the machine: say how many cores it had and what else ran.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../shared/node/chromium';
import { buildDemoPortal, serveDemoPortal } from './portal-fixture';

const ROOT = resolve(import.meta.dirname, '..');
const BUILT = join(ROOT, '.output', 'chrome-mv3');
const PROCEDURES = Number(process.env.BENCH_PROCEDURES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 3);
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT ?? 15);
const MARKS = [50, 100, 200];
const CLOSE_PAGE = process.env.BENCH_PAGE === 'closed';

/** PSS in kB of every process whose ancestry leads to the browser started with `userDataDir`. */
async function browserMemory(userDataDir: string): Promise<{ pssMb: number; processes: number; byType: string }> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const parent = new Map<string, string>();
  let root: string | null = null;
  for (const pid of pids) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]!);
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes(`--user-data-dir=${userDataDir}`) && !cmdline.includes('--type=')) root = pid;
    } catch {
      // The process ended meanwhile.
    }
  }
  if (!root) return { pssMb: 0, processes: 0, byType: '' };
  const inTree = (pid: string): boolean => {
    for (let p: string | undefined = pid, hops = 0; p && p !== '0' && hops < 20; p = parent.get(p), hops++) if (p === root) return true;
    return false;
  };
  let pssKb = 0;
  let processes = 0;
  const types = new Map<string, number>();
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      const kb = Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      // The extension's pages and service worker share the extension renderer; page tabs have their own.
      const type = /--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser';
      const key = type === 'renderer' && cmdline.includes('--extension-process') ? 'extension' : type;
      types.set(key, (types.get(key) ?? 0) + kb);
      pssKb += kb;
      processes++;
    } catch {
      // Ended meanwhile.
    }
  }
  const byType = [...types]
    .sort((a, b) => b[1] - a[1])
    .map(([type, kb]) => `${type} ${Math.round(kb / 1024)}`)
    .join(', ');
  return { pssMb: Math.round(pssKb / 1024), processes, byType };
}

type Counts = Record<'total' | 'done' | 'unscannable' | 'running' | 'pending', number> & { run: string };

/** The same counts read from storage in the service worker (the batch page closed). */
async function storedCounts(worker: Worker): Promise<Counts> {
  const raw = (await worker.evaluate(
    `chrome.storage.local.get('batch:v1').then((all) => JSON.stringify(all['batch:v1'] ?? null))`,
  )) as string;
  const batch = JSON.parse(raw) as { run: string; queue: { pages: { state: string }[] } } | null;
  const pages = batch?.queue.pages ?? [];
  const n = (state: string) => pages.filter((p) => p.state === state).length;
  return {
    run: batch?.run ?? '',
    total: pages.length,
    done: n('done'),
    unscannable: n('unscannable'),
    running: n('running'),
    pending: n('pending'),
  };
}

async function counts(page: Page): Promise<Counts> {
  const node = page.locator('[data-counts]');
  const attr = async (name: string) => Number(await node.getAttribute(`data-${name}`));
  return {
    run: (await page.locator('[data-run]').getAttribute('data-run')) ?? '',
    total: await attr('total'),
    done: await attr('done'),
    unscannable: await attr('unscannable'),
    running: await attr('running'),
    pending: await attr('pending'),
  };
}

/** Waits until the reopened batch page lists `n` pages. */
async function expectRows(page: Page, n: number): Promise<void> {
  for (let i = 0; i < 120 && (await page.locator('tr[data-page]').count()) < n; i++) await new Promise((done) => setTimeout(done, 250));
}

async function main(): Promise<void> {
  const portal = buildDemoPortal({ procedures: PROCEDURES, hangs: 2, notFound: 4, notProcedure: 4 });
  const server = await serveDemoPortal(portal);
  const extensionDir = await mkdtemp(join(tmpdir(), 'tthc-bench-ext-'));
  const userDataDir = await mkdtemp(join(tmpdir(), 'tthc-bench-profile-'));
  await cp(BUILT, extensionDir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(join(extensionDir, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    // --expose-gc: garbage is collected in the extension's page and worker before each sample, so
    // the figures are memory kept, not garbage not yet collected.
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--js-flags=--expose-gc',
      '--enable-precise-memory-info',
      ...CHROMIUM_ARGS,
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/batch.html`);
    await page.locator('textarea[name="urls"]').waitFor();
    // A person refusing every site not yet granted (127.0.0.1 is granted by the manifest copy).
    await page.evaluate('chrome.permissions.request = (p) => chrome.permissions.contains(p); 0');
    const urls = portal.pages.map((p) => `${server.url}${p.path}`);
    await page.locator('textarea[name="urls"]').fill(urls.join('\n'));
    await page.locator('input[name="concurrency"]').fill(String(CONCURRENCY));
    await page.locator('input[name="timeout"]').fill(String(TIMEOUT_S));
    const collectGarbage = async () => {
      await worker.evaluate('globalThis.gc?.(); 0').catch(() => undefined);
      if (!page.isClosed()) await page.evaluate('globalThis.gc?.(); 0').catch(() => undefined);
    };
    /** JS heap in use in the batch page (MB), when it is open. */
    const pageHeap = async (): Promise<number | null> =>
      page.isClosed() ? null : Math.round(((await page.evaluate('performance.memory.usedJSHeapSize')) as number) / 1048576);
    await collectGarbage();
    const before = await browserMemory(userDataDir);
    const started = Date.now();
    await page.locator('[data-action="start"]').click();
    await page.locator('[data-counts]').waitFor();
    if (CLOSE_PAGE) await page.close();
    const read = () => (CLOSE_PAGE ? storedCounts(worker) : counts(page));
    const marks: ({ pages: number; seconds: number; pageHeapMb: number | null } & Awaited<ReturnType<typeof browserMemory>>)[] = [];
    let last = await read();
    while (last.run === 'running') {
      await new Promise((done) => setTimeout(done, 250));
      last = await read();
      const finished = last.done + last.unscannable;
      for (const mark of MARKS)
        if (finished >= mark && !marks.some((m) => m.pages === mark)) {
          const seconds = (Date.now() - started) / 1000;
          await collectGarbage();
          marks.push({ pages: mark, seconds, pageHeapMb: await pageHeap(), ...(await browserMemory(userDataDir)) });
        }
    }
    const seconds = (Date.now() - started) / 1000;
    const view = CLOSE_PAGE ? await context.newPage() : page;
    if (CLOSE_PAGE) {
      await view.goto(`chrome-extension://${extensionId}/batch.html`);
      await view.locator('[data-counts]').waitFor();
      await expectRows(view, last.done + last.unscannable);
    }
    const rows = await view
      .locator('tr[data-page]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind') || tr.getAttribute('data-outcome') || ''));
    const byOutcome: Record<string, number> = {};
    for (const kind of rows) byOutcome[kind] = (byOutcome[kind] ?? 0) + 1;
    const paths = new Map<string, number>();
    for (const request of server.requests) {
      const path = request.split(/[?#]/)[0]!;
      if (portal.pages.some((p) => p.path === path)) paths.set(path, (paths.get(path) ?? 0) + 1);
    }
    await collectGarbage();
    const after = await browserMemory(userDataDir);
    const kinds = portal.pages.reduce<Record<string, number>>((acc, p) => ((acc[p.kind] = (acc[p.kind] ?? 0) + 1), acc), {});
    console.log(
      `Extension batch audit: ${urls.length} pages (${JSON.stringify(kinds)}), concurrency ${CONCURRENCY}, ${TIMEOUT_S} s per page`,
    );
    console.log(`Machine: ${cpus().length} cores (shared with whatever else runs), Chromium at ${chromiumPath()}`);
    console.log(`Finished: state ${last.run}, ${last.done} done, ${last.unscannable} unscannable in ${seconds.toFixed(1)} s`);
    console.log(`Pages per minute: ${((60 * (last.done + last.unscannable)) / seconds).toFixed(1)} (goal ≥ 60)`);
    console.log(`Outcomes in the results table: ${JSON.stringify(byOutcome)}`);
    console.log(
      `Requests per page: ${[...paths.values()].every((n) => n === 1) ? 'every page once' : `some more than once: ${JSON.stringify([...paths].filter(([, n]) => n > 1))}`}; pages never requested: ${urls.length - paths.size}`,
    );
    console.log(
      `Browser memory (PSS of all Chromium processes, MB by process type): before start ${before.pssMb} MB in ${before.processes} processes [${before.byType}]`,
    );
    for (const m of marks)
      console.log(
        `  after ${String(m.pages).padStart(3)} pages: ${m.pssMb} MB in ${m.processes} processes [${m.byType}]${m.pageHeapMb !== null ? `, batch page JS heap ${m.pageHeapMb} MB` : ''} (${m.seconds.toFixed(1)} s, ${((60 * m.pages) / m.seconds).toFixed(1)} pages/min so far)`,
      );
    console.log(`  at the end: ${after.pssMb} MB in ${after.processes} processes [${after.byType}]`);
  } finally {
    await context.close();
    await server.close();
    await rm(extensionDir, { recursive: true, force: true });
    await rm(userDataDir, { recursive: true, force: true });
  }
}

await main();
