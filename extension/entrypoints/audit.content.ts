/**
 * Content script on every http(s) page: answers `audit/run` with what it reads of the page.
 * It never writes to the page and never runs the page's scripts.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { ExtensionMessage, type AuditRunResponse } from '../messaging/protocol';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    browser.runtime.onMessage.addListener((raw: unknown, _sender, sendResponse: (r: AuditRunResponse) => void) => {
      const message = ExtensionMessage.safeParse(raw);
      if (!message.success) return undefined;
      try {
        sendResponse({
          ok: true,
          page: { url: location.href, title: document.title, textLength: document.body?.textContent?.length ?? 0 },
        });
      } catch (error) {
        sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) });
      }
      return undefined;
    });
  },
});
