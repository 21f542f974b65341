/**
 * The batch runner's core, shared by the CLI and the extension: a queue of pages audited N at a
 * time, each page pending → running → done or unscannable, a state that serialises to versioned
 * JSON after every page so a run can stop (kill, browser restart, pause) and resume without
 * auditing a page twice, and progress with pages per minute and time left. Pure logic: loading
 * and auditing a page, storing its report and saving the state are given by the caller (fetch and
 * linkedom in Node, hidden tabs in the extension). No timers or globals: the clock is injected too.
 *
 * Guarantee for resume: a page is marked finished in the state only after `onPageDone` (where the
 * caller stores the report) has returned, and state saves are serialised (one at a time, the
 * latest state last). Pages that were running when the run stopped go back to pending.
 */
import * as z from 'zod/mini';
import type { AuditReport } from '../audit/types';
import type { DiscoveredLink } from './discover';
import { unscannableKind, UNSCANNABLE_KINDS, type UnscannableKind } from './portal';

export const BATCH_STATE_VERSION = 1;

export type PageState = 'pending' | 'running' | 'done' | 'unscannable';

export interface BatchPage {
  url: string;
  procedureCode?: string;
  title?: string;
  state: PageState;
  /** Why an unscannable page could not be audited. */
  kind?: UnscannableKind;
  /** Failing elements on a done page (for tables without loading the report). */
  fail?: number;
}

export interface BatchState {
  version: typeof BATCH_STATE_VERSION;
  kind: 'tthc-batch-state';
  /** Where the pages came from (a list address, a file), for the report. */
  source: string | null;
  createdAt: string | null;
  pages: BatchPage[];
}

const KINDS = new Set<string>(UNSCANNABLE_KINDS);
const BatchStateSchema = z.object({
  version: z.literal(BATCH_STATE_VERSION),
  kind: z.literal('tthc-batch-state'),
  source: z.nullable(z.string()),
  createdAt: z.nullable(z.string()),
  pages: z.array(
    z.object({
      url: z.string(),
      procedureCode: z.optional(z.string()),
      title: z.optional(z.string()),
      state: z.enum(['pending', 'running', 'done', 'unscannable']),
      kind: z.optional(z.custom<UnscannableKind>((v) => typeof v === 'string' && KINDS.has(v))),
      fail: z.optional(z.number()),
    }),
  ),
});

/** Parses a saved state (a file or storage: a trust boundary). Pages left running become pending. */
export function parseBatchState(value: unknown): { ok: true; state: BatchState } | { ok: false; error: string } {
  const parsed = BatchStateSchema.safeParse(value);
  if (!parsed.success)
    return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  const state = parsed.data as BatchState;
  for (const page of state.pages) if (page.state === 'running') page.state = 'pending';
  return { ok: true, state };
}

/** A new batch over `links` (deduplicated by address, first wins). */
export function createBatch(
  links: readonly DiscoveredLink[],
  options: { source?: string | null; createdAt?: string | null } = {},
): BatchState {
  const seen = new Set<string>();
  const pages: BatchPage[] = [];
  for (const link of links) {
    if (seen.has(link.url)) continue;
    seen.add(link.url);
    pages.push({
      url: link.url,
      ...(link.procedureCode ? { procedureCode: link.procedureCode } : {}),
      ...(link.title ? { title: link.title } : {}),
      state: 'pending',
    });
  }
  return {
    version: BATCH_STATE_VERSION,
    kind: 'tthc-batch-state',
    source: options.source ?? null,
    createdAt: options.createdAt ?? null,
    pages,
  };
}

export interface BatchCounts {
  total: number;
  pending: number;
  running: number;
  done: number;
  unscannable: number;
}

export function batchCounts(state: BatchState): BatchCounts {
  const counts: BatchCounts = { total: state.pages.length, pending: 0, running: 0, done: 0, unscannable: 0 };
  for (const page of state.pages) counts[page.state]++;
  return counts;
}

export interface BatchProgress extends BatchCounts {
  /** Pages finished in this session per minute (null before the first one). */
  pagesPerMinute: number | null;
  /** Estimated milliseconds left at that rate (null when unknown). */
  msLeft: number | null;
  /** The page that just finished, if any. */
  last?: { url: string; state: 'done' | 'unscannable'; kind?: UnscannableKind };
}

/** Rate and time left from the pages finished in this session and the time it has run. */
export function estimate(
  finishedThisSession: number,
  elapsedMs: number,
  left: number,
): { pagesPerMinute: number | null; msLeft: number | null } {
  if (finishedThisSession === 0 || elapsedMs <= 0) return { pagesPerMinute: null, msLeft: null };
  const perMs = finishedThisSession / elapsedMs;
  return { pagesPerMinute: perMs * 60_000, msLeft: Math.round(left / perMs) };
}

/** The part of an AbortSignal the runner reads. */
export interface StopSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface BatchIo {
  /**
   * Loads and audits one page. Resolves with the page's report (unscannable ones carry their
   * reason: timeout, HTTP status, load error, permission refused, not a procedure page). A
   * rejection is recorded as a load error unless the run was stopped meanwhile.
   */
  auditPage(page: BatchPage, signal: StopSignal | undefined): Promise<AuditReport>;
  /** Stores a finished page's report (before the state marks it finished). */
  onPageDone?(page: BatchPage, report: AuditReport): Promise<void> | void;
  /** Saves the state (called after every finished page; never two at once). */
  saveState?(state: BatchState): Promise<void> | void;
  onProgress?(progress: BatchProgress): void;
  /** A clock in milliseconds (Date.now by default through the caller; injected for tests). */
  now(): number;
  /** Makes the report for a page whose audit threw (so every page is accounted for). */
  failedReport(page: BatchPage, error: unknown): AuditReport;
}

export interface RunOptions {
  /** Pages audited at the same time (default 3). */
  concurrency?: number;
  /** Stops the run (pause or cancel): running pages go back to pending, nothing is lost. */
  signal?: StopSignal;
}

export interface RunResult {
  state: BatchState;
  /** True when every page is done or unscannable; false when the run was stopped first. */
  completed: boolean;
  counts: BatchCounts;
}

export const DEFAULT_CONCURRENCY = 3;

/**
 * Runs the batch: audits every pending page, `concurrency` at a time, until none is left or the
 * signal stops it. Mutates and returns `state`. Finished pages are never audited again.
 */
export async function runBatch(state: BatchState, io: BatchIo, options: RunOptions = {}): Promise<RunResult> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const signal = options.signal;
  for (const page of state.pages) if (page.state === 'running') page.state = 'pending';
  const queue = state.pages.filter((p) => p.state === 'pending');
  const startedAt = io.now();
  let finished = 0;

  // Saves one at a time; a save asked for while one runs is done once after it, with the latest state.
  let saving: Promise<void> | null = null;
  let again = false;
  const save = (): Promise<void> => {
    if (!io.saveState) return Promise.resolve();
    if (saving) {
      again = true;
      return saving;
    }
    const run = async (): Promise<void> => {
      do {
        again = false;
        await io.saveState!(state);
      } while (again);
    };
    saving = run().finally(() => {
      saving = null;
    });
    return saving;
  };

  const progress = (last?: BatchProgress['last']) => {
    if (!io.onProgress) return;
    const counts = batchCounts(state);
    io.onProgress({ ...counts, ...estimate(finished, io.now() - startedAt, counts.pending + counts.running), ...(last ? { last } : {}) });
  };

  const worker = async (): Promise<void> => {
    while (!signal?.aborted) {
      const page = queue.shift();
      if (!page) return;
      if (page.state !== 'pending') continue;
      page.state = 'running';
      let report: AuditReport;
      try {
        report = await io.auditPage(page, signal);
      } catch (error) {
        if (signal?.aborted) {
          page.state = 'pending';
          return;
        }
        report = io.failedReport(page, error);
      }
      // A page that finished while the run was being stopped is kept: its report is complete.
      await io.onPageDone?.(page, report);
      const kind = unscannableKind(report);
      if (kind) {
        page.state = 'unscannable';
        page.kind = kind;
        delete page.fail;
      } else {
        page.state = 'done';
        page.fail = report.results.filter((r) => (r.override?.status ?? r.status) === 'fail').length;
        delete page.kind;
      }
      finished++;
      await save();
      progress({ url: page.url, state: page.state, ...(kind ? { kind } : {}) });
    }
  };

  progress();
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, queue.length)) }, worker));
  for (const page of state.pages) if (page.state === 'running') page.state = 'pending';
  await save();
  while (saving) await saving;
  const counts = batchCounts(state);
  return { state, completed: counts.pending === 0 && counts.running === 0, counts };
}
