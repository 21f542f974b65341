/**
 * Loads one input as HTML: a local file, or a URL fetched over HTTP (no scripts run), or, with
 * --render, a page loaded in headless Chromium and read once its content has settled (the national
 * portal fills the page after load). Errors become a LoadError carrying a catalog message, said in
 * the user's language by main.ts.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
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
  /** Stops a fetch when the run is stopped (a batch's Ctrl+C). */
  signal?: AbortSignal;
}

async function fetchUrl(url: string, timeoutMs = FETCH_TIMEOUT_MS, stop?: AbortSignal): Promise<string> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal: stop ? AbortSignal.any([timeout, stop]) : timeout,
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    if ((error as Error).name === 'TimeoutError' && !cause) throw new LoadError('cli.load.fetchTimedOut', { url });
    throw new LoadError('cli.load.cannotFetch', { url, detail: cause ?? (error as Error).message });
  }
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

/** Opens one headless Chromium for all --render inputs. */
export async function openBrowser(): Promise<Browser> {
  const { chromiumPath, launchChromium } = await chromiumModule();
  try {
    return await launchChromium();
  } catch (error) {
    throw new LoadError('cli.load.needsChromium', { path: chromiumPath(), detail: (error as Error).message.split('\n')[0] ?? '' });
  }
}

async function render(browser: Browser, input: string, timeoutMs = RENDER_TIMEOUT_MS): Promise<string> {
  const url = isUrl(input) ? input : pathToFileURL(resolve(input)).href;
  const page = await browser.newPage();
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs }).catch((error: Error) => {
      if (error.name === 'TimeoutError')
        throw new LoadError('cli.load.renderTimedOut', { url: input, seconds: Math.round(timeoutMs / 1000) });
      throw new LoadError('cli.load.cannotLoad', { url: input, detail: error.message.split('\n')[0] ?? '' });
    });
    if (response && !response.ok() && isUrl(input)) throw new LoadError('cli.load.httpStatus', { url: input, status: response.status() });
    // Wait until the page stops changing for a moment (single-page portals fill in after load).
    await (await chromiumModule()).settlePage(page);
    return await page.content();
  } finally {
    await page.close();
  }
}

/** Loads `input` as HTML text. */
export async function loadHtml(input: string, browser: Browser | null, options: LoadOptions = {}): Promise<string> {
  if (browser) return render(browser, input, options.timeoutMs);
  return isUrl(input) ? fetchUrl(input, options.timeoutMs, options.signal) : loadFile(input);
}
