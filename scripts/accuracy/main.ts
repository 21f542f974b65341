/**
 * Developer measurement tool: presence accuracy of the audit engine on real procedure content.
 * For every national record (records.ts) × layout family (layouts.ts) it renders a page, parses it
 * as the command-line auditor does (shared/node/html), runs auditDocument and compares each element's `present` with the ground truth
 * (truth.ts). Prints per-element accuracy overall and per layout, the overall element-level
 * figure, the most common mismatch kinds and the median audit time per page.
 *
 *   npx tsx scripts/accuracy/main.ts [records-dir] [--mismatches] [--out DIR] [--layout L1,L3] [--record text] [--verbose] [--finding ID]
 *
 * --verbose prints every element result of every page (use with --record/--layout).
 * --finding ID (e.g. page.current-administration) prints every page where that finding is not
 * "pass", with its status, reason and the quoted evidence, then the records it flags in any layout:
 * what a developer reads to judge false alarms.
 * records-dir defaults to ../shared/data/national-records (next to the project); exits 2 when it
 * is missing. It reads ../shared only as a developer measurement tool: the project's tests never
 * use this script or that folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHtmlDocument } from '../../shared/node/html.ts';
import { defaultRecordsDir, loadRecords, type StructuredRecord } from './records.ts';
import { ELEMENT_IDS, truthOf, type ElementKey } from './truth.ts';
import { LAYOUTS, LAYOUT_NAMES, renderPage, type LayoutId } from './layouts.ts';

interface Args {
  dir: string;
  mismatches: boolean;
  out: string | null;
  layouts: LayoutId[];
  record: string | null;
  verbose: boolean;
  finding: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    dir: defaultRecordsDir(),
    mismatches: false,
    out: null,
    layouts: [...LAYOUTS],
    record: null,
    verbose: false,
    finding: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--mismatches') args.mismatches = true;
    else if (a === '--out') args.out = resolve(argv[++i] ?? 'accuracy-pages');
    else if (a === '--layout') {
      const wanted = (argv[++i] ?? '').split(',').map((s) => s.trim().toUpperCase());
      args.layouts = LAYOUTS.filter((l) => wanted.includes(l));
    } else if (a === '--record') args.record = argv[++i] ?? null;
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--finding') args.finding = argv[++i] ?? null;
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: npx tsx scripts/accuracy/main.ts [records-dir] [--mismatches] [--out DIR] [--layout L1,L3] [--record text] [--verbose] [--finding ID]',
      );
      process.exit(0);
    } else if (!a.startsWith('--')) args.dir = resolve(a);
    else {
      console.error(`unknown option ${a}`);
      process.exit(2);
    }
  }
  return args;
}

interface Decision {
  file: string;
  layout: LayoutId;
  element: ElementKey;
  expected: boolean;
  got: boolean;
  status: string;
  value: string | null;
}

interface Tally {
  correct: number;
  total: number;
  fp: number;
  fn: number;
}

const newTally = (): Tally => ({ correct: 0, total: 0, fp: 0, fn: 0 });

function add(t: Tally, d: Decision): void {
  t.total++;
  if (d.expected === d.got) t.correct++;
  else if (d.got) t.fp++;
  else t.fn++;
}

const pct = (t: Tally) => (t.total === 0 ? '   -  ' : `${((100 * t.correct) / t.total).toFixed(1).padStart(5)}%`);
const frac = (t: Tally) => `${t.correct}/${t.total}`;

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

const oneLine = (s: string | null, n = 120) => (s == null ? 'null' : JSON.stringify(s.replace(/\s+/g, ' ').slice(0, n)));

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let records: StructuredRecord[] = loadRecords(args.dir);
  if (args.record) records = records.filter((r) => r.file.includes(args.record ?? ''));
  for (const r of records) for (const w of r.warnings) console.warn(`warning: ${r.file}: ${w}`);

  let engine: typeof import('../../shared/audit/index.ts');
  try {
    engine = await import('../../shared/audit/index.ts');
  } catch (err) {
    console.error(`Cannot load the audit engine (shared/audit/index.ts): ${(err as Error).message}`);
    process.exit(1);
  }

  if (args.out) mkdirSync(args.out, { recursive: true });

  const decisions: Decision[] = [];
  const auditMs: number[] = [];
  const parseMs: number[] = [];
  const unscannable = new Map<LayoutId, string[]>();
  const errors: string[] = [];
  const flagged: { file: string; layout: LayoutId; status: string; reason: string; quotes: string[] }[] = [];
  const reportText = await import('../../shared/report/index.ts');

  for (const rec of records) {
    const truth = truthOf(rec);
    for (const layout of args.layouts) {
      const { html, url } = renderPage(rec, layout);
      if (args.out) writeFileSync(join(args.out, `${rec.file.replace(/\.json$/, '')}.${layout}.html`), html);
      const t0 = performance.now();
      const document = parseHtmlDocument(html);
      const t1 = performance.now();
      let report: ReturnType<typeof engine.auditDocument>;
      try {
        report = engine.auditDocument(document, { url });
      } catch (err) {
        errors.push(`${rec.file} ${layout}: ${(err as Error).stack ?? String(err)}`);
        continue;
      }
      const t2 = performance.now();
      parseMs.push(t1 - t0);
      auditMs.push(t2 - t1);
      if (args.verbose) {
        console.log(`\n-- ${rec.file} ${layout}: ${report.status}`);
        for (const r of report.results) {
          const exp = truth[r.id as ElementKey];
          const mark = exp === r.present ? ' ' : '✗';
          console.log(
            `${mark} ${r.id.padEnd(17)} ${r.status.padEnd(6)} present=${String(r.present).padEnd(5)} truth=${String(exp).padEnd(5)} ${r.reason.id.padEnd(28)} ${oneLine(r.value, 90)}`,
          );
        }
        for (const f of report.findings) console.log(`  finding ${f.id.padEnd(18)} ${f.status.padEnd(6)} ${f.reason.id}`);
      }
      if (report.status === 'unscannable') unscannable.set(layout, [...(unscannable.get(layout) ?? []), rec.file]);
      const finding = args.finding ? report.findings.find((f) => f.id === args.finding) : undefined;
      if (finding && finding.status !== 'pass')
        flagged.push({
          file: rec.file,
          layout,
          status: finding.status,
          reason: reportText.reasonText(finding.reason, 'vi'),
          quotes: finding.evidence.map((e) => e.quote),
        });
      for (const element of ELEMENT_IDS) {
        const res = report.results.find((r) => r.id === element);
        decisions.push({
          file: rec.file,
          layout,
          element,
          expected: truth[element],
          got: res?.present ?? false,
          status: res ? res.status : report.status === 'unscannable' ? 'unscannable' : 'missing',
          value: res?.value ?? null,
        });
      }
    }
  }

  // ---- tables
  const byElement = new Map<ElementKey, Tally>(ELEMENT_IDS.map((e) => [e, newTally()]));
  const byLayout = new Map<LayoutId, Tally>(args.layouts.map((l) => [l, newTally()]));
  const byCell = new Map<string, Tally>();
  const overall = newTally();
  const truthPresent = new Map<ElementKey, number>(ELEMENT_IDS.map((e) => [e, 0]));
  for (const d of decisions) {
    add(overall, d);
    add(byElement.get(d.element)!, d);
    add(byLayout.get(d.layout)!, d);
    const key = `${d.element}|${d.layout}`;
    if (!byCell.has(key)) byCell.set(key, newTally());
    add(byCell.get(key)!, d);
    if (d.expected) truthPresent.set(d.element, (truthPresent.get(d.element) ?? 0) + 1);
  }

  const pages = records.length * args.layouts.length;
  console.log(
    `\nPresence accuracy: ${records.length} records × ${args.layouts.length} layouts = ${pages} pages (${decisions.length} element decisions)`,
  );
  console.log(`records: ${args.dir}`);
  console.log(`layouts: ${args.layouts.map((l) => `${l} ${LAYOUT_NAMES[l]}`).join('\n         ')}`);

  const w = 18;
  console.log(
    `\nPer element (all layouts)\n${'element'.padEnd(w)} ${'correct/total'.padStart(13)} ${'acc'.padStart(6)}  ${'FP'.padStart(4)} ${'FN'.padStart(4)}  truth-present`,
  );
  for (const e of ELEMENT_IDS) {
    const t = byElement.get(e)!;
    console.log(
      `${e.padEnd(w)} ${frac(t).padStart(13)} ${pct(t)}  ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}  ${truthPresent.get(e)}/${t.total}`,
    );
  }

  console.log(`\nPer element × layout (accuracy)\n${'element'.padEnd(w)} ${args.layouts.map((l) => l.padStart(7)).join('')}`);
  for (const e of ELEMENT_IDS) {
    console.log(`${e.padEnd(w)} ${args.layouts.map((l) => pct(byCell.get(`${e}|${l}`) ?? newTally()).padStart(7)).join('')}`);
  }
  console.log(`${'ALL ELEMENTS'.padEnd(w)} ${args.layouts.map((l) => pct(byLayout.get(l)!).padStart(7)).join('')}`);

  console.log('\nPer layout (all elements)');
  for (const l of args.layouts) {
    const t = byLayout.get(l)!;
    const un = unscannable.get(l)?.length ?? 0;
    console.log(
      `${l.padEnd(4)} ${frac(t).padStart(10)} ${pct(t)}  FP ${String(t.fp).padStart(3)}  FN ${String(t.fn).padStart(3)}  unscannable pages ${un}`,
    );
  }
  console.log(`\nOVERALL element-level presence accuracy: ${frac(overall)} = ${pct(overall).trim()}  (FP ${overall.fp}, FN ${overall.fn})`);

  console.log(
    `\nAudit time per page: median ${median(auditMs).toFixed(2)} ms, p95 ${percentile(auditMs, 95).toFixed(2)} ms, max ${Math.max(...auditMs).toFixed(2)} ms` +
      ` (HTML parse: median ${median(parseMs).toFixed(2)} ms; ${auditMs.length} pages)`,
  );

  // ---- mismatch kinds
  const wrong = decisions.filter((d) => d.expected !== d.got);
  const kinds = new Map<string, Decision[]>();
  for (const d of wrong) {
    const k = `${d.element} ${d.expected ? 'FN (missed)' : 'FP (false present)'} status=${d.status}`;
    kinds.set(k, [...(kinds.get(k) ?? []), d]);
  }
  const sorted = [...kinds.entries()].sort((a, b) => b[1].length - a[1].length);
  console.log(`\nMismatch kinds (${wrong.length} wrong decisions)`);
  for (const [k, ds] of sorted) {
    const perLayout = new Map<string, number>();
    for (const d of ds) perLayout.set(d.layout, (perLayout.get(d.layout) ?? 0) + 1);
    console.log(`${String(ds.length).padStart(5)}  ${k}  [${[...perLayout.entries()].map(([l, n]) => `${l}:${n}`).join(' ')}]`);
  }

  if (args.mismatches) {
    console.log('\nMismatches (record, layout, element, expected, got status/value)');
    for (const d of wrong) {
      console.log(
        `${d.file}  ${d.layout}  ${d.element}  expected=${d.expected ? 'present' : 'absent'}  got=${d.status}/${d.got ? 'present' : 'absent'}  value=${oneLine(d.value)}`,
      );
    }
  }

  if (args.finding) {
    console.log(`\nFinding ${args.finding}: not pass on ${flagged.length} of ${pages} pages`);
    for (const f of flagged) {
      console.log(`${f.file}  ${f.layout}  ${f.status}  ${f.reason}`);
      for (const q of f.quotes) console.log(`    evidence: ${oneLine(q, 200)}`);
    }
    const byRecord = new Map<string, Set<string>>();
    for (const f of flagged) byRecord.set(f.file, new Set([...(byRecord.get(f.file) ?? []), `${f.layout}:${f.status}`]));
    console.log(`\nRecords flagged in any layout: ${byRecord.size} of ${records.length}`);
    for (const [file, marks] of byRecord) console.log(`  ${file}  ${[...marks].join(' ')}`);
  }

  for (const [l, files] of unscannable) console.log(`\nunscannable ${l}: ${files.join(', ')}`);
  if (errors.length) {
    console.log(`\n${errors.length} audit errors:`);
    for (const e of errors.slice(0, 10)) console.log(e);
  }
  if (args.out) console.log(`\nRendered pages written to ${args.out}`);
}

await main();
