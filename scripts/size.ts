// `npm run size`: gzip and brotli size of every file a portal or a browser downloads (the widget
// file and the extension's scripts) and of the audit engine alone (built here in memory from
// scripts/engine-entry.ts), and a non-zero exit when a budget is exceeded or the engine bundle
// holds zod (the engine parses nothing of its own; zod belongs at trust boundaries only).
// Budgets: widget first file 20 KB gzip (target 15 KB, printed when exceeded); what one page view
// can download of the widget at most, 45 KB gzip: the first file and every lazy chunk, but of the
// per-language strings chunks (tthc-feedback-vi/-en) only the larger, since a page view fetches the
// strings of one language (the sum of all widget files is printed for information);
// extension content script 40 KB gzip; engine 24 KB
// gzip (was 20 KB; the engine stood at 19.8 KB when the two-level-government page check added its
// vocabulary, 2.5 KB).
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, relative } from 'node:path';
import { buildEngineBundle } from './engine-bundle';

const KB = 1024;
const budgets = [
  { match: /^widget\/dist\/tthc-feedback\.js$/, gzip: 20 * KB, label: 'widget file' },
  { match: /^\.output\/chrome-mv3\/content-scripts\/.*\.js$/, gzip: 40 * KB, label: 'extension content script' },
  { match: /^\(engine\)/, gzip: 24 * KB, label: 'audit engine' },
];

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = [...walk('widget/dist'), ...walk('.output/chrome-mv3')].filter((f) => /\.(js|css|html)$/.test(f));
if (!files.some((f) => f.startsWith('widget/dist'))) {
  console.error('No built widget found: run npm run build first.');
  process.exit(1);
}
let failed = false;
const engine = Buffer.from(await buildEngineBundle());
if (/\$Zod|_zod|ZodError/.test(engine.toString('utf8'))) {
  console.error('The audit engine bundle contains zod: the engine must not parse its own data.');
  failed = true;
}
const inputs = [
  ...files.map((file) => ({ file, body: readFileSync(file) })),
  { file: '(engine) scripts/engine-entry.ts, minified', body: engine },
];
const rows = inputs.map(({ file, body }) => {
  const gzip = gzipSync(body, { level: 9 }).length;
  const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const name = relative('.', file);
  const budget = budgets.find((b) => b.match.test(name));
  const over = budget && gzip > budget.gzip;
  if (over) failed = true;
  return { file: name, raw: body.length, gzip, brotli, budget: budget ? `${budget.gzip / KB} KB gzip${over ? ' EXCEEDED' : ''}` : '' };
});
const width = Math.max(...rows.map((r) => r.file.length));
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(8)}  ${'brotli'.padStart(8)}  budget`);
for (const r of rows) {
  console.log(
    `${r.file.padEnd(width)}  ${String(r.raw).padStart(9)}  ${String(r.gzip).padStart(8)}  ${String(r.brotli).padStart(8)}  ${r.budget}`,
  );
}
const widgetRows = rows.filter((r) => r.file.startsWith('widget/dist/') && r.file.endsWith('.js'));
const widgetTotal = widgetRows.reduce((sum, r) => sum + r.gzip, 0);
const first = widgetRows.find((r) => r.file === 'widget/dist/tthc-feedback.js');
// A page view fetches the strings of one language: the larger of those chunks counts.
const LANGUAGE_CHUNK = /\/tthc-feedback-(vi|en)\.[0-9a-f]+\.js$/;
const languages = widgetRows.filter((r) => LANGUAGE_CHUNK.test(r.file));
const perPage =
  widgetRows.filter((r) => !LANGUAGE_CHUNK.test(r.file)).reduce((sum, r) => sum + r.gzip, 0) + Math.max(0, ...languages.map((r) => r.gzip));
const PER_PAGE = 45 * KB;
console.log(
  `\nwidget, most one page view downloads (first file, every lazy chunk, one language's strings): ${perPage} bytes gzip, budget ${PER_PAGE / KB} KB${perPage > PER_PAGE ? ' EXCEEDED' : ''}`,
);
console.log(
  `widget files together (${widgetRows.length}, for information; no page view fetches both languages): ${widgetTotal} bytes gzip`,
);
if (first && first.gzip > 15 * KB) console.log(`widget first file: ${first.gzip} bytes gzip, above the 15 KB target (hard budget 20 KB)`);
if (perPage > PER_PAGE) failed = true;
if (failed) {
  console.error('A size budget is exceeded.');
  process.exit(1);
}
