/**
 * The batch runner: pages audited N at a time, each accounted for as done or unscannable, a stop
 * (pause or cancel) that loses nothing, a resume from the saved state that audits no page twice,
 * and progress with pages per minute and time left.
 */
import { describe, expect, it } from 'vitest';
import { unscannableReport, type AuditReport } from '../../shared/audit';
import {
  createBatch,
  estimate,
  parseBatchState,
  runBatch,
  type BatchIo,
  type BatchPage,
  type BatchProgress,
  type BatchState,
} from '../../shared/batch';

const links = Array.from({ length: 12 }, (_, i) => ({ url: `https://p.vn/tt/${i}` }));

function fakeReport(page: BatchPage): AuditReport {
  if (page.url.endsWith('/3'))
    return unscannableReport({ url: page.url, title: null }, { id: 'unscannable.httpStatus', params: { status: 404 } });
  return {
    ...unscannableReport({ url: page.url, title: null }, { id: 'unscannable.empty' }),
    status: 'audited',
    unscannableReason: undefined,
    results: [],
  } as AuditReport;
}

function io(options: { delay?: (url: string) => number; fail?: (url: string) => boolean } = {}) {
  const audits: string[] = [];
  const stored: string[] = [];
  const saved: string[] = [];
  let running = 0;
  let maxRunning = 0;
  let clock = 0;
  const progress: BatchProgress[] = [];
  const value: BatchIo = {
    async auditPage(page) {
      audits.push(page.url);
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, options.delay?.(page.url) ?? 2));
      running--;
      clock += 1000;
      if (options.fail?.(page.url)) throw new Error('boom');
      return fakeReport(page);
    },
    onPageDone(page) {
      stored.push(page.url);
    },
    saveState(state) {
      saved.push(JSON.stringify(state));
    },
    onProgress: (p) => progress.push(p),
    now: () => clock,
    failedReport: (page, error) =>
      unscannableReport({ url: page.url, title: null }, { id: 'unscannable.loadError', params: { detail: (error as Error).message } }),
  };
  return { io: value, audits, stored, saved, progress, maxRunning: () => maxRunning };
}

describe('runBatch', () => {
  it('audits every page once, at most N at a time, each done or unscannable with its reason', async () => {
    const t = io({ fail: (u) => u.endsWith('/7') });
    const result = await runBatch(createBatch(links), t.io, { concurrency: 3 });
    expect(result.completed).toBe(true);
    expect(t.maxRunning()).toBe(3);
    expect([...t.audits].sort()).toEqual(links.map((l) => l.url).sort());
    expect(result.counts).toMatchObject({ total: 12, done: 10, unscannable: 2, pending: 0, running: 0 });
    expect(result.state.pages.find((p) => p.url.endsWith('/3'))!.kind).toBe('http-status');
    expect(result.state.pages.find((p) => p.url.endsWith('/7'))!.kind).toBe('load-error');
    expect(t.stored).toHaveLength(12);
  });

  it('saves the state after every page, a page finished only after its report is stored', async () => {
    const t = io();
    await runBatch(createBatch(links), t.io, { concurrency: 2 });
    const last = JSON.parse(t.saved.at(-1)!) as BatchState;
    expect(last.pages.every((p) => p.state === 'done' || p.state === 'unscannable')).toBe(true);
    for (const snapshot of t.saved) {
      const state = JSON.parse(snapshot) as BatchState;
      const finished = state.pages.filter((p) => p.state === 'done' || p.state === 'unscannable').length;
      expect(finished).toBeLessThanOrEqual(t.stored.length);
    }
  });

  it('stops on the signal and resumes from the saved state without auditing a page twice', async () => {
    const stop = new AbortController();
    const first = io();
    const origAudit = first.io.auditPage;
    first.io.auditPage = async (page, signal) => {
      if (first.audits.length === 5) stop.abort();
      return origAudit(page, signal);
    };
    const run1 = await runBatch(createBatch(links), first.io, { concurrency: 2, signal: stop.signal });
    expect(run1.completed).toBe(false);
    expect(run1.counts.running).toBe(0);
    const parsed = parseBatchState(JSON.parse(first.saved.at(-1)!));
    expect(parsed.ok).toBe(true);
    const second = io();
    const run2 = await runBatch((parsed as { state: BatchState }).state, second.io, { concurrency: 3 });
    expect(run2.completed).toBe(true);
    const all = [...first.stored, ...second.stored];
    expect(all.sort()).toEqual(links.map((l) => l.url).sort());
    expect(new Set(all).size).toBe(all.length);
    expect(second.audits.some((u) => first.stored.includes(u))).toBe(false);
  });

  it('puts a page that was running when the process died back in the queue', () => {
    const state = createBatch(links);
    state.pages[0]!.state = 'running';
    state.pages[1]!.state = 'done';
    const parsed = parseBatchState(JSON.parse(JSON.stringify(state)));
    expect(parsed.ok && parsed.state.pages.map((p) => p.state).slice(0, 3)).toEqual(['pending', 'done', 'pending']);
  });

  it('refuses a state file of another shape or version', () => {
    expect(parseBatchState({ version: 99, kind: 'tthc-batch-state', pages: [] }).ok).toBe(false);
    expect(parseBatchState('nonsense').ok).toBe(false);
  });

  it('reports progress with pages per minute and time left', async () => {
    const t = io();
    await runBatch(createBatch(links), t.io, { concurrency: 1 });
    const mid = t.progress.find((p) => p.done + p.unscannable === 6)!;
    // The fake clock moves one second per page: 60 pages a minute, six pages (6 s) left.
    expect(mid.pagesPerMinute).toBeCloseTo(60);
    expect(mid.msLeft).toBe(6000);
    expect(t.progress.at(-1)).toMatchObject({ pending: 0, running: 0 });
    expect(estimate(0, 0, 5)).toEqual({ pagesPerMinute: null, msLeft: null });
  });

  it('queues a page listed twice once', () => {
    expect(createBatch([...links, links[0]!]).pages).toHaveLength(12);
  });
});
