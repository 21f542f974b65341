/**
 * `npm run bench`: speed of the full audit (extract + judge every element) in headless Chromium,
 * on a real-size procedure page (3,000–5,000 nodes) and on pages up to 50,000 nodes to show how it
 * scales; the same in Node (linkedom) for the command-line auditor. Prints medians; budgets are
 * judged by people reading the figures, not by a timed test.
 * Budget from the audit-engine issue: median under 10 ms in the browser for a real-size page.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { auditDocument } from '../shared/audit';
import { parseHtmlDocument } from '../shared/node/html';
import { launchChromium } from '../shared/node/chromium';

const ROOT = resolve(import.meta.dirname, '..');
const BASE_PAGE = join(ROOT, 'tests', 'fixtures', 'pages', 'l1-national-new-ui.complaint-1.000178.html');
const TARGETS = [4_000, 12_500, 25_000, 50_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

/** Related procedures and news as portals list them, to pad the page to the node counts below. */
const RELATED = [
  'Cấp lại giấy phép lái xe quốc tế',
  'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
  'Cấp bản sao trích lục hộ tịch',
  'Gia hạn giấy phép khai thác nước dưới đất',
  'Xác nhận tình trạng hôn nhân',
];

/** Pads the base page with portal-like related-procedure lists until it has about `nodes` nodes. */
function pageOfSize(base: string, nodes: number): string {
  const item = (i: number) =>
    `<li class="item"><a href="/thu-tuc/${i}">${RELATED[i % RELATED.length]}</a><p>Lĩnh vực hộ tịch, cấp tỉnh. <span>Cập nhật</span> <em>${i}</em></p></li>\n`;
  const perItem = 11; // element and text nodes per item
  const baseNodes = (base.match(/<[a-z]/gi) ?? []).length * 2;
  const count = Math.max(0, Math.round((nodes - baseNodes) / perItem));
  const list = `<section class="related"><h3>Thủ tục khác</h3><ul>${Array.from({ length: count }, (_, i) => item(i)).join('')}</ul></section>`;
  return base.replace('</body>', `${list}</body>`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function engineBundle(): Promise<string> {
  const entry = join(ROOT, 'scripts', 'bench-entry.ts');
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'TthcAudit', fileName: () => 'engine.js' } },
  });
  const output = (Array.isArray(out) ? out[0]! : out) as { output: { code?: string }[] };
  return output.output[0]!.code!;
}

const base = readFileSync(BASE_PAGE, 'utf8');
const engine = await engineBundle();
const browser = await launchChromium();
console.log(`Audit speed, median of ${RUNS} runs after warm-up (engine bundle ${(engine.length / 1024).toFixed(1)} KB minified)`);
console.log('nodes    html KB   Chromium median ms   (fastest)   per 1k nodes   Node/linkedom ms');
try {
  for (const target of TARGETS) {
    const html = pageOfSize(base, target);
    const page = await browser.newPage();
    await page.setContent(html);
    await page.addScriptTag({ content: engine });
    const { nodes, times } = await page.evaluate((runs) => {
      const api = (globalThis as unknown as { TthcAudit: { auditDocument(d: Document): { status: string } } }).TthcAudit;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
      let count = 0;
      while (walker.nextNode()) count++;
      for (let i = 0; i < 20; i++) api.auditDocument(document); // warm-up: let the JIT settle
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const report = api.auditDocument(document);
        samples.push(performance.now() - start);
        if (report.status !== 'audited') throw new Error('benchmark page was not audited');
      }
      return { nodes: count, times: samples };
    }, RUNS);
    await page.close();
    const doc = parseHtmlDocument(html);
    for (let i = 0; i < 3; i++) auditDocument(doc);
    const nodeTimes: number[] = [];
    for (let i = 0; i < Math.max(5, Math.round(RUNS / 3)); i++) {
      const start = performance.now();
      auditDocument(doc);
      nodeTimes.push(performance.now() - start);
    }
    const m = median(times);
    console.log(
      `${String(nodes).padStart(6)}  ${(html.length / 1024).toFixed(0).padStart(8)}  ${m.toFixed(2).padStart(19)}  ${`(${Math.min(...times).toFixed(2)})`.padStart(10)}  ${((m / nodes) * 1000).toFixed(3).padStart(13)}  ${median(nodeTimes).toFixed(2).padStart(17)}`,
    );
  }
} finally {
  await browser.close();
}
