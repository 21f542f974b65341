/**
 * `npm run bench:cli [-- --mb 20] [--timeout-min 20] [--only npm|dist] [--cmd 'label=command …']`:
 * the command-line auditor on one big page, as a user runs it. Writes a page of about 20 MB (a real
 * procedure page with a related-procedures list, the shape of scripts/bench.ts "related") to a temp
 * file, then runs, each as a child process, the documented command `npm run audit -- <file>` and,
 * when it is built, `node dist/cli/tthc-audit.mjs <file>` (and any --cmd given; the file is appended
 * to it). Reports wall time, peak resident memory (from /usr/bin/time -v when present, else from
 * each Node process's own process.resourceUsage().maxRSS written at exit), exit code and the end of
 * the output. Each command is killed (its whole process group) after --timeout-min minutes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BASE_PAGE, pageOfBytes } from './bench';

const ROOT = resolve(import.meta.dirname, '..');
/** GNU time for peak memory; BENCH_CLI_TIME=none uses the Node fallback instead. */
const TIME = process.env.BENCH_CLI_TIME ?? '/usr/bin/time';

interface Options {
  mb: number;
  timeoutMin: number;
  only: string | null;
  extra: { label: string; argv: string[] }[];
}

function parseOptions(argv: string[]): Options {
  const options: Options = { mb: 20, timeoutMin: 20, only: null, extra: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--mb') options.mb = Number(value());
    else if (arg === '--timeout-min') options.timeoutMin = Number(value());
    else if (arg === '--only') options.only = value();
    else if (arg === '--cmd') {
      const spec = value();
      const eq = spec.indexOf('=');
      if (eq < 1) throw new Error('--cmd takes label=command');
      options.extra.push({
        label: spec.slice(0, eq),
        argv: spec
          .slice(eq + 1)
          .trim()
          .split(/\s+/),
      });
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!(options.mb > 0) || !(options.timeoutMin > 0)) throw new Error('--mb and --timeout-min must be positive numbers');
  return options;
}

interface RunResult {
  exit: string;
  wallS: number;
  peakMb: number | null;
  rssFrom: string;
  stdoutBytes: number;
  tail: string;
}

/** Node preload that appends this process's peak RSS (KB) to a file at exit: the fallback without /usr/bin/time. */
const RSS_HOOK = `import { appendFileSync } from 'node:fs';
process.on('exit', () => {
  try { appendFileSync(process.env.BENCH_CLI_RSS_FILE, process.pid + ' ' + process.resourceUsage().maxRSS + '\\n'); } catch {}
});
`;

function run(argv: string[], dir: string, timeoutMs: number): Promise<RunResult> {
  const useTime = existsSync(TIME);
  const rssFile = join(dir, `rss-${Date.now()}.txt`);
  const hook = join(dir, 'rss-hook.mjs');
  writeFileSync(hook, RSS_HOOK);
  const env = { ...process.env };
  if (!useTime) {
    env.BENCH_CLI_RSS_FILE = rssFile;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import ${JSON.stringify(hook)}`.trim();
  }
  const [command, ...args] = useTime ? [TIME, '-v', ...argv] : argv;
  return new Promise((done) => {
    const start = performance.now();
    // Own process group, so a timeout ends the command and everything it started, and nothing else.
    const child = spawn(command!, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    let stdoutTail = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      stdoutTail = (stdoutTail + chunk.toString('utf8')).slice(-4000);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-20_000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallS = (performance.now() - start) / 1000;
      let peakKb: number | null = null;
      let rssFrom = '';
      const timeRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (useTime && timeRss) {
        peakKb = Number(timeRss[1]);
        rssFrom = '/usr/bin/time -v (largest process in the tree)';
      } else if (existsSync(rssFile)) {
        const values = readFileSync(rssFile, 'utf8')
          .trim()
          .split('\n')
          .map((line) => Number(line.split(' ')[1]));
        peakKb = Math.max(0, ...values);
        rssFrom = `maxRSS of ${values.length} Node process(es), largest`;
      }
      // What the command itself printed on stderr, without /usr/bin/time's report.
      const ownStderr = stderr.replace(/\s*Command (?:being timed|exited)[\s\S]*$/, '').trim();
      const exit = timedOut ? `killed after ${timeoutMs / 60_000} min` : signal ? `signal ${signal}` : `exit ${code}`;
      const tail = [stdoutTail.trim().split('\n').slice(-4).join('\n'), ownStderr.split('\n').slice(-4).join('\n')]
        .filter(Boolean)
        .join('\n--- stderr:\n');
      done({ exit, wallS, peakMb: peakKb === null ? null : peakKb / 1024, rssFrom, stdoutBytes, tail });
    });
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'tthc-bench-cli-'));
  try {
    const file = join(dir, 'related-procedures.html');
    const { html, items } = pageOfBytes(readFileSync(BASE_PAGE, 'utf8'), 'related', options.mb * 1024 * 1024);
    writeFileSync(file, html);
    const mb = Buffer.byteLength(html) / 1024 / 1024;
    console.log(`Page: ${file}`);
    console.log(
      `      ${mb.toFixed(1)} MB, ${items.toLocaleString('en')} related-procedure items (about ${(items * 7 + 450).toLocaleString('en')} nodes)`,
    );
    console.log(
      `Peak memory from ${existsSync(TIME) ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS in each Node process'}; each command killed after ${options.timeoutMin} min\n`,
    );
    const commands: { label: string; argv: string[] }[] = [];
    if (!options.only || options.only === 'npm')
      commands.push({ label: 'npm run audit -- <file>', argv: ['npm', 'run', 'audit', '--', file] });
    const dist = join(ROOT, 'dist', 'cli', 'tthc-audit.mjs');
    if (!options.only || options.only === 'dist') {
      if (existsSync(dist)) commands.push({ label: 'node dist/cli/tthc-audit.mjs <file>', argv: [process.execPath, dist, file] });
      else console.log('(dist/cli/tthc-audit.mjs not built: run `npm run build:cli` to time it too)\n');
    }
    for (const extra of options.extra) commands.push({ label: extra.label, argv: [...extra.argv, file] });
    const results: { label: string; result: RunResult }[] = [];
    for (const { label, argv } of commands) {
      console.log(`> ${label}`);
      const result = await run(argv, dir, options.timeoutMin * 60_000);
      results.push({ label, result });
      console.log(
        `  ${result.exit}, wall ${result.wallS.toFixed(1)} s, peak RSS ${result.peakMb === null ? 'unknown' : `${result.peakMb.toFixed(0)} MB`} (${result.rssFrom || 'no figure'}), ${result.stdoutBytes} bytes of output`,
      );
      if (result.tail)
        console.log(
          result.tail
            .split('\n')
            .map((line) => `  | ${line.slice(0, 160)}`)
            .join('\n'),
        );
      console.log('');
    }
    console.log('Summary');
    for (const { label, result } of results) {
      console.log(
        `  ${label.padEnd(40)} ${`${result.wallS.toFixed(1)} s`.padStart(9)} ${(result.peakMb === null ? '?' : `${result.peakMb.toFixed(0)} MB`).padStart(8)}  ${result.exit}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
