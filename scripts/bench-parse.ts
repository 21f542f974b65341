/**
 * `npx tsx scripts/bench-parse.ts [--baseline]`: speed and memory of parsing big pages in Node
 * (shared/node/html.ts, the command-line auditor's parser), on a real procedure page padded with
 * portal-like related-procedure lists to 1, 5 and 20 MB (UTF-8). Each size is parsed in its own
 * child process, so the peak resident memory printed (the process's maxRSS: Node, the page text and
 * the parse) belongs to that size alone; the heap figure is what the parsed document keeps after a
 * full GC.
 * `--baseline` measures linkedom's own parser (`parseHTML`) instead, for comparison; `--audit` also
 * times the audit of the parsed page. Figures are read by people; no budget is asserted here.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BASE_PAGE = join(ROOT, 'tests', 'fixtures', 'pages', 'l1-national-new-ui.complaint-1.000178.html');
const SIZES_MB = [1, 5, 20];

const RELATED = [
  'Cấp lại giấy phép lái xe quốc tế',
  'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
  'Cấp bản sao trích lục hộ tịch',
  'Gia hạn giấy phép khai thác nước dưới đất',
  'Xác nhận tình trạng hôn nhân',
];

/**
 * The base page with a related-procedures list, as many provincial portals print it inside the
 * main content, long enough to make it `mb` megabytes (UTF-8).
 */
function pageOfMegabytes(base: string, mb: number): string {
  const item = (i: number) =>
    `<li><a href="/tthc/${i}">Thủ tục liên quan số ${i}: ${RELATED[i % RELATED.length]}</a> <span>1.00${String((i * 7919) % 10_000).padStart(4, '0')}</span></li>\n`;
  const target = mb * 1024 * 1024 - Buffer.byteLength(base) - 200;
  const items: string[] = [];
  for (let i = 0, bytes = 0; bytes < target; i++) {
    const text = item(i);
    items.push(text);
    bytes += Buffer.byteLength(text);
  }
  const list = `<div class="related-procedures"><h2 class="section-title">Thủ tục liên quan</h2><ul>\n${items.join('')}</ul></div>\n`;
  return base.replace('</main>', `${list}</main>`);
}

async function child(mb: number, baseline: boolean, audit: boolean): Promise<void> {
  const html = pageOfMegabytes(readFileSync(BASE_PAGE, 'utf8'), mb);
  const { parseHtmlDocument } = await import('../shared/node/html');
  const { parseHTML } = await import('linkedom');
  const parse = baseline ? (text: string) => parseHTML(text).document as unknown as Document : parseHtmlDocument;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const document = parse(html);
  const parseMs = performance.now() - start;
  gc?.();
  const heapKept = process.memoryUsage().heapUsed - heapBefore;
  const items = document.querySelectorAll('.related-procedures li').length;
  const peak = process.resourceUsage().maxRSS * 1024; // taken before the audit: the parse's own peak
  let status = 'not audited';
  let auditMs: number | null = null;
  if (audit) {
    const { auditDocument } = await import('../shared/audit');
    const auditStart = performance.now();
    status = auditDocument(document, { url: 'bench.html' }).status;
    auditMs = performance.now() - auditStart;
  }
  console.log(JSON.stringify({ mb, bytes: Buffer.byteLength(html), items, parseMs, auditMs, status, rssBefore, peak, heapKept }));
}

const MB = 1024 * 1024;
const baseline = process.argv.includes('--baseline');
const audit = process.argv.includes('--audit');
const only = process.argv.find((arg) => arg.startsWith('--child='));
if (only) {
  await child(Number(only.slice('--child='.length)), baseline, audit);
} else {
  console.log(`Parsing in Node with ${baseline ? "linkedom's own parser (baseline)" : 'shared/node/html.ts (parse5 + linkedom nodes)'}`);
  console.log('  MB   items   parse ms   audit ms   RSS before MB   peak RSS MB   kept heap MB');
  for (const mb of SIZES_MB) {
    const out = execFileSync(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        import.meta.filename,
        `--child=${mb}`,
        ...(baseline ? ['--baseline'] : []),
        ...(audit ? ['--audit'] : []),
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * MB },
    );
    const r = JSON.parse(out.trim().split('\n').pop()!);
    console.log(
      `${String(mb).padStart(4)}  ${String(r.items).padStart(6)}  ${r.parseMs.toFixed(0).padStart(9)}  ${(r.auditMs === null ? '-' : r.auditMs.toFixed(0)).padStart(9)}  ${(r.rssBefore / MB).toFixed(0).padStart(14)}  ${(r.peak / MB).toFixed(0).padStart(12)}  ${(r.heapKept / MB).toFixed(0).padStart(13)}`,
    );
  }
}
