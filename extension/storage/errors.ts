/**
 * A failed storage write as a sentence of the extension catalog, so the auditor never reads the
 * browser's raw English (e.g. "QUOTA_BYTES quota exceeded") or nothing at all: data from a newer
 * version (kept, never overwritten), storage full, or another failure.
 */
import type { ExtensionMessageId } from '../../shared/i18n/extension';
import { StorageBlockedError } from './versioned';

export function storageErrorId(error: unknown): ExtensionMessageId {
  if (error instanceof StorageBlockedError) return 'extension.storage.blocked';
  const text = error instanceof Error ? error.message : String(error);
  if (/quota/i.test(text)) return 'extension.storage.full';
  return 'extension.storage.failed';
}
