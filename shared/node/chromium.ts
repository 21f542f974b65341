/**
 * Node-only: the one way this project starts headless Chromium (the CLI's --render, the benchmark,
 * the end-to-end kit) and waits for a page to settle inside it. Flags suit locked-down machines:
 * no sandbox as root, no GPU, and no background networking (a closed network otherwise sees a
 * flood of refused connections). The binary is Debian's Chromium unless CHROMIUM_PATH says other.
 * The settle wait, `settleLoadingPage`, is called as soon as the document is parsed: quiet for the
 * extension's time and the load event fired, so the quiet time runs while images and style sheets
 * still load.
 */
import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright-core';
import { SETTLE_TIMING, type SettleTiming } from '../extractor/settle';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Where Chromium is: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Launches headless Chromium with the project's flags (extra `args` are appended). */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ ...options, executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
}

/**
 * Runs a self-contained function inside `page`. Sent as source text with a no-op `__name`
 * helper, because TypeScript runners (tsx, esbuild's keepNames) rewrite functions to call a
 * `__name` that exists only in Node: passing the function itself fails from source.
 */
export function evaluateInPage<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const source = `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
  return page.evaluate(source) as Promise<R>;
}

/**
 * In-page: resolves once the document has loaded (`readyState` complete) and has not changed for
 * `quietMs`, or after `limitMs`. Mutations are counted from the call, so calling it as soon as
 * the document is parsed lets the quiet time overlap the loading of images and style sheets; a
 * change made by a load handler restarts the quiet time. Self-contained (sent as source text).
 */
function waitForLoadedAndQuiet(timing: SettleTiming): Promise<void> {
  const g = globalThis as unknown as {
    MutationObserver: new (callback: () => void) => { observe(t: unknown, o: object): void; disconnect(): void };
    document: { readyState: string };
    performance: { now(): number };
    addEventListener(type: string, run: () => void): void;
    setTimeout(run: () => void, ms: number): unknown;
    clearTimeout(id: unknown): void;
  };
  return new Promise((done) => {
    let last = g.performance.now();
    let timer: unknown = null;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      g.clearTimeout(timer);
      g.clearTimeout(limit);
      done();
    };
    const check = () => {
      g.clearTimeout(timer);
      if (g.document.readyState !== 'complete') return;
      const quietFor = g.performance.now() - last;
      if (quietFor >= timing.quietMs) finish();
      else timer = g.setTimeout(check, timing.quietMs - quietFor);
    };
    const observer = new g.MutationObserver(() => {
      last = g.performance.now();
      check();
    });
    observer.observe(g.document, { subtree: true, childList: true, characterData: true, attributes: false });
    const limit = g.setTimeout(finish, timing.limitMs);
    g.addEventListener('load', () => g.setTimeout(check, 0));
    check();
  });
}

/**
 * Waits until `page`, whose document has been parsed (`goto` with `waitUntil: 'domcontentloaded'`),
 * has loaded and stopped changing (the extension's quiet time). A navigation meanwhile (a script
 * redirect) starts the wait again on the new document.
 */
export async function settleLoadingPage(page: Page, timing: SettleTiming = SETTLE_TIMING): Promise<void> {
  const until = Date.now() + timing.limitMs;
  for (;;) {
    try {
      return await evaluateInPage(page, waitForLoadedAndQuiet, { ...timing, limitMs: Math.max(0, until - Date.now()) });
    } catch (error) {
      if (Date.now() >= until || !/context was destroyed|navigat/i.test((error as Error).message)) throw error;
      await page.waitForLoadState('domcontentloaded', { timeout: Math.max(1, until - Date.now()) }).catch(() => {});
    }
  }
}
