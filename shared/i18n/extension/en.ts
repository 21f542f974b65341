/** The extension's messages in English: complete, key for key, with vi.ts. */
import type { Catalog } from '../format';
import type { ExtensionMessageId } from './vi';

export const en = {
  'extension.sidepanel.title': 'Procedure disclosure audit',
  'extension.sidepanel.scan': 'Audit this page',
  'extension.sidepanel.noPage': 'Cannot read the open page: %{reason}',
  'extension.sidepanel.noTab': 'No tab is open.',
  'extension.sidepanel.invalidResponse': 'The page answered in an unexpected format.',
} as const satisfies Catalog<ExtensionMessageId>;
