/**
 * Finding the pages of a batch from a portal's procedure list, in an extension page (it has a
 * DOM parser; the service worker has none). The recognition of procedure links and pagination is
 * shared/batch's (`discoverLinks`, and `walkList` for the pagination); this module gives it the
 * loading (fetched, or the HTML of the auditor's open tab) and the browser's DOMParser. Fetches go out with the auditor's cookies (credentials: 'include'), so a list
 * behind a login works when the browser is logged in. The site profile of the list's host (options
 * page) may name the procedure links and the pagination links when the defaults miss. Limits: pagination done by script (no
 * address) cannot be followed; a list filled by script after load is found only from the open tab.
 */
import { normalizeUrl, parseUrl, walkList, type DiscoveredLink, type ListWalkIo, type SiteProfile } from '../../shared/batch';
import { profilesOfHost } from '../messaging/profile-labels';
import type { SiteProfile as StoredProfile } from '../messaging/profiles';

interface ListDiscovery {
  links: DiscoveredLink[];
  /** List pages read. */
  listPages: number;
  /** List pages that could not be read, with why. */
  failures: { url: string; reason: string }[];
}

/** Default and largest number of list pages followed. */
export const DEFAULT_LIST_PAGES = 50;
export const MAX_LIST_PAGES = 500;

type FetchHtml = (url: string) => Promise<string>;

/** Fetches a list page's HTML; an HTTP error or a network failure throws with a short reason. */
const fetchHtml: FetchHtml = async (url) => {
  const response = await fetch(url, { credentials: 'include', redirect: 'follow' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
};

const parse: ListWalkIo['parse'] = (html) =>
  new DOMParser().parseFromString(html, 'text/html') as unknown as ReturnType<ListWalkIo['parse']>;

/**
 * Walks the list from `first` (its address, and its HTML when already read, as from the open
 * tab), following pagination up to `maxListPages` pages in all.
 */
export async function discoverList(
  first: { url: string; html?: string },
  options: { maxListPages: number; fetch?: FetchHtml; profile?: SiteProfile },
): Promise<ListDiscovery> {
  const walk = await walkList(
    first.url,
    { load: options.fetch ?? fetchHtml, parse },
    {
      maxListPages: options.maxListPages,
      ...(first.html !== undefined ? { firstHtml: first.html } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
    },
  );
  return {
    links: walk.links,
    listPages: walk.listPages,
    failures: walk.failures.map(({ url, error }) => ({ url, reason: error instanceof Error ? error.message : String(error) })),
  };
}

/** A pasted list: one address per line; invalid lines and duplicates (by normalised address) reported. */
export function parseUrlList(text: string): { urls: string[]; invalid: string[]; duplicates: number } {
  const urls: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const url = normalizeUrl(line);
    if (!url) invalid.push(line);
    else if (seen.has(url)) duplicates++;
    else {
      seen.add(url);
      urls.push(url);
    }
  }
  return { urls, invalid, duplicates };
}

/**
 * The list walk's selectors for the list at `url`, from the stored site profiles (its host's or a
 * parent domain's; the most specific one that names a selector wins). Undefined when none names one.
 */
export function listProfileFor(url: string, profiles: readonly StoredProfile[]): SiteProfile | undefined {
  const host = parseUrl(url)?.hostname;
  if (!host) return undefined;
  let linkSelector: string | undefined;
  let nextSelector: string | undefined;
  for (const p of profilesOfHost(host, profiles)) {
    linkSelector = p.linkSelector ?? linkSelector;
    nextSelector = p.nextSelector ?? nextSelector;
  }
  if (!linkSelector && !nextSelector) return undefined;
  return { ...(linkSelector ? { linkSelector } : {}), ...(nextSelector ? { nextSelector } : {}) };
}
