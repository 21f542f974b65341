/**
 * Background service worker: the toolbar button opens the side panel (Chrome) or the sidebar
 * (Firefox) itself, from `action.onClicked`, instead of letting the browser open the panel. That
 * click is what grants activeTab on the page (a panel the browser opens on its own grants
 * nothing), so the panel may then inject the audit script into that tab. The batch audit's
 * worker (extension/batch/background.ts) answers the batch page's messages and resumes a running
 * batch when the service worker starts again. Stored data is migrated at install and update.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { installBatch } from '../batch/background';
import { route } from '../messaging/router';
import { migrateStorage } from '../storage/keys';

interface PanelApis {
  sidePanel?: {
    setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void>;
    open(o: { tabId?: number; windowId?: number }): Promise<void>;
  };
  sidebarAction?: { open(): Promise<void> };
}

export default defineBackground(() => {
  const apis = browser as unknown as PanelApis;
  apis.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  browser.action.onClicked.addListener((tab) => {
    // Called straight from the click, as both browsers require for opening a panel.
    const opened = apis.sidePanel ? apis.sidePanel.open({ tabId: tab.id, windowId: tab.windowId }) : apis.sidebarAction?.open();
    opened?.catch((error: unknown) => console.warn('[tthc-audit] panel not opened:', error));
  });
  browser.runtime.onMessage.addListener(route(installBatch()));
  // Stored data of an older version is migrated once, right after install or update (pages also
  // migrate a key on first access; see extension/storage/versioned.ts).
  browser.runtime.onInstalled.addListener(() => void migrateStorage().catch(() => undefined));
});
