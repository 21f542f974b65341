/**
 * HTML text escaping for every page we write as a string (the portal report's printable page,
 * the collector's no-JavaScript form): the five characters that can end a text or an attribute
 * value. Pages rendered with Preact are escaped by Preact and do not need it.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
