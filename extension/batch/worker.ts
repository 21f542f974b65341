/**
 * The batch worker in the background service worker. The queue, the order of work and the
 * resume guarantee are the shared runner's (shared/batch `runBatch`: N pages at a time, a page
 * marked finished only after its report is stored, state saved after every page); this module
 * gives it the extension's I/O: pages audited in background tabs (tab-audit.ts), reports and
 * state in storage (store.ts). Pause and cancel stop the runner from taking pages and let the
 * pages in progress finish; cancel ends the batch for good. `rehydrate`, called whenever the
 * service worker wakes (start-up, the keep-alive alarm, a message), closes the tabs of pages that
 * were in progress when a previous worker stopped, puts those pages back in the queue (they were
 * never recorded) and carries on if the batch was running. Everything it touches is injected.
 */
import type { AuditReport } from '../../shared/audit/types';
import { batchCounts, createBatch, estimate, parseBatchState, runBatch, type BatchCounts, type BatchState } from '../../shared/batch';
import type { BatchAnswer } from './answer';
import { unreadReport } from './reports';
import { clearPages, loadBatch, saveBatch, savePage, type StoredBatch } from './store';

interface WorkerDeps {
  auditPage(
    url: string,
    options: { timeoutMs: number; windowId?: number; onTab(tabId: number): void; reuse?: number; onRelease?(tabId: number): void },
  ): Promise<AuditReport>;
  /** The window batch tabs open in (created when missing); undefined for the current window. */
  ensureWindow(windowId: number | null): Promise<number | undefined>;
  closeWindow(windowId: number): Promise<void>;
  closeTab(tabId: number): Promise<void>;
  /** Keeps a tick going while a batch runs (chrome.alarms), or stops it. */
  keepAlive(on: boolean): Promise<void>;
  now(): number;
  newId(): string;
}

interface StartRequest {
  urls: string[];
  source: string;
  concurrency: number;
  timeoutMs: number;
}

/** Pages one batch tab is navigated through before it is closed and replaced. */
const PAGES_PER_TAB = 8;

/** The stored batch's queue, parsed (pages left running by a stopped worker read as pending). */
export function queueOf(batch: StoredBatch): BatchState | null {
  const parsed = parseBatchState(batch.queue);
  return parsed.ok ? parsed.state : null;
}

/** Counts, pages per minute and time left of a stored batch, across pauses and restarts. */
export function progressOf(batch: StoredBatch, now: number): BatchCounts & { pagesPerMinute: number | null; msLeft: number | null } {
  const state = queueOf(batch);
  const counts: BatchCounts = state ? batchCounts(state) : { total: 0, pending: 0, running: 0, done: 0, unscannable: 0 };
  // parseBatchState reads pages left running as pending (right when loading a queue to resume);
  // for progress, the pages the worker has in progress are counted as such from the stored form.
  const raw = (batch.queue as { pages?: unknown } | null)?.pages;
  const running = state && Array.isArray(raw) ? raw.filter((p) => (p as { state?: unknown } | null)?.state === 'running').length : 0;
  counts.pending -= running;
  counts.running += running;
  const elapsed = batch.activeMs + (batch.runningSince !== null ? Math.max(0, now - batch.runningSince) : 0);
  return { ...counts, ...estimate(batch.finishedRunning, elapsed, counts.pending + counts.running) };
}

export class BatchWorker {
  private batch: StoredBatch | null = null;
  /** The queue the runner works on (kept in memory while it runs; written into `batch.queue`). */
  private state: BatchState | null = null;
  private loading: Promise<void> | null = null;
  private run: { stop: AbortController; done: Promise<void> } | null = null;
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly deps: WorkerDeps) {}

  /** The batch, read from storage once per worker life (then kept in memory and written through). */
  private async current(): Promise<StoredBatch | null> {
    this.loading ??= loadBatch().then((batch) => {
      this.batch = batch;
      this.state = batch ? queueOf(batch) : null;
    });
    await this.loading;
    return this.batch;
  }

  /** Writes the batch (with the queue as it is now); writes happen one after the other. */
  private persist(): Promise<void> {
    if (!this.batch) return this.writes;
    const snapshot: StoredBatch = structuredClone({ ...this.batch, queue: this.state ?? this.batch.queue });
    this.writes = this.writes
      .then(() => saveBatch(snapshot))
      .catch((error: unknown) => console.warn('[tthc-audit] batch not saved:', error));
    return this.writes;
  }

  private answer(refused?: BatchAnswer['refused']): BatchAnswer {
    return { state: this.batch?.run ?? 'idle', ...(refused ? { refused } : {}) };
  }

  async start(request: StartRequest): Promise<BatchAnswer> {
    const batch = await this.current();
    if (batch && (batch.run === 'running' || batch.run === 'paused')) return this.answer('busy');
    if (this.run) await this.run.done; // a cancelled run still finishing its last pages
    await clearPages();
    const createdAt = new Date(this.deps.now()).toISOString();
    this.state = createBatch(
      request.urls.map((url) => ({ url })),
      { source: request.source, createdAt },
    );
    this.batch = {
      id: this.deps.newId(),
      source: request.source,
      createdAt,
      concurrency: request.concurrency,
      timeoutMs: request.timeoutMs,
      run: 'running',
      queue: this.state,
      finishedRunning: 0,
      tabs: {},
      windowId: null,
      activeMs: 0,
      runningSince: this.deps.now(),
    };
    await this.persist();
    await this.deps.keepAlive(true);
    this.launch();
    return this.answer();
  }

  async control(action: 'pause' | 'resume' | 'cancel'): Promise<BatchAnswer> {
    const batch = await this.current();
    if (!batch) return this.answer('no-batch');
    if (action === 'resume') {
      if (batch.run !== 'paused') return this.answer();
      if (this.run) await this.run.done; // the pages of the pause still finishing
      batch.run = 'running';
      batch.runningSince = this.deps.now();
      await this.persist();
      await this.deps.keepAlive(true);
      this.launch();
      return this.answer();
    }
    if (batch.run !== 'running' && batch.run !== 'paused') return this.answer();
    this.stopClock(batch);
    batch.run = action === 'pause' ? 'paused' : 'cancelled';
    this.run?.stop.abort();
    await this.persist();
    await this.deps.keepAlive(false);
    if (!this.run) await this.closeWindow(batch);
    return this.answer();
  }

  /** Safe on every wake-up: does nothing while this worker runs the batch. */
  async rehydrate(): Promise<void> {
    const batch = await this.current();
    if (!batch || this.run) return;
    const orphans = Object.values(batch.tabs);
    if (orphans.length > 0) {
      await Promise.all(orphans.map((tabId) => this.deps.closeTab(tabId).catch(() => undefined)));
      batch.tabs = {};
      await this.persist();
    }
    if (batch.run === 'running' && !this.run) {
      await this.deps.keepAlive(true);
      this.launch();
    }
  }

  private stopClock(batch: StoredBatch): void {
    if (batch.runningSince !== null) batch.activeMs += Math.max(0, this.deps.now() - batch.runningSince);
    batch.runningSince = null;
  }

  private async closeWindow(batch: StoredBatch): Promise<void> {
    if (batch.windowId === null) return;
    const id = batch.windowId;
    batch.windowId = null;
    await this.persist();
    await this.deps.closeWindow(id).catch(() => undefined);
  }

  /** Hands the queue to the shared runner until it is empty or stopped. */
  private launch(): void {
    const batch = this.batch;
    const state = this.state;
    if (!batch || !state || this.run) return;
    const stop = new AbortController();
    const done = this.work(batch, state, stop.signal).finally(() => {
      if (this.run?.stop === stop) this.run = null;
    });
    this.run = { stop, done };
  }

  private async work(batch: StoredBatch, state: BatchState, signal: AbortSignal): Promise<void> {
    const windowId = await this.deps.ensureWindow(batch.windowId).catch(() => undefined);
    if (windowId !== undefined && windowId !== batch.windowId) {
      batch.windowId = windowId;
      await this.persist();
    }
    // Tabs of finished pages, navigated to the next pages (one renderer per slot, not per page);
    // recorded in `batch.tabs` too, so a restarted worker closes them; closed when the run stops.
    const idle: number[] = [];
    const uses = new Map<number, number>();
    const result = await runBatch(
      state,
      {
        auditPage: (page) => {
          const reuse = idle.pop();
          if (reuse !== undefined) delete batch.tabs[`idle:${reuse}`];
          return this.deps.auditPage(page.url, {
            timeoutMs: batch.timeoutMs,
            ...(batch.windowId !== null ? { windowId: batch.windowId } : {}),
            ...(reuse !== undefined ? { reuse } : {}),
            onTab: (tabId) => {
              batch.tabs[page.url] = tabId;
              void this.persist();
            },
            onRelease: (tabId) => {
              // A tab keeps its earlier pages for back/forward navigation: after a few pages it is
              // closed and the slot opens a new one, so memory stays flat over a long batch.
              const used = (uses.get(tabId) ?? 0) + 1;
              if (used >= PAGES_PER_TAB) {
                uses.delete(tabId);
                delete batch.tabs[page.url];
                void this.deps.closeTab(tabId).catch(() => undefined);
                return;
              }
              uses.set(tabId, used);
              idle.push(tabId);
              batch.tabs[`idle:${tabId}`] = tabId;
            },
          });
        },
        onPageDone: async (page, report) => {
          await savePage(page.url, report);
          delete batch.tabs[page.url];
          if (batch.run === 'running') batch.finishedRunning++;
        },
        saveState: () => this.persist(),
        now: () => this.deps.now(),
        failedReport: (page, error) =>
          unreadReport(page.url, {
            id: 'unscannable.loadError',
            params: { detail: (error instanceof Error ? error.message : String(error)).slice(0, 300) },
          }),
      },
      { concurrency: batch.concurrency, signal },
    );
    await Promise.all(idle.map((tabId) => this.deps.closeTab(tabId).catch(() => undefined)));
    for (const tabId of idle) delete batch.tabs[`idle:${tabId}`];
    if (this.batch !== batch) return;
    if (result.completed && batch.run === 'running') {
      this.stopClock(batch);
      batch.run = 'finished';
      await this.deps.keepAlive(false);
    }
    await this.persist();
    if (batch.run !== 'paused') await this.closeWindow(batch);
  }
}
