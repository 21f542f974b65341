/**
 * Side panel: the control officer's view. Asks the active tab's content script to audit the page
 * and shows the outcome. State lives in signals created per mount.
 */
import { render } from 'preact';
import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { resolveLocale, translate } from '../../../shared/i18n';
import { AuditRunResponse, type AuditRunRequest } from '../../messaging/protocol';

// Vietnamese is the interface language; a later settings page lets staff switch to English.
const locale = resolveLocale(document.documentElement.lang);

function App() {
  const result = useSignal<AuditRunResponse | null>(null);
  async function scan(): Promise<void> {
    try {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) throw new Error('no active tab');
      const request: AuditRunRequest = { type: 'audit/run' };
      const parsed = AuditRunResponse.safeParse(await browser.tabs.sendMessage(tab.id, request));
      result.value = parsed.success ? parsed.data : { ok: false, error: 'invalid response' };
    } catch (error) {
      result.value = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
  const r = result.value;
  return (
      <main>
        <h1>{translate(locale, 'extension.sidepanel.title')}</h1>
        <button type="button" data-action="scan" onClick={() => void scan()}>
          {translate(locale, 'extension.sidepanel.scan')}
        </button>
        {r && (
          <p data-result={r.ok ? 'ok' : 'error'}>
            {r.ok ? r.page.title : translate(locale, 'extension.sidepanel.noPage', { reason: r.error })}
          </p>
        )}
      </main>
  );
}

const host = document.getElementById('app');
if (host) render(<App />, host);
