/**
 * Background service worker: opens the side panel from the toolbar button (Chrome) and nothing
 * else; the side panel talks to content scripts directly through the typed protocol.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';

export default defineBackground(() => {
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } })
    .sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
    console.warn('[tthc-audit] side panel behaviour not set:', error);
  });
});
