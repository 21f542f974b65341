/**
 * The audit's machinery, given the page checks to run: judges every registered element on one
 * extracted page (in one go or in short slices of idle time) and assembles the report. It imports
 * no page check itself, so an entry that runs none (the widget's, `auditElementsWhenIdle`: the
 * widget neither shows nor sends page-check findings) leaves their code out of its bundle. The
 * full audit, with every page check, is `shared/audit/index.ts`.
 */
import { extractPage, startExtraction, type DomDocument, type DomElement, type ExtractedPage } from '../extractor';
import {
  CHECKLIST,
  checklistLexicon,
  type ExtraLabels,
  isElementId,
  type ElementId,
  type ElementResult,
  type QualityFinding,
  type Reason,
  type PageCheck,
  type Status,
} from '../checklist';
import { REPORT_SCHEMA_VERSION, type AuditReport } from './types';

export { REPORT_SCHEMA_VERSION, type AuditReport } from './types';

export const ENGINE = { name: 'tthc-audit', version: '0.3.0' } as const;

export interface AuditOptions {
  url?: string | null;
  /** A site profile's extra label spellings, per element (see checklistLexicon). */
  extraLabels?: ExtraLabels;
}

/** Fewer distinct procedure fields than this and the page is not a procedure page. */
const MIN_PROCEDURE_FIELDS = 2;
const IDENTITY: ReadonlySet<string> = new Set<ElementId>(['name', 'code', 'feedback-contact']);

function countStatuses(results: ElementResult[]): Record<Status, number> {
  const counts: Record<Status, number> = { pass: 0, fail: 0, review: 0, na: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

/** A report for a page that could not be audited (nothing to read, not a procedure page, unreadable input). */
export function unscannableReport(page: { url: string | null; title: string | null }, why: Reason, nodeCount = 0): AuditReport {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    engine: { ...ENGINE },
    page,
    status: 'unscannable',
    unscannableReason: why,
    procedure: { code: null, name: null },
    results: [],
    findings: [],
    counts: { pass: 0, fail: 0, review: 0, na: 0 },
    nodeCount,
  };
}

/** Audits an extracted page, running `pageChecks` after the elements. */
export function auditPageWith(page: ExtractedPage, pageChecks: readonly PageCheck[]): AuditReport {
  const procedureFields = new Set(page.fields.filter((f) => isElementId(f.key) && !IDENTITY.has(f.key)).map((f) => f.key));
  if (page.textLength === 0 || procedureFields.size < MIN_PROCEDURE_FIELDS) {
    return unscannableReport(
      { url: page.url, title: page.title },
      { id: page.textLength === 0 ? 'unscannable.empty' : 'unscannable.notProcedure' },
      page.nodeCount,
    );
  }
  const results: ElementResult[] = [];
  const findings: QualityFinding[] = [];
  for (const element of CHECKLIST) {
    const judged = element.judge(page);
    results.push(judged.result);
    findings.push(...judged.findings);
  }
  for (const pageCheck of pageChecks) findings.push(pageCheck.check(page));
  const value = (id: ElementId) => results.find((r) => r.id === id && r.present)?.value ?? null;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    engine: { ...ENGINE },
    page: { url: page.url, title: page.title },
    status: 'audited',
    procedure: { code: value('code'), name: value('name') },
    results,
    findings,
    counts: countStatuses(results),
    nodeCount: page.nodeCount,
  };
}

/** Audits a page (Document) or a part of one (Element) in one go. Never throws on odd markup. */
export function auditDocumentWith(root: DomDocument | DomElement, options: AuditOptions, pageChecks: readonly PageCheck[]): AuditReport {
  return auditPageWith(extractPage(root, { url: options.url, lexicon: checklistLexicon(options.extraLabels) }), pageChecks);
}

/** The part of requestIdleCallback's deadline the audit reads. */
export interface IdleDeadline {
  timeRemaining(): number;
}

/** The part of an AbortSignal the audit reads (the engine type-checks without DOM or Node types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** Timers and clock of the running environment (browsers and Node both have them). */
const host = globalThis as unknown as {
  requestIdleCallback?: (run: (deadline: IdleDeadline) => void, options?: { timeout: number }) => number;
  setTimeout(run: () => void, ms: number): unknown;
  performance: { now(): number };
};

export interface IdleAuditOptions extends AuditOptions {
  /** Longest slice of work, in milliseconds (default 8: well under a 50 ms long task). */
  sliceMs?: number;
  /** Schedules the next slice; defaults to requestIdleCallback, else setTimeout. */
  schedule?: (run: (deadline?: IdleDeadline) => void) => void;
  signal?: AbortSignalLike;
}

function defaultSchedule(run: (deadline?: IdleDeadline) => void): void {
  if (typeof host.requestIdleCallback === 'function') host.requestIdleCallback(run, { timeout: 1_000 });
  else host.setTimeout(run, 0);
}

/**
 * Audits in slices of idle time: each slice stops after `sliceMs` (or when the browser's idle
 * deadline runs out) and the next goes on where it stopped. The page must not change meanwhile;
 * a caller that watches mutations restarts the audit. Rejects with the signal's reason when aborted.
 */
export function auditWhenIdleWith(
  root: DomDocument | DomElement,
  options: IdleAuditOptions,
  pageChecks: readonly PageCheck[],
): Promise<AuditReport> {
  const sliceMs = options.sliceMs ?? 8;
  const schedule = options.schedule ?? defaultSchedule;
  const extraction = startExtraction(root, { url: options.url, lexicon: checklistLexicon(options.extraLabels) });
  return new Promise((resolve, reject) => {
    const finish = (): void => {
      if (options.signal?.aborted) reject(options.signal.reason);
      else {
        try {
          resolve(auditPageWith(extraction.result(), pageChecks));
        } catch (error) {
          reject(error);
        }
      }
    };
    const slice = (deadline?: IdleDeadline): void => {
      if (options.signal?.aborted) {
        reject(options.signal.reason);
        return;
      }
      try {
        const start = host.performance.now();
        const shouldYield = () => host.performance.now() - start >= sliceMs || (deadline !== undefined && deadline.timeRemaining() <= 0);
        if (!extraction.step(shouldYield)) schedule(slice);
        // Judging is a slice of its own when the extraction used up this one.
        else if (shouldYield()) schedule(() => finish());
        else finish();
      } catch (error) {
        reject(error);
      }
    };
    schedule(slice);
  });
}

/**
 * The widget's audit: the elements only, no page check (the report's `findings` hold the element
 * judges' findings alone), in slices of idle time like `auditWhenIdle`.
 */
export function auditElementsWhenIdle(root: DomDocument | DomElement, options: IdleAuditOptions = {}): Promise<AuditReport> {
  return auditWhenIdleWith(root, options, []);
}
