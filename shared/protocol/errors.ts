/**
 * The collector's machine error codes and the widget catalog message each one is shown as, so a
 * citizen reads a sentence in their language and never a server's English text. Type-only import
 * of the catalog keys: the widget bundles this map without any schema library.
 */
import type { WidgetMessageId } from '../i18n/widget';

export const ERROR_CODES = [
  'invalid_json',
  'invalid_encoding',
  'invalid_submission',
  'unsupported_version',
  'unsupported_media_type',
  'payload_too_large',
  'rate_limited',
  'bad_request',
  'origin_not_allowed',
  'not_found',
  'method_not_allowed',
  'unauthorized',
  'unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_MESSAGES = {
  invalid_json: 'widget.error.code.invalid',
  invalid_encoding: 'widget.error.code.invalid',
  invalid_submission: 'widget.error.code.invalid',
  unsupported_version: 'widget.error.code.outdated',
  unsupported_media_type: 'widget.error.code.invalid',
  payload_too_large: 'widget.error.code.tooLarge',
  rate_limited: 'widget.error.code.rateLimited',
  bad_request: 'widget.error.code.invalid',
  origin_not_allowed: 'widget.error.code.misconfigured',
  not_found: 'widget.error.code.misconfigured',
  method_not_allowed: 'widget.error.code.misconfigured',
  unauthorized: 'widget.error.code.misconfigured',
  unavailable: 'widget.error.network',
  internal_error: 'widget.error.network',
} as const satisfies Record<ErrorCode, WidgetMessageId>;

/** The catalog message for an error code from the collector (unknown codes: the generic one). */
export function errorMessageId(code: string): WidgetMessageId {
  return (ERROR_MESSAGES as Record<string, WidgetMessageId>)[code] ?? 'widget.error.code.invalid';
}
