// `npm run bench:widget`: what the widget adds to a host page's main thread, in headless Chromium
// on 127.0.0.1. A demo procedure page is loaded N times with the widget and N times with an empty
// script in its place (same request, same page, alternating), each load traced (Chromium's
// devtools.timeline trace). From each trace, on the page's main thread:
//  - at load: the time of the top-level tasks (script, style, layout, paint) that start before the
//    load event ends, the figure the target (under 3 ms added) is about; thread time (CPU time of
//    the main thread) where the trace has it, so a busy machine stretches the figures less;
//  - settled: the same until load + SETTLE_MS, so the work the widget defers to idle time (its
//    full render, the outbox) is shown too, not hidden;
//  - widget script: the widget's own script time (evaluating its file, calling its functions,
//    nested work included), at load and settled. Unlike a difference of two medians of ~100 ms
//    totals, this does not drown in the noise of a busy machine;
// and the first contentful paint. Prints medians. The files are served from disk by a small static
// server (widget/dist under /widget/, collector/demo under /demo/): the measure is main-thread
// time, not the network or the collector. The engine chunk is not fetched on a page that gives its
// procedure code, which is the case measured here (PAGE=<file in collector/demo> measures another).
// BASELINE_FILE=<another build's first file> adds a third arm, loaded in turn with the other two, so
// two builds are compared under the same machine load (a busy machine stretches every figure).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '../shared/node/chromium';
import { startTrace, stopTrace, type TraceEvent } from '../tests/e2e/trace';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 15);
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 2_000);
const PAGE = process.env.PAGE ?? 'quoc-gia-1.000178.html';
const WIDGET_FILE = process.env.WIDGET_FILE ?? join(ROOT, 'widget', 'dist', 'tthc-feedback.js');
const BASELINE = process.env.BASELINE_FILE ? await readFile(process.env.BASELINE_FILE) : null;

const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  const file = path.startsWith('/widget/')
    ? path === '/widget/tthc-feedback.js'
      ? WIDGET_FILE
      : join(resolve(WIDGET_FILE, '..'), basename(path))
    : path.startsWith('/demo/')
      ? join(ROOT, 'collector', 'demo', basename(path))
      : null;
  if (!file) return response.writeHead(404).end();
  readFile(file).then(
    (body) =>
      response
        .writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8' })
        .end(body),
    () => response.writeHead(404).end(),
  );
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchChromium();

interface Load {
  atLoad: number;
  settled: number;
  widgetAtLoad: number;
  widgetSettled: number;
  fcp: number;
}

/** The widget's own script: evaluating its files and calling into them (outermost events only). */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compileModule', 'v8.evaluateModule']);

type Arm = 'with' | 'without' | 'baseline';

async function once(arm: Arm): Promise<Load> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (arm !== 'with')
    await page.route('**/widget/tthc-feedback.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: arm === 'baseline' && BASELINE ? BASELINE : '' }),
    );
  await startTrace(browser, page);
  await page.goto(`${base}/demo/${PAGE}`, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const { events, onMain, mainPid } = await stopTrace(browser);
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0);
  await context.close();

  const loadEnd = Math.max(...events.filter((e) => e.name === 'loadEventEnd' && e.pid === mainPid).map((e) => e.ts));
  // Thread time where the trace gives it: time the main thread actually ran, so that other processes
  // on a busy machine, which stretch wall-clock durations, do not count.
  const sum = (xs: TraceEvent[]) => xs.reduce((total, e) => total + (e.tdur ?? e.dur!), 0) / 1000;
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const script: TraceEvent[] = [];
  for (const e of onMain.filter((x) => SCRIPT_EVENTS.has(x.name) && x.args?.data?.url?.includes('/widget/tthc-feedback')))
    if (!script.some((o) => o.ts <= e.ts && e.ts + e.dur! <= o.ts + o.dur!)) script.push(e);
  return {
    atLoad: sum(tasks.filter((e) => e.ts < loadEnd)),
    settled: sum(tasks),
    widgetAtLoad: sum(script.filter((e) => e.ts < loadEnd)),
    widgetSettled: sum(script),
    fcp,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs: Record<Arm, Load[]> = { with: [], without: [], baseline: [] };
await once('with'); // warm-up: browser caches and compilers, not counted
for (let i = 0; i < RUNS; i++) {
  runs.without.push(await once('without'));
  runs.with.push(await once('with'));
  if (BASELINE) runs.baseline.push(await once('baseline'));
}
const row = (k: Arm) => {
  const m = (f: (l: Load) => number) => median(runs[k].map(f));
  return {
    atLoad: m((r) => r.atLoad),
    settled: m((r) => r.settled),
    widgetAtLoad: m((r) => r.widgetAtLoad),
    widgetSettled: m((r) => r.widgetSettled),
    fcp: m((r) => r.fcp),
  };
};
const w = row('with');
const wo = row('without');
const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`page /demo/${PAGE}; ${RUNS} loads each; medians of main-thread time`);
console.log(`without widget: tasks at load ${ms(wo.atLoad)}, settled ${ms(wo.settled)}; first contentful paint ${wo.fcp.toFixed(0)} ms`);
console.log(`with widget:    tasks at load ${ms(w.atLoad)}, settled ${ms(w.settled)}; first contentful paint ${w.fcp.toFixed(0)} ms`);
console.log(`widget script:  at load ${ms(w.widgetAtLoad)} (target: under 3 ms added at load), settled ${ms(w.widgetSettled)}`);
if (BASELINE) {
  const b = row('baseline');
  console.log(`baseline build: tasks at load ${ms(b.atLoad)}, settled ${ms(b.settled)}; first contentful paint ${b.fcp.toFixed(0)} ms`);
  console.log(`baseline script: at load ${ms(b.widgetAtLoad)}, settled ${ms(b.widgetSettled)} (${process.env.BASELINE_FILE})`);
}
console.log(
  `difference of the task medians: at load ${ms(w.atLoad - wo.atLoad)}, settled (load + ${SETTLE_MS} ms) ${ms(w.settled - wo.settled)}`,
);
await browser.close();
server.close();
