/**
 * `npm run audit -- [--format json|csv|table] [--render] [--lang vi|en] <file.html|URL>...`: the
 * command-line auditor for control staff. Each input is read (file, URL, or rendered in headless
 * Chromium), parsed without running its scripts, and audited by the shared engine. An input that
 * cannot be read gets a clear line on stderr and an `unscannable` report; the others still run.
 * Exit codes: 0 ran, 2 bad arguments, 3 an input could not be read.
 */
import type { Browser } from 'playwright-core';
import { auditDocument, ENGINE, type AuditReport } from '../shared/audit';
import { translate, type MessageId } from '../shared/i18n';
import { parseArgs, USAGE } from './args';
import { formatCsv, formatJson, formatTable } from './format';
import { LoadError, loadHtml, openBrowser } from './load';
import { parseHtmlDocument } from '../shared/node/html';

function unreadable(input: string, detail: string): AuditReport {
  return {
    engine: { ...ENGINE },
    page: { url: input, title: null },
    status: 'unscannable',
    unscannableReason: { id: 'unscannable.unreadable', params: { detail } },
    procedure: { code: null, name: null },
    results: [],
    findings: [],
    counts: { pass: 0, fail: 0, review: 0, na: 0 },
    nodeCount: 0,
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseArgs(argv);
  if ('error' in options) {
    process.stderr.write(`tthc-audit: ${options.error}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let browser: Browser | null = null;
  let failedInputs = 0;
  const reports: AuditReport[] = [];
  try {
    if (options.render) {
      try {
        browser = await openBrowser();
      } catch (error) {
        process.stderr.write(`tthc-audit: ${(error as Error).message}\n`);
        return 3;
      }
    }
    for (const input of options.inputs) {
      try {
        const html = await loadHtml(input, browser);
        const report = auditDocument(parseHtmlDocument(html), { url: input });
        if (report.status === 'unscannable' && report.unscannableReason) {
          process.stderr.write(`tthc-audit: ${input}: ${translate(options.lang, report.unscannableReason.id as MessageId)}\n`);
        }
        reports.push(report);
      } catch (error) {
        failedInputs++;
        const detail = error instanceof LoadError ? error.message : `unexpected error: ${(error as Error).message}`;
        process.stderr.write(`tthc-audit: ${translate(options.lang, 'unscannable.unreadable', { detail })}\n`);
        reports.push(unreadable(input, detail));
      }
    }
  } finally {
    await browser?.close();
  }
  const output =
    options.format === 'json' ? formatJson(reports) : options.format === 'csv' ? formatCsv(reports, options.lang) : formatTable(reports, options.lang);
  process.stdout.write(output);
  return failedInputs > 0 ? 3 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`tthc-audit: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
