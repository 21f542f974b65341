/** The extension's messages in English: complete, key for key, with vi.ts. */
import type { Catalog } from '../format';
import type { ExtensionMessageId } from './vi';

export const en = {
  'extension.sidepanel.title': 'Procedure disclosure audit',
  'extension.sidepanel.scan': 'Audit this page',
  'extension.sidepanel.busy': 'Auditing…',
  'extension.sidepanel.hint': 'Open the procedure page to audit, click the extension’s toolbar button, then click “Audit this page”.',
  'extension.sidepanel.tabChanged': 'The tab in view has changed. Click “Audit this page” to audit the new page.',
  'extension.sidepanel.noPage': 'Cannot read the open page: %{reason}',
  'extension.sidepanel.noTab': 'No tab is open.',
  'extension.sidepanel.invalidResponse': 'The page answered in an unexpected format.',
  'extension.sidepanel.findings': 'Further findings',
  'extension.sidepanel.elements': 'Elements that must be published',
  'extension.error.noAccess':
    'The extension may not read this page yet. Click the extension’s toolbar button while the page to audit is open, then try again.',
  'extension.error.restricted': 'The browser does not let extensions read this kind of page (a browser page or the extension store).',
  'extension.error.noTab': 'The tab to audit was closed or no longer exists.',
  'extension.error.malformed': 'The page answered in an unexpected format.',
  'extension.error.other': 'Cannot read the open page. Reload it and try again.',
  'extension.evidence.show': 'Show on page',
  'extension.evidence.showAll': 'Highlight all evidence on the page',
  'extension.evidence.hideAll': 'Remove highlights from the page',
  'extension.evidence.bySelector': 'Highlighted on the page.',
  'extension.evidence.byQuote': 'The page has changed: the old position is gone, found by the quoted text instead.',
  'extension.evidence.none': 'This evidence is no longer on the page (the page has changed).',
  'extension.evidence.allDrawn': '%{drawn} pieces of evidence highlighted; %{missing} no longer found.',
  'extension.override.open': 'Override',
  'extension.override.legend': 'The auditor’s decision',
  'extension.override.status': 'Status',
  'extension.override.note': 'Note (required)',
  'extension.override.noteRequired': 'Give the reason for your decision.',
  'extension.override.save': 'Save decision',
  'extension.override.remove': 'Remove the auditor’s decision',
  'extension.override.cancel': 'Cancel',
  'extension.override.machine': 'Machine: %{status}',
} as const satisfies Catalog<ExtensionMessageId>;
