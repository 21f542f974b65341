/**
 * The audit report's parser, for trust boundaries only: extension messages, saved history,
 * imported files. The engine itself never parses its own output. Element ids, statuses and reason
 * ids are checked against the registry and the catalog, so a parsed report is an `AuditReport`.
 */
import * as z from 'zod/mini';
import { ELEMENT_IDS, STATUSES, type ElementId, type ReasonId, type Status } from '../checklist';
import { commonCatalogs } from '../i18n/common';
import { REPORT_SCHEMA_VERSION, type AuditReport } from './types';

const REASON_IDS = new Set(Object.keys(commonCatalogs.vi).filter((id) => /^(?:reason|finding|unscannable)\./.test(id)));
const ELEMENTS = new Set<string>(ELEMENT_IDS);
const STATUS_SET = new Set<string>(STATUSES);

const Evidence = z.object({ selector: z.string(), quote: z.string() });
const Reason = z.object({
  id: z.custom<ReasonId>((v) => typeof v === 'string' && REASON_IDS.has(v)),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
const StatusSchema = z.custom<Status>((v) => typeof v === 'string' && STATUS_SET.has(v));
const ElementIdSchema = z.custom<ElementId>((v) => typeof v === 'string' && ELEMENTS.has(v));
const LegalRef = z.object({ document: z.string(), provision: z.string(), amendedBy: z.optional(z.string()), note: z.optional(z.string()) });
export const OverrideSchema = z.object({
  status: StatusSchema,
  note: z.string().check(z.maxLength(4_000)),
  by: z.string().check(z.maxLength(200)),
  at: z.iso.datetime({ offset: true }),
});
const Contact = z.object({
  agency: z.nullable(z.string()),
  address: z.nullable(z.string()),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  websites: z.array(z.string()),
  hours: z.nullable(z.string()),
});

const ElementResultSchema = z.object({
  id: ElementIdSchema,
  status: StatusSchema,
  present: z.boolean(),
  value: z.nullable(z.string()),
  evidence: z.array(Evidence),
  reason: Reason,
  legalRef: LegalRef,
  contact: z.optional(Contact),
  override: z.optional(OverrideSchema),
});

const QualityFindingSchema = z.object({
  id: z.enum(['time-limit.unit', 'dossier.quantity', 'fees.amount', 'forms.download', 'page.not-expired', 'page.current-administration']),
  element: z.nullable(ElementIdSchema),
  status: z.enum(['pass', 'fail', 'review']),
  reason: Reason,
  evidence: z.array(Evidence),
  legalRef: z.optional(LegalRef),
  override: z.optional(OverrideSchema),
});

export const AuditReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  engine: z.object({ name: z.string(), version: z.string() }),
  page: z.object({ url: z.nullable(z.string()), title: z.nullable(z.string()) }),
  status: z.enum(['audited', 'unscannable']),
  unscannableReason: z.optional(Reason),
  procedure: z.object({ code: z.nullable(z.string()), name: z.nullable(z.string()) }),
  results: z.array(ElementResultSchema),
  findings: z.array(QualityFindingSchema),
  counts: z.object({ pass: z.number(), fail: z.number(), review: z.number(), na: z.number() }),
  nodeCount: z.number(),
});

/** Parses a report that crossed a boundary; a report of another schema version is refused. */
export function parseAuditReport(value: unknown): { ok: true; report: AuditReport } | { ok: false; error: string } {
  const parsed = AuditReportSchema.safeParse(value);
  if (!parsed.success)
    return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  return { ok: true, report: parsed.data satisfies AuditReport };
}

// The schema and the type must describe the same report.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Same<z.infer<typeof AuditReportSchema>, AuditReport> = true;
void schemaMatchesType;
