/**
 * Content script on every http(s) page: answers `audit/run` with the shared engine's report on
 * the page as it is now. Portals that fill the page after load (the national portal) are given a
 * moment to settle when the first look finds no procedure. It reads the page only: it never
 * writes to it and never runs the page's scripts.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { auditDocument, type AuditReport } from '../../shared/audit';
import { SETTLE_TIMING, waitForSettled } from '../../shared/extractor/settle';
import { ExtensionMessage, type AuditRunResponse } from '../messaging/protocol';

async function auditNow(): Promise<AuditReport> {
  const first = auditDocument(document, { url: location.href });
  if (first.status === 'audited') return first;
  await waitForSettled(SETTLE_TIMING);
  return auditDocument(document, { url: location.href });
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    browser.runtime.onMessage.addListener((raw: unknown, _sender, sendResponse: (r: AuditRunResponse) => void) => {
      if (!ExtensionMessage.safeParse(raw).success) return undefined;
      auditNow().then(
        (report) => sendResponse({ ok: true, report }),
        (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
      return true; // the answer is sent asynchronously
    });
  },
});
