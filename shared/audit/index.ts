/**
 * The audit: runs every registered element judge and page check on one extracted page and
 * assembles the report the widget, the extension and the CLI all show. `auditDocument` takes a DOM
 * in one go; `auditWhenIdle` does the same work in short slices of idle time, so a host page is
 * never blocked for long; `auditPage` takes an already extracted page (pure). The machinery is
 * `./core` (also the widget's entry, which runs no page check); this module adds the page checks.
 */
import type { DomDocument, DomElement, ExtractedPage } from '../extractor';
import { PAGE_CHECKS } from '../checklist';
import { auditDocumentWith, auditPageWith, auditWhenIdleWith, type AuditOptions, type IdleAuditOptions } from './core';
import type { AuditReport } from './types';

export { REPORT_SCHEMA_VERSION, type AuditReport } from './types';
export { ENGINE, unscannableReport, type AuditOptions, type IdleDeadline, type AbortSignalLike, type IdleAuditOptions } from './core';

/** Audits an extracted page. */
export function auditPage(page: ExtractedPage): AuditReport {
  return auditPageWith(page, PAGE_CHECKS);
}

/** Audits a page (Document) or a part of one (Element) in one go. Never throws on odd markup. */
export function auditDocument(root: DomDocument | DomElement, options: AuditOptions = {}): AuditReport {
  return auditDocumentWith(root, options, PAGE_CHECKS);
}

/**
 * Audits in slices of idle time: each slice stops after `sliceMs` (or when the browser's idle
 * deadline runs out) and the next goes on where it stopped. The page must not change meanwhile;
 * a caller that watches mutations restarts the audit. Rejects with the signal's reason when aborted.
 */
export function auditWhenIdle(root: DomDocument | DomElement, options: IdleAuditOptions = {}): Promise<AuditReport> {
  return auditWhenIdleWith(root, options, PAGE_CHECKS);
}
