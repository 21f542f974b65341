/**
 * Side panel: the control officer's view. On "Kiểm tra trang này" it injects the audit script
 * into the active tab (extension/messaging/tab.ts), parses the report it returns and lists every
 * element, grouped by legal instrument, with its status, what was found or why not, the legal
 * reference and a "Xem trên trang" button that asks the overlay to highlight the evidence. Every
 * report text comes from shared/report; the panel's own words from the extension catalog. State
 * lives in signals created per mount. Opened as a page with ?tabId=N (a pop-out view) it audits
 * that tab instead of the active one. The auditor may set their own status on any element or
 * finding, with a required note; it is stored by page (extension/messaging/storage.ts) and shown
 * beside the machine's status, which it never replaces. "Lưu kết quả" keeps the audit in the
 * history; CSV and JSON are downloaded as shared/report writes them; the printable minutes open
 * the report page on the saved audit. The batch audit shows here too: its progress, followed live
 * from storage, with pause, resume and cancel (batch-progress.tsx); and any page of it that the
 * batch page sends here (batch-request.ts) is shown from its stored report with this same report
 * view (without "Xem trên trang": that page is not open), its address, and a way back to the open
 * tab's audit, which is kept meanwhile.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useSignal, type Signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { ExtensionMessageId } from '../../../shared/i18n/extension';
import type { AuditReport } from '../../../shared/audit/types';
import {
  STATUSES,
  type ElementResult,
  type Evidence,
  type Override,
  type QualityFinding,
  type Status,
} from '../../../shared/checklist/types';
import {
  effectiveCounts,
  effectiveStatus,
  elementName,
  legalRefText,
  overrideText,
  reasonText,
  resultDetail,
  statusLabel,
  summaryText,
  toCsv,
  toJson,
} from '../../../shared/report';
import { loadPages } from '../../batch/store';
import { askOverlay, auditTab, currentTabId, errorId } from '../../messaging/tab';
import { loadOverrides, saveAudit, saveOverride, withOverrides, type ItemKey } from '../../messaging/storage';
import { storageErrorId } from '../../storage/errors';
import { download, fileStem, formatTime, mountPage, useUi } from '../../ui/page';
import { BatchInPanel } from './batch-progress';
import { takePanelRequests } from './batch-request';
import { NationalComparison } from './national';
import './style.css';

const pinnedTabId = Number(new URLSearchParams(location.search).get('tabId')) || undefined;

type Notice = { id: ExtensionMessageId; params?: Record<string, number | string>; tone: 'info' | 'error' } | null;

/** Results grouped by the legal instrument they cite, in the registry's order. */
function byInstrument(results: readonly ElementResult[]): [string, ElementResult[]][] {
  const groups = new Map<string, ElementResult[]>();
  for (const r of results) groups.set(r.legalRef.document, [...(groups.get(r.legalRef.document) ?? []), r]);
  return [...groups];
}

/** The auditor's decision on one item: a status and a required note. */
function OverrideEditor(props: {
  item: ElementResult | QualityFinding;
  itemKey: ItemKey;
  onDone(override: Override | null | undefined): void;
}) {
  const { t, locale, options } = useUi();
  const status = useSignal<Status>(props.item.override?.status ?? props.item.status);
  const note = useSignal(props.item.override?.note ?? '');
  const invalid = useSignal(false);
  const id = `override-${props.itemKey.replace(/[^a-z0-9-]/gi, '-')}`;
  const statuses = STATUSES.filter((s) => s !== 'na' || !('element' in props.item));
  function submit(event: Event): void {
    event.preventDefault();
    if (!note.value.trim()) {
      invalid.value = true;
      return;
    }
    props.onDone({ status: status.value, note: note.value.trim(), by: options.auditorName, at: new Date().toISOString() });
  }
  return (
    <form class="override" data-override-form={props.itemKey} noValidate onSubmit={submit}>
      <fieldset>
        <legend>{t('extension.override.legend')}</legend>
        <label for={`${id}-status`}>{t('extension.override.status')}</label>
        <select id={`${id}-status`} name="status" value={status.value} onChange={(e) => (status.value = e.currentTarget.value as Status)}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s, locale)}
            </option>
          ))}
        </select>
        <label for={`${id}-note`}>{t('extension.override.note')}</label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={3}
          aria-required="true"
          aria-invalid={invalid.value}
          aria-describedby={invalid.value ? `${id}-error` : undefined}
          value={note.value}
          onInput={(e) => {
            note.value = e.currentTarget.value;
            invalid.value = false;
          }}
        />
        {invalid.value && (
          <p id={`${id}-error`} class="error" role="alert">
            {t('extension.override.noteRequired')}
          </p>
        )}
        <div class="actions">
          <button type="submit" data-action="save-override">
            {t('extension.override.save')}
          </button>
          {props.item.override && (
            <button type="button" class="secondary" data-action="remove-override" onClick={() => props.onDone(null)}>
              {t('extension.override.remove')}
            </button>
          )}
          <button type="button" class="secondary" onClick={() => props.onDone(undefined)}>
            {t('extension.override.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

/** The decision beside the machine's status, with its note and author. */
function OverrideLine({ item }: { item: ElementResult | QualityFinding }) {
  const { locale } = useUi();
  if (!item.override) return null;
  const who = [item.override.by, formatTime(item.override.at, locale)].filter(Boolean).join(', ');
  return (
    <span class="human" data-override={item.override.status}>
      {overrideText(item, locale)}: “{item.override.note}” <small>({who})</small>
    </span>
  );
}

function Report(props: {
  report: AuditReport;
  /** The tab showing the page, for "Xem trên trang"; null for a stored report (a batch page). */
  tabId: number | null;
  notice: Signal<Notice>;
  onOverride(item: ItemKey, override: Override | null): Promise<void>;
}) {
  const { report, tabId, notice } = props;
  const { t, locale } = useUi();
  const allShown = useSignal(false);
  const editing = useSignal<ItemKey | null>(null);
  const tools = (item: ElementResult | QualityFinding, key: ItemKey) => (
    <>
      <OverrideLine item={item} />
      <span class="tools">
        {tabId !== null && item.evidence[0] && (
          <button type="button" class="link" data-action="show-evidence" onClick={() => void show(item.evidence[0]!)}>
            {t('extension.evidence.show')}
          </button>
        )}
        <button
          type="button"
          class="link"
          data-action="override"
          aria-expanded={editing.value === key}
          onClick={() => (editing.value = key)}
        >
          {t('extension.override.open')}
        </button>
      </span>
      {editing.value === key && (
        <OverrideEditor
          item={item}
          itemKey={key}
          onDone={(o) => {
            editing.value = null;
            if (o !== undefined) void props.onOverride(key, o);
          }}
        />
      )}
    </>
  );
  if (report.status === 'unscannable') return <p data-result="unscannable">{reasonText(report.unscannableReason, locale)}</p>;

  async function show(evidence: Evidence): Promise<void> {
    if (tabId === null) return;
    allShown.value = false;
    const answer = await askOverlay(tabId, { type: 'overlay/show', evidence });
    if (!answer.ok) notice.value = { id: answer.error, tone: 'error' };
    else {
      const id = (
        { selector: 'extension.evidence.bySelector', quote: 'extension.evidence.byQuote', none: 'extension.evidence.none' } as const
      )[answer.value.found];
      notice.value = { id, tone: answer.value.found === 'selector' ? 'info' : 'error' };
    }
  }
  async function toggleAll(): Promise<void> {
    if (tabId === null) return;
    if (allShown.value) {
      allShown.value = false;
      await askOverlay(tabId, { type: 'overlay/clear' });
      notice.value = null;
      return;
    }
    const evidence = [...report.results, ...report.findings].flatMap((item) => item.evidence.slice(0, 1));
    const answer = await askOverlay(tabId, { type: 'overlay/show-all', evidence });
    if (!answer.ok) notice.value = { id: answer.error, tone: 'error' };
    else {
      allShown.value = true;
      notice.value = { id: 'extension.evidence.allDrawn', params: { ...answer.value }, tone: 'info' };
    }
  }

  const findings = report.findings.filter((f) => f.status !== 'pass' || f.override);
  return (
    <section data-result="audited" aria-labelledby="procedure-name">
      <h2 id="procedure-name">{report.procedure.name ?? report.page.title ?? report.page.url}</h2>
      {report.procedure.code && <p class="code">{report.procedure.code}</p>}
      <p class="summary">{summaryText(effectiveCounts(report), locale)}</p>
      {tabId !== null && (
        <button type="button" class="secondary" data-action="show-all" aria-pressed={allShown.value} onClick={() => void toggleAll()}>
          {t(allShown.value ? 'extension.evidence.hideAll' : 'extension.evidence.showAll')}
        </button>
      )}
      <h3>{t('extension.sidepanel.elements')}</h3>
      {byInstrument(report.results).map(([instrument, results]) => (
        <section key={instrument} class="group" aria-label={instrument}>
          <h4>{instrument}</h4>
          <ul class="results">
            {results.map((r) => (
              <li key={r.id} data-element={r.id} data-status={effectiveStatus(r)}>
                <span class="status">{statusLabel(effectiveStatus(r), locale)}</span>
                <strong>{elementName(r.id, locale)}</strong>
                <span class="detail">{resultDetail(r, locale, 200)}</span>
                <small class="law">{legalRefText(r.legalRef, locale)}</small>
                {tools(r, `element:${r.id}`)}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {findings.length > 0 && (
        <>
          <h3>{t('extension.sidepanel.findings')}</h3>
          <ul class="findings">
            {findings.map((f) => (
              <li key={f.id} data-finding={f.id} data-status={effectiveStatus(f)}>
                <span class="status">{statusLabel(effectiveStatus(f), locale)}</span> {reasonText(f.reason, locale)}
                {f.legalRef && <small class="law">{legalRefText(f.legalRef, locale)}</small>}
                {tools(f, `finding:${f.id}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      <NationalComparison report={report} />
    </section>
  );
}

function App() {
  const { t, locale, options } = useUi();
  const report = useSignal<{ report: AuditReport; tabId: number; textHash: string | null } | null>(null);
  /** A batch page's stored report, shown in place of the tab's report (kept for "back"). */
  const batchPage = useSignal<AuditReport | null>(null);
  /** The auditor's decisions on the page shown (the batch page's, else the tab's). */
  const overrides = useSignal<Record<string, Override>>({});
  const notice = useSignal<Notice>({ id: 'extension.sidepanel.hint', tone: 'info' });
  const busy = useSignal(false);
  const scanButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // The panel follows the active tab: a report of another tab is not shown as this one's.
    const onActivated = () => {
      if (pinnedTabId !== undefined) return;
      if (report.value && !batchPage.value) notice.value = { id: 'extension.sidepanel.tabChanged', tone: 'info' };
      report.value = null;
    };
    // The audited tab navigates or reloads: its report no longer describes the page.
    const onUpdated = (tabId: number, change: { status?: string }) => {
      if (report.value?.tabId !== tabId || change.status !== 'loading') return;
      if (!batchPage.value) notice.value = { id: 'extension.sidepanel.tabChanged', tone: 'info' };
      report.value = null;
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  // A page of the batch audit sent by the batch page ("Xem trong bảng bên").
  useEffect(() => takePanelRequests((request) => void showBatchPage(request.url)), []);

  async function showBatchPage(queueUrl: string): Promise<void> {
    const [stored] = await loadPages([queueUrl]);
    if (!stored) {
      notice.value = { id: 'extension.sidepanel.batchPageGone', tone: 'error' };
      return;
    }
    overrides.value = await loadOverrides(stored.report.page.url);
    batchPage.value = stored.report;
    notice.value = { id: 'extension.sidepanel.batchPageShown', tone: 'info' };
  }

  async function backToTab(): Promise<void> {
    overrides.value = report.value ? await loadOverrides(report.value.report.page.url) : {};
    batchPage.value = null;
    notice.value = report.value ? null : { id: 'extension.sidepanel.hint', tone: 'info' };
    scanButton.current?.focus(); // the button just clicked is gone
  }

  async function scan(): Promise<void> {
    busy.value = true;
    if (batchPage.value) {
      // Leaving the batch page's report: the tab's older report (and its decisions) is replaced now.
      batchPage.value = null;
      report.value = null;
    }
    notice.value = null;
    try {
      const tabId = await currentTabId(pinnedTabId);
      if (tabId === undefined) {
        notice.value = { id: 'extension.error.noTab', tone: 'error' };
        return;
      }
      const answer = await auditTab(tabId);
      if (answer.ok) {
        overrides.value = await loadOverrides(answer.value.page.url);
        report.value = { report: answer.value, tabId, textHash: answer.textHash ?? null };
        const misses = answer.selectorMisses ?? [];
        if (misses.length > 0)
          notice.value = {
            id: 'extension.profiles.selectorMissed',
            params: { elements: misses.map((id) => elementName(id, locale)).join(', ') },
            tone: 'error',
          };
      } else {
        report.value = null;
        notice.value = { id: answer.error, tone: 'error' };
      }
    } catch (error) {
      // Anything else the browser throws (the tab list, storage) is said in the auditor's language too.
      report.value = null;
      notice.value = { id: errorId(error), tone: 'error' };
    } finally {
      busy.value = false;
    }
  }

  /** Saves the audit as it stands (decisions included) and returns its history id. */
  async function save(): Promise<string | null> {
    const current = view;
    if (!current) return null;
    const id = crypto.randomUUID();
    try {
      await saveAudit({
        id,
        savedAt: new Date().toISOString(),
        auditor: options.auditorName,
        unit: options.unit,
        textHash: current.textHash,
        report: withOverrides(current.report, overrides.value),
      });
    } catch (error) {
      // Storage full, or a history written by a newer version (never overwritten): said, not thrown.
      notice.value = { id: storageErrorId(error), tone: 'error' };
      return null;
    }
    notice.value = { id: 'extension.history.saved', tone: 'info' };
    return id;
  }
  function openPage(path: string): void {
    void browser.tabs.create({ url: browser.runtime.getURL(path as '/audits.html') });
  }
  // What the panel shows: the batch page sent here, else the open tab's audit.
  const view = batchPage.value ? { report: batchPage.value, tabId: null, textHash: null } : report.value;
  const shown = view && withOverrides(view.report, overrides.value);
  const pageUrl = batchPage.value?.page.url ?? null;
  const stem = shown ? fileStem(shown.procedure.code, new Date().toISOString()) : '';

  const n = notice.value;
  return (
    <main>
      <h1>{t('extension.sidepanel.title')}</h1>
      <button type="button" data-action="scan" ref={scanButton} disabled={busy.value} onClick={() => void scan()}>
        {t(busy.value ? 'extension.sidepanel.busy' : 'extension.sidepanel.scan')}
      </button>
      <button type="button" class="secondary" data-action="open-history" onClick={() => openPage('/audits.html')}>
        {t('extension.history.open')}
      </button>
      <button
        type="button"
        class="secondary"
        data-action="open-batch"
        onClick={() => void currentTabId(pinnedTabId).then((id) => openPage(`/batch.html${id ? `?tabId=${id}` : ''}`))}
      >
        {t('extension.batch.open')}
      </button>
      <button type="button" class="secondary" data-action="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('extension.options.open')}
      </button>
      <BatchInPanel />
      {batchPage.value && (
        <section class="batch-view" data-view="batch-page" data-page-url={pageUrl ?? ''} aria-labelledby="batch-page-title">
          <h2 id="batch-page-title">{t('extension.sidepanel.batchPageTitle')}</h2>
          <p>
            {t('extension.sidepanel.pageAddress')}{' '}
            {pageUrl && /^https?:\/\//i.test(pageUrl) ? (
              <a class="page-url" href={pageUrl} target="_blank" rel="noopener noreferrer">
                {pageUrl}
              </a>
            ) : (
              <span class="page-url">{pageUrl}</span>
            )}
          </p>
          <button type="button" class="secondary" data-action="back-to-tab" onClick={() => void backToTab()}>
            {t('extension.sidepanel.backToTab')}
          </button>
        </section>
      )}
      {shown && (
        <div class="toolbar" role="group" aria-label={t('extension.history.colActions')}>
          <button type="button" data-action="save" onClick={() => void save()}>
            {t('extension.history.save')}
          </button>
          <button
            type="button"
            class="secondary"
            data-action="export-csv"
            onClick={() => download(`${stem}.csv`, 'text/csv;charset=utf-8', toCsv([shown], locale))}
          >
            {t('extension.export.csv')}
          </button>
          <button
            type="button"
            class="secondary"
            data-action="export-json"
            onClick={() => download(`${stem}.json`, 'application/json', toJson([shown]))}
          >
            {t('extension.export.json')}
          </button>
          <button
            type="button"
            class="secondary"
            data-action="print"
            onClick={() => void save().then((id) => id && openPage(`/report.html?id=${encodeURIComponent(id)}`))}
          >
            {t('extension.export.print')}
          </button>
        </div>
      )}
      <p class={`notice ${n?.tone ?? ''}`} role="status" data-notice={n?.id ?? ''}>
        {n ? t(n.id, n.params) : ''}
      </p>
      {view && shown && (
        <Report
          key={batchPage.value ? `batch ${pageUrl}` : 'tab'}
          report={shown}
          tabId={view.tabId}
          notice={notice}
          onOverride={async (item, override) => {
            const url = view.report.page.url ?? null;
            try {
              await saveOverride(url, item, override);
            } catch (error) {
              notice.value = { id: storageErrorId(error), tone: 'error' };
              return;
            }
            overrides.value = await loadOverrides(url);
          }}
        />
      )}
    </main>
  );
}

void mountPage(App, 'extension.sidepanel.title');
