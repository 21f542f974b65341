/** The command-line auditor's messages in English: complete, key for key, with vi.ts. */
import type { Catalog } from '../format';
import type { CliMessageId } from './vi';

export const en = {
  'cli.usage': `Usage: npm run audit -- [options] <file.html|URL>...

Audits procedure pages (thủ tục hành chính) for the elements the law requires them to publish.

Options:
  --format table|json|csv  output: a table for people (default), one JSON array of reports,
                           or CSV with one row per page and element (UTF-8 with BOM, for Excel)
  --render                 load each page in headless Chromium first and wait for its content
                           to settle (for portals that fill the page after load)
  --lang vi|en             language of the table, the CSV texts and the messages (default vi)
  -h, --help               show this help

Exit codes: 0 the audit ran (whatever it found), 2 bad arguments, 3 an input could not be read.`,
  'cli.error.badFormat': '--format takes table, json or csv (got %{got}).',
  'cli.error.badLang': '--lang takes vi or en (got %{got}).',
  'cli.error.missingValue': 'nothing',
  'cli.error.unknownOption': 'Unknown option %{option}.',
  'cli.error.noInput': 'Give at least one HTML file or URL to audit.',
  'cli.load.notFound': 'file not found: %{path}',
  'cli.load.isFolder': '%{path} is a folder, not a file',
  'cli.load.cannotRead': 'cannot read %{path}: %{detail}',
  'cli.load.tooLarge': '%{path} is larger than %{mb} MB',
  'cli.load.cannotFetch': 'cannot fetch %{url}: %{detail}',
  'cli.load.fetchTimedOut': 'cannot fetch %{url}: timed out',
  'cli.load.httpStatus': '%{url} answered HTTP %{status}',
  'cli.load.notHtml': '%{url} is not an HTML page (%{type})',
  'cli.load.cannotLoad': 'cannot load %{url}: %{detail}',
  'cli.load.needsChromium': '--render needs Chromium at %{path} (set CHROMIUM_PATH): %{detail}',
  'cli.unexpected': 'unexpected error: %{detail}',
} as const satisfies Catalog<CliMessageId>;
