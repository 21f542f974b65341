/**
 * Messages for every interface, split by surface so each bundle carries only what it shows:
 * `common` (the engine's reasons, statuses, report texts), `widget`, `extension`, `collector`,
 * `cli`. Messages are ids with parameters, never sentences baked into code, so each user sees
 * their own language. Import a surface's catalog from its folder (`shared/i18n/widget`) to keep
 * the others out of a bundle; this index is for code that needs them all (tests, Node programs).
 */
export * from './format';
export { commonCatalogs, type CommonMessageId } from './common';
export { widgetCatalogs, type WidgetMessageId } from './widget';
export { extensionCatalogs, type ExtensionMessageId } from './extension';
export { collectorCatalogs, type CollectorMessageId } from './collector';
export { cliCatalogs, type CliMessageId } from './cli';
