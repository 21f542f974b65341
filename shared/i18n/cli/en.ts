/** The command-line auditor's messages in English: complete, key for key, with vi.ts. */
import type { Catalog } from '../format';
import type { CliMessageId } from './vi';

export const en = {
  'cli.usage': `Usage: npm run audit -- [options] <file.html|URL>...
       npm run audit -- --from-list <list page URL> [options]
       npm run audit -- --urls <file of URLs> [options]

Audits procedure pages (thủ tục hành chính) for the elements the law requires them to publish.

Options:
  --format table|json|csv  output: a table for people (default), one JSON array of reports,
                           or CSV with one row per page and element (UTF-8 with BOM, for Excel)
  --render                 load each page in headless Chromium first and wait for its content
                           to settle (for portals that fill the page after load)
  --lang vi|en             language of the table, the CSV texts and the messages (default vi)
  -h, --help               show this help

Auditing a whole portal:
  --from-list <URL>        collect the procedure links on a list page and its pagination
  --max-pages N            read at most N list pages (default 200)
  --max-links N            collect at most N procedure links (default 5000)
  --link-selector <CSS>    name the procedure links when they are not recognised (site profile)
  --next-selector <CSS>    name the pagination links
  --allow-host <host>      allow links to this host (by default only the list's own host)
  --urls <file>            audit the URLs in a file (one per line; lines starting with # are skipped)
  --concurrency N          pages audited at the same time (default 3, at most 32)
  --timeout SECONDS        time allowed for each page (default 30)
  --answer-timeout SECONDS|auto
                           time a server may take to start answering a page;
                           auto (default): the whole --timeout until 10 pages of that site have
                           answered, then 10 times the time within which it answered 90% of
                           its pages, at least 3 s (a server that has not started answering by
                           then is taken as hung: the page is counted as timed out, its slot
                           freed; a page that has started answering still gets the whole time)
  --resume <file>          save the run's state to the file after every page; run the same
                           command again to finish an interrupted run without re-auditing pages
  --out <folder>           write the portal report (portal.csv, portal.json, portal.html) and
                           each page's report (pages/*.json)

Exit codes: 0 the audit completed (whatever it found), 2 bad arguments, 3 completed but some
pages could not be loaded (timeout, HTTP error, load error), 4 the run stopped before it
completed (continue with --resume), 1 unexpected error.`,
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
  'cli.load.noAnswer': '%{url} did not start answering within %{seconds} seconds',
  'cli.batch.answerLearnt':
    '%{host} answered 90% of pages within %{typical} s: a page it has not started answering after %{seconds} s is counted as timed out (--answer-timeout changes this).',
  'cli.load.httpStatus': '%{url} answered HTTP %{status}',
  'cli.load.notHtml': '%{url} is not an HTML page (%{type})',
  'cli.load.cannotLoad': 'cannot load %{url}: %{detail}',
  'cli.load.needsChromium': '--render needs Chromium at %{path} (set CHROMIUM_PATH): %{detail}',
  'cli.unexpected': 'unexpected error: %{detail}',
  'cli.error.needsValue': '%{option} needs a value.',
  'cli.error.badNumber': '%{option} takes a whole number from %{min} to %{max} (got %{got}).',
  'cli.error.fromListNotUrl': '--from-list takes the http(s) address of a list of procedures (got %{got}).',
  'cli.load.renderTimedOut': '%{url} did not finish loading within %{seconds} seconds',
  'cli.batch.urlsUnreadable': 'cannot read the file of URLs %{path}: %{detail}',
  'cli.batch.urlsBadLine': '%{path}, line %{line}: “%{text}” is not an http(s) address.',
  'cli.batch.urlsEmpty': 'The file %{path} has no addresses.',
  'cli.batch.stateUnreadable': 'cannot read the state file %{path}: %{detail}',
  'cli.batch.stateUnwritable': 'cannot write the state file %{path}: %{detail}',
  'cli.batch.resumed': 'Resuming the run saved in %{path}: %{left} of %{total} pages left.',
  'cli.batch.resumeIgnoresInputs': '%{path} already holds the pages of an earlier run; --from-list, --urls and other inputs are ignored.',
  'cli.batch.listReading': 'Reading list page %{n}: %{url}',
  'cli.batch.listFailed': 'cannot read the list page %{url}: %{detail}',
  'cli.batch.listFound': 'Found %{links} procedure links on %{pages} list pages.',
  'cli.batch.listCapPages': 'Stopped following the pagination at %{max} list pages (--max-pages).',
  'cli.batch.listCapLinks': 'Stopped at %{max} procedure links (--max-links).',
  'cli.batch.noLinks':
    'No procedure links found on %{url}. Name them with --link-selector (and --next-selector for the pagination), or use --urls.',
  'cli.batch.progress': '%{done}/%{total} pages · %{rate} pages/min · %{left} left',
  'cli.batch.lineDone': '[%{n}/%{total}] %{url}: %{summary}',
  'cli.batch.lineUnscannable': '[%{n}/%{total}] %{url}: not audited: %{reason}',
  'cli.batch.summary': 'Finished %{finished}/%{total} pages: %{done} audited, %{unscannable} could not be audited; %{rate} pages/min.',
  'cli.batch.stopped': 'Stopped before the end: %{left} pages left. Run the same command with --resume %{path} to continue.',
  'cli.batch.stoppedNoState': 'Stopped before the end: %{left} pages not audited (use --resume <file> to be able to continue).',
  'cli.batch.outWritten': 'Wrote the portal report to %{dir} (portal.csv, portal.json, portal.html, pages/).',
  'cli.batch.outFailed': 'cannot write to the folder %{dir}: %{detail}',
} as const satisfies Catalog<CliMessageId>;
