/**
 * Audits one page of a batch in a background tab: opens it inactive in the batch window, waits
 * for it to load (the page's own scripts run, a logged-in session is used), checks the HTTP status
 * of the document, injects the existing audit script (extension/messaging/tab.ts, which waits for
 * pages that fill themselves to settle), and closes the tab, or hands it back to the worker to be
 * navigated to its next page (a few tabs per batch, closed when it stops). Every way a page can
 * fail ends in an unscannable report with its reason (reports.ts), within the page's time limit:
 * nothing is left waiting.
 * Limits: the top frame only; the HTTP status comes from the Navigation Timing entry
 * (`responseStatus`, Chrome 109+, Firefox); where it is missing the page is audited as it shows.
 */
import { browser } from 'wxt/browser';
import type { AuditReport } from '../../shared/audit/types';
import { auditTab } from '../messaging/tab';
import { mayRead } from './permissions';
import { unreadReport } from './reports';

interface TabAuditOptions {
  /** Where the tab is opened (the batch window); the current window when absent. */
  windowId?: number;
  /** The page's whole time: load, settle and audit. */
  timeoutMs: number;
  /** Called with the tab id as soon as it exists (the worker records it, to close it after a restart). */
  onTab?(tabId: number): void;
  /** A tab left by an earlier page, navigated to this one instead of opening a new tab. */
  reuse?: number;
  /**
   * Given, the tab is handed back here after the page instead of closed (the worker keeps a few
   * tabs for the next pages and closes them when the batch stops); not called when the tab is gone.
   */
  onRelease?(tabId: number): void;
}

type Loaded = 'complete' | 'timeout' | 'closed';

interface TabLike {
  status?: string;
  url?: string;
  pendingUrl?: string;
}

/** Complete and navigated away from the blank page a new tab starts with. */
function isLoaded(tab: TabLike, sawLoading: boolean): boolean {
  if (tab.status !== 'complete' || tab.pendingUrl) return false;
  // The address is hidden when the page went (redirected) to a site not granted: the load counts
  // once the tab was seen loading, and the audit script's injection then says why it cannot read.
  return tab.url === undefined || tab.url === '' ? sawLoading : tab.url !== 'about:blank';
}

/**
 * Resolves when the tab has loaded. Listens from the call on; a `reused` tab (navigated from an
 * earlier page) counts only once seen loading again, since it still shows the earlier page complete.
 */
function waitForLoad(tabId: number, ms: number, reused = false): Promise<Loaded> {
  return new Promise((resolve) => {
    let settled = false;
    let sawLoading = false;
    const finish = (how: Loaded) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      resolve(how);
    };
    const timer = setTimeout(() => finish('timeout'), ms);
    const onUpdated = (id: number, info: { status?: string }, tab: TabLike) => {
      if (id !== tabId) return;
      if (info.status === 'loading') sawLoading = true;
      if (isLoaded(tab, sawLoading) && (sawLoading || !reused)) finish('complete');
    };
    const onRemoved = (id: number) => {
      if (id === tabId) finish('closed');
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    browser.tabs.get(tabId).then(
      (tab) => !reused && isLoaded(tab, false) && finish('complete'),
      () => finish('closed'),
    );
  });
}

/** The HTTP status of the tab's document, 0 when the browser does not say. */
async function documentStatus(tabId: number): Promise<number> {
  const [frame] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => {
      const entry = performance.getEntriesByType('navigation')[0] as (PerformanceEntry & { responseStatus?: number }) | undefined;
      return entry?.responseStatus ?? 0;
    },
  });
  return typeof frame?.result === 'number' ? frame.result : 0;
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([work, new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), Math.max(0, ms))))]).finally(() =>
    clearTimeout(timer),
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Opens (or navigates a reused tab to), audits and closes (or hands back) one page; always resolves, with the page's report. */
export async function auditInTab(url: string, options: TabAuditOptions): Promise<AuditReport> {
  if (!(await mayRead(url))) return unreadReport(url, { id: 'unscannable.permissionRefused' });
  const deadline = Date.now() + options.timeoutMs;
  const timedOut = () => unreadReport(url, { id: 'unscannable.timeout', params: { seconds: Math.round(options.timeoutMs / 1000) } });
  const loadError = (detail: string) => unreadReport(url, { id: 'unscannable.loadError', params: { detail: detail.slice(0, 300) } });
  let tabId: number | undefined;
  let gone = false;
  try {
    let loading: Promise<Loaded> | undefined;
    if (options.reuse !== undefined) {
      // Navigating the tab of an earlier page spares a new tab and renderer process per page.
      const reused = options.reuse;
      const waiting = waitForLoad(reused, deadline - Date.now(), true);
      const updated = await browser.tabs.update(reused, { url }).catch(() => undefined);
      if (updated) {
        tabId = reused;
        loading = waiting;
      }
    }
    if (tabId === undefined) {
      const tab = await browser.tabs.create({
        url,
        active: false,
        ...(options.windowId !== undefined ? { windowId: options.windowId } : {}),
      });
      tabId = tab.id;
    }
    if (tabId === undefined) return loadError('no tab');
    options.onTab?.(tabId);
    const loaded = await (loading ?? waitForLoad(tabId, deadline - Date.now()));
    gone = loaded === 'closed';
    if (loaded === 'timeout') return timedOut();
    if (loaded === 'closed') return loadError('tab closed');
    let status: number;
    try {
      status = await documentStatus(tabId);
    } catch (error) {
      // The browser's own error page (no server, refused connection, bad address) cannot be scripted.
      return loadError(message(error));
    }
    if (status >= 400) return unreadReport(url, { id: 'unscannable.httpStatus', params: { status } });
    const audited = await withDeadline(auditTab(tabId), deadline - Date.now());
    if (audited === 'timeout') return timedOut();
    if (!audited.ok) return loadError(audited.detail ?? audited.error);
    // The engine's own report, unscannable ones (not a procedure page, empty page) included.
    return audited.value;
  } catch (error) {
    return loadError(message(error));
  } finally {
    if (tabId !== undefined && !gone) {
      if (options.onRelease) options.onRelease(tabId);
      else await browser.tabs.remove(tabId).catch(() => undefined);
    }
  }
}
