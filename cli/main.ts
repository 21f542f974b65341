/**
 * `npm run audit -- [--format json|csv|table] [--render] [--lang vi|en] <file.html|URL>...`: the
 * command-line auditor for control staff. Each input is read (file, URL, or rendered in headless
 * Chromium), parsed as a browser would without running its scripts, and audited by the shared
 * engine; reports are rendered by shared/report. An input that cannot be read gets a clear line on
 * stderr (in the chosen language) and an `unscannable` report; the others still run.
 * With a batch option (`--from-list`, `--urls`, `--resume`, `--out`, `--concurrency`) the run is a
 * batch (batch.ts): a whole portal, N pages at a time, resumable, with a portal report.
 * Exit codes: 0 ran, 2 bad arguments, 3 an input could not be read, 4 a batch stopped before the
 * end, 1 unexpected error.
 */
import { auditDocument, unscannableReport, type AuditReport } from '../shared/audit';
import { cliCatalogs } from '../shared/i18n/cli';
import { translator } from '../shared/i18n/format';
import { parseHtmlDocument } from '../shared/node/html';
import { reasonText, renderTable, toCsv, toJson } from '../shared/report';
import { isBatch, parseArgs } from './args';
import { runAsWorkerIfAsked } from './audit-pool';
import { runBatchCommand } from './batch';
import { LoadError, loadHtml, openBrowser, type Renderer } from './load';

async function main(argv: readonly string[]): Promise<number> {
  const options = parseArgs(argv);
  if ('error' in options) {
    const t = translator(cliCatalogs, options.lang);
    process.stderr.write(`tthc-audit: ${t(options.error.id, options.error.params)}\n\n${t('cli.usage')}\n`);
    return 2;
  }
  const t = translator(cliCatalogs, options.lang);
  if (options.help) {
    process.stdout.write(`${t('cli.usage')}\n`);
    return 0;
  }
  if (isBatch(options)) return runBatchCommand(options, t, new URL(import.meta.url));
  let browser: Renderer | null = null;
  let failedInputs = 0;
  const reports: AuditReport[] = [];
  try {
    if (options.render) {
      try {
        browser = await openBrowser();
      } catch (error) {
        process.stderr.write(`tthc-audit: ${error instanceof LoadError ? t(error.id, error.params) : String(error)}\n`);
        return 3;
      }
    }
    for (const input of options.inputs) {
      try {
        const html = await loadHtml(input, browser);
        const report = auditDocument(parseHtmlDocument(html), { url: input });
        if (report.status === 'unscannable')
          process.stderr.write(`tthc-audit: ${input}: ${reasonText(report.unscannableReason, options.lang)}\n`);
        reports.push(report);
      } catch (error) {
        failedInputs++;
        const detail = error instanceof LoadError ? t(error.id, error.params) : t('cli.unexpected', { detail: (error as Error).message });
        const report = unscannableReport({ url: input, title: null }, { id: 'unscannable.unreadable', params: { detail } });
        process.stderr.write(`tthc-audit: ${reasonText(report.unscannableReason, options.lang)}\n`);
        reports.push(report);
      }
    }
  } finally {
    await browser?.close();
  }
  const output =
    options.format === 'json'
      ? toJson(reports)
      : options.format === 'csv'
        ? toCsv(reports, options.lang)
        : renderTable(reports, options.lang);
  process.stdout.write(output);
  return failedInputs > 0 ? 3 : 0;
}

if (!runAsWorkerIfAsked())
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`tthc-audit: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
