/**
 * The batch worker in the background service worker: takes pages from the queue a few at a time
 * (the batch's concurrency, 3 by default), audits each in a background tab (tab-audit.ts), and
 * writes the queue and the page's outcome to storage after every page (store.ts), so that pause,
 * cancel, and a restart of the service worker or of the browser lose nothing. Pause stops taking
 * pages and lets the pages in progress finish; cancel does the same and ends the batch for good.
 * After a restart, `rehydrate` closes the tabs of pages that were in progress and asks those pages
 * again (they were never recorded), and carries on if the batch was running. A chrome.alarms tick
 * wakes a stopped worker while a batch runs. Everything it touches is injected, for the unit tests.
 */
import type { BatchAnswer } from './answer';
import { counts, createQueue, record, requeueActive, takeNext, type QueueState } from './queue';
import { clearPages, loadBatch, saveBatch, savePage, type PageRecord, type StoredBatch } from './store';
import type { PageOutcome } from './tab-audit';

export interface WorkerDeps {
  auditPage(url: string, options: { timeoutMs: number; windowId?: number; onTab(tabId: number): void }): Promise<PageOutcome>;
  /** The window batch tabs open in (created when missing); undefined for the current window. */
  ensureWindow(windowId: number | null): Promise<number | undefined>;
  closeWindow(windowId: number): Promise<void>;
  closeTab(tabId: number): Promise<void>;
  /** Keeps a tick going while a batch runs (chrome.alarms), or stops it. */
  keepAlive(on: boolean): Promise<void>;
  now(): number;
  newId(): string;
}

export interface StartRequest {
  urls: string[];
  source: string;
  concurrency: number;
  timeoutMs: number;
}

function queueOf(batch: StoredBatch): QueueState {
  return batch.queue as QueueState;
}

export class BatchWorker {
  private batch: StoredBatch | null = null;
  private readonly inFlight = new Set<string>();
  /** Writes one after the other, so two pages finishing together never overwrite each other. */
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly deps: WorkerDeps) {}

  private loading: Promise<StoredBatch | null> | null = null;

  /** The batch, read from storage once per worker life (then kept in memory and written through). */
  private current(): Promise<StoredBatch | null> {
    this.loading ??= loadBatch().then((batch) => (this.batch = batch));
    return this.loading.then(() => this.batch);
  }

  private persist(): Promise<void> {
    const snapshot = this.batch ? structuredClone(this.batch) : null;
    this.writes = this.writes.then(() => (snapshot ? saveBatch(snapshot) : undefined)).catch(() => undefined);
    return this.writes;
  }

  private answer(refused?: BatchAnswer['refused']): BatchAnswer {
    return { state: this.batch?.run ?? 'idle', ...(refused ? { refused } : {}) };
  }

  async start(request: StartRequest): Promise<BatchAnswer> {
    const batch = await this.current();
    if (batch && (batch.run === 'running' || batch.run === 'paused')) return this.answer('busy');
    await clearPages();
    this.batch = {
      id: this.deps.newId(),
      source: request.source,
      createdAt: new Date(this.deps.now()).toISOString(),
      concurrency: request.concurrency,
      timeoutMs: request.timeoutMs,
      run: 'running',
      queue: createQueue(request.urls),
      tabs: {},
      windowId: null,
      activeMs: 0,
      runningSince: this.deps.now(),
    };
    await this.persist();
    await this.deps.keepAlive(true);
    void this.pump();
    return this.answer();
  }

  async control(action: 'pause' | 'resume' | 'cancel'): Promise<BatchAnswer> {
    const batch = await this.current();
    if (!batch) return this.answer('no-batch');
    if (action === 'resume') {
      if (batch.run !== 'paused') return this.answer();
      batch.run = 'running';
      batch.runningSince = this.deps.now();
      await this.persist();
      await this.deps.keepAlive(true);
      void this.pump();
      return this.answer();
    }
    if (batch.run !== 'running' && batch.run !== 'paused') return this.answer();
    this.stopClock(batch);
    batch.run = action === 'pause' ? 'paused' : 'cancelled';
    await this.persist();
    await this.deps.keepAlive(false);
    if (batch.run === 'cancelled' && this.inFlight.size === 0) await this.closeWindow(batch);
    return this.answer();
  }

  /**
   * After the service worker (or the browser) started again: the pages that were in progress
   * were never recorded, so their tabs are closed and they go back to the queue; a running batch
   * carries on. Safe to call on every wake-up: it does nothing while this worker is at work.
   */
  async rehydrate(): Promise<void> {
    const batch = await this.current();
    if (!batch || this.inFlight.size > 0) return;
    const orphans = Object.values(batch.tabs);
    if (orphans.length > 0 || counts(queueOf(batch)).active > 0) {
      await Promise.all(orphans.map((tabId) => this.deps.closeTab(tabId).catch(() => undefined)));
      batch.tabs = {};
      requeueActive(queueOf(batch));
      await this.persist();
    }
    if (batch.run === 'running') {
      await this.deps.keepAlive(true);
      void this.pump();
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

  private pumping: Promise<void> = Promise.resolve();

  /** One pump at a time (two at once could each make a batch window). */
  private pump(): Promise<void> {
    this.pumping = this.pumping.then(() => this.pumpOnce()).catch(() => undefined);
    return this.pumping;
  }

  /** Starts pages until the concurrency is reached or the queue is empty; ends the batch when all are recorded. */
  private async pumpOnce(): Promise<void> {
    const batch = this.batch;
    if (!batch || batch.run !== 'running') return;
    if (this.inFlight.size < batch.concurrency && counts(queueOf(batch)).pending > 0) {
      const windowId = await this.deps.ensureWindow(batch.windowId).catch(() => undefined);
      if (this.batch !== batch || batch.run !== 'running') return;
      if (windowId !== undefined && windowId !== batch.windowId) batch.windowId = windowId;
    }
    while (batch.run === 'running' && this.inFlight.size < batch.concurrency) {
      const url = takeNext(queueOf(batch));
      if (url === undefined) break;
      this.inFlight.add(url);
      void this.run(batch, url);
    }
    await this.persist();
    if (this.inFlight.size === 0 && batch.run === 'running' && counts(queueOf(batch)).pending === 0) await this.finish(batch);
  }

  private async finish(batch: StoredBatch): Promise<void> {
    this.stopClock(batch);
    batch.run = 'finished';
    await this.persist();
    await this.deps.keepAlive(false);
    await this.closeWindow(batch);
  }

  private async run(batch: StoredBatch, url: string): Promise<void> {
    let outcome: PageOutcome;
    try {
      outcome = await this.deps.auditPage(url, {
        timeoutMs: batch.timeoutMs,
        ...(batch.windowId !== null ? { windowId: batch.windowId } : {}),
        onTab: (tabId) => {
          batch.tabs[url] = tabId;
          void this.persist();
        },
      });
    } catch (error) {
      outcome = { kind: 'unscannable', reason: 'load-error', detail: error instanceof Error ? error.message : String(error) };
    }
    const page: PageRecord = {
      url,
      at: new Date(this.deps.now()).toISOString(),
      outcome: outcome.kind,
      ...(outcome.kind === 'unscannable'
        ? {
            reason: outcome.reason,
            ...(outcome.detail ? { detail: outcome.detail.slice(0, 2_000) } : {}),
            ...(outcome.httpStatus ? { httpStatus: outcome.httpStatus } : {}),
          }
        : {}),
      ...(outcome.report ? { report: outcome.report } : {}),
    };
    // The page first, then the queue that says it is finished: a restart in between asks it again.
    await savePage(page);
    record(queueOf(batch), url, outcome.kind, outcome.kind === 'unscannable' ? outcome.reason : undefined);
    delete batch.tabs[url];
    this.inFlight.delete(url);
    if (this.batch !== batch) return;
    await this.persist();
    if (batch.run === 'running') void this.pump();
    else if (this.inFlight.size === 0 && batch.run === 'cancelled') await this.closeWindow(batch);
  }
}
