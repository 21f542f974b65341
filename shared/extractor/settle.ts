/**
 * Waits until a page stops changing: resolves once no DOM mutation has happened for `quietMs`,
 * or after `limitMs` at most. Portals such as the national one fill the page after load, so the
 * extension and the CLI's --render wait for this before reading. Self-contained (no imports, no
 * outer names) so it can also be sent into a page with Playwright's page.evaluate.
 */
export function waitForSettled(timing: { quietMs: number; limitMs: number }): Promise<void> {
  return new Promise((done) => {
    let quiet = setTimeout(finish, timing.quietMs);
    const limit = setTimeout(finish, timing.limitMs);
    const observer = new MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(finish, timing.quietMs);
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
    function finish() {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(limit);
      done();
    }
  });
}
