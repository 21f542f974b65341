/**
 * The audit report, the shape every consumer reads (extension side panel, CLI JSON, widget).
 * A zod/mini schema so reports crossing a boundary (extension messages, saved audits) are parsed.
 */
import * as z from 'zod/mini';

const Evidence = z.object({ selector: z.string(), quote: z.string() });
const Reason = z.object({ id: z.string(), params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))) });
const Status = z.enum(['pass', 'fail', 'review', 'na']);
const LegalRef = z.object({ document: z.string(), provision: z.string(), amendedBy: z.optional(z.string()) });

export const ElementResultSchema = z.object({
  id: z.string(),
  status: Status,
  present: z.boolean(),
  value: z.nullable(z.string()),
  evidence: z.array(Evidence),
  reason: Reason,
  legalRef: LegalRef,
});

export const QualityFindingSchema = z.object({
  id: z.string(),
  element: z.nullable(z.string()),
  status: z.enum(['pass', 'fail', 'review']),
  reason: Reason,
  evidence: z.array(Evidence),
});

export const AuditReportSchema = z.object({
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

export type AuditReport = z.infer<typeof AuditReportSchema>;
