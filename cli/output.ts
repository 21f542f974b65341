/**
 * What a batch prints on stdout, written one report at a time (read back from the reports log)
 * instead of rendered from every report at once, so memory stays flat however many pages: the
 * exact text the single-page auditor prints for the same reports (`toJson`, `toCsv`,
 * `renderTable` of shared/report), cut at report boundaries. Each piece is rendered by those same
 * functions for one report, so the formats have one definition.
 */
import type { AuditReport } from '../shared/audit';
import type { Locale } from '../shared/i18n/format';
import { renderTable, toCsv, toJson } from '../shared/report';
import type { Format } from './args';

export interface ReportStream {
  /** The text for the next report. */
  next(report: AuditReport): string;
  /** The text after the last report. */
  end(): string;
}

export function createReportStream(format: Format, locale: Locale): ReportStream {
  let count = 0;
  if (format === 'json') {
    return {
      // toJson([r]) is "[\n  {…}\n]\n": the report's lines, indented as in the whole array.
      next: (report) => `${count++ === 0 ? '[\n' : ',\n'}${toJson([report]).slice(2, -3)}`,
      end: () => (count === 0 ? toJson([]) : '\n]\n'),
    };
  }
  if (format === 'csv') {
    return {
      // toCsv([r]) is the BOM and header line, then the report's rows: the header once.
      next: (report) => {
        const text = toCsv([report], locale);
        return count++ === 0 ? text : text.slice(text.indexOf('\r\n') + 2);
      },
      end: () => (count === 0 ? toCsv([], locale) : ''),
    };
  }
  return {
    // Reports are separated by a blank line.
    next: (report) => `${count++ === 0 ? '' : '\n'}${renderTable([report], locale)}`,
    end: () => (count === 0 ? renderTable([], locale) : ''),
  };
}
