/**
 * The outbox: every submission is first kept on this device (IndexedDB through idb-keyval, its own
 * database and store, one key per submission id), then sent; it leaves the outbox only when the
 * collector stored it (201/200) or refused it for good (a 4xx that retrying cannot fix). Retries
 * back off exponentially with full jitter, honour Retry-After, and start again on `online`, on the
 * next page load on the same site (any instance flushes the whole outbox) and, as a last try, on
 * `pagehide` with sendBeacon and a text/plain body (not for an item whose request is in flight).
 * Flushes hold a Web Lock, and each one re-reads the store inside it, so two tabs send an item
 * once; the collector's idempotency by id covers what no lock can (a beacon, a reply lost on the
 * way back). Without IndexedDB (blocked storage) the items live in memory for the life of the
 * page. One outbox per widget instance, no module state.
 */
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { Submission } from '../../shared/protocol/submission';
import { attemptDelivery, type Attempt } from './transport';

export interface OutboxItem {
  submission: Submission;
  endpoint: string;
  /** Attempts made so far. */
  tries: number;
  /** Earliest time (ms since the epoch) of the next attempt. */
  due: number;
}

/** What happened to one submission, for the citizen. */
export type Delivery =
  | { state: 'sending' }
  | { state: 'queued'; reason: 'network' | 'server' }
  | { state: 'sent'; receipt?: string }
  | { state: 'rejected'; code: string };

export interface OutboxOptions {
  fetch?: typeof fetch;
  /** The store; null for memory only. Default: database "tthc-feedback", store "outbox". */
  store?: UseStore | null;
  /** First retry delay; doubles per attempt, capped at maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  now?: () => number;
}

export interface Outbox {
  /** Keeps `submission` on the device, then tries to send it; `listen` hears every change of its state. */
  submit(submission: Submission, endpoint: string, listen: (d: Delivery) => void): Promise<void>;
  /** Sends every item that is due (all items when `all`), one tab at a time. */
  flush(all?: boolean): Promise<void>;
  /**
   * Last try when the page goes away: each item of this page by sendBeacon (kept for the next load),
   * except those whose request is still on its way (the collector would store them once anyway,
   * but the beacon would be wasted traffic). Such a request, if the unload cancels it, leaves its
   * item in the outbox for the next page load on the site: delayed, never lost.
   */
  beacon(): void;
  dispose(): void;
}

const LOCK = 'tthc-feedback-outbox';

export function openDefaultStore(): UseStore | null {
  try {
    return typeof indexedDB === 'undefined' ? null : createStore('tthc-feedback', 'outbox');
  } catch {
    return null;
  }
}

/** Exponential backoff with full jitter: a random delay in [d/2, d], d = base·2^(tries−1), capped. */
export function backoff(tries: number, base: number, max: number, random: () => number): number {
  const d = Math.min(max, base * 2 ** Math.max(0, tries - 1));
  return Math.round(d / 2 + (random() * d) / 2);
}

export function createOutbox(options: OutboxOptions = {}): Outbox {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  let store = options.store === undefined ? openDefaultStore() : options.store;
  const base = options.baseDelayMs ?? 1_000;
  const max = options.maxDelayMs ?? 5 * 60_000;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  /** Items this page submitted (and, without IndexedDB, the only copy). */
  const mine = new Map<string, OutboxItem>();
  const listeners = new Map<string, (d: Delivery) => void>();
  /** Ids whose request is on its way: the pagehide beacon leaves them to that request. */
  const inFlight = new Set<string>();
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const tell = (id: string, d: Delivery) => {
    try {
      listeners.get(id)?.(d);
    } catch {
      /* a listener's failure is not the outbox's */
    }
  };

  async function readAll(): Promise<OutboxItem[]> {
    if (store) {
      try {
        const stored = (await entries<string, OutboxItem>(store)).map(([, item]) => item);
        const ids = new Set(stored.map((i) => i.submission.id));
        // An item of this page missing from the store was delivered by another tab.
        for (const [id] of mine) if (!ids.has(id)) settle(id, { state: 'sent' });
        return stored;
      } catch {
        store = null;
      }
    }
    return [...mine.values()];
  }

  async function save(item: OutboxItem): Promise<void> {
    if (store)
      try {
        await set(item.submission.id, item, store);
      } catch {
        store = null;
      }
  }

  async function remove(id: string): Promise<void> {
    if (store)
      try {
        await del(id, store);
      } catch {
        store = null;
      }
  }

  function settle(id: string, d: Delivery): void {
    mine.delete(id);
    tell(id, d);
    listeners.delete(id);
  }

  async function attempt(item: OutboxItem): Promise<boolean> {
    const id = item.submission.id;
    tell(id, { state: 'sending' });
    inFlight.add(id);
    let result: Attempt;
    try {
      result = await attemptDelivery(item.endpoint, item.submission, fetchImpl);
    } finally {
      inFlight.delete(id);
    }
    if (result.kind === 'delivered') {
      await remove(id);
      settle(id, result.receipt ? { state: 'sent', receipt: result.receipt } : { state: 'sent' });
      return false;
    } else if (result.kind === 'rejected') {
      await remove(id);
      settle(id, { state: 'rejected', code: result.code });
      return false;
    } else {
      item.tries += 1;
      item.due = now() + Math.max(result.afterMs ?? 0, backoff(item.tries, base, max, random));
      if (mine.has(id)) mine.set(id, item);
      await save(item);
      tell(id, { state: 'queued', reason: result.reason });
      return true;
    }
  }

  function schedule(items: OutboxItem[]): void {
    clearTimeout(timer);
    if (disposed || !items.length) return;
    const next = Math.min(...items.map((i) => i.due));
    timer = setTimeout(() => void flush(), Math.max(0, Math.min(next - now(), 2 ** 31 - 1)));
  }

  async function run(all: boolean): Promise<void> {
    const left: OutboxItem[] = [];
    for (const item of await readAll()) {
      if (disposed) return;
      if (all || item.due <= now() ? await attempt(item) : true) left.push(item);
    }
    schedule(left);
  }

  function flush(all = false): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
    const job = () => run(all).catch(() => undefined);
    running = (locks?.request ? locks.request(LOCK, job).then(() => undefined, job) : job()).finally(() => {
      running = null;
      if (again && !disposed) {
        again = false;
        void flush();
      }
    });
    return running;
  }

  const onOnline = () => void flush(true);
  if (typeof addEventListener === 'function') addEventListener('online', onOnline);

  return {
    async submit(submission, endpoint, listen) {
      const item: OutboxItem = { submission, endpoint, tries: 0, due: now() };
      listeners.set(submission.id, listen);
      mine.set(submission.id, item);
      tell(submission.id, { state: 'sending' });
      await save(item);
      await flush();
    },
    flush,
    beacon() {
      if (typeof globalThis.navigator?.sendBeacon !== 'function') return;
      for (const item of mine.values()) {
        if (inFlight.has(item.submission.id)) continue;
        try {
          navigator.sendBeacon(item.endpoint, new Blob([JSON.stringify(item.submission)], { type: 'text/plain;charset=UTF-8' }));
        } catch {
          /* the item stays in the outbox for the next load */
        }
      }
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      if (typeof removeEventListener === 'function') removeEventListener('online', onOnline);
    },
  };
}
