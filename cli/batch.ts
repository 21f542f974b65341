/**
 * Batch runs of the command-line auditor: a whole portal from its list of procedures
 * (`--from-list`, following the pagination up to `--max-pages` list pages and `--max-links`
 * links), a file of URLs (`--urls`), or the inputs given, audited `--concurrency` at a time by
 * the shared runner (shared/batch), with progress on stderr, the state saved after every page
 * (`--resume`), and the portal report written to `--out`. stdout gets what the single-page
 * auditor prints: with `--format json`, one JSON array of page reports, the pages that could not
 * be loaded among them as `unscannable`.
 *
 * Exit codes: 0 completed, 3 completed but some pages could not be loaded (timeout, HTTP error,
 * load error), 4 stopped before the end (Ctrl+C, SIGTERM: the state is saved), 2 bad input.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unscannableReport } from '../shared/audit';
import {
  createBatch,
  createPortalBuilder,
  mergeLinks,
  normalizeUrl,
  runBatch,
  stableId,
  type BatchState,
  type DiscoveredLink,
  type PortalReport,
  type SiteProfile,
  walkList,
} from '../shared/batch';
import type { Reason } from '../shared/checklist';
import type { CliMessageId } from '../shared/i18n/cli';
import type { MessageParams } from '../shared/i18n/format';
import { parseHtmlDocument } from '../shared/node/html';
import { portalToCsv, portalToHtml, portalToJson } from '../shared/report';
import type { CliOptions } from './args';
import { createAuditPool, poolSize, type AuditPool } from './audit-pool';
import { createAnswerDeadline, type AnswerDeadline } from './answer-deadline';
import { LoadError, loadHtml, NoAnswerError, openBrowser, type Renderer } from './load';
import { createProgress, formatRate } from './progress';
import { createReportStream } from './output';
import { readSavedRun, ReportLog, reportsPath, writeState } from './store';

type Say = (id: CliMessageId, params?: MessageParams) => string;

/** Thrown for bad input found while preparing the run (said, then exit 2 or 3). */
class BatchInputError extends Error {
  constructor(
    readonly text: string,
    readonly code: number,
  ) {
    super(text);
  }
}

const LOAD_FAILURE_KINDS = new Set(['timeout', 'http-status', 'load-error', 'permission-refused']);

/** The unscannable reason for a page that could not be loaded. */
function loadFailure(error: unknown, say: Say, timeoutS: number): Reason {
  if (error instanceof NoAnswerError) return { id: 'unscannable.timeout', params: { seconds: error.seconds } };
  if (error instanceof LoadError) {
    if (error.id === 'cli.load.fetchTimedOut' || error.id === 'cli.load.renderTimedOut')
      return { id: 'unscannable.timeout', params: { seconds: timeoutS } };
    if (error.id === 'cli.load.httpStatus') return { id: 'unscannable.httpStatus', params: { status: error.params.status ?? '' } };
    return { id: 'unscannable.loadError', params: { detail: say(error.id, error.params) } };
  }
  return { id: 'unscannable.loadError', params: { detail: say('cli.unexpected', { detail: (error as Error).message }) } };
}

/** The URLs of a `--urls` file: one per line, blank lines and `#` comments skipped. */
function readUrlFile(path: string, say: Say): DiscoveredLink[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail =
      code === 'ENOENT'
        ? say('cli.load.notFound', { path })
        : code === 'EISDIR'
          ? say('cli.load.isFolder', { path })
          : (error as Error).message;
    throw new BatchInputError(say('cli.batch.urlsUnreadable', { path, detail }), 2);
  }
  const links: DiscoveredLink[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line || line.startsWith('#')) return;
    const url = /^https?:\/\//i.test(line) ? normalizeUrl(line) : null;
    if (!url) throw new BatchInputError(say('cli.batch.urlsBadLine', { path, line: i + 1, text: line.slice(0, 200) }), 2);
    links.push({ url });
  });
  if (links.length === 0) throw new BatchInputError(say('cli.batch.urlsEmpty', { path }), 2);
  return links;
}

/** Follows a list of procedures and its pagination, collecting the procedure links. */
async function readList(options: CliOptions, say: Say, browser: Renderer | null, answers: AnswerDeadline): Promise<DiscoveredLink[]> {
  const start = normalizeUrl(options.fromList!)!;
  const profile: SiteProfile = {
    ...(options.linkSelector ? { linkSelector: options.linkSelector } : {}),
    ...(options.nextSelector ? { nextSelector: options.nextSelector } : {}),
    allowHosts: options.allowHosts,
  };
  const detail = (error: unknown) => (error instanceof LoadError ? say(error.id, error.params) : (error as Error).message);
  let walk;
  try {
    walk = await walkList(
      start,
      {
        load: (url) => loadHtml(url, browser, { timeoutMs: options.timeoutS * 1000, onAnswer: (ms) => answers.answered(url, ms) }),
        parse: parseHtmlDocument,
        onPage: (n, url) => process.stderr.write(`${say('cli.batch.listReading', { n, url })}\n`),
        onFailure: (url, error, n) => {
          if (n > 1) process.stderr.write(`tthc-audit: ${say('cli.batch.listFailed', { url, detail: detail(error) })}\n`);
        },
      },
      { maxListPages: options.maxListPages, maxLinks: options.maxLinks, profile },
    );
  } catch (error) {
    // A selector the user gave that is not valid CSS.
    throw new BatchInputError(say('cli.batch.listFailed', { url: start, detail: (error as Error).message }), 2);
  }
  // The first list page is the run: without it there is nothing to audit.
  if (walk.firstFailed) throw new BatchInputError(say('cli.batch.listFailed', { url: start, detail: detail(walk.failures[0]!.error) }), 3);
  if (walk.cappedPages) process.stderr.write(`${say('cli.batch.listCapPages', { max: options.maxListPages })}\n`);
  if (walk.cappedLinks) process.stderr.write(`${say('cli.batch.listCapLinks', { max: options.maxLinks })}\n`);
  const { links } = walk;
  const read = walk.listPages + walk.failures.length;
  process.stderr.write(`${say('cli.batch.listFound', { links: links.length, pages: read })}\n`);
  if (links.length === 0) throw new BatchInputError(say('cli.batch.noLinks', { url: start }), 3);
  return links;
}

function inputLinks(inputs: readonly string[]): DiscoveredLink[] {
  return inputs.map((input) => ({ url: /^https?:\/\//i.test(input) ? (normalizeUrl(input) ?? input) : input }));
}

function writeOut(dir: string, portal: PortalReport, options: CliOptions): void {
  writeFileSync(join(dir, 'portal.csv'), portalToCsv(portal, options.lang));
  writeFileSync(join(dir, 'portal.json'), portalToJson(portal));
  writeFileSync(join(dir, 'portal.html'), portalToHtml(portal, options.lang));
}

/** Writes `text` to stdout, waiting when its buffer is full (the output is written a report at a time). */
function print(text: string): Promise<void> {
  if (!text) return Promise.resolve();
  return new Promise((done) => {
    if (process.stdout.write(text)) done();
    else process.stdout.once('drain', done);
  });
}

/** `entry`: the CLI's module URL, run by the audit workers (see audit-pool.ts). */
export async function runBatchCommand(options: CliOptions, say: Say, entry: URL): Promise<number> {
  const statePath = options.resume ? resolve(options.resume) : null;
  const outDir = options.out ? resolve(options.out) : null;
  let browser: Renderer | null = null;
  let pool: AuditPool | null = null;
  let log: ReportLog | null = null;
  let scratch: string | null = null;
  const stop = new AbortController();
  let signals = 0;
  const onSignal = () => {
    signals++;
    if (signals > 1) process.exit(4);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    if (outDir) {
      try {
        mkdirSync(join(outDir, 'pages'), { recursive: true });
      } catch (error) {
        throw new BatchInputError(say('cli.batch.outFailed', { dir: outDir, detail: (error as Error).message }), 2);
      }
    }
    if (options.render) {
      try {
        browser = await openBrowser();
      } catch (error) {
        throw new BatchInputError(error instanceof LoadError ? say(error.id, error.params) : String(error), 3);
      }
    }

    // How long a server may take to start answering (learnt per host unless --answer-timeout fixes it).
    const answers = createAnswerDeadline(options.answerTimeoutS, options.timeoutS, (host, p90, deadline) =>
      process.stderr.write(
        `${say('cli.batch.answerLearnt', { host, typical: (p90 / 1000).toFixed(2), seconds: (deadline / 1000).toFixed(1) })}\n`,
      ),
    );

    // The pages: a saved run, else the list, the file of URLs and the inputs.
    let state: BatchState;
    const saved = statePath ? readSavedRun(statePath) : null;
    if (saved && !saved.ok) throw new BatchInputError(say('cli.batch.stateUnreadable', { path: statePath!, detail: saved.detail }), 2);
    if (saved?.ok) {
      state = saved.state;
      log = saved.reports;
      if (options.fromList || options.urlsFile || options.inputs.length > 0)
        process.stderr.write(`${say('cli.batch.resumeIgnoresInputs', { path: statePath! })}\n`);
      const left = state.pages.filter((p) => p.state === 'pending').length;
      process.stderr.write(`${say('cli.batch.resumed', { path: statePath!, left, total: state.pages.length })}\n`);
    } else {
      const lists: DiscoveredLink[][] = [];
      if (options.inputs.length > 0) lists.push(inputLinks(options.inputs));
      if (options.urlsFile) lists.push(readUrlFile(options.urlsFile, say));
      if (options.fromList) lists.push(await readList(options, say, browser, answers));
      const source = options.fromList ?? options.urlsFile ?? null;
      state = createBatch(mergeLinks(lists), { source, createdAt: new Date().toISOString() });
      if (statePath) await saveOrSay(statePath, state, say);
    }
    // The reports stay on disk (beside the state, or in a temporary folder), not in memory.
    if (!log) {
      if (statePath) log = ReportLog.open(reportsPath(statePath));
      else {
        scratch = mkdtempSync(join(tmpdir(), 'tthc-audit-'));
        log = ReportLog.open(join(scratch, 'reports.jsonl'));
      }
    }
    const reports = log;

    pool = createAuditPool(poolSize(options.concurrency), entry);
    const audits = pool;
    const progress = createProgress(say, options.lang);
    const startedAt = Date.now();
    const before = state.pages.filter((p) => p.state !== 'pending').length;
    const result = await runBatch(
      state,
      {
        async auditPage(page, signal) {
          try {
            const html = await loadHtml(page.url, browser, {
              timeoutMs: options.timeoutS * 1000,
              answerTimeoutMs: answers.forUrl(page.url),
              onAnswer: (ms) => answers.answered(page.url, ms),
              signal: stop.signal,
            });
            return await audits.audit(html, page.url);
          } catch (error) {
            if (signal?.aborted) throw error;
            return unscannableReport({ url: page.url, title: page.title ?? null }, loadFailure(error, say, options.timeoutS));
          }
        },
        onPageDone(page, report) {
          reports.append(report);
          if (outDir) writeFileSync(join(outDir, 'pages', `p-${stableId(page.url)}.json`), `${JSON.stringify(report, null, 2)}\n`);
          progress.page(report, page.url);
        },
        saveState: statePath ? (s) => saveOrSay(statePath, s, say) : undefined,
        onProgress: (p) => progress.update(p),
        now: () => Date.now(),
        failedReport: (page, error) =>
          unscannableReport({ url: page.url, title: page.title ?? null }, loadFailure(error, say, options.timeoutS)),
      },
      { concurrency: options.concurrency, signal: stop.signal },
    );
    progress.stop();

    const finished = result.counts.done + result.counts.unscannable;
    const elapsed = Date.now() - startedAt;
    const rate = finished > before && elapsed > 0 ? ((finished - before) / elapsed) * 60_000 : null;
    process.stderr.write(
      `${say('cli.batch.summary', { finished, total: result.counts.total, done: result.counts.done, unscannable: result.counts.unscannable, rate: formatRate(rate) })}\n`,
    );
    // The reports, read back from the log in the run's page order: printed, and summed up for the portal report.
    const portal = createPortalBuilder({ source: state.source, generatedAt: new Date().toISOString() });
    const stream = createReportStream(options.format, options.lang);
    for (const page of state.pages) {
      const report = reports.read(page.url);
      if (!report) continue;
      if (outDir) portal.add(report);
      await print(stream.next(report));
    }
    await print(stream.end());
    if (outDir) {
      try {
        writeOut(outDir, portal.build(), options);
        process.stderr.write(`${say('cli.batch.outWritten', { dir: outDir })}\n`);
      } catch (error) {
        process.stderr.write(`tthc-audit: ${say('cli.batch.outFailed', { dir: outDir, detail: (error as Error).message })}\n`);
      }
    }
    if (!result.completed) {
      const left = result.counts.pending + result.counts.running;
      process.stderr.write(
        `${statePath ? say('cli.batch.stopped', { left, path: options.resume! }) : say('cli.batch.stoppedNoState', { left })}\n`,
      );
      return 4;
    }
    return state.pages.some((p) => p.kind && LOAD_FAILURE_KINDS.has(p.kind)) ? 3 : 0;
  } catch (error) {
    if (error instanceof BatchInputError) {
      process.stderr.write(`tthc-audit: ${error.text}\n`);
      return error.code;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await pool?.close();
    await browser?.close();
    log?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

async function saveOrSay(path: string, state: BatchState, say: Say): Promise<void> {
  try {
    await writeState(path, state);
  } catch (error) {
    throw new BatchInputError(say('cli.batch.stateUnwritable', { path, detail: (error as Error).message }), 2);
  }
}
