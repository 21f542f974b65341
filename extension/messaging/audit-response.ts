/**
 * The answer of the injected audit script, parsed by the side panel with the shared report
 * schema. Kept apart from protocol.ts so that scripts that never see a report (the overlay) do
 * not bundle the report schema.
 */
import * as z from 'zod/mini';
import { AuditReportSchema } from '../../shared/audit/schema';
import { ELEMENT_IDS } from '../../shared/checklist';

/** The answer of the injected audit script (its `main` result, returned by scripting.executeScript). */
export const AuditRunResponse = z.union([
  z.object({
    ok: z.literal(true),
    report: AuditReportSchema,
    textHash: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
    /** Elements whose site-profile selector found no node on the page (the label search was used). */
    selectorMisses: z.optional(z.array(z.enum(ELEMENT_IDS)).check(z.maxLength(50))),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type AuditRunResponse = z.infer<typeof AuditRunResponse>;
