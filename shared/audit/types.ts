/**
 * The audit report: what every surface shows and stores (extension side panel and history, CLI
 * JSON and CSV, the widget's report panel, the collector). Versioned by `schemaVersion`; a human
 * decision sits beside the machine's in `override` and never replaces it.
 */
import type { ElementResult, QualityFinding, Reason, Status } from '../checklist/types';

/** Bump when a stored or sent report changes shape; readers refuse versions they do not know. */
export const REPORT_SCHEMA_VERSION = 2;

export interface AuditReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  engine: { name: string; version: string };
  page: { url: string | null; title: string | null };
  status: 'audited' | 'unscannable';
  unscannableReason?: Reason;
  procedure: { code: string | null; name: string | null };
  results: ElementResult[];
  findings: QualityFinding[];
  /** The machine's counts by status (overrides are counted by shared/report). */
  counts: Record<Status, number>;
  nodeCount: number;
}
