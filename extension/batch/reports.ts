/**
 * The report of a batch page that the audit script never read (it did not load in time, the
 * server answered an HTTP error, the page did not load, the origin was not granted): an
 * unscannable AuditReport whose reason is one the shared runner and portal report know
 * (`unscannableKind` of shared/batch), so every page of a batch is accounted for in the same
 * report shape. Pages the script read but found not to be procedure pages keep the engine's own
 * report. Limits: the engine name and version are the report schema's, not the content script's
 * (the page was never read); see ENGINE_OF_UNREAD below.
 */
import type { AuditReport } from '../../shared/audit/types';
import type { Reason } from '../../shared/checklist/types';

/** The engine named in reports of pages the engine never read. */
export const ENGINE_OF_UNREAD = { name: 'tthc-audit', version: 'unread' } as const;

export function unreadReport(url: string, reason: Reason): AuditReport {
  return {
    schemaVersion: 2,
    engine: { ...ENGINE_OF_UNREAD },
    page: { url, title: null },
    status: 'unscannable',
    unscannableReason: reason,
    procedure: { code: null, name: null },
    results: [],
    findings: [],
    counts: { pass: 0, fail: 0, review: 0, na: 0 },
    nodeCount: 0,
  };
}
