/**
 * Host access for a batch audit. The extension has no host permission at install; when the auditor
 * starts a batch, the origins of its pages are asked for at that moment (`permissions.request`,
 * which the browser allows only inside the click that started it), as optional host permissions.
 * Before each page the worker checks that its origin is still granted, so a refused (or later
 * revoked) origin is recorded as "permission refused" instead of a tab that cannot be read.
 * Limits: http and https only; a match pattern covers every port of a host.
 */
import { browser } from 'wxt/browser';

/** The match pattern asked for a page: `<scheme>://<host>/*` (ports are not part of patterns). */
function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** The distinct patterns of `urls`, in first-seen order. */
export function originPatterns(urls: readonly string[]): string[] {
  return [...new Set(urls.map(originPattern).filter((p): p is string => p !== null))];
}

/**
 * Asks for the origins of `urls`. Call it first thing in the click handler: after any await the
 * browser no longer counts the call as the auditor's gesture. Resolves false when refused or
 * when the browser refuses to ask; never throws.
 */
export async function requestOrigins(urls: readonly string[]): Promise<boolean> {
  const origins = originPatterns(urls);
  if (origins.length === 0) return true;
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}

/** Whether the extension may open and read `url` now. */
export async function mayRead(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}
