/**
 * The one list of messages between the extension's contexts (side panel, content scripts). Every
 * payload is parsed with these schemas at the receiving end, so a context never trusts the shape
 * of what another sent. The audit script's answer, which carries a report, is in
 * audit-response.ts so that the overlay does not bundle the report schema. Each request type names the
 * schema of its answer (`RESPONSES`), so the sender parses what comes back too.
 */
import * as z from 'zod/mini';

const EvidenceSchema = z.object({ selector: z.string().check(z.maxLength(4_000)), quote: z.string().check(z.maxLength(4_000)) });

/** Draw the overlay over one piece of evidence and scroll it into view. */
export const OverlayShow = z.object({ type: z.literal('overlay/show'), evidence: EvidenceSchema });
/** Draw a box over every piece of evidence at once (the "all evidence" toggle), without scrolling. */
export const OverlayShowAll = z.object({ type: z.literal('overlay/show-all'), evidence: z.array(EvidenceSchema).check(z.maxLength(500)) });
/** Remove every box the overlay drew. */
export const OverlayClear = z.object({ type: z.literal('overlay/clear') });

export const ExtensionMessage = z.discriminatedUnion('type', [OverlayShow, OverlayShowAll, OverlayClear]);
export type ExtensionMessage = z.infer<typeof ExtensionMessage>;
export type MessageType = ExtensionMessage['type'];
export type MessageOf<T extends MessageType> = Extract<ExtensionMessage, { type: T }>;

const Box = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
/** How the overlay found the evidence: its selector, its quoted text (the page changed), or not at all. */
export const OverlayShowResponse = z.object({ found: z.enum(['selector', 'quote', 'none']), box: z.nullable(Box) });
export type OverlayShowResponse = z.infer<typeof OverlayShowResponse>;
export const OverlayShowAllResponse = z.object({ drawn: z.number(), missing: z.number() });
export const OverlayClearResponse = z.object({ cleared: z.boolean() });

/** The answer schema of each request type. */
export const RESPONSES = {
  'overlay/show': OverlayShowResponse,
  'overlay/show-all': OverlayShowAllResponse,
  'overlay/clear': OverlayClearResponse,
} as const satisfies Record<MessageType, z.ZodMiniType>;
export type ResponseOf<T extends MessageType> = z.infer<(typeof RESPONSES)[T]>;
