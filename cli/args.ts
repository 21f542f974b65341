/**
 * Command-line arguments of the auditor: `[--format json|csv|table] [--render] [--lang vi|en]
 * <file.html|URL>...`. Returns the options or a message explaining what is wrong.
 */
import type { Locale } from '../shared/i18n';

export type Format = 'table' | 'json' | 'csv';

export interface CliOptions {
  format: Format;
  render: boolean;
  lang: Locale;
  inputs: string[];
  help: boolean;
}

export const USAGE = `Usage: npm run audit -- [options] <file.html|URL>...

Audits procedure pages (thủ tục hành chính) for the elements the law requires them to publish.

Options:
  --format table|json|csv  output: a table for people (default), one JSON array of reports,
                           or CSV with one row per page and element (UTF-8 with BOM, for Excel)
  --render                 load each page in headless Chromium first and wait for its content
                           to settle (for portals that fill the page after load)
  --lang vi|en             language of the table and CSV texts (default vi)
  -h, --help               show this help

Exit codes: 0 the audit ran (whatever it found), 2 bad arguments, 3 an input could not be read.`;

export function parseArgs(argv: readonly string[]): CliOptions | { error: string } {
  const options: CliOptions = { format: 'table', render: false, lang: 'vi', inputs: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '-h' || flag === '--help') options.help = true;
    else if (flag === '--render') options.render = true;
    else if (flag === '--format') {
      const v = value();
      if (v !== 'table' && v !== 'json' && v !== 'csv') return { error: `--format takes table, json or csv (got ${v === undefined ? 'nothing' : `"${v}"`}).` };
      options.format = v;
    } else if (flag === '--lang') {
      const v = value();
      if (v !== 'vi' && v !== 'en') return { error: `--lang takes vi or en (got ${v === undefined ? 'nothing' : `"${v}"`}).` };
      options.lang = v;
    } else if (flag === '--') continue;
    else if (flag.startsWith('-') && flag !== '-') return { error: `Unknown option ${flag}.` };
    else options.inputs.push(arg);
  }
  if (!options.help && options.inputs.length === 0) return { error: 'Give at least one HTML file or URL to audit.' };
  return options;
}
