/**
 * Walking a portal's list of procedures: the first list page, then the pages its pagination
 * names, breadth first, collecting the procedure links with discoverLinks, up to a number of list
 * pages and of links. One walk for the CLI and the extension; how a page is loaded (fetch, a
 * rendering browser, the auditor's open tab) and parsed is passed in. A list's first page linked
 * again as "page 1" (`?page=1`, `?trang=1`) is read once, and addresses that are list pages are
 * never taken as procedure pages. A load failure is recorded and the walk goes on; an invalid
 * profile selector throws (the caller's input is wrong, no page would do better).
 */
import type { DomDocument } from '../extractor';
import { discoverLinks, mergeLinks, type DiscoveredLink, type SiteProfile } from './discover';
import { normalizeUrl } from './url';

export interface ListWalkIo {
  /** The HTML of a list page; throws when it cannot be read. */
  load(url: string): Promise<string>;
  parse(html: string): DomDocument;
  /** Told before each list page is read (n counts from 1). */
  onPage?(n: number, url: string): void;
  /** Told when a list page could not be read; the walk goes on. */
  onFailure?(url: string, error: unknown, n: number): void;
}

export interface ListWalkOptions {
  maxListPages: number;
  /** Stop following pagination once this many links are found, and keep this many. */
  maxLinks?: number;
  profile?: SiteProfile;
  /** The first page's HTML when already read (the auditor's open tab). */
  firstHtml?: string;
}

export interface ListWalk {
  links: DiscoveredLink[];
  /** List pages read. */
  listPages: number;
  failures: { url: string; error: unknown }[];
  /** The first list page could not be read (so nothing was found). */
  firstFailed: boolean;
  /** Pagination went on past maxListPages. */
  cappedPages: boolean;
  /** More links were found than maxLinks. */
  cappedLinks: boolean;
}

/** One key for a list page and the same page linked as page 1. */
const pageKey = (url: string) => url.replace(/([?&])(?:page|p|trang|pageindex|page_index)=1(?=&|$)/i, '$1').replace(/[?&]$/, '');

export async function walkList(firstUrl: string, io: ListWalkIo, options: ListWalkOptions): Promise<ListWalk> {
  const start = normalizeUrl(firstUrl) ?? firstUrl;
  const maxLinks = options.maxLinks ?? Infinity;
  const queue = [start];
  const seen = new Set([pageKey(start)]);
  const listUrls = new Set([start]);
  const found: DiscoveredLink[][] = [];
  const failures: ListWalk['failures'] = [];
  let attempts = 0;
  let total = 0;
  while (queue.length > 0 && attempts < options.maxListPages && total < maxLinks) {
    const url = queue.shift()!;
    attempts++;
    io.onPage?.(attempts, url);
    let html: string;
    try {
      html = url === start && options.firstHtml !== undefined ? options.firstHtml : await io.load(url);
    } catch (error) {
      failures.push({ url, error });
      io.onFailure?.(url, error, attempts);
      continue;
    }
    const discovered = discoverLinks(io.parse(html), url === start ? firstUrl : url, options.profile);
    found.push(discovered.links);
    total += discovered.links.length;
    for (const next of discovered.nextPages) {
      listUrls.add(next);
      if (!seen.has(pageKey(next))) {
        seen.add(pageKey(next));
        queue.push(next);
      }
    }
  }
  const all = mergeLinks(found).filter((link) => !listUrls.has(link.url));
  return {
    links: all.slice(0, maxLinks),
    listPages: attempts - failures.length,
    failures,
    firstFailed: failures[0]?.url === start,
    cappedPages: queue.length > 0 && attempts >= options.maxListPages,
    cappedLinks: all.length > maxLinks,
  };
}
