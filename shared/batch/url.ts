/**
 * Procedure-page addresses for a batch: one normal form per page, so a list that links the same
 * page twice (with a tracking parameter, a fragment, another parameter order, a trailing slash,
 * an upper-case host) queues it once. Only http(s) addresses count; `javascript:`, `mailto:` and
 * file links are not pages to audit. Limits: path case is kept (servers may be case-sensitive),
 * and two different addresses that a server redirects to one page stay two pages.
 */

interface UrlLike {
  protocol: string;
  hostname: string;
  host: string;
  pathname: string;
  search: string;
  hash: string;
  href: string;
  readonly searchParams: {
    forEach(each: (value: string, key: string) => void): void;
  };
}

/** WHATWG URL of the running environment (browsers and Node have it; shared/ has no DOM or Node types). */
const UrlClass = (globalThis as unknown as { URL: new (href: string, base?: string) => UrlLike }).URL;

/** Parameters that only track a visit: they never change which page is shown. */
const TRACKING_PARAM_RE = /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|zarsrc|zx|ref_src|igshid|spm)$/i;

/** Parses `href` against `base`; null when it is not an http(s) address. */
export function parseUrl(href: string, base?: string): UrlLike | null {
  const text = href.trim();
  if (text === '' || /^(?:javascript|mailto|tel|data|blob|file|about):/i.test(text)) return null;
  try {
    const url = base === undefined ? new UrlClass(text) : new UrlClass(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The normal form of a page address: lower-case host (URL already does it), no fragment, no
 * tracking parameters, the other parameters sorted by name (stable for equal names), no trailing
 * slash on a path other than "/". Null when `href` is not an http(s) address.
 */
export function normalizeUrl(href: string, base?: string): string | null {
  const url = parseUrl(href, base);
  if (!url) return null;
  const params: [string, string][] = [];
  url.searchParams.forEach((value, key) => {
    if (!TRACKING_PARAM_RE.test(key)) params.push([key, value]);
  });
  params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') || '/' : url.pathname;
  const query = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ''}`;
}

/** The host of an address with any leading "www." removed, lower-case; null when not http(s). */
export function siteHost(href: string): string | null {
  const url = parseUrl(href);
  return url ? url.hostname.toLowerCase().replace(/^www\./, '') : null;
}

/**
 * Whether `href` may be followed from a list on `pageUrl`: the same host (www. or not), or a host
 * the site profile allows (exact, or a sub-domain of it).
 */
export function isAllowedHost(href: string, pageUrl: string, allowHosts: readonly string[] = []): boolean {
  const host = siteHost(href);
  if (host === null) return false;
  if (host === siteHost(pageUrl)) return true;
  return allowHosts.some((allowed) => {
    const a = allowed.toLowerCase().replace(/^www\./, '');
    return host === a || host.endsWith(`.${a}`);
  });
}

/** A short stable id for a string (two 32-bit FNV-1a hashes, hex): the same text gives the same id on every run. */
export function stableId(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    b ^= b >>> 15;
  }
  return `${a.toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}
