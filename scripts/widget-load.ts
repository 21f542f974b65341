// `npx tsx scripts/widget-load.ts`: what the widget adds to a host page's load, in headless
// Chromium on 127.0.0.1. A demo procedure page is loaded N times with the widget and N times with
// an empty script in its place (same request, same page); for each load, the main thread's task
// time (CDP Performance.getMetrics TaskDuration, until load plus a settle delay) and the first
// contentful paint. Prints medians and the difference. The engine chunk is not fetched at load on a
// page that gives its procedure code, which is the case measured here.
import { join, resolve } from 'node:path';
import { createCollector } from '../collector/app';
import { testConfig } from '../collector/config';
import { openStore } from '../collector/db/store';
import { launchChromium } from '../shared/node/chromium';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 15);
const store = await openStore();
const app = await createCollector({
  config: testConfig({ rateLimitPerMinute: 0 }),
  store,
  demoDir: join(ROOT, 'collector', 'demo'),
  widgetFile: process.env.WIDGET_FILE ?? join(ROOT, 'widget', 'dist', 'tthc-feedback.js'),
});
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const browser = await launchChromium();

async function once(withWidget: boolean): Promise<{ task: number; fcp: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (!withWidget) await page.route('**/widget/tthc-feedback.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${base}/demo/quoc-gia-1.000178.html`, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const task = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0);
  await context.close();
  return { task, fcp };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs: Record<'with' | 'without', { task: number; fcp: number }[]> = { with: [], without: [] };
for (let i = 0; i < RUNS; i++) {
  runs.without.push(await once(false));
  runs.with.push(await once(true));
}
const row = (k: 'with' | 'without') => ({ task: median(runs[k].map((r) => r.task)), fcp: median(runs[k].map((r) => r.fcp)) });
const w = row('with');
const wo = row('without');
console.log(`loads: ${RUNS} each; medians`);
console.log(`without widget: main-thread task time ${wo.task.toFixed(1)} ms, first contentful paint ${wo.fcp.toFixed(0)} ms`);
console.log(`with widget:    main-thread task time ${w.task.toFixed(1)} ms, first contentful paint ${w.fcp.toFixed(0)} ms`);
console.log(`added by the widget: ${(w.task - wo.task).toFixed(1)} ms of main-thread task time`);
await browser.close();
await app.close();
await store.close();
