/**
 * Side panel: the control officer's view. On "Kiểm tra trang này" it injects the audit script
 * into the active tab (extension/messaging/tab.ts), parses the report it returns and lists every
 * element, grouped by legal instrument, with its status, what was found or why not, the legal
 * reference and a "Xem trên trang" button that asks the overlay to highlight the evidence. Every
 * report text comes from shared/report; the panel's own words from the extension catalog. State
 * lives in signals created per mount. Opened as a page with ?tabId=N (a pop-out view) it audits
 * that tab instead of the active one.
 */
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { useSignal, type Signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { extensionCatalogs, type ExtensionMessageId } from '../../../shared/i18n/extension';
import { resolveLocale, translator } from '../../../shared/i18n/format';
import type { AuditReport } from '../../../shared/audit/types';
import type { ElementResult, Evidence } from '../../../shared/checklist/types';
import { effectiveStatus, elementName, legalRefText, reasonText, resultDetail, statusLabel, summaryText } from '../../../shared/report';
import { askOverlay, auditTab, currentTabId } from '../../messaging/tab';
import './style.css';

const locale = resolveLocale(document.documentElement.lang);
const pinnedTabId = Number(new URLSearchParams(location.search).get('tabId')) || undefined;
const t = translator(extensionCatalogs, locale);

type Notice = { id: ExtensionMessageId; params?: Record<string, number | string>; tone: 'info' | 'error' } | null;

/** Results grouped by the legal instrument they cite, in the registry's order. */
function byInstrument(results: readonly ElementResult[]): [string, ElementResult[]][] {
  const groups = new Map<string, ElementResult[]>();
  for (const r of results) groups.set(r.legalRef.document, [...(groups.get(r.legalRef.document) ?? []), r]);
  return [...groups];
}

function Report({ report, tabId, notice }: { report: AuditReport; tabId: number; notice: Signal<Notice> }) {
  const allShown = useSignal(false);
  if (report.status === 'unscannable') return <p data-result="unscannable">{reasonText(report.unscannableReason, locale)}</p>;

  async function show(evidence: Evidence): Promise<void> {
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

  const findings = report.findings.filter((f) => f.status !== 'pass');
  return (
    <section data-result="audited" aria-labelledby="procedure-name">
      <h2 id="procedure-name">{report.procedure.name ?? report.page.title ?? report.page.url}</h2>
      {report.procedure.code && <p class="code">{report.procedure.code}</p>}
      <p class="summary">{summaryText(report.counts, locale)}</p>
      <button type="button" class="secondary" data-action="show-all" aria-pressed={allShown.value} onClick={() => void toggleAll()}>
        {t(allShown.value ? 'extension.evidence.hideAll' : 'extension.evidence.showAll')}
      </button>
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
                {r.evidence[0] && (
                  <button type="button" class="link" data-action="show-evidence" onClick={() => void show(r.evidence[0]!)}>
                    {t('extension.evidence.show')}
                  </button>
                )}
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
                {f.evidence[0] && (
                  <button type="button" class="link" data-action="show-evidence" onClick={() => void show(f.evidence[0]!)}>
                    {t('extension.evidence.show')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function App() {
  const report = useSignal<{ report: AuditReport; tabId: number } | null>(null);
  const notice = useSignal<Notice>({ id: 'extension.sidepanel.hint', tone: 'info' });
  const busy = useSignal(false);

  useEffect(() => {
    if (pinnedTabId !== undefined) return undefined;
    // The panel follows the active tab: a report of another tab is not shown as this one's.
    const onActivated = () => {
      if (report.value) notice.value = { id: 'extension.sidepanel.tabChanged', tone: 'info' };
      report.value = null;
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);

  async function scan(): Promise<void> {
    busy.value = true;
    notice.value = null;
    try {
      const tabId = await currentTabId(pinnedTabId);
      if (tabId === undefined) {
        notice.value = { id: 'extension.error.noTab', tone: 'error' };
        return;
      }
      const answer = await auditTab(tabId);
      if (answer.ok) report.value = { report: answer.value, tabId };
      else {
        report.value = null;
        notice.value = { id: answer.error, tone: 'error' };
      }
    } finally {
      busy.value = false;
    }
  }

  const n = notice.value;
  return (
    <main>
      <h1>{t('extension.sidepanel.title')}</h1>
      <button type="button" data-action="scan" disabled={busy.value} onClick={() => void scan()}>
        {t(busy.value ? 'extension.sidepanel.busy' : 'extension.sidepanel.scan')}
      </button>
      <p class={`notice ${n?.tone ?? ''}`} role="status" data-notice={n?.id ?? ''}>
        {n ? t(n.id, n.params) : ''}
      </p>
      {report.value && <Report report={report.value.report} tabId={report.value.tabId} notice={notice} />}
    </main>
  );
}

const host = document.getElementById('app');
if (host) render(<App />, host);
