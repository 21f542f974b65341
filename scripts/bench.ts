/**
 * `npm run bench`: speed of the full audit (extract + judge every element) in headless Chromium
 * and in Node (linkedom, as the command-line auditor runs it), on a real-size procedure page
 * (3,000–5,000 nodes) grown to 4k … 300k nodes in two page shapes:
 *  - padding: related procedures and news as list items with a sentence each (the old bench shape);
 *  - related: a related-procedures list as many provincial portals print it,
 *    `<li><a href="/tthc/i">Thủ tục liên quan số i: …</a> <span>1.00xxxx</span></li>`
 *    (the pattern of the reported 20 MB page that took 658 s in the CLI).
 * Two more shapes run on request (BENCH_SHAPES), for paths the default two do not reach:
 *  - tabs: a list page where every procedure has its own tab strip, a label as tab link
 *    (`<a href="#trinhtu-i">Trình tự thực hiện</a>`) and the panel it points to;
 *  - cards: search results, one card with an id and labelled lines per procedure
 *    (`<div class="card" id="tt-i"><p>Mã thủ tục: 1.00xxxx</p><p>Lĩnh vực: …</p></div>`).
 * Prints medians and the cost per 1,000 nodes at every size, and the growth exponent between sizes
 * (time ∝ nodes^exp: 1 is linear, 2 quadratic). Budgets are judged by people reading the figures,
 * not by a timed test. Budget from the audit-engine issue: median under 10 ms in the browser for a
 * real-size page.
 *
 * Bounded in time: fewer warm-ups and runs at large sizes (printed as warm-up+runs), every
 * measurement stops adding runs after BENCH_BUDGET_S seconds, a size whose single run is projected
 * (from the growth so far) over BENCH_RUN_CAP_S seconds is skipped with the projection printed, and
 * the whole bench stops after BENCH_DEADLINE_MIN minutes. With a linear engine it takes about a
 * minute on 2 cores; with a quadratic one a few minutes, the largest sizes being projected.
 * Environment: BENCH_SHAPES=padding,related(,tabs,cards)  BENCH_SIZES=4000,12500,…  BENCH_RUNS (runs at the
 * smallest size, default 25)  BENCH_BUDGET_S (default 8)  BENCH_RUN_CAP_S (default 30)
 * BENCH_DEADLINE_MIN (default 15)  BENCH_SKIP=chromium|node.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { buildEngineBundle } from './engine-bundle';
import type { Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
export const BASE_PAGE = join(ROOT, 'tests', 'fixtures', 'pages', 'l1-national-new-ui.complaint-1.000178.html');
const SIZES = (process.env.BENCH_SIZES ?? '4000,12500,25000,50000,100000,300000').split(',').map(Number);
const SHAPES = (process.env.BENCH_SHAPES ?? 'padding,related').split(',').map((s) => s.trim()) as Shape[];
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const BUDGET_MS = Number(process.env.BENCH_BUDGET_S ?? 8) * 1000;
const RUN_CAP_MS = Number(process.env.BENCH_RUN_CAP_S ?? 30) * 1000;
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_MIN ?? 15) * 60_000;
const SKIP = process.env.BENCH_SKIP ?? '';

export type Shape = 'padding' | 'related' | 'tabs' | 'cards';
const ALL_SHAPES: readonly Shape[] = ['padding', 'related', 'tabs', 'cards'];

/** Related procedures and news as portals list them. */
const RELATED = [
  'Cấp lại giấy phép lái xe quốc tế',
  'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
  'Cấp bản sao trích lục hộ tịch',
  'Gia hạn giấy phép khai thác nước dưới đất',
  'Xác nhận tình trạng hôn nhân',
];

/** Element and text nodes one list item adds (with the line break after it). */
const NODES_PER_ITEM: Record<Shape, number> = { padding: 11, related: 7, tabs: 9, cards: 6 };
/** Nodes of the list around the items: section or div, heading and its text, ul, line breaks. */
const WRAPPER_NODES: Record<Shape, number> = { padding: 4, related: 6, tabs: 4, cards: 4 };

/** A national code 1.00xxxx (digits spread, not in order), as portals print beside each name. */
const codeOf = (i: number) => `1.00${String((i * 7919) % 10_000).padStart(4, '0')}`;

/** One list item of each shape. */
export function listItem(shape: Shape, i: number): string {
  const name = RELATED[i % RELATED.length];
  switch (shape) {
    case 'padding':
      return `<li class="item"><a href="/thu-tuc/${i}">${name}</a><p>Lĩnh vực hộ tịch, cấp tỉnh. <span>Cập nhật</span> <em>${i}</em></p></li>\n`;
    case 'related':
      return `<li><a href="/tthc/${i}">Thủ tục liên quan số ${i}: ${name}</a> <span>${codeOf(i)}</span></li>\n`;
    case 'tabs':
      return `<div class="tthc"><ul class="tabs"><li><a href="#trinhtu-${i}">Trình tự thực hiện</a></li></ul><div id="trinhtu-${i}"><p>Bước 1: nộp hồ sơ số ${i}</p></div></div>\n`;
    case 'cards':
      return `<div class="card" id="tt-${i}"><p>Mã thủ tục: ${codeOf(i)}</p><p>Lĩnh vực: Hộ tịch</p></div>\n`;
  }
}

/** The base page with `count` list items of `shape`: padding at the end of the body, the others inside the main content. */
export function pageWithItems(base: string, shape: Shape, count: number): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) items.push(listItem(shape, i));
  if (shape === 'padding')
    return base.replace('</body>', `<section class="related"><h3>Thủ tục khác</h3><ul>${items.join('')}</ul></section></body>`);
  const list =
    shape === 'related'
      ? `<div class="related-procedures"><h2 class="section-title">Thủ tục liên quan</h2><ul>\n${items.join('')}</ul></div>\n`
      : `<div class="procedure-list"><h2 class="section-title">Danh sách thủ tục</h2>${items.join('')}</div>\n`;
  return base.includes('</main>') ? base.replace('</main>', `${list}</main>`) : base.replace('</body>', `${list}</body>`);
}

/** Nodes under <body> (what the audit walks), counted in linkedom. */
function bodyNodes(html: string): number {
  const body = (parseHTML(html).document as unknown as Document).body;
  let count = 0;
  const stack: Node[] = body ? [body] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    count++;
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
  }
  return count - 1;
}

/** The base page grown to about `nodes` nodes in `shape`. */
export function pageOfSize(base: string, shape: Shape, nodes: number): string {
  const count = Math.max(0, Math.round((nodes - bodyNodes(base) - WRAPPER_NODES[shape]) / NODES_PER_ITEM[shape]));
  return pageWithItems(base, shape, count);
}

/** The base page grown to about `bytes` bytes (UTF-8) of `shape`; returns the page and its item count. */
export function pageOfBytes(base: string, shape: Shape, bytes: number): { html: string; items: number } {
  const target = bytes - Buffer.byteLength(base) - 200;
  let items = 0;
  for (let size = 0; size < target; items++) size += Buffer.byteLength(listItem(shape, items));
  return { html: pageWithItems(base, shape, items), items };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Warm-ups and runs planned for a size: many on small pages, few on large ones. */
function plan(nodes: number): { warmup: number; runs: number } {
  if (nodes <= 6_000) return { warmup: 20, runs: RUNS };
  if (nodes <= 15_000) return { warmup: 8, runs: Math.max(3, Math.round(RUNS * 0.6)) };
  if (nodes <= 30_000) return { warmup: 4, runs: Math.max(3, Math.round(RUNS * 0.4)) };
  if (nodes <= 60_000) return { warmup: 2, runs: Math.max(3, Math.round(RUNS * 0.2)) };
  return { warmup: 1, runs: 3 };
}

interface Plan {
  warmup: number;
  runs: number;
  budgetMs: number;
  /** One run's length (ms) projected from the smaller sizes, 0 when unknown; over a third of the budget, no warm-up. */
  expectedMs: number;
}

interface Measured {
  warmups: number;
  times: number[];
}

/**
 * Runs `audit` as planned: warm-ups (none when one run is expected to take over a third of the
 * budget: the JIT matters little then), then runs until the count or the budget is reached (at
 * least one). Self-contained: it is also sent to Chromium as source text.
 */
function measure(audit: () => void, p: Plan): Measured {
  let warmups = 0;
  let spent = 0;
  const longRun = p.expectedMs > p.budgetMs / 3;
  for (let i = 0; i < p.warmup && !longRun && spent < p.budgetMs / 3; i++) {
    const start = performance.now();
    audit();
    spent += performance.now() - start;
    warmups++;
  }
  const times: number[] = [];
  spent = 0;
  while (times.length < p.runs && (times.length === 0 || spent < p.budgetMs)) {
    const start = performance.now();
    audit();
    const took = performance.now() - start;
    times.push(took);
    spent += took;
  }
  return { warmups, times };
}

/**
 * Measures in the page: sent as source text (with a no-op `__name`, which TypeScript runners insert
 * into functions), so it runs the same from tsx and from compiled code.
 */
async function measureInChromium(page: Page, p: Plan): Promise<Measured & { nodes: number }> {
  const source = `(() => {
    const __name = (f) => f;
    const measure = ${measure.toString()};
    const api = globalThis.TthcAudit;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
    let nodes = 0;
    while (walker.nextNode()) nodes++;
    const audit = () => {
      const report = api.auditDocument(document, {});
      if (report.status !== 'audited') throw new Error('benchmark page was not audited: ' + report.status);
    };
    return { nodes, ...measure(audit, ${JSON.stringify(p)}) };
  })()`;
  return (await page.evaluate(source)) as Measured & { nodes: number };
}

/**
 * How the audit shares the main thread: `auditWhenIdle` in Chromium on a real-size and a large page,
 * each slice timed inside its idle callback. A slice over 50 ms would be a long task for the host page.
 */
async function idleSlices(browser: import('playwright-core').Browser, base: string, engine: string): Promise<void> {
  console.log('\n== auditWhenIdle in Chromium (related shape; slices of 8 ms requested) ==');
  console.log('   nodes | slices   longest ms   median ms   total work ms   wall ms');
  for (const nodes of [5_000, 50_000]) {
    const page = await browser.newPage();
    try {
      await page.setContent(pageOfSize(base, 'related', nodes));
      await page.addScriptTag({ content: engine });
      const r = (await page.evaluate(`(async () => {
        const slices = [];
        const schedule = (run) => requestIdleCallback((deadline) => {
          const start = performance.now();
          run(deadline);
          slices.push(performance.now() - start);
        });
        for (let i = 0; i < 3; i++) await globalThis.TthcAudit.auditWhenIdle(document, { schedule });
        slices.length = 0;
        const began = performance.now();
        const report = await globalThis.TthcAudit.auditWhenIdle(document, { schedule });
        const wall = performance.now() - began;
        if (report.status !== 'audited') throw new Error('not audited');
        const sorted = [...slices].sort((a, b) => a - b);
        return { count: slices.length, longest: sorted[sorted.length - 1], median: sorted[Math.floor(sorted.length / 2)], total: slices.reduce((a, b) => a + b, 0), wall };
      })()`)) as { count: number; longest: number; median: number; total: number; wall: number };
      console.log(
        `${String(nodes).padStart(8)} | ${String(r.count).padStart(6)} ${fmt(r.longest, 12)} ${fmt(r.median, 11)} ${fmt(r.total, 15)} ${fmt(r.wall, 9, 0)}`,
      );
    } finally {
      await page.close();
    }
  }
}

/** Growth exponent between two (nodes, ms) points: time ∝ nodes^exp. */
function exponent(a: { nodes: number; ms: number } | undefined, b: { nodes: number; ms: number }): number | null {
  if (!a || a.nodes === b.nodes || a.ms <= 0) return null;
  return Math.log(b.ms / a.ms) / Math.log(b.nodes / a.nodes);
}

/** One run's projected time at `nodes`, from the last two sizes (at least linear growth). */
function projection(points: { nodes: number; ms: number }[], nodes: number): number {
  const last = points[points.length - 1];
  if (!last) return 0;
  const exp = Math.max(1, exponent(points[points.length - 2], last) ?? 1);
  return last.ms * (nodes / last.nodes) ** exp;
}

const fmt = (value: number, width: number, digits = 1) => value.toFixed(digits).padStart(width);
const runsLabel = (m: Measured) => `${m.warmups}+${m.times.length}`.padStart(6);

async function main(): Promise<void> {
  const began = performance.now();
  const unknown = SHAPES.filter((s) => !ALL_SHAPES.includes(s));
  if (unknown.length > 0) throw new Error(`unknown BENCH_SHAPES ${unknown.join(', ')}: use ${ALL_SHAPES.join(', ')}`);
  // The engine is imported here, not at the top: the page generators above (used by bench-cli.ts)
  // do not depend on it. auditDocument(doc, options) is the engine's stable entry point.
  const { auditDocument } = await import('../shared/audit');
  const { parseHtmlDocument } = await import('../shared/node/html');
  const { launchChromium } = await import('../shared/node/chromium');
  const deadline = setTimeout(() => {
    console.error(`bench: stopped after the ${DEADLINE_MS / 60_000}-minute deadline (BENCH_DEADLINE_MIN)`);
    process.exit(1);
  }, DEADLINE_MS);
  deadline.unref();
  const base = readFileSync(BASE_PAGE, 'utf8');
  const engine = await buildEngineBundle();
  const browser = SKIP === 'chromium' ? null : await launchChromium();
  console.log(
    `Audit speed: median after warm-up; runs shown as warm-ups+runs (engine bundle ${(engine.length / 1024).toFixed(1)} KB minified)`,
  );
  console.log(
    `Limits: up to ${RUNS} runs at the smallest size, fewer above; ${BUDGET_MS / 1000} s of runs per measurement; sizes projected over ${RUN_CAP_MS / 1000} s per run are skipped`,
  );
  console.log('exp: growth exponent from the previous size (time ∝ nodes^exp; 1 linear, 2 quadratic)');
  try {
    for (const shape of SHAPES) {
      console.log(`\n== ${shape} ==`);
      console.log('   nodes   html KB | Chromium runs   median ms  fastest   ms/1k   exp | Node parse ms  runs   median ms   ms/1k   exp');
      const chromiumPoints: { nodes: number; ms: number }[] = [];
      const nodePoints: { nodes: number; ms: number }[] = [];
      for (const target of SIZES) {
        const html = pageOfSize(base, shape, target);
        const p = plan(target);
        let chromiumCol = ' '.repeat(50);
        let nodes = 0; // as Chromium counts them (TreeWalker under <body>), else as the Node audit does
        if (browser) {
          const expectedMs = projection(chromiumPoints, target);
          if (expectedMs > RUN_CAP_MS) {
            chromiumCol = `skipped: one run projected ${(expectedMs / 1000).toFixed(0)} s`.padEnd(50);
          } else {
            const page = await browser.newPage();
            try {
              await page.setContent(html, { timeout: 120_000 });
              await page.addScriptTag({ content: engine });
              const m = await measureInChromium(page, { ...p, budgetMs: BUDGET_MS, expectedMs });
              nodes = m.nodes;
              const ms = median(m.times);
              const exp = exponent(chromiumPoints[chromiumPoints.length - 1], { nodes, ms });
              chromiumPoints.push({ nodes, ms });
              chromiumCol = `${runsLabel(m)} ${fmt(ms, 11)} ${fmt(Math.min(...m.times), 8)} ${fmt((ms / nodes) * 1000, 7, 2)} ${exp === null ? '     ' : fmt(exp, 5, 2)}`;
            } finally {
              await page.close();
            }
          }
        }
        let nodeCol = '';
        if (SKIP !== 'node') {
          const expectedMs = projection(nodePoints, target);
          if (expectedMs > RUN_CAP_MS) {
            nodeCol = `skipped: one run projected ${(expectedMs / 1000).toFixed(0)} s`;
          } else {
            const parseStart = performance.now();
            const doc = parseHtmlDocument(html);
            const parseMs = performance.now() - parseStart;
            let audited = target;
            const m = measure(
              () => {
                const report = auditDocument(doc, {});
                if (report.status !== 'audited') throw new Error(`benchmark page was not audited: ${report.status}`);
                audited = report.nodeCount || target;
              },
              { ...p, budgetMs: BUDGET_MS, expectedMs },
            );
            const ms = median(m.times);
            const exp = exponent(nodePoints[nodePoints.length - 1], { nodes: audited, ms });
            nodePoints.push({ nodes: audited, ms });
            nodes ||= audited;
            nodeCol = `${fmt(parseMs, 13, 0)} ${runsLabel(m)} ${fmt(ms, 11)} ${fmt((ms / audited) * 1000, 7, 2)} ${exp === null ? '' : fmt(exp, 5, 2)}`;
          }
        }
        console.log(`${String(nodes || target).padStart(8)} ${fmt(Buffer.byteLength(html) / 1024, 9, 0)} | ${chromiumCol} | ${nodeCol}`);
      }
    }
    if (browser) await idleSlices(browser, base, engine);
  } finally {
    await browser?.close();
  }
  console.log(`\nBench took ${((performance.now() - began) / 1000).toFixed(0)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
