/**
 * The extractor: the only code that reads the DOM. Takes a whole page (Document) or a part of
 * one (Element) and returns an ExtractedPage: every labelled field it found (element labels and
 * the auxiliary ones), the headings that may name the procedure, code mentions, contact blocks
 * for phản ánh, kiến nghị, and status markers, each with evidence. Everything after this point is
 * pure functions of that record. It never runs page scripts and never writes to the page; values
 * are plain text.
 * The label vocabulary comes from the caller (a Lexicon), so this layer knows no element. All
 * state lives in one extraction; `startExtraction` runs in slices (see `Extraction.step`) so an
 * audit can share the main thread with the host page, `extractPage` runs it in one go.
 */
import { LEADING_MARKER_RE, labelKey, normalizeText, quote } from '../text/normalize';
import {
  DOCUMENT_LINK_RE,
  EXPIRED_NOTICE_RE,
  EXPIRED_RE,
  PAKN_RE,
  PROCEDURE_CODE_RE,
  contactMeans,
  hasPhoneOrEmail,
} from '../text/patterns';
import type { Lexicon } from './lexicon';
import { createBlockReader, type Block, type BlockReader } from './blocks';
import { matchLabel, type LabelMatch } from './labels';
import { createSelectorBuilder, type SelectorBuilder } from './selector';
import { isDocument, type DomDocument, type DomElement } from './dom';
import type { ContactBlock, Evidence, ExtractedField, ExtractedPage, FieldPart, Link, PageHeading } from './types';

export type * from './types';
export type * from './dom';
export type { Lexicon, LabelSet, LabelVariant, LexiconRoles } from './lexicon';

export interface ExtractOptions {
  url?: string | null;
  /** The label vocabulary (the checklist builds it once). */
  lexicon: Lexicon;
  /**
   * A site profile for a portal whose layout the label search misses: per lexicon key, a CSS
   * selector of the node holding that key's value. The first node it finds is read as the value
   * (source 'profile', evidence pointing at it) and replaces what the label search found for the
   * key; a selector that matches nothing leaves the search's result, an invalid one is ignored.
   */
  profile?: { selectors?: Readonly<Record<string, string>> };
}

/** Keys given by a profile selector and read from the page (not counting those that matched nothing). */
function profileFields(
  ctx: Context,
  doc: DomDocument | null,
  root: DomElement,
  selectors: Readonly<Record<string, string>>,
): ExtractedField[] {
  const fields: ExtractedField[] = [];
  for (const [key, selector] of Object.entries(selectors)) {
    let el: DomElement | null = null;
    try {
      el = doc ? doc.querySelector(selector) : null;
    } catch {
      continue; // not a selector this DOM can parse: the options page refuses these before saving
    }
    if (!el || !root.contains(el)) continue;
    const reader = createBlockReader(el);
    reader.step();
    const blocks = reader.blocks;
    const { value, parts } = joinPieces(ctx, blocks);
    if (value === '') continue;
    const evidence = { selector: ctx.selectors.selectorFor(el), quote: quote(blocks[0]?.text ?? value) };
    const field: ExtractedField = {
      key,
      label: '',
      value,
      source: 'profile',
      links: blocks.flatMap((b) => b.links),
      evidence,
      labelEvidence: evidence,
    };
    fields.push(parts ? { ...field, parts } : field);
  }
  return fields;
}

/** Blocks handled between two checks of the caller's `shouldYield` in the block-level passes. */
const BLOCKS_PER_CHECK = 200;

/** Values longer than this are cut: enough to judge, bounded for 5 MB pages. */
const MAX_VALUE_CHARS = 20_000;
/** A status line that is only the expiry ("Hết hiệu lực", "Đã bãi bỏ"), not a sentence mentioning it. */
const EXPIRED_MARKER_RE = new RegExp(`^(?:đã\\s+)?(?:${EXPIRED_RE.source})`, 'i');
const INLINE_CELL = new Set(['span', 'a', 'b', 'strong', 'em', 'i', 'label', 'small', 'font']);
const STEP_RE = /^(?:bước|step)\s*\d+/i;
const CHANNEL_RE = /trực tiếp|trực tuyến|bưu chính|bưu điện|qua mạng|online|in person|by post/i;

interface OpenField {
  key: string;
  /** Whether the key is a checklist element. */
  element: boolean;
  /** Values must lie inside this element (see sectionScope). */
  scope: DomElement | null;
  label: string;
  labelBlock: Block;
  rest: string;
  parts: Block[];
  source: ExtractedField['source'];
  size: number;
}

/** What one extraction shares between its passes. */
interface Context {
  lexicon: Lexicon;
  selectors: SelectorBuilder;
}

/** Where `block` is: a selector that finds its element again and a quote of the block's own text. */
function evidenceOf(ctx: Context, block: Block): Evidence {
  return { selector: ctx.selectors.selectorFor(block.el), quote: quote(block.text) };
}

/**
 * A field's value from its pieces (one per block, lines joined with "\n", cut at MAX_VALUE_CHARS)
 * and, when there are several, where each piece starts and its block's selector.
 */
function joinPieces(ctx: Context, pieces: readonly { text: string; el: DomElement }[]): { value: string; parts?: FieldPart[] } {
  const kept = pieces.filter((p) => p.text !== '');
  const value = kept
    .map((p) => p.text)
    .join('\n')
    .slice(0, MAX_VALUE_CHARS);
  if (kept.length < 2) return { value };
  const parts: FieldPart[] = [];
  let offset = 0;
  for (const piece of kept) {
    if (offset >= value.length) break;
    parts.push({ offset, selector: ctx.selectors.selectorFor(piece.el) });
    offset += piece.text.length + 1;
  }
  return { value, parts };
}

function rootOf(input: DomDocument | DomElement): { root: DomElement | null; doc: DomDocument | null } {
  if (isDocument(input)) {
    const doc = input;
    let root: DomElement | null = null;
    try {
      root = doc.body ?? doc.documentElement;
    } catch {
      // Some DOM implementations throw on a document without a root element.
    }
    return { root, doc };
  }
  return { root: input, doc: input.ownerDocument };
}

/** Column tables: header row with two or more known column labels (methods, dossier, legal basis…). */
function findColumnTables(ctx: Context, blocks: Block[]): ColumnTables {
  const { lexicon } = ctx;
  const byTable = new Map<number, Block[]>();
  for (const b of blocks) if (b.cell) (byTable.get(b.cell.table) ?? byTable.set(b.cell.table, []).get(b.cell.table)!).push(b);
  const fields: ExtractedField[] = [];
  const tables = new Set<number>();
  const used = new Set<Block>();
  const headers = new Set<Block>();
  for (const [table, cellBlocks] of byTable) {
    const rows = new Map<number, Map<number, Block[]>>();
    for (const b of cellBlocks) {
      const row = rows.get(b.cell!.row) ?? rows.set(b.cell!.row, new Map()).get(b.cell!.row)!;
      (row.get(b.cell!.col) ?? row.set(b.cell!.col, []).get(b.cell!.col)!).push(b);
    }
    const rowIds = [...rows.keys()].sort((a, b) => a - b);
    const headerRow = rowIds.find((r) => [...rows.get(r)!.values()].some((bs) => bs[0]!.cell!.header)) ?? rowIds[0];
    if (headerRow === undefined) continue;
    const header = rows.get(headerRow)!;
    const headerCells = [...header.entries()].sort((a, b) => a[0] - b[0]);
    const keys = new Map<number, { key: string; label: string; block: Block }>();
    for (const [col, bs] of headerCells) {
      const text = bs.map((b) => b.text).join(' ');
      const entry = lexicon.columns.get(labelKey(text));
      if (entry) keys.set(col, { key: entry.key, label: normalizeText(text), block: bs[0]! });
    }
    if (keys.size < 2) continue;
    const dataRows = rowIds.filter((r) => r > headerRow);
    // A grid of label/value pairs ("Mã thủ tục | … | Lĩnh vực | …" on every row) is not a column table.
    const rowsWithLabels = dataRows.filter((r) =>
      [...rows.get(r)!.values()].some((bs) => lexicon.byKey.has(labelKey(bs.map((b) => b.text).join(' ')))),
    ).length;
    if (rowsWithLabels > 0 && rowsWithLabels * 2 >= dataRows.length) continue;
    // A header row shorter than the data rows lost its leading cells (Huế pages): align it right.
    const width = (r: number) => maxOf(rows.get(r)!.keys()) + 1;
    const shift = dataRows.length > 0 ? Math.max(0, maxOf(dataRows.map(width)) - width(headerRow)) : 0;
    if (shift > 0) {
      const shifted = new Map([...keys].map(([col, info]) => [col + shift, info] as const));
      keys.clear();
      for (const [col, info] of shifted) keys.set(col, info);
    }
    tables.add(table);
    for (const b of cellBlocks) used.add(b);
    for (const bs of header.values()) for (const b of bs) headers.add(b);
    const columnCount = Math.max(0, maxOf(dataRows.map((r) => rows.get(r)!.size)));
    // A column without a header whose cells name submission channels is the methods column (Huế pages).
    const allCols = new Set(dataRows.flatMap((r) => [...rows.get(r)!.keys()]));
    for (const col of allCols) {
      if (keys.has(col)) continue;
      const values = dataRows.map(
        (r) =>
          rows
            .get(r)!
            .get(col)
            ?.map((b) => b.text)
            .join(' ') ?? '',
      );
      const headerBlock = headerCells[0]?.[1][0];
      const untitled = col < shift || !header.get(col - shift);
      if (headerBlock && untitled && values.some((v) => CHANNEL_RE.test(v)))
        keys.set(col, { key: lexicon.roles.methods, label: '', block: headerBlock });
    }
    for (const [col, info] of keys) {
      const cells: Block[] = [];
      for (const r of dataRows) {
        const row = rows.get(r)!;
        if (row.size === 1 && columnCount > 1 && !row.has(col)) continue;
        cells.push(...(row.get(col) ?? []));
      }
      const { value, parts } = joinPieces(ctx, cells);
      const first = cells[0] ?? info.block;
      fields.push({
        key: info.key,
        label: info.label,
        value,
        source: 'column',
        links: cells.flatMap((b) => b.links),
        evidence: evidenceOf(ctx, first),
        labelEvidence: evidenceOf(ctx, info.block),
        ...(parts && { parts }),
      });
    }
  }
  return { fields, tables, used, headers };
}

/** The largest number of `values` (-Infinity for none); no spread, so any count is safe. */
function maxOf(values: Iterable<number>): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}

function closeField(ctx: Context, open: OpenField): ExtractedField {
  const { value, parts } = joinPieces(ctx, [{ text: open.rest, el: open.labelBlock.el }, ...open.parts]);
  const first = open.parts[0] ?? open.labelBlock;
  return {
    key: open.key,
    label: open.label,
    value,
    source: open.source,
    links: [...(open.rest ? open.labelBlock.links : []), ...open.parts.flatMap((b) => b.links)],
    evidence: evidenceOf(ctx, first),
    labelEvidence: evidenceOf(ctx, open.labelBlock),
    ...(parts && { parts }),
  };
}

/**
 * A block whose lines carry several labels ("Cơ quan thực hiện: …<br>Đối tượng thực hiện: …")
 * becomes one block per line; a label broken over two lines ("Thời hạn<br>giải quyết: …", PDF
 * pastes) is joined back. Other blocks are kept as they are.
 */
function splitLabelLines(blocks: Block[], lexicon: Lexicon): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (!b.text.includes('\n')) {
      out.push(b);
      continue;
    }
    const lines = b.text.split('\n');
    const labelled = lines.filter((line) => matchLabel(line, lexicon)).length;
    if (labelled >= 2) {
      let linkIndex = 0;
      lines.forEach((line, i) => {
        const own: Link[] = [];
        while (linkIndex < b.links.length && (line.includes(b.links[linkIndex]!.text) || i === lines.length - 1))
          own.push(b.links[linkIndex++]!);
        out.push({ ...b, text: line, links: own });
      });
      continue;
    }
    if (!matchLabel(b.text, lexicon)) {
      const joined = `${lines[0]} ${lines[1]}`;
      const match = matchLabel(joined, lexicon);
      if (match && match.label.length > lines[0]!.length) {
        out.push({ ...b, text: [joined, ...lines.slice(2)].join('\n') });
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

/**
 * Where a label's value may lie: one level above the smallest element holding both the label and
 * the block after it. A label wrapped in several divs (MUI grids) still reaches its value in the
 * sibling column; a section's value cannot run on into the next container (a sidebar, a footer).
 */
function sectionScope(label: Block, next: Block | undefined): DomElement | null {
  if (!next) return null;
  const ancestors = new Set<DomElement>();
  for (let el: DomElement | null = label.el; el; el = el.parentElement) ancestors.add(el);
  let common: DomElement | null = next.el;
  while (common && !ancestors.has(common)) common = common.parentElement;
  return common?.parentElement ?? common;
}

/** Whether block `b` still belongs to the value of `open`. */
function continues(open: OpenField, b: Block, inColumnTable: boolean): boolean {
  if (b.region !== open.labelBlock.region) return false;
  if (open.scope && !open.scope.contains(b.el)) return false;
  if (open.size > MAX_VALUE_CHARS) return false;
  const labelCell = open.labelBlock.cell;
  if (open.source === 'row' && labelCell) {
    if (b.cell && b.cell.rowEl === labelCell.rowEl) return true;
    if (open.parts.length > 0 || open.rest !== '') return false;
    open.source = 'block';
  }
  if (b.heading > 0 && !inColumnTable) {
    const labelLevel = open.labelBlock.heading;
    if (labelLevel === 0 || b.heading <= labelLevel) return false;
  }
  if (open.source === 'inline' && open.rest !== '') {
    // "Label: value" usually ends on its line; bullets, numbered items and steps ("Bước 2: …") go on.
    return b.listItem || LEADING_MARKER_RE.test(b.text) || STEP_RE.test(b.text);
  }
  return true;
}

interface ColumnTables {
  fields: ExtractedField[];
  tables: Set<number>;
  used: Set<Block>;
  headers: Set<Block>;
}

/** The state of the labelled-field pass, kept between slices. */
interface FieldPass {
  index: number;
  open: OpenField | null;
  fields: ExtractedField[];
  inElementField: Set<Block>;
  headings: PageHeading[];
  codeMentions: ExtractedPage['codeMentions'];
  statusMarkers: ExtractedPage['statusMarkers'];
  /** The last few free-standing blocks before the first label, with their index (evidence made at the end). */
  leadBlocks: { block: Block; index: number }[];
  documentLinks: Link[];
  firstLabelIndex: number;
  textLength: number;
}

/** A running extraction. */
export interface Extraction {
  /**
   * Works until done (returns true) or until `shouldYield()` returns true (returns false); call
   * again to go on where it stopped. Without `shouldYield` it runs to the end. The page must not
   * change between calls (restart the extraction if it did).
   */
  step(shouldYield?: () => boolean): boolean;
  /** The extracted page; throws when called before `step` returned true. */
  result(): ExtractedPage;
}

/** The record of a page with nothing to read. */
export function emptyPage(url: string | null = null, title: string | null = null): ExtractedPage {
  return {
    url,
    title,
    fields: [],
    headings: [],
    leadBlocks: [],
    codeMentions: [],
    contacts: [],
    documentLinks: [],
    statusMarkers: [],
    nodeCount: 0,
    textLength: 0,
    firstLabelIndex: -1,
  };
}

/** Starts extracting what a procedure page publishes. Never throws on odd markup. */
export function startExtraction(input: DomDocument | DomElement, options: ExtractOptions): Extraction {
  const url = options.url ?? null;
  const { root, doc } = rootOf(input);
  // Read the <title> element rather than document.title: some DOM implementations create a <head> on access.
  const title = doc && isDocument(input) ? normalizeText(doc.querySelector('title')?.textContent ?? '') || null : null;
  if (!root) {
    const page = emptyPage(url, title);
    return { step: () => true, result: () => page };
  }
  const ctx: Context = { lexicon: options.lexicon, selectors: createSelectorBuilder() };
  const reader: BlockReader = createBlockReader(root);
  let blocks: Block[] = [];
  let columns: ColumnTables | null = null;
  let pass: FieldPass | null = null;
  let page: ExtractedPage | null = null;
  const late: { fields: ExtractedField[] | null; grid: boolean } = { fields: null, grid: false };

  function step(shouldYield?: () => boolean): boolean {
    if (page) return true;
    if (!reader.step(shouldYield)) return false;
    if (!columns) {
      blocks = splitLabelLines(reader.blocks, ctx.lexicon);
      columns = findColumnTables(ctx, blocks);
      pass = newFieldPass();
      if (shouldYield?.()) return false;
    }
    if (!runFieldPass(ctx, blocks, columns, pass!, shouldYield)) return false;
    const p = pass!;
    // The closing passes are linear in blocks; each gets its own slice when time is short.
    if (!late.fields) {
      const fields = [...p.fields, ...columns.fields];
      for (const b of columns.used) if (b.cell) p.inElementField.add(b);
      fields.push(...tabFields(ctx, blocks, doc));
      late.fields = fields;
      if (shouldYield?.()) return false;
    }
    if (!late.grid) {
      late.fields.push(...gridFields(ctx, blocks));
      late.grid = true;
      if (shouldYield?.()) return false;
    }
    const chosen = profileFields(ctx, doc, root!, options.profile?.selectors ?? {});
    const byProfile = new Set(chosen.map((f) => f.key));
    const fields = [...chosen, ...late.fields.filter((f) => !byProfile.has(f.key))];
    const contacts = findContacts(ctx, blocks, p.inElementField);
    page = {
      url,
      title,
      fields,
      headings: p.headings,
      leadBlocks: p.leadBlocks.map(({ block, index }) => ({
        text: block.text,
        level: 0,
        blockIndex: index,
        evidence: evidenceOf(ctx, block),
      })),
      codeMentions: p.codeMentions,
      documentLinks: p.documentLinks,
      contacts,
      statusMarkers: p.statusMarkers,
      nodeCount: reader.nodeCount,
      textLength: p.textLength,
      firstLabelIndex: p.firstLabelIndex,
    };
    blocks = [];
    return true;
  }

  return {
    step,
    result() {
      if (!page) throw new Error('extraction not finished');
      return page;
    },
  };
}

/** Extracts what a procedure page publishes, in one go. Returns an empty record for empty input. */
export function extractPage(input: DomDocument | DomElement, options: ExtractOptions): ExtractedPage {
  const extraction = startExtraction(input, options);
  extraction.step();
  return extraction.result();
}

function newFieldPass(): FieldPass {
  return {
    index: 0,
    open: null,
    fields: [],
    inElementField: new Set(),
    headings: [],
    codeMentions: [],
    statusMarkers: [],
    leadBlocks: [],
    documentLinks: [],
    firstLabelIndex: -1,
    textLength: 0,
  };
}

/** Reads labelled fields, headings, code mentions and status markers, block by block; resumable. */
function runFieldPass(ctx: Context, blocks: Block[], columns: ColumnTables, p: FieldPass, shouldYield?: () => boolean): boolean {
  const { lexicon } = ctx;
  const finish = (): void => {
    const open = p.open;
    if (!open) return;
    p.fields.push(closeField(ctx, open));
    // A labelled feedback contact stays visible to the contact search, which reads the lines after it.
    if (open.element && open.key !== lexicon.roles.contact) {
      p.inElementField.add(open.labelBlock);
      for (const b of open.parts) p.inElementField.add(b);
    }
    p.open = null;
  };

  for (; p.index < blocks.length; p.index++) {
    if (shouldYield && p.index % BLOCKS_PER_CHECK === BLOCKS_PER_CHECK - 1 && shouldYield()) {
      p.index++;
      return false;
    }
    const index = p.index;
    const b = blocks[index]!;
    p.textLength += b.text.length;
    if (b.region === 'main' && p.documentLinks.length < 50)
      for (const l of b.links) if (DOCUMENT_LINK_RE.test(l.href)) p.documentLinks.push(l);
    if (
      p.statusMarkers.length < 10 &&
      ((b.text.length < 80 && EXPIRED_MARKER_RE.test(b.text)) || (b.text.length < 400 && EXPIRED_NOTICE_RE.test(b.text)))
    ) {
      p.statusMarkers.push({ text: quote(b.text), evidence: evidenceOf(ctx, b) });
    }
    const inColumnTable = !!b.cell && columns.tables.has(b.cell.table);
    // Menus and sidebars hold labels as links ("Thủ tục hành chính"), not fields; tabs are read below.
    let match = inColumnTable || b.region === 'nav' || b.region === 'aside' ? null : matchLabel(b.text, lexicon);
    if (match && p.open && lexicon.partOf.get(match.entry.key) === p.open.key && continues(p.open, b, false)) match = null;
    if (match) {
      finish();
      if (p.firstLabelIndex < 0 && match.entry.element && match.entry.key !== lexicon.roles.name) p.firstLabelIndex = index;
      const next = blocks[index + 1];
      // A label with its value, or more lines, in its own cell ("Mã thủ tục: 1.000178", a sidebar box
      // of a layout table) is not a label/value row: its value stays inside the cell.
      const headsCell = !!b.cell && (match.rest !== '' || next?.cell?.cellEl === b.cell.cellEl);
      p.open = {
        key: match.entry.key,
        element: match.entry.element,
        scope: headsCell ? b.cell!.cellEl : sectionScope(b, next),
        label: match.label,
        labelBlock: b,
        rest: match.rest,
        parts: [],
        source: b.cell && !headsCell ? 'row' : b.heading > 0 ? 'heading' : match.mode === 'whole' ? 'block' : 'inline',
        size: match.rest.length,
      };
      continue;
    }
    if (
      b.heading > 0 &&
      b.heading <= 6 &&
      b.region !== 'nav' &&
      (p.firstLabelIndex < 0 ? p.headings.length < 200 : p.headings.length < 16)
    ) {
      p.headings.push({ text: b.text.slice(0, 500), level: b.heading, blockIndex: index, evidence: evidenceOf(ctx, b) });
    }
    if (p.codeMentions.length < 10 && (p.firstLabelIndex < 0 || b.heading > 0)) {
      const code = PROCEDURE_CODE_RE.exec(b.text);
      if (code) p.codeMentions.push({ code: code[0], evidence: evidenceOf(ctx, b) });
    }
    if (p.open && columns.headers.has(b) && b.region === p.open.labelBlock.region) continue; // column titles are not values
    if (p.open && continues(p.open, b, inColumnTable)) {
      p.open.parts.push(b);
      p.open.size += b.text.length;
      continue;
    }
    finish();
    // A title not marked as a heading: a free-standing block before the procedure's fields.
    if (p.firstLabelIndex < 0 && b.region === 'main' && b.heading === 0 && b.text.length >= 10 && b.text.length <= 400 && !isLinkList(b)) {
      p.leadBlocks.push({ block: b, index });
      if (p.leadBlocks.length > 3) p.leadBlocks.shift();
    }
  }
  finish();
  return true;
}

/** A block made only of links (a menu, a breadcrumb) cannot be a title. */
function isLinkList(b: Block): boolean {
  if (b.links.length === 0) return false;
  const linked = b.links.reduce((n, l) => n + l.text.length, 0);
  return linked >= b.text.replace(/[\s|›»>/·-]/g, '').length * 0.8;
}

/**
 * Tables drawn with divs (SPA grids): a row element whose children are column labels ("Hình thức
 * nộp", "Thời hạn giải quyết"), followed by sibling rows with as many children, is read as columns.
 */
function gridFields(ctx: Context, blocks: Block[]): ExtractedField[] {
  const { lexicon } = ctx;
  const fields: ExtractedField[] = [];
  for (const b of blocks) {
    // A header row is short, holds no digits and is not a sentence; most blocks stop here.
    if (b.cell || b.text.length > 150 || b.region !== 'main' || /[\d.]/.test(b.text)) continue;
    const count = b.el.childElementCount;
    if (count < 2 || count > 12) continue;
    // The row's cells are inline elements (spans) that all make up this one block.
    let inline = true;
    for (let c = b.el.firstElementChild; c && inline; c = c.nextElementSibling) inline = INLINE_CELL.has(c.localName.toLowerCase());
    if (!inline) continue;
    const cells = Array.from(b.el.children);
    // Cheap test first: the first or second cell must itself be a column label.
    const isColumn = (c: DomElement) => {
      const text = c.textContent ?? '';
      return text.length <= 80 && lexicon.columns.has(labelKey(text));
    };
    if (!isColumn(cells[0]!) && !isColumn(cells[1]!)) continue;
    const keys = cells.map((c) => lexicon.columns.get(labelKey(c.textContent ?? '')));
    if (keys.filter(Boolean).length < 2) continue;
    const rows: DomElement[] = [];
    for (let row = b.el.nextElementSibling; row && row.children.length === cells.length && rows.length < 200; row = row.nextElementSibling)
      rows.push(row);
    if (rows.length === 0) continue;
    keys.forEach((entry, col) => {
      if (!entry) return;
      const pieces = rows.flatMap((row) => {
        const cell = row.children[col];
        return cell ? [{ text: normalizeText(cell.textContent ?? ''), el: cell }] : [];
      });
      const { value, parts } = joinPieces(ctx, pieces);
      const first = rows[0]!.children[col]!;
      fields.push({
        key: entry.key,
        label: normalizeText(cells[col]!.textContent ?? ''),
        value,
        source: 'column',
        links: [],
        evidence: { selector: ctx.selectors.selectorFor(first), quote: quote(first.textContent ?? '') },
        labelEvidence: { selector: ctx.selectors.selectorFor(cells[col]!), quote: quote(cells[col]!.textContent ?? '') },
        ...(parts && { parts }),
      });
    });
  }
  return fields;
}

/**
 * Tabbed pages: a tab link whose text is a label ("Trình tự thực hiện", href="#tab-trinhtu")
 * takes as its value the panel it points to, shown or hidden.
 */
function tabFields(ctx: Context, blocks: Block[], doc: DomDocument | null): ExtractedField[] {
  const { lexicon } = ctx;
  if (!doc) return [];
  interface Tab {
    block: Block;
    match: LabelMatch;
    panelBlocks: Block[];
  }
  const tabs: Tab[] = [];
  const byPanel = new Map<DomElement, Tab[]>();
  const seen = new Set<string>();
  for (const b of blocks) {
    for (const link of b.links) {
      const id = link.href.startsWith('#') ? link.href.slice(1) : '';
      if (!id || seen.has(id) || !/^[\w-]+$/.test(id)) continue;
      const match = matchLabel(link.text, lexicon);
      if (!match || match.mode !== 'whole') continue;
      const panel = ctx.selectors.elementById(doc, id);
      if (!panel) continue;
      seen.add(id);
      const tab: Tab = { block: b, match, panelBlocks: [] };
      tabs.push(tab);
      const owners = byPanel.get(panel);
      if (owners) owners.push(tab);
      else byPanel.set(panel, [tab]);
    }
  }
  if (tabs.length === 0) return [];
  // One pass over the blocks for every panel (a block belongs to each panel among its ancestors),
  // not a pass per tab: a list page with a tab strip per procedure was O(tabs × blocks).
  for (const p of blocks) {
    for (let el: DomElement | null = p.el; el; el = el.parentElement) {
      const owners = byPanel.get(el);
      if (owners) for (const tab of owners) if (tab.block !== p) tab.panelBlocks.push(p);
    }
  }
  return tabs.map(({ block: b, match, panelBlocks }) => {
    const { value, parts } = joinPieces(ctx, panelBlocks);
    return {
      key: match.entry.key,
      label: match.label,
      value,
      source: 'block',
      links: panelBlocks.flatMap((p) => p.links),
      evidence: evidenceOf(ctx, panelBlocks[0] ?? b),
      labelEvidence: evidenceOf(ctx, b),
      ...(parts && { parts }),
    };
  });
}

/**
 * Contact blocks outside the procedure's own fields: a window of text starting at each block that
 * names phản ánh, kiến nghị, and plain phone/e-mail blocks elsewhere (site footer).
 */
function findContacts(ctx: Context, blocks: Block[], inElementField: Set<Block>): ContactBlock[] {
  const { lexicon } = ctx;
  const contacts: ContactBlock[] = [];
  const covered = new Set<number>();
  const describe = (window: Block[], pakn: boolean): Omit<ContactBlock, 'evidence'> => {
    const text = window.map((b) => b.text).join('\n');
    // A label's own words ("Địa chỉ tiếp nhận phản ánh, kiến nghị:") are no address: read what follows it.
    const label = matchLabel(window[0]!.text, lexicon);
    const body = label ? [label.rest, ...window.slice(1).map((b) => b.text)].join('\n') : text;
    const hrefs = window.flatMap((b) => b.links.map((l: Link) => l.href));
    return { pakn, text: quote(text, 300), body: body.slice(0, 2_000), hrefs: hrefs.slice(0, 20), ...contactMeans(body, hrefs) };
  };
  for (let i = 0; i < blocks.length && contacts.length < 20; i++) {
    const b = blocks[i]!;
    if (inElementField.has(b) || b.region === 'nav' || !PAKN_RE.test(b.text)) continue;
    const window: Block[] = [b];
    let size = b.text.length;
    for (let j = i + 1; j < blocks.length && window.length < 8 && size < 800; j++) {
      const next = blocks[j]!;
      if (next.region !== b.region || inElementField.has(next) || (next.heading > 0 && next.heading <= (b.heading || 7))) break;
      window.push(next);
      size += next.text.length;
      covered.add(j);
    }
    covered.add(i);
    contacts.push({ ...describe(window, true), evidence: evidenceOf(ctx, b) });
  }
  for (let i = 0; i < blocks.length && contacts.length < 30; i++) {
    const b = blocks[i]!;
    if (covered.has(i) || inElementField.has(b) || b.region === 'nav') continue;
    // Cheap filter first: a phone number or an e-mail in the text, or a mailto:/tel: link.
    if (!hasPhoneOrEmail(b.text) && !b.links.some((l) => /^(?:mailto|tel):/i.test(l.href))) continue;
    // Evidence only for what is kept: a long list of codes ("1.001234") has digits in every item.
    const contact = describe([b], false);
    if (contact.phones.length > 0 || contact.emails.length > 0) contacts.push({ ...contact, evidence: evidenceOf(ctx, b) });
  }
  return contacts;
}
