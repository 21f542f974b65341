/**
 * `npm run bench:batch [-- --procedures 210] [--concurrency 3] [--timeout S] [--only plain|render]`:
 * batch audits with the built CLI (dist/cli/tthc-audit.mjs, built first) over the local demo
 * portal (scripts/portal-fixture.ts: 200+ procedure pages of every fixture layout, plus pages that
 * never finish loading, 404s and non-procedure pages) served on 127.0.0.1, started with
 * `--from-list` on the portal's paginated table list, as a user runs it.
 *
 * Reports, for a run without `--render` and one with `--render` (concurrency 3 by default):
 * pages per minute (pages finished ÷ time from the first finished page to the last, and over the
 * whole run with the list reading), every page accounted for (done/unscannable by reason against
 * the portal's manifest), and memory when 50, 100 and 200 pages are finished: the CLI's resident
 * memory (VmRSS), and with --render the proportional memory (Pss, shared pages split) of all the
 * Chromium processes the CLI started. Goals (issue 11): ≥1,500 pages/min without --render, ≥60
 * with it, memory flat. Timings depend on the machine and what else runs on it (print `nproc`
 * and the load average with the figures). Without --render the portal is also run without its
 * never-loading pages, for the rate of loading pages alone (each never-loading page holds one of
 * the slots until the CLI stops waiting: the learnt answer time, cli/answer-deadline.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDemoPortal, serveDemoPortal } from './portal-fixture';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'tthc-audit.mjs');
const MARKS = [50, 100, 200, 500, 1000, 2000];

interface Options {
  procedures: number;
  concurrency: number;
  /** Seconds per page; null: 5 without --render, 20 with it (the never-loading pages cost this each). */
  timeout: number | null;
  only: 'plain' | 'render' | null;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { procedures: 210, concurrency: 3, timeout: null, only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--procedures') options.procedures = Number(value());
    else if (arg === '--concurrency') options.concurrency = Number(value());
    else if (arg === '--timeout') options.timeout = Number(value());
    else if (arg === '--only') {
      const v = value();
      if (v !== 'plain' && v !== 'render') throw new Error('--only takes plain or render');
      options.only = v;
    } else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

/** A /proc/<pid>/status or smaps_rollup field in kB (0 when the process is gone). */
function procKb(pid: number, file: 'status' | 'smaps_rollup', field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/${file}`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Pids of every descendant of `root`. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [child, ppid] of parent) if (ppid === pid) (out.push(child), walk(child));
  };
  walk(root);
  return out;
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

async function runOnce(label: string, render: boolean, options: Options, hangs?: number): Promise<void> {
  const portal = buildDemoPortal({ procedures: options.procedures, ...(hangs === undefined ? {} : { hangs }) });
  const server = await serveDemoPortal(portal);
  const args = [
    CLI,
    '--from-list',
    `${server.url}${portal.lists.table}`,
    '--concurrency',
    String(options.concurrency),
    '--timeout',
    String(options.timeout ?? (render ? 20 : 5)),
    '--format',
    'json',
  ];
  if (render) args.push('--render');
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let finished = 0;
  let firstAt = 0;
  let lastAt = 0;
  const memory: { pages: number; cliKb: number; chromiumKb: number; chromiumProcesses: number }[] = [];
  let peakCli = 0;
  let peakChromium = 0;
  const sample = () => {
    const cli = procKb(child.pid!, 'status', 'VmRSS');
    const browsers = render ? descendants(child.pid!) : [];
    const chromium = browsers.reduce((sum, pid) => sum + procKb(pid, 'smaps_rollup', 'Pss'), 0);
    peakCli = Math.max(peakCli, cli);
    peakChromium = Math.max(peakChromium, chromium);
    return { cli, chromium, processes: browsers.length };
  };
  const timer = setInterval(sample, 200);
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    for (const line of d.split('\n')) {
      if (!/^\[\d+\/\d+\]/.test(line)) continue;
      finished++;
      const now = performance.now();
      if (finished === 1) firstAt = now;
      lastAt = now;
      if (MARKS.includes(finished)) {
        const s = sample();
        memory.push({ pages: finished, cliKb: s.cli, chromiumKb: s.chromium, chromiumProcesses: s.processes });
        // Said at once, so a run stopped early still gives its figures.
        console.log(
          `  [${label}] ${finished} pages after ${((now - started) / 1000).toFixed(1)} s: CLI RSS ${mb(s.cli)}${render ? `; Chromium Pss ${mb(s.chromium)}` : ''}`,
        );
      }
    }
  });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  clearInterval(timer);
  const wall = performance.now() - started;
  await server.close();

  const reports = JSON.parse(stdout || '[]') as { status: string; unscannableReason?: { id: string } }[];
  const expected = { procedure: 0, hang: 0, 'not-found': 0, 'not-procedure': 0 };
  for (const page of portal.pages) expected[page.kind]++;
  const got = { audited: 0, timeout: 0, http: 0, notProcedure: 0, other: 0 };
  for (const r of reports) {
    if (r.status === 'audited') got.audited++;
    else if (r.unscannableReason?.id === 'unscannable.timeout') got.timeout++;
    else if (r.unscannableReason?.id === 'unscannable.httpStatus') got.http++;
    else if (r.unscannableReason?.id === 'unscannable.notProcedure') got.notProcedure++;
    else got.other++;
  }
  const perMinute = finished > 1 ? ((finished - 1) / (lastAt - firstAt)) * 60_000 : 0;
  console.log(`\n## ${label}`);
  console.log(`exit ${code}; ${reports.length} reports for ${portal.pages.length} linked pages; wall ${(wall / 1000).toFixed(1)} s`);
  console.log(
    `accounted: audited ${got.audited}/${expected.procedure}, timeout ${got.timeout}/${expected.hang}, HTTP 404 ${got.http}/${expected['not-found']}, not a procedure ${got.notProcedure}/${expected['not-procedure']}, other ${got.other}`,
  );
  console.log(
    `pages/min: ${perMinute.toFixed(0)} (first to last finished page); ${((reports.length / wall) * 60_000).toFixed(0)} over the whole run with list reading and start-up`,
  );
  for (const m of memory)
    console.log(
      `  at ${m.pages} pages: CLI RSS ${mb(m.cliKb)}${render ? `; Chromium Pss ${mb(m.chromiumKb)} in ${m.chromiumProcesses} processes` : ''}`,
    );
  console.log(`  peak: CLI RSS ${mb(peakCli)}${render ? `; Chromium Pss ${mb(peakChromium)}` : ''}`);
  if (code !== 0 && code !== 3) console.log(stderr.split('\n').slice(-10).join('\n'));
}

const options = parseOptions(process.argv.slice(2));
console.log('Building the CLI (npm run build:cli)…');
execFileSync('npm', ['run', '-s', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
console.log(
  `# Batch benchmark: ${options.procedures} procedure pages + 15 other links, concurrency ${options.concurrency}, --timeout ${options.timeout ?? '5 (20 with --render)'} s; ${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (shared machine: other work running changes the figures)`,
);
if (options.only !== 'render') {
  await runOnce('without --render', false, options);
  // The same portal less its never-loading pages: what loading pages alone run at.
  await runOnce('without --render, loading pages only (no never-loading page)', false, options, 0);
}
if (options.only !== 'plain') await runOnce(`with --render (headless Chromium)`, true, options);
console.log(
  `\nload average after: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
