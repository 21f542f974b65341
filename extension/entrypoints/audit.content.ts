/**
 * The audit script, injected on demand into the active tab (registered at run time: no site gets
 * it at install). Its result, returned to `scripting.executeScript`, is the shared engine's report
 * on the page as it is now. Portals that fill the page after load (the national portal) are given
 * a moment to settle when the first look finds no procedure. The auditor's site profile for the
 * host (extension/messaging/profiles.ts) adds label spellings and CSS selectors: a selected node's
 * text is read as that element's value, with evidence pointing at it. It reads the page only: it
 * never writes to it and never runs the page's scripts.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { auditPage, type AuditReport } from '../../shared/audit';
import { checklistLexicon, type ElementId } from '../../shared/checklist';
import { extractPage } from '../../shared/extractor';
import { SETTLE_TIMING, waitForSettled } from '../../shared/extractor/settle';
import type { AuditRunResponse } from '../messaging/audit-response';
import { storedProfileFor } from '../messaging/profile-labels';

async function auditNow(): Promise<{ report: AuditReport; selectorMisses: ElementId[] }> {
  // The site profile of this host, if the auditor set one: extra label spellings and selectors.
  const profile = await storedProfileFor(location.hostname).catch(() => undefined);
  const selectors = profile?.selectors ?? {};
  const options = { url: location.href, lexicon: checklistLexicon(profile?.extraLabels), profile: { selectors } };
  let report = auditPage(extractPage(document, options));
  if (report.status !== 'audited') {
    await waitForSettled(SETTLE_TIMING);
    report = auditPage(extractPage(document, options));
  }
  // A selector that finds nothing here is told to the auditor (the page's layout may have changed).
  const selectorMisses = (Object.entries(selectors) as [ElementId, string][]).filter(([, selector]) => !found(selector)).map(([id]) => id);
  return { report, selectorMisses };
}

function found(selector: string): boolean {
  try {
    return document.querySelector(selector) !== null;
  } catch {
    return false;
  }
}

/** SHA-256 of the page's text as audited (whitespace collapsed), kept with a saved audit. */
async function textHash(): Promise<string | undefined> {
  const text = (document.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export default defineContentScript({
  registration: 'runtime',
  async main(): Promise<AuditRunResponse> {
    try {
      const { report, selectorMisses } = await auditNow();
      return { ok: true, report, textHash: await textHash().catch(() => undefined), selectorMisses };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  },
});
