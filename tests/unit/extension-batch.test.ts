/**
 * The extension's batch worker and its storage, on WXT's fakeBrowser, with the page audit
 * injected: every page ends done or unscannable and its report is stored; pause lets the pages in
 * progress finish; a new worker on the same storage (a restarted service worker) resumes where the
 * last one stopped, closes the tabs it left, and audits no finished page again; cancel ends the
 * batch; a damaged stored batch reads as none. Also the pasted-list parser and origin patterns.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AuditReport } from '../../shared/audit/types';

type Worker = typeof import('../../extension/batch/worker');
type Store = typeof import('../../extension/batch/store');
type Discover = typeof import('../../extension/batch/discover');
type Permissions = typeof import('../../extension/batch/permissions');
type Reports = typeof import('../../extension/batch/reports');
let worker: Worker;
let store: Store;
let discover: Discover;
let permissions: Permissions;
let reports: Reports;

beforeAll(async () => {
  vi.stubGlobal('browser', fakeBrowser);
  vi.stubGlobal('chrome', fakeBrowser);
  worker = await import('../../extension/batch/worker');
  store = await import('../../extension/batch/store');
  discover = await import('../../extension/batch/discover');
  permissions = await import('../../extension/batch/permissions');
  reports = await import('../../extension/batch/reports');
});
beforeEach(() => fakeBrowser.reset());

function audited(url: string): AuditReport {
  return {
    schemaVersion: 2,
    engine: { name: 'tthc-audit', version: 'test' },
    page: { url, title: 'Thủ tục' },
    status: 'audited',
    procedure: { code: '1.000001', name: 'Thủ tục thử' },
    results: [],
    findings: [],
    counts: { pass: 0, fail: 0, review: 0, na: 0 },
    nodeCount: 10,
  };
}

/** A controllable page audit: each call waits until the test releases its URL (or answers at once). */
function fakeAudits(options: { manual?: boolean } = {}) {
  const calls: string[] = [];
  const waiting = new Map<string, () => void>();
  const closedTabs: number[] = [];
  let nextTab = 100;
  const deps = {
    auditPage: async (url: string, o: { onTab(tabId: number): void }) => {
      calls.push(url);
      o.onTab(nextTab++);
      if (options.manual) await new Promise<void>((done) => waiting.set(url, done));
      if (url.includes('gone')) return reports.unreadReport(url, { id: 'unscannable.httpStatus', params: { status: 404 } });
      return audited(url);
    },
    ensureWindow: async () => 7,
    closeWindow: async () => undefined,
    closeTab: async (id: number) => void closedTabs.push(id),
    keepAlive: async () => undefined,
    now: () => Date.now(),
    newId: () => 'batch-1',
  };
  return {
    deps,
    calls,
    closedTabs,
    release(url?: string) {
      for (const [u, done] of waiting) if (url === undefined || u === url) (waiting.delete(u), done());
    },
    waitingCount: () => waiting.size,
  };
}

const URLS = [
  'https://a.gov.vn/tthc/1',
  'https://a.gov.vn/tthc/2',
  'https://a.gov.vn/gone/3',
  'https://a.gov.vn/tthc/4',
  'https://a.gov.vn/tthc/5',
];
const start = { urls: URLS, source: 'test', concurrency: 2, timeoutMs: 5_000 };

async function stored() {
  const batch = await store.loadBatch();
  if (!batch) throw new Error('no batch stored');
  return { batch, progress: worker.progressOf(batch, Date.now()) };
}

describe('extension batch worker', () => {
  it('audits every page, stores each report, and ends finished with the right counts', async () => {
    const fake = fakeAudits();
    const w = new worker.BatchWorker(fake.deps);
    expect(await w.start(start)).toEqual({ state: 'running' });
    await vi.waitFor(async () => expect((await stored()).batch.run).toBe('finished'));
    const { progress } = await stored();
    expect(progress).toMatchObject({ total: 5, done: 4, unscannable: 1, pending: 0, running: 0 });
    expect(fake.calls.sort()).toEqual([...URLS].sort());
    const pages = await store.loadPages(URLS);
    expect(pages.map((p) => p.report.status)).toEqual(['audited', 'audited', 'unscannable', 'audited', 'audited']);
  });

  it('pauses after the pages in progress, and a restarted worker resumes without auditing a page twice', async () => {
    const fake = fakeAudits({ manual: true });
    const first = new worker.BatchWorker(fake.deps);
    await first.start(start);
    await vi.waitFor(() => expect(fake.waitingCount()).toBe(2));
    fake.release(URLS[0]);
    await vi.waitFor(() => expect(fake.waitingCount()).toBe(2)); // the third page started
    expect(await first.control('pause')).toEqual({ state: 'paused' });
    fake.release(); // the pages in progress finish after the pause
    await vi.waitFor(async () => expect((await stored()).progress).toMatchObject({ done: 2, unscannable: 1, running: 0, pending: 2 }));
    expect(fake.calls).toHaveLength(3);

    // A new service worker: it reads the paused batch and does nothing until resumed.
    const second = new worker.BatchWorker(fake.deps);
    await second.rehydrate();
    expect(fake.calls).toHaveLength(3);
    expect(await second.control('resume')).toEqual({ state: 'running' });
    await vi.waitFor(() => expect(fake.waitingCount()).toBe(2));
    fake.release();
    await vi.waitFor(async () => expect((await stored()).batch.run).toBe('finished'));
    expect(fake.calls.sort()).toEqual([...URLS].sort());
  });

  it('after a worker stopped mid-page, closes its tabs and asks those pages again, never the finished ones', async () => {
    const fake = fakeAudits({ manual: true });
    const lost = new worker.BatchWorker(fake.deps);
    await lost.start(start);
    await vi.waitFor(() => expect(fake.waitingCount()).toBe(2));
    fake.release(URLS[0]);
    await vi.waitFor(async () => expect((await stored()).progress.done).toBe(1));
    await vi.waitFor(async () => expect(Object.keys((await stored()).batch.tabs)).toHaveLength(2));
    // The worker is gone (its pending audits never answer); a new one wakes on the alarm.
    const tabsLeft = Object.values((await stored()).batch.tabs);
    const revived = fakeAudits();
    const next = new worker.BatchWorker({ ...revived.deps, closeTab: fake.deps.closeTab });
    await next.rehydrate();
    await vi.waitFor(async () => expect((await stored()).batch.run).toBe('finished'));
    expect(fake.closedTabs.sort()).toEqual(tabsLeft.sort());
    expect(revived.calls).not.toContain(URLS[0]);
    expect(revived.calls.sort()).toEqual(URLS.slice(1).sort());
  });

  it('cancel ends the batch; a new batch is refused while one is paused', async () => {
    const fake = fakeAudits({ manual: true });
    const w = new worker.BatchWorker(fake.deps);
    await w.start(start);
    await vi.waitFor(() => expect(fake.waitingCount()).toBe(2));
    await w.control('pause');
    expect(await w.start(start)).toEqual({ state: 'paused', refused: 'busy' });
    expect(await w.control('cancel')).toEqual({ state: 'cancelled' });
    fake.release();
    expect(await w.control('resume')).toEqual({ state: 'cancelled' });
    await vi.waitFor(async () => expect((await stored()).progress.running).toBe(0));
    expect(fake.calls).toHaveLength(2);
  });

  it('reads a damaged stored batch as none, and answers controls with no-batch', async () => {
    await fakeBrowser.storage.local.set({ 'batch:v1': { id: 'x', run: 'flying' } });
    expect(await store.loadBatch()).toBeNull();
    const w = new worker.BatchWorker(fakeAudits().deps);
    expect(await w.control('pause')).toEqual({ state: 'idle', refused: 'no-batch' });
  });
});

describe('extension batch inputs', () => {
  it('takes a pasted list one address a line, reporting lines that are not addresses and duplicates', () => {
    const parsed = discover.parseUrlList(
      'https://a.gov.vn/tthc/1\n\n  https://A.gov.vn/tthc/1#top \nftp://x/y\nkhông phải địa chỉ\nhttps://b.gov.vn/2?utm_source=x',
    );
    expect(parsed.urls).toEqual(['https://a.gov.vn/tthc/1', 'https://b.gov.vn/2']);
    expect(parsed.invalid).toEqual(['ftp://x/y', 'không phải địa chỉ']);
    expect(parsed.duplicates).toBe(1);
  });

  it('takes the list walk’s selectors from the site profile of the list’s host or a parent domain, the most specific first', async () => {
    const { parseProfiles } = await import('../../extension/messaging/profiles');
    const parsed = parseProfiles(
      JSON.stringify([
        { host: 'gov.vn', linkSelector: 'table.tthc a', nextSelector: '.pager a' },
        { host: 'dichvucong.x.gov.vn', linkSelector: '.ds-tthc h3 a' },
        { host: 'y.gov.vn', labels: { dossier: ['Giấy tờ'] } },
      ]),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(discover.listProfileFor('https://dichvucong.x.gov.vn/ds?page=1', parsed.profiles)).toEqual({
      linkSelector: '.ds-tthc h3 a',
      nextSelector: '.pager a',
    });
    expect(discover.listProfileFor('https://y.gov.vn/ds', parsed.profiles)).toEqual({
      linkSelector: 'table.tthc a',
      nextSelector: '.pager a',
    });
    expect(discover.listProfileFor('https://example.com/ds', parsed.profiles)).toBeUndefined();
    // A list selector the browser refuses is named like an element's.
    expect(parseProfiles('[{"host":"x.gov.vn","nextSelector":"a[["}]', (s) => !s.includes('[['))).toEqual({
      ok: false,
      error: 'x.gov.vn → nextSelector',
      invalid: [{ host: 'x.gov.vn', element: 'nextSelector', selector: 'a[[' }],
    });
  });

  it('asks for one pattern per site, ports and paths left out', () => {
    expect(permissions.originPatterns(['http://127.0.0.1:8080/a', 'http://127.0.0.1:9090/b', 'https://x.gov.vn/c', 'mailto:a@b'])).toEqual([
      'http://127.0.0.1/*',
      'https://x.gov.vn/*',
    ]);
  });
});
