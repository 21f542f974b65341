/**
 * The one list of messages between the extension's contexts (side panel, background, content
 * script). Every payload is parsed with these schemas at the receiving end, so a context never
 * trusts the shape of what another sent. Audit reports use the shared report schema.
 */
import * as z from 'zod/mini';
import { AuditReportSchema } from '../../shared/audit/schema';

export const AuditRunRequest = z.object({ type: z.literal('audit/run') });
export type AuditRunRequest = z.infer<typeof AuditRunRequest>;

export const AuditRunResponse = z.union([
  z.object({ ok: z.literal(true), report: AuditReportSchema }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type AuditRunResponse = z.infer<typeof AuditRunResponse>;

export const ExtensionMessage = z.discriminatedUnion('type', [AuditRunRequest]);
export type ExtensionMessage = z.infer<typeof ExtensionMessage>;
