/**
 * Waits until a page stops changing: resolves once no DOM mutation has happened for `quietMs`,
 * or after `limitMs` at most. Portals such as the national one fill the page after load, so the
 * extension and the CLI's --render wait for this before reading, with the same timings.
 * Self-contained (no imports, no outer names, browser globals read from globalThis) so it can be
 * sent into a page as source text by shared/node/chromium.ts.
 */
export interface SettleTiming {
  quietMs: number;
  limitMs: number;
}

/** The one set of timings: quiet for 700 ms, or 12 s at most. */
export const SETTLE_TIMING: SettleTiming = { quietMs: 700, limitMs: 12_000 };

export function waitForSettled(timing: SettleTiming): Promise<void> {
  interface Observer {
    observe(target: unknown, options: { subtree: boolean; childList: boolean; characterData: boolean }): void;
    disconnect(): void;
  }
  const g = globalThis as unknown as {
    MutationObserver: new (callback: () => void) => Observer;
    document: unknown;
    setTimeout(run: () => void, ms: number): unknown;
    clearTimeout(id: unknown): void;
  };
  return new Promise((done) => {
    let quiet = g.setTimeout(finish, timing.quietMs);
    const limit = g.setTimeout(finish, timing.limitMs);
    const observer = new g.MutationObserver(() => {
      g.clearTimeout(quiet);
      quiet = g.setTimeout(finish, timing.quietMs);
    });
    observer.observe(g.document, { subtree: true, childList: true, characterData: true });
    function finish() {
      observer.disconnect();
      g.clearTimeout(quiet);
      g.clearTimeout(limit);
      done();
    }
  });
}
