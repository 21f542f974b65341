/**
 * Side panel: the control officer's view. Asks the active tab's content script to audit the page
 * and lists every element with its status, what was found or why not, and the legal reference.
 * Every report text comes from shared/report; the panel's own words from the extension catalog.
 * State lives in signals created per mount.
 */
import { render } from 'preact';
import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { extensionCatalogs } from '../../../shared/i18n/extension';
import { resolveLocale, translator } from '../../../shared/i18n/format';
import type { AuditReport } from '../../../shared/audit/types';
import { effectiveStatus, elementName, legalRefText, reasonText, resultDetail, statusLabel, summaryText } from '../../../shared/report';
import { AuditRunResponse, type AuditRunRequest } from '../../messaging/protocol';
import './style.css';

// Vietnamese is the interface language; a later settings page lets staff switch to English.
const locale = resolveLocale(document.documentElement.lang);
// Opened as a page with ?tabId=N (a pop-out view), the panel audits that tab instead of the active one.
const pinnedTabId = Number(new URLSearchParams(location.search).get('tabId')) || undefined;
const t = translator(extensionCatalogs, locale);

function Report({ report }: { report: AuditReport }) {
  if (report.status === 'unscannable') return <p data-result="unscannable">{reasonText(report.unscannableReason, locale)}</p>;
  return (
    <section data-result="audited">
      <h2>{report.procedure.name ?? report.page.title ?? report.page.url}</h2>
      {report.procedure.code && <p class="code">{report.procedure.code}</p>}
      <p class="summary">{summaryText(report.counts, locale)}</p>
      <ul class="results">
        {report.results.map((r) => (
          <li key={r.id} data-element={r.id} data-status={effectiveStatus(r)}>
            <span class="status">{statusLabel(effectiveStatus(r), locale)}</span>
            <strong>{elementName(r.id, locale)}</strong>
            <span class="detail">{resultDetail(r, locale, 200)}</span>
            <small class="law">{legalRefText(r.legalRef, locale)}</small>
          </li>
        ))}
      </ul>
      <ul class="findings">
        {report.findings
          .filter((f) => f.status !== 'pass')
          .map((f) => (
            <li key={f.id} data-finding={f.id}>
              {reasonText(f.reason, locale)}
              {f.legalRef && <small class="law">{legalRefText(f.legalRef, locale)}</small>}
            </li>
          ))}
      </ul>
    </section>
  );
}

function App() {
  const result = useSignal<AuditRunResponse | null>(null);
  const busy = useSignal(false);
  async function scan(): Promise<void> {
    busy.value = true;
    try {
      const tabId = pinnedTabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId === undefined) throw new Error(t('extension.sidepanel.noTab'));
      const request: AuditRunRequest = { type: 'audit/run' };
      const parsed = AuditRunResponse.safeParse(await browser.tabs.sendMessage(tabId, request));
      result.value = parsed.success ? parsed.data : { ok: false, error: t('extension.sidepanel.invalidResponse') };
    } catch (error) {
      result.value = { ok: false, error: error instanceof Error ? error.message : String(error) };
    } finally {
      busy.value = false;
    }
  }
  const r = result.value;
  return (
    <main>
      <h1>{t('extension.sidepanel.title')}</h1>
      <button type="button" data-action="scan" disabled={busy.value} onClick={() => void scan()}>
        {t('extension.sidepanel.scan')}
      </button>
      {r && (r.ok ? <Report report={r.report} /> : <p data-result="error">{t('extension.sidepanel.noPage', { reason: r.error })}</p>)}
    </main>
  );
}

const host = document.getElementById('app');
if (host) render(<App />, host);
