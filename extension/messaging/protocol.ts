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

// Batch audit (extension/batch/): the batch page asks the background worker to start, pause,
// resume or cancel; progress and results are read from storage (`batch:v1`), not sent.
const BatchUrl = z.string().check(z.minLength(1), z.maxLength(2_000));
/** Start a batch over `urls` (already normalised and deduplicated by the page), replacing any finished one. */
export const BatchStart = z.object({
  type: z.literal('batch/start'),
  urls: z.array(BatchUrl).check(z.minLength(1), z.maxLength(10_000)),
  /** Where the list came from (a list page's URL, "pasted", the current tab's URL), for the report. */
  source: z.string().check(z.maxLength(2_000)),
  concurrency: z.number().check(z.int(), z.minimum(1), z.maximum(8)),
  timeoutMs: z.number().check(z.int(), z.minimum(1_000), z.maximum(300_000)),
});
export const BatchControl = z.object({ type: z.literal('batch/control'), action: z.enum(['pause', 'resume', 'cancel']) });

export const ExtensionMessage = z.discriminatedUnion('type', [OverlayShow, OverlayShowAll, OverlayClear, BatchStart, BatchControl]);
export type ExtensionMessage = z.infer<typeof ExtensionMessage>;
export type MessageType = ExtensionMessage['type'];
export type MessageOf<T extends MessageType> = Extract<ExtensionMessage, { type: T }>;

const Box = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
/** How the overlay found the evidence: its selector, its quoted text (the page changed), or not at all. */
export const OverlayShowResponse = z.object({ found: z.enum(['selector', 'quote', 'none']), box: z.nullable(Box) });
export type OverlayShowResponse = z.infer<typeof OverlayShowResponse>;
export const OverlayShowAllResponse = z.object({ drawn: z.number(), missing: z.number() });
export const OverlayClearResponse = z.object({ cleared: z.boolean() });
/** The batch's run state after a start or control message; `refused` says why nothing changed. */
export const BatchAnswer = z.object({
  state: z.enum(['idle', 'running', 'paused', 'cancelled', 'finished']),
  refused: z.optional(z.enum(['busy', 'no-batch'])),
});

/** The answer schema of each request type. */
export const RESPONSES = {
  'overlay/show': OverlayShowResponse,
  'overlay/show-all': OverlayShowAllResponse,
  'overlay/clear': OverlayClearResponse,
  'batch/start': BatchAnswer,
  'batch/control': BatchAnswer,
} as const satisfies Record<MessageType, z.ZodMiniType>;
export type ResponseOf<T extends MessageType> = z.infer<(typeof RESPONSES)[T]>;
