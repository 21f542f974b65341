/**
 * The extracted-page record: what the extractor found, validated with zod/mini at the boundary
 * between the DOM-reading code and the pure judges.
 */
import * as z from 'zod/mini';

const Evidence = z.object({ selector: z.string(), quote: z.string() });

export const ExtractedFieldSchema = z.object({
  /** An element id or an auxiliary key ("aux:decision", "aux:other-agency"…). */
  key: z.string(),
  /** The label as written on the page ('' for an unlabelled column). */
  label: z.string(),
  /** The value as plain, normalised text, lines joined with "\n". */
  value: z.string(),
  source: z.enum(['row', 'column', 'heading', 'inline', 'block']),
  links: z.array(z.object({ href: z.string(), text: z.string() })),
  evidence: Evidence,
  labelEvidence: Evidence,
});
export type ExtractedField = z.infer<typeof ExtractedFieldSchema>;

export const PageHeadingSchema = z.object({ text: z.string(), level: z.number(), blockIndex: z.number(), evidence: Evidence });
export type PageHeading = z.infer<typeof PageHeadingSchema>;

export const ContactBlockSchema = z.object({
  /** Whether the block names phản ánh, kiến nghị (or a hotline). */
  pakn: z.boolean(),
  text: z.string(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  websites: z.array(z.string()),
  hasAddress: z.boolean(),
  evidence: Evidence,
});
export type ContactBlock = z.infer<typeof ContactBlockSchema>;

export const ExtractedPageSchema = z.object({
  url: z.nullable(z.string()),
  title: z.nullable(z.string()),
  fields: z.array(ExtractedFieldSchema),
  headings: z.array(PageHeadingSchema),
  /** The last few plain text blocks before the first element label (a title not marked as a heading). */
  leadBlocks: z.array(PageHeadingSchema),
  codeMentions: z.array(z.object({ code: z.string(), evidence: Evidence })),
  contacts: z.array(ContactBlockSchema),
  /** Links to document files in the page body (not menus or footers), for forms linked away from their section. */
  documentLinks: z.array(z.object({ href: z.string(), text: z.string() })),
  statusMarkers: z.array(z.object({ text: z.string(), evidence: Evidence })),
  nodeCount: z.number(),
  textLength: z.number(),
  /** Block index of the first element label, -1 when none: headings before it may name the procedure. */
  firstLabelIndex: z.number(),
});
export type ExtractedPage = z.infer<typeof ExtractedPageSchema>;
