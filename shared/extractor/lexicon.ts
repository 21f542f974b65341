/**
 * The label lexicon: how the extractor looks labels up. It is built from a vocabulary the caller
 * gives (the checklist's element labels and the auxiliary labels real portals print beside them),
 * so the extractor knows no element by name; the few roles it treats specially (the procedure
 * name, the contact for phản ánh, kiến nghị, the methods column) are named in `roles`.
 * Labels are compared by labelKey (text/normalize).
 */
import { labelKey } from '../text/normalize';

/** A label as written on portals, with where it may appear. */
export interface LabelVariant {
  text: string;
  /** Accept only as "Label: value" on one line, never as a standalone heading (e.g. "Thủ tục"). */
  inlineOnly?: boolean;
  /** Accept only as a column header of a table (e.g. "Thời gian" in the methods table). */
  columnOnly?: boolean;
}

/** One key's labels: an element's, or an auxiliary field's. */
export interface LabelSet {
  key: string;
  variants: readonly (string | LabelVariant)[];
  /** Whether the key is a checklist element (auxiliary fields only bound other values). */
  element: boolean;
  /** An auxiliary label that belongs to this element's value when it appears inside its section. */
  partOf?: string;
}

/** Keys the extractor treats specially. */
export interface LexiconRoles {
  /** The procedure name: its label does not mark where the procedure's fields start. */
  name: string;
  /** The contact for phản ánh, kiến nghị: stays visible to the contact search. */
  contact: string;
  /** The methods of submission: an untitled column of channels is read as it. */
  methods: string;
}

export interface LexiconEntry {
  key: string;
  element: boolean;
  /** labelKey of the variant. */
  folded: string;
  words: number;
  inlineOnly: boolean;
  columnOnly: boolean;
}

export interface Lexicon {
  /** Exact lookup of a whole label text (labelKey) for block labels. */
  byKey: ReadonlyMap<string, LexiconEntry>;
  /** Entries usable as a prefix ("Label: value", glued), longest first, bucketed by first word (firstWord). */
  prefixBuckets: ReadonlyMap<string, readonly LexiconEntry[]>;
  /** Column header lookup (labelKey → entry), column-only entries included. */
  columns: ReadonlyMap<string, LexiconEntry>;
  /** Auxiliary key → the element whose value it belongs to inside that element's section. */
  partOf: ReadonlyMap<string, string>;
  roles: LexiconRoles;
}

function entry(set: LabelSet, variant: string | LabelVariant): LexiconEntry {
  const text = typeof variant === 'string' ? variant : variant.text;
  const folded = labelKey(text);
  return {
    key: set.key,
    element: set.element,
    folded,
    words: folded.split(' ').length,
    inlineOnly: typeof variant !== 'string' && !!variant.inlineOnly,
    columnOnly: typeof variant !== 'string' && !!variant.columnOnly,
  };
}

/** Builds a lexicon; build it once and reuse it for every extraction. */
export function buildLexicon(sets: readonly LabelSet[], roles: LexiconRoles): Lexicon {
  const all = sets.flatMap((set) => set.variants.map((v) => entry(set, v)));
  const byKey = new Map<string, LexiconEntry>();
  const columns = new Map<string, LexiconEntry>();
  const prefixBuckets = new Map<string, LexiconEntry[]>();
  for (const e of all) {
    // In a table header, a column-only meaning wins ("Văn bản quy định" beside a fee is its source).
    if (!columns.has(e.folded) || (e.columnOnly && !columns.get(e.folded)!.columnOnly)) columns.set(e.folded, e);
    if (e.columnOnly) continue;
    if (!e.inlineOnly && !byKey.has(e.folded)) byKey.set(e.folded, e);
    const word = firstWord(e.folded);
    const bucket = prefixBuckets.get(word) ?? [];
    bucket.push(e);
    prefixBuckets.set(word, bucket);
  }
  for (const bucket of prefixBuckets.values()) bucket.sort((a, b) => b.folded.length - a.folded.length);
  const partOf = new Map(sets.filter((s) => s.partOf).map((s) => [s.key, s.partOf!] as const));
  return { byKey, prefixBuckets, columns, partOf, roles };
}

const WORD_END = /[\s:：\d,;.()/|\-–]/;

/** The leading word of lower-cased text (up to a space, digit or punctuation): the prefix index key. */
export function firstWord(lower: string): string {
  const end = lower.search(WORD_END);
  return end < 0 ? lower : lower.slice(0, end);
}
