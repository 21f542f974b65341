/**
 * The extracted-page record: what the extractor found on a page, the only input of the judges.
 * Plain types: the record never crosses a trust boundary (it is made and read inside one audit),
 * so it is not parsed; reports that do cross one are parsed by shared/audit/schema.ts.
 */

export interface Evidence {
  /** A CSS selector that finds the node again. */
  selector: string;
  /** A short quote of the node's own text. */
  quote: string;
}

export interface Link {
  href: string;
  text: string;
}

/** How a field was found; 'profile' is a node a site profile's CSS selector names (see ExtractOptions.profile). */
export type FieldSource = 'row' | 'column' | 'heading' | 'inline' | 'block' | 'profile';

/** Where one block's text starts in a field's value, and the block's selector. */
export interface FieldPart {
  /** Offset of the block's first character in `value`. */
  offset: number;
  selector: string;
}

export interface ExtractedField {
  /** A lexicon key: an element id or an auxiliary key ("aux:decision", "aux:other-agency"…). */
  key: string;
  /** The label as written on the page ('' for an unlabelled column). */
  label: string;
  /** The value as plain, normalised text, lines joined with "\n". */
  value: string;
  source: FieldSource;
  links: Link[];
  evidence: Evidence;
  labelEvidence: Evidence;
  /**
   * When the value joins several blocks: where each starts, so a judge can point at the block that
   * holds a phrase (`evidence` is the first block). Absent for a one-block value.
   */
  parts?: FieldPart[];
}

export interface PageHeading {
  text: string;
  level: number;
  blockIndex: number;
  evidence: Evidence;
}

/** A block of text that gives ways to reach someone (a footer, a phản ánh, kiến nghị section). */
export interface ContactBlock {
  /** Whether the block names phản ánh, kiến nghị. */
  pakn: boolean;
  text: string;
  /** The text after a label, lines kept: what structured contact details are read from. */
  body: string;
  phones: string[];
  emails: string[];
  websites: string[];
  hasAddress: boolean;
  hrefs: string[];
  evidence: Evidence;
}

export interface ExtractedPage {
  url: string | null;
  title: string | null;
  fields: ExtractedField[];
  headings: PageHeading[];
  /** The last few plain text blocks before the first element label (a title not marked as a heading). */
  leadBlocks: PageHeading[];
  codeMentions: { code: string; evidence: Evidence }[];
  contacts: ContactBlock[];
  /** Links to document files in the page body (not menus or footers), for forms linked away from their section. */
  documentLinks: Link[];
  statusMarkers: { text: string; evidence: Evidence }[];
  nodeCount: number;
  textLength: number;
  /** Block index of the first element label, -1 when none: headings before it may name the procedure. */
  firstLabelIndex: number;
}
