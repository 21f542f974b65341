/**
 * Where a batch audit lives between pages and across restarts of the service worker or the
 * browser: one versioned storage item (`local:batch:v1`) holding the run state, the settings and
 * the queue in the shared runner's serialisable form (shared/batch), written after every page; and
 * one item per finished page (`local:batch:v1:page:<url>`) holding its report (unscannable ones
 * with their reason), so the queue item stays small however many reports there are. Storage is a trust boundary: every read is parsed, and
 * what does not parse reads as no batch / no page. Limits: one batch at a time.
 */
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import type { AuditReport } from '../../shared/audit/types';
import { AuditRunResponse } from '../messaging/audit-response';

const BATCH_KEY = 'local:batch:v1';
const PAGE_KEY_PREFIX = 'batch:v1:page:';

const RunState = z.enum(['running', 'paused', 'cancelled', 'finished']);
type RunState = z.infer<typeof RunState>;

const StoredBatchSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  source: z.string().check(z.maxLength(2_000)),
  createdAt: z.iso.datetime({ offset: true }),
  concurrency: z.number().check(z.int(), z.minimum(1), z.maximum(8)),
  timeoutMs: z.number().check(z.int(), z.minimum(1_000), z.maximum(300_000)),
  run: RunState,
  /** The queue in the shared runner's serialisable form (parsed with parseBatchState when loaded). */
  queue: z.unknown(),
  /** Pages finished while running, with activeMs: the rate and time left across pauses and restarts. */
  finishedRunning: z.number().check(z.minimum(0)),
  /** Tabs open for pages in progress, by URL (and kept for the next page, by `idle:<id>`): closed after a restart. */
  tabs: z.record(z.string(), z.number()),
  windowId: z.nullable(z.number()),
  /** Time spent running (paused time excluded), for pages per minute and the time left. */
  activeMs: z.number().check(z.minimum(0)),
  runningSince: z.nullable(z.number()),
});
export type StoredBatch = z.infer<typeof StoredBatchSchema>;

const batchItem = storage.defineItem<unknown>(BATCH_KEY, { fallback: null, version: 1 });

export async function loadBatch(): Promise<StoredBatch | null> {
  const parsed = StoredBatchSchema.safeParse(await batchItem.getValue());
  return parsed.success ? parsed.data : null;
}

export async function saveBatch(batch: StoredBatch): Promise<void> {
  await batchItem.setValue(StoredBatchSchema.parse(batch));
}

/** Calls `listener` with the batch whenever it is written (the batch page's progress). */
export function watchBatch(listener: (batch: StoredBatch | null) => void): () => void {
  return batchItem.watch((raw) => {
    const parsed = StoredBatchSchema.safeParse(raw);
    listener(parsed.success ? parsed.data : null);
  });
}

function pageKey(url: string): `local:${string}` {
  return `local:${PAGE_KEY_PREFIX}${url}`;
}

/** Stores a finished page's report (before the queue marks the page finished). */
export async function savePage(url: string, report: AuditReport): Promise<void> {
  await storage.setItem(pageKey(url), report);
}

function parseReport(raw: unknown): AuditReport | null {
  const parsed = AuditRunResponse.safeParse({ ok: true, report: raw });
  return parsed.success && parsed.data.ok ? parsed.data.report : null;
}

/** The stored reports of `urls`, in their order (pages without a readable report are left out). */
export async function loadPages(urls: readonly string[]): Promise<{ url: string; report: AuditReport }[]> {
  if (urls.length === 0) return [];
  const items = await storage.getItems(urls.map(pageKey));
  return items.flatMap((item, i) => {
    const report = parseReport(item.value);
    return report ? [{ url: urls[i]!, report }] : [];
  });
}

/** Removes the previous batch's pages (before a new batch starts). */
export async function clearPages(): Promise<void> {
  const all = await browser.storage.local.get(null);
  const keys = Object.keys(all).filter((key) => key.startsWith(PAGE_KEY_PREFIX));
  if (keys.length > 0) await browser.storage.local.remove(keys);
}
