/**
 * Reads a page into a flat list of text blocks in document order: the smallest block-level units
 * (paragraphs, list items, table cells, headings, label divs), each with its text, links, heading
 * level, table coordinates and page region. Iterative, so deeply nested markup cannot overflow the
 * stack; reads text only, so nothing on the page is run or changed. Script, style, form controls
 * and our own widget are skipped. Resumable: `step` stops when the caller's `shouldYield` says so
 * (checked every few hundred nodes) and goes on from there at the next call, so a host page is
 * never blocked for long. The DOM must not change between steps (the caller restarts if it does).
 */
import { normalizeMultiline } from '../text/normalize';
import { DOCUMENT_LINK_RE } from '../text/patterns';
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode, type DomText } from './dom';
import type { Link } from './types';

export type Region = 'main' | 'nav' | 'aside' | 'footer';

export interface CellRef {
  table: number;
  row: number;
  col: number;
  header: boolean;
  tableEl: DomElement;
  rowEl: DomElement;
  cellEl: DomElement;
}

export interface Block {
  el: DomElement;
  text: string;
  links: Link[];
  /** 1–6 for h1–h6 (or role=heading), 7 for dt, 0 otherwise. */
  heading: number;
  listItem: boolean;
  region: Region;
  cell: CellRef | null;
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'select',
  'option',
  'optgroup',
  'datalist',
  'input',
  'textarea',
  'tthc-feedback',
]);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'legend',
]);
const NAV_CLASS = /(^|[\s_-])(menu|navbar|nav|breadcrumbs?)([\s_-]|$)/i;
const ASIDE_CLASS = /(^|[\s_-])(sidebar|side-bar|widget-area|col-right|cot-phai)([\s_-]|$)/i;
const FOOTER_CLASS = /(^|[\s_-])(footer|foot|site-info|chan-trang|chantrang)([\s_-]|$)/i;

const SOURCE_SPACE = /[\t\n\r\f ]+/g;
const BUTTON_CLASS = /(^|\s)(btn|button)(\s|-|$)/i;

/**
 * Hard limits so hostile pages cannot exhaust memory: blocks kept and characters per block. The
 * audit is linear, so the block limit is set above what a 50 MB page (the CLI's input limit)
 * yields: a long related-procedures list must not push the footer's contact off the end.
 */
const MAX_BLOCKS = 500_000;
const MAX_BLOCK_CHARS = 20_000;

interface OpenBlock {
  el: DomElement;
  heading: number;
  listItem: boolean;
}

interface OpenTable {
  id: number;
  el: DomElement;
  row: number;
  col: number;
  rowEl: DomElement | null;
  inHead: boolean;
}

type Frame = DomNode | (() => void);

/** Nodes read between two checks of the caller's `shouldYield`. */
const NODES_PER_CHECK = 256;

function headingLevel(el: DomElement, tag: string, role: string | null): number {
  if (tag.length === 2 && tag[0] === 'h' && tag[1]! >= '1' && tag[1]! <= '6') return Number(tag[1]);
  if (tag === 'dt') return 7;
  if (role === 'heading') return Math.min(6, Math.max(1, Number(el.getAttribute('aria-level')) || 2));
  return 0;
}

function regionOf(el: DomElement, tag: string, role: string | null, current: Region): Region {
  if (current !== 'main') return current;
  if (tag === 'nav' || role === 'navigation' || role === 'menubar') return 'nav';
  if (tag === 'footer' || role === 'contentinfo') return 'footer';
  if (tag === 'aside' || role === 'complementary') return 'aside';
  const idClass = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
  if (idClass.length > 1 && idClass.length < 300) {
    if (FOOTER_CLASS.test(idClass)) return 'footer';
    if (NAV_CLASS.test(idClass)) return 'nav';
    if (ASIDE_CLASS.test(idClass)) return 'aside';
  }
  return current;
}

export interface BlockReader {
  /** Reads on until done (returns true) or until `shouldYield()` says to stop (returns false). */
  step(shouldYield?: () => boolean): boolean;
  readonly blocks: Block[];
  readonly nodeCount: number;
}

/** Starts reading `root` into blocks; call `step` until it returns true. */
export function createBlockReader(root: DomElement): BlockReader {
  const blocks: Block[] = [];
  const open: OpenBlock[] = [{ el: root, heading: 0, listItem: false }];
  const tables: OpenTable[] = [];
  const cells: CellRef[] = [];
  let region: Region = 'main';
  let tableCount = 0;
  let nodeCount = 0;
  let buffer = '';
  let links: Link[] = [];
  let linkStart = -1;

  const flush = (): void => {
    if (buffer.trim() === '' && links.length === 0) {
      buffer = '';
      return;
    }
    const owner = open[open.length - 1]!;
    const text = normalizeMultiline(buffer.length > MAX_BLOCK_CHARS ? buffer.slice(0, MAX_BLOCK_CHARS) : buffer);
    if (text !== '' && blocks.length < MAX_BLOCKS) {
      blocks.push({
        el: owner.el,
        text,
        links,
        heading: owner.heading,
        listItem: owner.listItem,
        region,
        cell: cells[cells.length - 1] ?? null,
      });
    }
    buffer = '';
    links = [];
  };

  const stack: Frame[] = [root];
  let done = false;

  function step(shouldYield?: () => boolean): boolean {
    if (done) return true;
    let sinceCheck = 0;
    while (stack.length > 0) {
      if (shouldYield && ++sinceCheck >= NODES_PER_CHECK) {
        sinceCheck = 0;
        if (shouldYield()) return false;
      }
      visit(stack.pop()!);
    }
    flush();
    done = true;
    return true;
  }

  function visit(frame: Frame): void {
    if (typeof frame === 'function') {
      frame();
      return;
    }
    nodeCount++;
    if (frame.nodeType === TEXT_NODE) {
      // Line breaks in the HTML source are white space, as a browser renders them; only <br> and
      // block boundaries break lines.
      if (buffer.length < MAX_BLOCK_CHARS) buffer += (frame as DomText).data.replace(SOURCE_SPACE, ' ');
      return;
    }
    if (frame.nodeType !== ELEMENT_NODE) return;
    const el = frame as DomElement;
    const tag = el.localName.toLowerCase();
    if (SKIP.has(tag)) return;
    // Action buttons ("Nộp hồ sơ", "In thủ tục") are not content; accordion toggles carry section titles.
    if (tag === 'button' && !el.hasAttribute('aria-expanded') && !el.hasAttribute('aria-controls') && open[open.length - 1]!.heading === 0)
      return;
    if (tag === 'a' && BUTTON_CLASS.test(el.getAttribute('class') ?? '') && !DOCUMENT_LINK_RE.test(el.getAttribute('href') ?? '')) return;
    if (tag === 'br') {
      buffer += '\n';
      return;
    }
    const isBlock = BLOCK.has(tag) && el !== root;
    const role = el.getAttribute('role');
    // Exits run after the children, in this order: record the link, flush the block (while its
    // cell and region still apply), leave the table structure, restore the region.
    let linkExit: (() => void) | null = null;
    let blockExit: (() => void) | null = null;
    let structureExit: (() => void) | null = null;
    let regionExit: (() => void) | null = null;
    if (isBlock) {
      flush();
      open.push({ el, heading: headingLevel(el, tag, role), listItem: tag === 'li' });
      blockExit = () => {
        flush();
        open.pop();
      };
    }
    const newRegion = regionOf(el, tag, role, region);
    if (newRegion !== region) {
      const previous = region;
      region = newRegion;
      regionExit = () => {
        region = previous;
      };
    }
    if (tag === 'table') {
      tables.push({ id: tableCount++, el, row: -1, col: 0, rowEl: null, inHead: false });
      structureExit = () => void tables.pop();
    } else if (tag === 'thead') {
      const t = tables[tables.length - 1];
      if (t) {
        t.inHead = true;
        structureExit = () => {
          t.inHead = false;
        };
      }
    } else if (tag === 'tr') {
      const t = tables[tables.length - 1];
      if (t) {
        t.row++;
        t.col = 0;
        t.rowEl = el;
      }
    } else if (tag === 'td' || tag === 'th') {
      const t = tables[tables.length - 1];
      if (t && t.rowEl) {
        const span = Math.min(50, Math.max(1, Number(el.getAttribute('colspan')) || 1));
        cells.push({ table: t.id, row: t.row, col: t.col, header: tag === 'th' || t.inHead, tableEl: t.el, rowEl: t.rowEl, cellEl: el });
        t.col += span;
        structureExit = () => void cells.pop();
      }
    } else if (tag === 'a') {
      const href = el.getAttribute('href');
      if (href) {
        const previousStart = linkStart;
        linkStart = buffer.length;
        linkExit = () => {
          links.push({ href: href.trim(), text: normalizeMultiline(buffer.slice(Math.min(linkStart, buffer.length))) });
          linkStart = previousStart;
        };
      }
    }
    for (const exit of [regionExit, structureExit, blockExit, linkExit]) if (exit) stack.push(exit);
    for (let child = el.lastChild; child; child = child.previousSibling) stack.push(child);
  }

  return {
    step,
    blocks,
    get nodeCount() {
      return nodeCount;
    },
  };
}
