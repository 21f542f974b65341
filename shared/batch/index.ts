/**
 * Batch audits of a whole portal, shared by the CLI and the extension: link discovery on
 * procedure lists (discover.ts) and the walk through a list's pages (walk.ts), page addresses in one normal form (url.ts), the runner's queue
 * and resumable state (runner.ts), and the portal-level report model (portal.ts; rendered by
 * shared/report). Browser-safe: no Node built-ins; I/O is passed in by the caller.
 */
export * from './discover';
export * from './portal';
export * from './runner';
export * from './walk';
export { isAllowedHost, normalizeUrl, parseUrl, siteHost, stableId } from './url';
