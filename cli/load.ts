/**
 * Loads one input as HTML: a local file, or a URL fetched over HTTP (no scripts run), or, with
 * --render, a page loaded in headless Chromium and read once its content has settled (the national
 * portal fills the page after load). Errors become a LoadError carrying a catalog message, said in
 * the user's language by main.ts.
 *
 * Rendering reuses tabs: each of the batch's concurrent loads takes an idle tab (a browser context
 * of its own with one page) and navigates it to the next address, instead of opening a context
 * per page (a fifth of a page's time). A tab is like one visitor reading the portal: cookies and
 * storage stay for up to RECYCLE_AFTER pages, then the context is closed and a fresh one opened
 * (memory stays flat); a tab whose page failed or timed out is closed at once (it may still be
 * loading). The quiet wait starts when the document is parsed, so it runs while images load.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page, Response as PageResponse } from 'playwright-core';
import type { CliMessageId } from '../shared/i18n/cli';
import type { MessageParams } from '../shared/i18n/format';

/** Chromium support, loaded only for --render (playwright-core takes a while to load; workers never need it). */
const chromiumModule = () => import('../shared/node/chromium');

export class LoadError extends Error {
  constructor(
    readonly id: CliMessageId,
    readonly params: MessageParams,
  ) {
    super(id);
  }
}

const FETCH_TIMEOUT_MS = 30_000;
const RENDER_TIMEOUT_MS = 30_000;
const MAX_BYTES = 50 * 1024 * 1024;

function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

function decode(bytes: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

async function loadFile(path: string): Promise<string> {
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_BYTES) throw new LoadError('cli.load.tooLarge', { path, mb: MAX_BYTES / 1024 / 1024 });
    return decode(bytes, null);
  } catch (error) {
    if (error instanceof LoadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LoadError('cli.load.notFound', { path });
    if (code === 'EISDIR') throw new LoadError('cli.load.isFolder', { path });
    throw new LoadError('cli.load.cannotRead', { path, detail: (error as Error).message });
  }
}

/** How long one page may take (`--timeout`); the defaults are the single-page auditor's. */
export interface LoadOptions {
  timeoutMs?: number;
  /**
   * How long a page's server may take to start answering (headers, or with --render a response
   * to the page's request), within `timeoutMs` (batch runs: cli/answer-deadline.ts).
   */
  answerTimeoutMs?: number;
  /** Told how long a page's server took to start answering. */
  onAnswer?: (ms: number) => void;
  /** Stops a fetch when the run is stopped (a batch's Ctrl+C). */
  signal?: AbortSignal;
}

/** Thrown when a server has not started answering within the answer time (a batch's --answer-timeout). */
export class NoAnswerError extends LoadError {
  constructor(
    url: string,
    readonly seconds: number,
  ) {
    super('cli.load.noAnswer', { url, seconds });
  }
}

async function fetchUrl(url: string, options: LoadOptions): Promise<string> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const noAnswer = new AbortController();
  const answerMs = options.answerTimeoutMs !== undefined && options.answerTimeoutMs < timeoutMs ? options.answerTimeoutMs : null;
  const answerTimer = answerMs === null ? null : setTimeout(() => noAnswer.abort(), answerMs);
  const startedAt = performance.now();
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.any([timeout, noAnswer.signal, ...(options.signal ? [options.signal] : [])]),
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
  } catch (error) {
    if (noAnswer.signal.aborted && !options.signal?.aborted) throw new NoAnswerError(url, Math.round(answerMs! / 100) / 10);
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    if ((error as Error).name === 'TimeoutError' && !cause) throw new LoadError('cli.load.fetchTimedOut', { url });
    throw new LoadError('cli.load.cannotFetch', { url, detail: cause ?? (error as Error).message });
  } finally {
    if (answerTimer) clearTimeout(answerTimer);
  }
  options.onAnswer?.(performance.now() - startedAt);
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new LoadError('cli.load.httpStatus', { url, status: response.status });
  }
  const type = response.headers.get('content-type');
  if (type && !/html|xml|text\/plain/i.test(type)) {
    await response.body?.cancel().catch(() => {});
    throw new LoadError('cli.load.notHtml', { url, type });
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    // The body stopped coming (the server held the connection open past the time limit).
    if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError')
      throw new LoadError('cli.load.fetchTimedOut', { url });
    throw new LoadError('cli.load.cannotFetch', { url, detail: (error as Error).message });
  }
  if (bytes.length > MAX_BYTES) throw new LoadError('cli.load.tooLarge', { path: url, mb: MAX_BYTES / 1024 / 1024 });
  return decode(bytes, type);
}

/** Pages a tab reads before its context is replaced by a fresh one. */
const RECYCLE_AFTER = 25;

interface Tab {
  context: BrowserContext;
  page: Page;
  uses: number;
}

/** One headless Chromium for every --render input, with tabs reused between pages. */
export class Renderer {
  private readonly idle: Tab[] = [];
  private readonly open = new Set<Tab>();

  constructor(readonly browser: Browser) {}

  private async take(): Promise<Tab> {
    const tab = this.idle.pop();
    if (tab) return tab;
    const context = await this.browser.newContext();
    const created: Tab = { context, page: await context.newPage(), uses: 0 };
    this.open.add(created);
    return created;
  }

  private async give(tab: Tab, healthy: boolean): Promise<void> {
    tab.uses++;
    if (healthy && tab.uses < RECYCLE_AFTER) {
      this.idle.push(tab);
      return;
    }
    this.open.delete(tab);
    await tab.context.close().catch(() => {});
  }

  /**
   * Loads `input` in a tab and returns its HTML once it has settled. With `answerTimeoutMs`, a
   * server that has not started answering (no response to the page's request) by then is given
   * up on: the tab is closed and NoAnswerError thrown.
   */
  async render(input: string, options: LoadOptions = {}): Promise<string> {
    const timeoutMs = options.timeoutMs ?? RENDER_TIMEOUT_MS;
    const url = isUrl(input) ? input : pathToFileURL(resolve(input)).href;
    const tab = await this.take();
    let healthy = false;
    const startedAt = performance.now();
    let answered = false;
    const onResponse = (response: PageResponse) => {
      try {
        if (answered || !response.request().isNavigationRequest() || response.frame() !== tab.page.mainFrame()) return;
      } catch {
        return;
      }
      answered = true;
      options.onAnswer?.(performance.now() - startedAt);
    };
    const answerMs =
      isUrl(input) && options.answerTimeoutMs !== undefined && options.answerTimeoutMs < timeoutMs ? options.answerTimeoutMs : null;
    let gaveUp = false;
    const answerTimer =
      answerMs === null
        ? null
        : setTimeout(() => {
            if (answered) return;
            gaveUp = true;
            void tab.page.close().catch(() => {});
          }, answerMs);
    tab.page.on('response', onResponse);
    try {
      const response = await tab.page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs }).catch((error: Error) => {
        if (gaveUp) throw new NoAnswerError(input, Math.round(answerMs! / 100) / 10);
        if (error.name === 'TimeoutError')
          throw new LoadError('cli.load.renderTimedOut', { url: input, seconds: Math.round(timeoutMs / 1000) });
        throw new LoadError('cli.load.cannotLoad', { url: input, detail: error.message.split('\n')[0] ?? '' });
      });
      healthy = true;
      if (response && !response.ok() && isUrl(input)) throw new LoadError('cli.load.httpStatus', { url: input, status: response.status() });
      // Wait until the page has loaded and stops changing (single-page portals fill in after load).
      healthy = false;
      await (await chromiumModule()).settleLoadingPage(tab.page);
      const html = await tab.page.content();
      healthy = true;
      return html;
    } finally {
      if (answerTimer) clearTimeout(answerTimer);
      tab.page.off('response', onResponse);
      await this.give(tab, healthy);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.open].map((tab) => tab.context.close().catch(() => {})));
    await this.browser.close();
  }
}

/** Opens one headless Chromium for all --render inputs. */
export async function openBrowser(): Promise<Renderer> {
  const { chromiumPath, launchChromium } = await chromiumModule();
  try {
    // No back-forward cache: a reused tab would keep the pages it left in memory.
    return new Renderer(await launchChromium({ args: ['--disable-features=BackForwardCache'] }));
  } catch (error) {
    throw new LoadError('cli.load.needsChromium', { path: chromiumPath(), detail: (error as Error).message.split('\n')[0] ?? '' });
  }
}

/** Loads `input` as HTML text. */
export async function loadHtml(input: string, renderer: Renderer | null, options: LoadOptions = {}): Promise<string> {
  if (renderer) return renderer.render(input, options);
  return isUrl(input) ? fetchUrl(input, options) : loadFile(input);
}
