/**
 * Link discovery on a portal's list of procedures: which links on a list page lead to procedure
 * pages, and which lead to the list's other pages. Structural, like shared/extractor, so it runs
 * on a browser's `document` and on a Node DOM from shared/node/html.ts alike.
 *
 * Recognised without configuration:
 * - tables of procedures (one row per procedure, a link in the row);
 * - card or result lists (sibling items of the same tag and class, a link in each), which covers
 *   the national portal's search results (dichvucong.gov.vn: `?ma_thu_tuc=` links in result items);
 * - pagination: `rel="next"`, links reading "Trang sau", "Sau", "Tiếp", "Next", "»", "›", ">",
 *   numbered page links, and addresses with a page parameter (`?page=N`, `?p=N`, `/page/N`).
 * A site profile overrides either part with CSS selectors when the defaults miss.
 *
 * Links are deduplicated by normalised address and by procedure code (the first one listed wins),
 * and links to another host are dropped unless the profile allows that host. Limits: pagination
 * done by script (`javascript:__doPostBack`, buttons posting a form) has no address to follow;
 * give the page addresses through the profile or a list of URLs instead.
 */
import type { DomDocument, DomElement, DomNode, DomText } from '../extractor';
import { normalizeText, quote } from '../text/normalize';
import { PROCEDURE_CODE_RE } from '../text/patterns';
import { isAllowedHost, normalizeUrl } from './url';

/** Selectors for one portal when the default recognition misses (from the user or a stored profile). */
export interface SiteProfile {
  /** Selects the procedure links (anchors, or elements whose first link is the procedure link). */
  linkSelector?: string;
  /** Selects the links to the list's other pages. */
  nextSelector?: string;
  /** Other hosts whose procedure pages belong to this portal (a sub-domain counts). */
  allowHosts?: readonly string[];
}

export interface DiscoveredLink {
  /** Normalised address (see normalizeUrl). */
  url: string;
  procedureCode?: string;
  title?: string;
}

export interface Discovery {
  links: DiscoveredLink[];
  /** Normalised addresses of the list's other pages (the current page left out), in page order. */
  nextPages: string[];
}

const SKIP_CONTAINERS = new Set(['nav', 'header', 'footer', 'aside', 'select', 'button', 'script', 'style', 'template', 'noscript']);
/** Class names of site chrome (menus, footers, pagers), matched as whole class names. */
const SKIP_CLASSES = new Set(
  'menu main-menu mainmenu top-menu navbar nav breadcrumb breadcrumbs footer site-footer header site-header sidebar pagination pager paging phan-trang phantrang'.split(
    ' ',
  ),
);
const PAGER_CLASS_RE = /pagination|pager|paging|phan-?trang|page-?numbers|pages\b/i;
const NEXT_TEXT_RE = /^(?:trang\s+(?:sau|tiếp(?:\s+theo)?|kế(?:\s+tiếp)?)|sau|tiếp(?:\s+theo)?|kế\s+tiếp|next(?:\s+page)?|»|›|>|>>|→)$/i;
const PAGE_PARAM_RE =
  /[?&](?:page|p|trang|pageindex|page_index|pageno|pagenumber|paged|currentpage|start|offset)=\d+(?:&|$)|\/(?:page|trang)\/\d+\/?(?:$|[?#])/i;
const DOCUMENT_FILE_RE = /\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|zip|rar|7z|jpe?g|png|gif)(?:$|[?#])/i;
/** Address shapes of procedure detail pages on known portals. */
const DETAIL_URL_RE = /thu-?tuc|tthc|ma[_-]?thu[_-]?tuc|chi-?tiet|chitiet|procedure|detail|thutuc/i;
/** Link texts that open an item without naming it ("Xem chi tiết"). */
const GENERIC_TEXT_RE = /^(?:xem(?:\s+chi\s+tiết|\s+thêm)?|chi\s+tiết|detail|details|view|more|read\s+more|tải\s+về|download)$/i;
const MIN_TITLE_LENGTH = 12;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that can answer a CSS query (a browser's and linkedom's do; the engine's DomElement does not say so). */
interface QueryableElement extends DomElement {
  querySelectorAll?(selectors: string): ArrayLike<DomElement>;
}

function text(node: DomNode): string {
  return normalizeText(node.textContent ?? '');
}

/** An item's text with a space between its parts (table cells are not glued: "1" + "1.000178"). */
function itemText(el: DomElement): string {
  const parts: string[] = [];
  const walk = (node: DomNode): void => {
    for (let child = (node as DomElement).lastChild; child; child = child.previousSibling) {
      if (child.nodeType === TEXT_NODE) parts.push((child as DomText).data);
      else if (child.nodeType === ELEMENT_NODE) walk(child);
    }
  };
  walk(el);
  return normalizeText(parts.reverse().join(' '));
}

function hasSkippedAncestor(el: DomElement, stopAt: DomElement | null): boolean {
  for (let node: DomElement | null = el.parentElement; node && node !== stopAt; node = node.parentElement) {
    if (SKIP_CONTAINERS.has(node.localName)) return true;
    if (node.getAttribute('role') === 'navigation') return true;
    const cls = node.getAttribute('class');
    if (cls && cls.split(/\s+/).some((name) => SKIP_CLASSES.has(name.toLowerCase()))) return true;
  }
  return false;
}

function inPager(el: DomElement): boolean {
  for (let node: DomElement | null = el.parentElement, depth = 0; node && depth < 5; node = node.parentElement, depth++) {
    if (node.localName === 'nav') return true;
    const cls = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`;
    if (PAGER_CLASS_RE.test(cls)) return true;
  }
  return false;
}

/** The item an anchor belongs to: its table row, list item, or a repeated sibling block (card). */
function itemOf(anchor: DomElement, body: DomElement | null): { item: DomElement; key: string } | null {
  for (let node: DomElement | null = anchor.parentElement; node && node !== body; node = node.parentElement) {
    const parent = node.parentElement;
    if (!parent) return null;
    if (node.localName === 'tr' || node.localName === 'li' || node.localName === 'dt' || node.localName === 'dd') {
      return { item: node, key: signature(node) };
    }
    // A card: a sibling of the same tag and class that holds a link too (cells belong to their row).
    if (node.localName === 'td' || node.localName === 'th' || node.localName === 'a') continue;
    const sig = signature(node);
    if (isRepeat(node.previousElementSibling, sig) || isRepeat(node.nextElementSibling, sig)) return { item: node, key: sig };
  }
  return null;
}

function signature(el: DomElement): string {
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).sort().join('.');
  return `${el.localName}.${cls}`;
}

function hasAnchor(el: DomElement): boolean {
  if (el.localName === 'a' && el.hasAttribute('href')) return true;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) if (hasAnchor(child)) return true;
  return false;
}

function isRepeat(el: DomElement | null, sig: string): boolean {
  return el !== null && signature(el) === sig && hasAnchor(el);
}

function codeIn(value: string): string | undefined {
  return PROCEDURE_CODE_RE.exec(value)?.[0];
}

/** Every `a[href]` under `root` (a document or an element), in document order. */
function anchorsIn(root: DomDocument | QueryableElement): DomElement[] {
  if ('querySelectorAll' in root && typeof root.querySelectorAll === 'function') return Array.from(root.querySelectorAll('a[href]'));
  const found: DomElement[] = [];
  const walk = (el: DomElement) => {
    if (el.localName === 'a' && el.hasAttribute('href')) found.push(el);
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) walk(child);
  };
  walk(root as DomElement);
  return found;
}

function linkFrom(anchor: DomElement, pageUrl: string): { url: string; raw: string; text: string } | null {
  const raw = anchor.getAttribute('href') ?? '';
  const url = normalizeUrl(raw, pageUrl);
  return url ? { url, raw, text: text(anchor) } : null;
}

/** The first heading (h1-h6) or element with "title" in its class inside `item`. */
function findTitleElement(item: DomElement): DomElement | null {
  for (let child = item.firstElementChild; child; child = child.nextElementSibling) {
    if (/^h[1-6]$/.test(child.localName) || /title|ten-?thu-?tuc|tieu-?de/i.test(child.getAttribute('class') ?? '')) return child;
    const inner = findTitleElement(child);
    if (inner) return inner;
  }
  return null;
}

/** The item's title: the link's own text, or (for "Xem chi tiết" links) the item's longest cell or line. */
function titleOf(linkText: string, item: DomElement | null): string | undefined {
  if (linkText.length >= 3 && !GENERIC_TEXT_RE.test(linkText) && !/^\d+$/.test(linkText)) return quote(linkText, 300);
  if (!item) return undefined;
  const heading = findTitleElement(item);
  if (heading) {
    const value = text(heading);
    if (value) return quote(value, 300);
  }
  let best = '';
  for (let child = item.firstElementChild; child; child = child.nextElementSibling) {
    const value = text(child);
    if (value.length > best.length && !codeIn(value)?.startsWith(value)) best = value;
  }
  return best ? quote(best, 300) : undefined;
}

interface Candidate {
  url: string;
  text: string;
  item: DomElement | null;
  groupKey: string;
}

/** Default recognition: links in repeated items (rows, list items, cards) that look like procedures. */
function defaultLinks(doc: DomDocument, pageUrl: string): { url: string; title?: string; code?: string }[] {
  const body = doc.body;
  const groups = new Map<string, Candidate[]>();
  for (const anchor of anchorsIn(doc)) {
    if (hasSkippedAncestor(anchor, body)) continue;
    const link = linkFrom(anchor, pageUrl);
    if (!link || DOCUMENT_FILE_RE.test(link.url) || PAGE_PARAM_RE.test(link.raw)) continue;
    if (normalizeUrl(pageUrl) === link.url) continue;
    const found = itemOf(anchor, body);
    if (!found) continue;
    const parent = found.item.parentElement;
    // Items group by their container and their shape: one table's rows, one list's cards.
    const groupKey = `${parent ? containerKey(parent) : ''}>${found.key}`;
    const group = groups.get(groupKey) ?? [];
    group.push({ url: link.url, text: link.text, item: found.item, groupKey });
    groups.set(groupKey, group);
  }
  const chosen: { url: string; title?: string; code?: string }[] = [];
  for (const candidates of groups.values()) {
    const items = new Map<DomElement, Candidate[]>();
    for (const c of candidates) items.set(c.item!, [...(items.get(c.item!) ?? []), c]);
    // One item alone counts only when it shows a procedure code (the last page of a list often has one row).
    if (items.size < 2 && !(items.size === 1 && codeIn(itemText([...items.keys()][0]!)))) continue;
    let procedureLike = 0;
    const picks: { url: string; title?: string; code?: string }[] = [];
    for (const [item, links] of items) {
      const itemValue = itemText(item);
      const code = codeIn(itemValue);
      // The item's procedure link: one that names the procedure or has a detail-page address.
      const best =
        links.find((l) => l.text.length >= MIN_TITLE_LENGTH && !GENERIC_TEXT_RE.test(l.text)) ??
        links.find((l) => DETAIL_URL_RE.test(l.url)) ??
        links.find((l) => GENERIC_TEXT_RE.test(l.text));
      if (!best) continue;
      if (code || DETAIL_URL_RE.test(best.url) || /thủ\s*tục|cấp|đăng\s*ký|giấy|xác\s*nhận|procedure/i.test(itemValue)) procedureLike++;
      const title = titleOf(best.text, item);
      picks.push({ url: best.url, ...(title ? { title } : {}), ...(code ? { code } : {}) });
    }
    // A group is a list of procedures when most of its items look like one.
    if (picks.length >= 1 && procedureLike * 2 >= picks.length) chosen.push(...picks);
  }
  return chosen;
}

function containerKey(el: DomElement): string {
  // The container's place in the document: its tag, class and position among siblings, up to the body.
  const parts: string[] = [];
  for (let node: DomElement | null = el; node && node.localName !== 'body'; node = node.parentElement) {
    let index = 0;
    for (let s = node.previousElementSibling; s; s = s.previousElementSibling) index++;
    parts.push(`${signature(node)}:${index}`);
  }
  return parts.join('<');
}

function profileLinks(doc: DomDocument, pageUrl: string, selector: string): { url: string; title?: string; code?: string }[] {
  const out: { url: string; title?: string; code?: string }[] = [];
  for (const el of Array.from(doc.querySelectorAll(selector))) {
    const anchor = el.localName === 'a' && el.hasAttribute('href') ? el : (anchorsIn(el as QueryableElement)[0] ?? null);
    if (!anchor) continue;
    const link = linkFrom(anchor, pageUrl);
    if (!link) continue;
    const item = anchor === el ? (itemOf(anchor, doc.body)?.item ?? null) : el;
    const code = codeIn(item ? itemText(item) : link.text);
    const title = titleOf(link.text, item);
    out.push({ url: link.url, ...(title ? { title } : {}), ...(code ? { code } : {}) });
  }
  return out;
}

function defaultNextPages(doc: DomDocument, pageUrl: string): string[] {
  const out: string[] = [];
  for (const anchor of anchorsIn(doc)) {
    const raw = anchor.getAttribute('href') ?? '';
    const rel = (anchor.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const label = text(anchor) || (anchor.getAttribute('aria-label') ?? '') || (anchor.getAttribute('title') ?? '');
    const isNext = rel.includes('next') || NEXT_TEXT_RE.test(label) || /^(?:trang\s+sau|next)/i.test(normalizeText(label));
    const isNumbered = /^\d{1,4}$/.test(label) && (inPager(anchor) || PAGE_PARAM_RE.test(raw));
    const isPageParam =
      PAGE_PARAM_RE.test(raw) &&
      (inPager(anchor) || /^(?:\d{1,4}|«|‹|<|<<|trang\s+(?:đầu|cuối|trước)|đầu|cuối|trước|first|last|prev(?:ious)?)$/i.test(label));
    if (isNext || isNumbered || isPageParam) {
      const url = normalizeUrl(raw, pageUrl);
      if (url) out.push(url);
    }
  }
  return out;
}

/**
 * The procedure links and the list's other pages on one list page. `pageUrl` is the page's
 * address (relative links resolve against it); `profile` overrides the recognition.
 */
export function discoverLinks(doc: DomDocument, pageUrl: string, profile: SiteProfile = {}): Discovery {
  const allowHosts = profile.allowHosts ?? [];
  const self = normalizeUrl(pageUrl);
  const raw = profile.linkSelector ? profileLinks(doc, pageUrl, profile.linkSelector) : defaultLinks(doc, pageUrl);
  const links: DiscoveredLink[] = [];
  const seenUrls = new Set<string>();
  const seenCodes = new Set<string>();
  for (const link of raw) {
    if (!isAllowedHost(link.url, pageUrl, allowHosts) || seenUrls.has(link.url) || link.url === self) continue;
    if (link.code && seenCodes.has(link.code)) continue;
    seenUrls.add(link.url);
    if (link.code) seenCodes.add(link.code);
    links.push({ url: link.url, ...(link.code ? { procedureCode: link.code } : {}), ...(link.title ? { title: link.title } : {}) });
  }
  const next = profile.nextSelector
    ? Array.from(doc.querySelectorAll(profile.nextSelector)).flatMap((el) => {
        const anchor = el.localName === 'a' ? el : (anchorsIn(el as QueryableElement)[0] ?? null);
        const url = anchor ? normalizeUrl(anchor.getAttribute('href') ?? '', pageUrl) : null;
        return url ? [url] : [];
      })
    : defaultNextPages(doc, pageUrl);
  const nextPages = [...new Set(next)].filter((url) => url !== self && isAllowedHost(url, pageUrl, allowHosts) && !seenUrls.has(url));
  return { links, nextPages };
}

/** Merges discoveries from several list pages: the first occurrence of an address or code wins. */
export function mergeLinks(lists: readonly (readonly DiscoveredLink[])[]): DiscoveredLink[] {
  const out: DiscoveredLink[] = [];
  const urls = new Set<string>();
  const codes = new Set<string>();
  for (const list of lists) {
    for (const link of list) {
      if (urls.has(link.url) || (link.procedureCode && codes.has(link.procedureCode))) continue;
      urls.add(link.url);
      if (link.procedureCode) codes.add(link.procedureCode);
      out.push(link);
    }
  }
  return out;
}
