/**
 * Batch page (batch.html, or batch.html?tabId=N from the side panel): audits every procedure page
 * of a portal. The auditor pastes addresses, or finds them from a procedure-list page (fetched
 * from here, pagination followed) or from the list in the open tab (its HTML, read through
 * activeTab); "Bắt đầu kiểm tra" asks the browser for access to the sites of the list at that
 * moment (optional host permissions, inside the click) and hands the list to the background worker
 * (extension/batch/). Progress (counts, pages per minute, time left) and results are read from
 * storage as the worker writes them, so this page may be closed and opened again at any time.
 * Results: a table of pages sortable by result, agency, missing elements and address, filtered by
 * a missing element; totals by element and agency; any audited page opens in the side panel (its
 * stored report in the panel's report view, sidepanel/batch-request.ts) or in the minutes page
 * (saved into the history first); the portal report is exported through shared/report (CSV, JSON,
 * printable HTML).
 */
import { useEffect } from 'preact/hooks';
import { useSignal, type Signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { AuditReport } from '../../../shared/audit/types';
import { buildPortalReport, normalizeUrl, type PortalPage, type PortalReport } from '../../../shared/batch';
import { ELEMENT_IDS, elementName, STATUSES, type ElementId } from '../../../shared/checklist';
import { commonCatalogs } from '../../../shared/i18n/common';
import type { ExtensionMessageId } from '../../../shared/i18n/extension';
import { formatMessage, type Locale } from '../../../shared/i18n/format';
import { portalToCsv, portalToHtml, portalToJson, reasonText, statusLabel, summaryText } from '../../../shared/report';
import { DEFAULT_LIST_PAGES, discoverList, listProfileFor, MAX_LIST_PAGES, parseUrlList } from '../../batch/discover';
import { loadProfiles } from '../../messaging/profiles';
import { mayRead, originPatterns, requestOrigins } from '../../batch/permissions';
import { loadBatch, loadPages, watchBatch, type StoredBatch } from '../../batch/store';
import { ENGINE_OF_UNREAD } from '../../batch/reports';
import { queueOf } from '../../batch/worker';
import { saveAudit } from '../../messaging/storage';
import { download, mountPage, useUi } from '../../ui/page';
import { askWorker, BatchProgress } from '../sidepanel/batch-progress';
import { showInPanel } from '../sidepanel/batch-request';
import '../sidepanel/style.css';
import './style.css';

const tabId = Number(new URLSearchParams(location.search).get('tabId')) || undefined;

/** Most pages in one batch (the protocol's bound). */
const MAX_PAGES = 10_000;

type Notice = { id: ExtensionMessageId; params?: Record<string, string | number>; tone: 'info' | 'error' } | null;
type Source = 'pasted' | 'list' | 'tab';
type SortKey = 'status' | 'agency' | 'missing' | 'page';

function NoticeLine({ notice }: { notice: Signal<Notice> }) {
  const { t } = useUi();
  const n = notice.value;
  return (
    <p class={`notice ${n?.tone ?? ''}`} role="status" data-notice={n?.id ?? ''}>
      {n ? t(n.id, n.params) : ''}
    </p>
  );
}

function StartForm({ onStarted }: { onStarted(allowed: boolean): void }) {
  const { t } = useUi();
  const source = useSignal<Source>(tabId ? 'tab' : 'pasted');
  const urls = useSignal('');
  const listUrl = useSignal('');
  const maxListPages = useSignal(String(DEFAULT_LIST_PAGES));
  const concurrency = useSignal('3');
  const timeout = useSignal('30');
  const tabUrl = useSignal<string | null>(null);
  const busy = useSignal(false);
  const notice = useSignal<Notice>(null);
  const sourceLabel = useSignal<string | null>(null);

  useEffect(() => {
    if (tabId)
      void browser.tabs.get(tabId).then(
        (tab) => (tabUrl.value = tab.url ?? null),
        () => (tabUrl.value = null),
      );
  }, []);

  const listPages = () => Math.min(MAX_LIST_PAGES, Math.max(1, Math.floor(Number(maxListPages.value)) || DEFAULT_LIST_PAGES));

  async function found(result: Awaited<ReturnType<typeof discoverList>>, from: string): Promise<void> {
    if (result.links.length === 0) {
      const failure = result.failures[0];
      notice.value = failure
        ? { id: 'extension.batch.discoverFailed', params: { url: failure.url, reason: failure.reason }, tone: 'error' }
        : { id: 'extension.batch.discoverNone', tone: 'error' };
      return;
    }
    urls.value = result.links.map((l) => l.url).join('\n');
    sourceLabel.value = from;
    notice.value = { id: 'extension.batch.discovered', params: { count: result.links.length, lists: result.listPages }, tone: 'info' };
  }

  function findFromList(event: Event): void {
    event.preventDefault();
    const url = normalizeUrl(listUrl.value);
    if (!url) {
      notice.value = { id: 'extension.batch.listUrlInvalid', tone: 'error' };
      return;
    }
    const granted = requestOrigins([url]); // first, inside the click
    busy.value = true;
    void (async () => {
      try {
        if (!(await granted) && !(await mayRead(url))) {
          notice.value = { id: 'extension.batch.listRefused', params: { origin: new URL(url).host }, tone: 'error' };
          return;
        }
        await found(await discoverList({ url }, { maxListPages: listPages(), profile: listProfileFor(url, await loadProfiles()) }), url);
      } finally {
        busy.value = false;
      }
    })();
  }

  function findFromTab(): void {
    const url = tabUrl.value;
    if (!tabId || !url) {
      notice.value = { id: 'extension.batch.noTab', tone: 'error' };
      return;
    }
    // Access to the tab's site lets the list's other pages be fetched; the tab itself is read through activeTab.
    const granted = requestOrigins([url]);
    busy.value = true;
    void (async () => {
      try {
        await granted;
        const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: () => document.documentElement.outerHTML });
        const html = typeof frame?.result === 'string' ? frame.result : null;
        if (html === null) throw new Error('no html');
        await found(
          await discoverList({ url, html }, { maxListPages: listPages(), profile: listProfileFor(url, await loadProfiles()) }),
          url,
        );
      } catch {
        notice.value = { id: 'extension.batch.noTab', tone: 'error' };
      } finally {
        busy.value = false;
      }
    })();
  }

  function start(event: Event): void {
    event.preventDefault();
    const parsed = parseUrlList(urls.value);
    const pages = Number(concurrency.value);
    const seconds = Number(timeout.value);
    if (!Number.isInteger(pages) || pages < 1 || pages > 8 || !Number.isFinite(seconds) || seconds < 5 || seconds > 300) {
      notice.value = { id: 'extension.batch.badNumber', tone: 'error' };
      return;
    }
    if (parsed.urls.length === 0) {
      notice.value = { id: 'extension.batch.empty', tone: 'error' };
      return;
    }
    if (parsed.urls.length > MAX_PAGES) {
      notice.value = { id: 'extension.batch.tooMany', params: { count: parsed.urls.length, max: MAX_PAGES }, tone: 'error' };
      return;
    }
    // Asked at this moment, inside the click: the browser refuses the request after any await.
    const granted = requestOrigins(parsed.urls);
    busy.value = true;
    void (async () => {
      try {
        const allowed = await granted;
        const answer = await askWorker({
          type: 'batch/start',
          urls: parsed.urls,
          source: sourceLabel.value ?? t('extension.batch.pasted'),
          concurrency: pages,
          timeoutMs: Math.round(seconds * 1000),
        });
        if (answer.refused === 'busy') {
          notice.value = { id: 'extension.batch.busy', tone: 'error' };
          return;
        }
        onStarted(allowed);
      } catch {
        notice.value = { id: 'extension.batch.noWorker', tone: 'error' };
      } finally {
        busy.value = false;
      }
    })();
  }

  const parsed = parseUrlList(urls.value);
  const origins = originPatterns(parsed.urls);
  return (
    <form data-form="start" onSubmit={start} noValidate>
      <fieldset class="choices">
        <legend>{t('extension.batch.sourceLegend')}</legend>
        {(['pasted', 'list', ...(tabId ? ['tab' as const] : [])] as Source[]).map((s) => (
          <label key={s}>
            <input
              type="radio"
              name="source"
              value={s}
              checked={source.value === s}
              onChange={() => {
                source.value = s;
                sourceLabel.value = null;
              }}
            />{' '}
            {t(s === 'pasted' ? 'extension.batch.sourcePasted' : s === 'list' ? 'extension.batch.sourceList' : 'extension.batch.sourceTab')}
          </label>
        ))}
      </fieldset>
      {source.value === 'list' && (
        <div class="row">
          <label class="field">
            {t('extension.batch.listUrl')}
            <input type="url" name="listUrl" size={60} value={listUrl.value} onInput={(e) => (listUrl.value = e.currentTarget.value)} />
          </label>
          <label class="field">
            {t('extension.batch.maxListPages')}
            <input
              type="number"
              name="maxListPages"
              min={1}
              max={MAX_LIST_PAGES}
              value={maxListPages.value}
              onInput={(e) => (maxListPages.value = e.currentTarget.value)}
            />
          </label>
          <button type="button" data-action="discover" disabled={busy.value} onClick={findFromList}>
            {t(busy.value ? 'extension.batch.discovering' : 'extension.batch.discover')}
          </button>
        </div>
      )}
      {source.value === 'tab' && (
        <div class="row">
          <p class="url">{tabUrl.value ?? ''}</p>
          <button type="button" data-action="discover-tab" disabled={busy.value} onClick={findFromTab}>
            {t(busy.value ? 'extension.batch.discovering' : 'extension.batch.discoverTab')}
          </button>
        </div>
      )}
      <label class="field">
        {t('extension.batch.urls')}
        <textarea name="urls" rows={10} value={urls.value} onInput={(e) => (urls.value = e.currentTarget.value)} />
      </label>
      {parsed.invalid.length > 0 && (
        <p class="notice error" data-invalid={parsed.invalid.length}>
          {t('extension.batch.invalidLines', { count: parsed.invalid.length, lines: parsed.invalid.slice(0, 5).join(', ') })}
        </p>
      )}
      {parsed.duplicates > 0 && <p class="notice">{t('extension.batch.duplicates', { count: parsed.duplicates })}</p>}
      <fieldset>
        <legend>{t('extension.batch.settings')}</legend>
        <div class="row">
          <label class="field">
            {t('extension.batch.concurrency')}
            <input
              type="number"
              name="concurrency"
              min={1}
              max={8}
              value={concurrency.value}
              onInput={(e) => (concurrency.value = e.currentTarget.value)}
            />
          </label>
          <label class="field">
            {t('extension.batch.timeout')}
            <input
              type="number"
              name="timeout"
              min={5}
              max={300}
              value={timeout.value}
              onInput={(e) => (timeout.value = e.currentTarget.value)}
            />
          </label>
        </div>
      </fieldset>
      {origins.length > 0 && (
        <p>{t('extension.batch.permissionHint', { origins: origins.map((o) => o.replace(/\/\*$/, '')).join(', ') })}</p>
      )}
      <div class="actions">
        <button type="submit" data-action="start" disabled={busy.value}>
          {t('extension.batch.start')}
        </button>
      </div>
      <NoticeLine notice={notice} />
    </form>
  );
}

function kindLabel(page: PortalPage, locale: Locale): string {
  if (!page.unscannable) return '';
  const kind = formatMessage(locale, commonCatalogs[locale][`portal.kind.${page.unscannable.kind}`]);
  return `${kind}: ${reasonText(page.unscannable.reason, locale)}`;
}

function compareBy(key: SortKey): (a: PortalPage, b: PortalPage) => number {
  const byUrl = (a: PortalPage, b: PortalPage) => (a.url ?? '').localeCompare(b.url ?? '');
  switch (key) {
    case 'status':
      return (a, b) =>
        Number(a.status === 'unscannable') - Number(b.status === 'unscannable') ||
        (a.unscannable?.kind ?? '').localeCompare(b.unscannable?.kind ?? '') ||
        b.counts.fail - a.counts.fail ||
        byUrl(a, b);
    case 'agency':
      return (a, b) => (a.agency ?? '\uffff').localeCompare(b.agency ?? '\uffff', 'vi') || byUrl(a, b);
    case 'missing':
      return (a, b) => b.counts.fail - a.counts.fail || b.counts.review - a.counts.review || byUrl(a, b);
    case 'page':
      return byUrl;
  }
}

/**
 * What the page keeps of a finished page's report: enough for the table and the totals
 * (statuses, the agency's value, the procedure, the reason of an unscannable page). Evidence,
 * values and findings are left in storage and read again for an export or the minutes, so the
 * page stays small however many pages the batch has.
 */
function slim(report: AuditReport): AuditReport {
  return {
    ...report,
    findings: [],
    results: report.results.map(({ contact: _contact, ...r }) => ({ ...r, evidence: [], value: r.id === 'agency' ? r.value : null })),
  };
}

/** The heading cells of a totals table: one column per status. */
function StatusHeads({ locale }: { locale: Locale }) {
  return (
    <>
      {STATUSES.map((s) => (
        <th key={s} scope="col">
          {statusLabel(s, locale)}
        </th>
      ))}
    </>
  );
}

/** One totals row's counts, in the order of StatusHeads. */
function StatusCounts({ counts }: { counts: Readonly<Record<(typeof STATUSES)[number], number>> }) {
  return (
    <>
      {STATUSES.map((s) => (
        <td key={s} class="n">
          {counts[s]}
        </td>
      ))}
    </>
  );
}

function Results({ batch, pages }: { batch: StoredBatch; pages: readonly (readonly [string, AuditReport])[] }) {
  const { t, locale, options } = useUi();
  // This page's window, read ahead: the side panel opens only inside the click, before any await.
  const windowId = useSignal<number | undefined>(undefined);
  useEffect(() => {
    void browser.windows.getCurrent().then(
      (w) => (windowId.value = w.id),
      () => undefined,
    );
  }, []);
  const sort = useSignal<SortKey>('status');
  const element = useSignal<ElementId | ''>('');
  const portal: PortalReport = buildPortalReport(
    pages.map(([, r]) => r),
    { source: batch.source },
  );
  const all = [...portal.pages, ...portal.unscannable];
  // The queue's address of each row (a page may have been redirected to another address).
  const queueUrl = new Map(pages.map(([url, r]) => [normalizeUrl(r.page.url ?? '') ?? r.page.url, url]));
  const shown = all.filter((p) => !element.value || p.elements[element.value] === 'fail').sort(compareBy(sort.value));
  const stem = `tthc-cong-${batch.createdAt.slice(0, 10)}`;

  /** The portal report from the full stored reports. */
  async function fullReport(): Promise<PortalReport> {
    const full = await loadPages(pages.map(([url]) => url));
    // Reports the engine read first: the portal report names the engine of its first report.
    const read = (r: AuditReport) => Number(r.engine.version === ENGINE_OF_UNREAD.version);
    return buildPortalReport(
      full.map((p) => p.report).sort((a, b) => read(a) - read(b)),
      { source: batch.source, generatedAt: new Date().toISOString() },
    );
  }

  async function openMinutes(page: PortalPage): Promise<void> {
    const url = queueUrl.get(page.url);
    const [stored] = url ? await loadPages([url]) : [];
    if (!stored) return;
    const id = crypto.randomUUID();
    await saveAudit({
      id,
      savedAt: new Date().toISOString(),
      auditor: options.auditorName,
      unit: options.unit,
      textHash: null,
      report: stored.report,
    });
    await browser.tabs.create({ url: browser.runtime.getURL(`/report.html?id=${encodeURIComponent(id)}` as '/report.html') });
  }

  const sortHeader = (key: SortKey, label: ExtensionMessageId) => (
    <th scope="col" aria-sort={sort.value === key ? (key === 'missing' ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" data-sort={key} onClick={() => (sort.value = key)}>
        {t(label)}
      </button>
    </th>
  );

  if (all.length === 0) return <p data-results="none">{t('extension.batch.noResults')}</p>;
  return (
    <>
      <section aria-labelledby="results-title">
        <h2 id="results-title">{t('extension.batch.results')}</h2>
        <div class="actions">
          <button
            type="button"
            data-action="export-csv"
            onClick={() => void fullReport().then((r) => download(`${stem}.csv`, 'text/csv;charset=utf-8', portalToCsv(r, locale)))}
          >
            {t('extension.batch.exportCsv')}
          </button>
          <button
            type="button"
            class="secondary"
            data-action="export-json"
            onClick={() => void fullReport().then((r) => download(`${stem}.json`, 'application/json', portalToJson(r)))}
          >
            {t('extension.batch.exportJson')}
          </button>
          <button
            type="button"
            class="secondary"
            data-action="export-print"
            onClick={() => void fullReport().then((r) => download(`${stem}.html`, 'text/html;charset=utf-8', portalToHtml(r, locale)))}
          >
            {t('extension.batch.exportPrint')}
          </button>
        </div>
        <div class="row">
          <label class="field">
            {t('extension.batch.sortBy')}
            <select name="sort" value={sort.value} onChange={(e) => (sort.value = e.currentTarget.value as SortKey)}>
              {(['status', 'agency', 'missing', 'page'] as const).map((key) => (
                <option key={key} value={key}>
                  {t(`extension.batch.sort.${key}`)}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            {t('extension.batch.element')}
            <select name="element" value={element.value} onChange={(e) => (element.value = e.currentTarget.value as ElementId | '')}>
              <option value="">{t('extension.batch.elementAll')}</option>
              {ELEMENT_IDS.map((id) => (
                <option key={id} value={id}>
                  {elementName(id, locale)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p role="status">{t('extension.batch.shown', { count: shown.length })}</p>
        <table class="pages" data-table="pages">
          <thead>
            <tr>
              {sortHeader('page', 'extension.batch.colPage')}
              <th scope="col">{t('extension.batch.colProcedure')}</th>
              {sortHeader('agency', 'extension.batch.colAgency')}
              {sortHeader('status', 'extension.batch.colStatus')}
              {sortHeader('missing', 'extension.batch.colMissing')}
              <th scope="col">{t('extension.batch.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((page) => (
              <tr
                key={page.id}
                data-page={page.url ?? ''}
                data-outcome={page.status === 'audited' ? 'done' : 'unscannable'}
                data-kind={page.unscannable?.kind ?? ''}
              >
                <td class="url">{page.url}</td>
                <td>{[page.code, page.name].filter(Boolean).join(' · ')}</td>
                <td>{page.status === 'audited' ? (page.agency ?? t('extension.batch.noAgency')) : ''}</td>
                <td class="outcome">
                  {page.status === 'audited'
                    ? `${t('extension.batch.outcome.done')} · ${summaryText(page.counts, locale)}`
                    : kindLabel(page, locale)}
                </td>
                <td>{page.missing.map((id) => elementName(id, locale)).join(', ')}</td>
                <td>
                  {page.status === 'audited' && (
                    <div class="row-actions">
                      <button
                        type="button"
                        class="secondary"
                        data-action="open-in-panel"
                        aria-label={t('extension.batch.openInPanelFor', { page: page.name ?? page.url ?? '' })}
                        onClick={() => {
                          const url = queueUrl.get(page.url);
                          if (url) void showInPanel(url, windowId.value);
                        }}
                      >
                        {t('extension.batch.openInPanel')}
                      </button>
                      <button type="button" class="secondary" data-action="open-minutes" onClick={() => void openMinutes(page)}>
                        {t('extension.batch.openAudit')}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="by-element-title">
        <h2 id="by-element-title">{t('extension.batch.byElement')}</h2>
        <table class="totals" data-table="elements">
          <thead>
            <tr>
              <th scope="col">{t('extension.batch.colMissing')}</th>
              <StatusHeads locale={locale} />
            </tr>
          </thead>
          <tbody>
            {portal.elements.map((e) => (
              <tr key={e.id} data-element={e.id}>
                <th scope="row">{elementName(e.id, locale)}</th>
                <StatusCounts counts={e.counts} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="by-agency-title">
        <h2 id="by-agency-title">{t('extension.batch.byAgency')}</h2>
        <table class="totals" data-table="agencies">
          <thead>
            <tr>
              <th scope="col">{t('extension.batch.colAgency')}</th>
              <th scope="col">{t('extension.batch.colPage')}</th>
              <StatusHeads locale={locale} />
            </tr>
          </thead>
          <tbody>
            {portal.agencies.map((a) => (
              <tr key={a.id} data-agency={a.id}>
                <th scope="row">{a.name ?? t('extension.batch.noAgency')}</th>
                <td class="n">{a.pages}</td>
                <StatusCounts counts={a.counts} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function App() {
  const { t } = useUi();
  const batch = useSignal<StoredBatch | null | undefined>(undefined);
  const reports = useSignal<Map<string, AuditReport>>(new Map());
  const composing = useSignal(false);
  const notice = useSignal<Notice>(null);

  useEffect(() => {
    void loadBatch().then((b) => (batch.value = b));
    return watchBatch((b) => (batch.value = b));
  }, []);

  // Reads the reports of pages finished since the last look (each report is read once).
  const state = batch.value ? queueOf(batch.value) : null;
  const finishedUrls = state ? state.pages.filter((p) => p.state === 'done' || p.state === 'unscannable').map((p) => p.url) : [];
  const batchId = batch.value?.id ?? '';
  useEffect(() => {
    const known = reports.value;
    const fresh = finishedUrls.filter((url) => !known.has(`${batchId} ${url}`));
    if (fresh.length === 0) return;
    void loadPages(fresh).then((pages) => {
      const next = new Map([...reports.value].filter(([key]) => key.startsWith(`${batchId} `)));
      for (const page of pages) next.set(`${batchId} ${page.url}`, slim(page.report));
      reports.value = next;
    });
  }, [batchId, finishedUrls.length]);

  const current = batch.value;
  const showForm = current === null || composing.value || (current !== undefined && queueOf(current) === null);
  return (
    <main class="wide">
      <h1>{t('extension.batch.title')}</h1>
      <p>{t('extension.batch.intro')}</p>
      {current !== undefined &&
        (showForm ? (
          <StartForm
            onStarted={(allowed) => {
              composing.value = false;
              notice.value = allowed ? null : { id: 'extension.batch.permissionRefused', tone: 'error' };
            }}
          />
        ) : (
          current && (
            <>
              <NoticeLine notice={notice} />
              <BatchProgress batch={current} title="extension.batch.progress">
                {(current.run === 'finished' || current.run === 'cancelled') && (
                  <button
                    type="button"
                    class="secondary"
                    data-action="new"
                    onClick={() => {
                      composing.value = true;
                      notice.value = null;
                    }}
                  >
                    {t('extension.batch.new')}
                  </button>
                )}
              </BatchProgress>
              <Results
                batch={current}
                pages={[...reports.value]
                  .filter(([key]) => key.startsWith(`${current.id} `))
                  .map(([key, r]) => [key.slice(current.id.length + 1), r] as const)}
              />
            </>
          )
        ))}
    </main>
  );
}

void mountPage(App, 'extension.batch.title');
