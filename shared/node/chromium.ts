/**
 * Node-only: the one way this project starts headless Chromium (the CLI's --render, the benchmark,
 * the end-to-end kit) and waits for a page to settle inside it. Flags suit locked-down machines:
 * no sandbox as root, no GPU, and no background networking (a closed network otherwise sees a
 * flood of refused connections). The binary is Debian's Chromium unless CHROMIUM_PATH says other.
 */
import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright-core';
import { SETTLE_TIMING, waitForSettled, type SettleTiming } from '../extractor/settle';

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

/** Waits until `page` has stopped changing (the same timings the extension uses). */
export function settlePage(page: Page, timing: SettleTiming = SETTLE_TIMING): Promise<void> {
  return evaluateInPage(page, waitForSettled, timing);
}
