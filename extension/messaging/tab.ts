/**
 * The side panel's access to a tab: injects the audit script on demand (activeTab + scripting; no
 * content script is declared for any site) and reads its answer, injects the overlay script and
 * talks to it through the typed router. Browser errors become message ids of the extension
 * catalog, so the auditor never reads a raw English browser error. Limits: one frame (the top
 * document); a tab the extension was not invoked on answers `extension.error.noAccess`.
 */
import { browser } from 'wxt/browser';
import type { AuditReport } from '../../shared/audit/types';
import type { ElementId } from '../../shared/checklist';
import type { ExtensionMessageId } from '../../shared/i18n/extension';
import { AuditRunResponse } from './audit-response';
import { type MessageOf, type MessageType, type ResponseOf } from './protocol';
import { MalformedAnswerError, send } from './router';

/** The built files of the runtime-registered content scripts (WXT `registration: 'runtime'`). */
export const AUDIT_SCRIPT = '/content-scripts/audit.js';
export const OVERLAY_SCRIPT = '/content-scripts/overlay.js';

export type TabResult<T> = { ok: true; value: T } | { ok: false; error: ExtensionMessageId; detail?: string };

/**
 * Maps a browser error (Chromium's or Firefox's wording) to the sentence the auditor reads. The
 * raw text is kept only as `detail`, never shown.
 */
export function errorId(error: unknown): ExtensionMessageId {
  if (error instanceof MalformedAnswerError) return 'extension.error.malformed';
  const text = error instanceof Error ? error.message : String(error);
  if (
    /chrome:\/\/|chrome-extension:\/\/|about:|edge:\/\/|extensions gallery|webstore|cannot be scripted|moz-extension|restricted/i.test(text)
  )
    return 'extension.error.restricted';
  if (/showing error page|error page/i.test(text)) return 'extension.error.errorPage';
  if (/No tab with id|Invalid tab ID|tab was closed|tab not found/i.test(text)) return 'extension.error.noTab';
  if (/permission|Cannot access|Missing host/i.test(text)) return 'extension.error.noAccess';
  return 'extension.error.other';
}

function failure(error: unknown): { ok: false; error: ExtensionMessageId; detail: string } {
  return { ok: false, error: errorId(error), detail: error instanceof Error ? error.message : String(error) };
}

/** Injects the audit script into the tab's top frame and returns its report, parsed. */
export async function auditTab(tabId: number): Promise<TabResult<AuditReport> & { textHash?: string; selectorMisses?: ElementId[] }> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: [AUDIT_SCRIPT] });
    const parsed = AuditRunResponse.safeParse(frame?.result);
    if (!parsed.success) return { ok: false, error: 'extension.error.malformed' };
    if (!parsed.data.ok) return { ok: false, error: 'extension.error.other', detail: parsed.data.error };
    const { report, textHash, selectorMisses } = parsed.data;
    return { ok: true, value: report, ...(textHash ? { textHash } : {}), selectorMisses: selectorMisses ?? [] };
  } catch (error) {
    return failure(error);
  }
}

/** Injects the overlay script (it installs itself once per page) and sends it `message`. */
export async function askOverlay<T extends MessageType>(tabId: number, message: MessageOf<T>): Promise<TabResult<ResponseOf<T>>> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [OVERLAY_SCRIPT] });
    const value = await send((m) => browser.tabs.sendMessage(tabId, m) as Promise<unknown>, message);
    return { ok: true, value };
  } catch (error) {
    return failure(error);
  }
}

/** The active tab of the panel's window, or the tab a pop-out view was opened for. */
export async function currentTabId(pinned: number | undefined): Promise<number | undefined> {
  if (pinned !== undefined) return pinned;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
