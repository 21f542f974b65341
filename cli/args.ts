/**
 * Command-line arguments of the auditor: `[--format json|csv|table] [--render] [--lang vi|en]
 * <file.html|URL>...` for single pages, and the batch options (`--from-list`, `--max-pages`,
 * `--max-links`, `--urls`, `--concurrency`, `--resume`, `--out`, `--timeout`, `--answer-timeout`, `--link-selector`,
 * `--next-selector`, `--allow-host`). Returns the options, or an error as a catalog message so it is
 * said in the user's language (the --lang given, Vietnamese by default, even when another argument
 * is wrong). Files named here are checked when they are read (main.ts, batch.ts).
 */
import type { CliMessageId } from '../shared/i18n/cli';
import type { Locale, MessageParams } from '../shared/i18n/format';

export type Format = 'table' | 'json' | 'csv';

/** Safety caps of --from-list: list pages followed, procedure links collected. */
export const DEFAULT_MAX_LIST_PAGES = 200;
export const DEFAULT_MAX_LINKS = 5_000;
export const DEFAULT_CONCURRENCY = 3;
export const MAX_CONCURRENCY = 32;
export const DEFAULT_TIMEOUT_S = 30;

export interface CliOptions {
  format: Format;
  render: boolean;
  lang: Locale;
  inputs: string[];
  help: boolean;
  fromList: string | null;
  maxListPages: number;
  maxLinks: number;
  urlsFile: string | null;
  concurrency: number;
  /** Set when --concurrency was given (single inputs then run as a batch too). */
  concurrencyGiven: boolean;
  resume: string | null;
  out: string | null;
  timeoutS: number;
  /** Seconds a fetched page's server may take to start answering; 'auto' learns it per host (cli/answer-deadline.ts). */
  answerTimeoutS: number | 'auto';
  linkSelector: string | null;
  nextSelector: string | null;
  allowHosts: string[];
}

export interface ArgsError {
  error: { id: CliMessageId; params?: MessageParams };
  lang: Locale;
}

/** Whether these options ask for a batch run (list, URL file, resume, report folder or concurrency). */
export function isBatch(options: CliOptions): boolean {
  return (
    options.fromList !== null || options.urlsFile !== null || options.resume !== null || options.out !== null || options.concurrencyGiven
  );
}

export function parseArgs(argv: readonly string[]): CliOptions | ArgsError {
  const options: CliOptions = {
    format: 'table',
    render: false,
    lang: 'vi',
    inputs: [],
    help: false,
    fromList: null,
    maxListPages: DEFAULT_MAX_LIST_PAGES,
    maxLinks: DEFAULT_MAX_LINKS,
    urlsFile: null,
    concurrency: DEFAULT_CONCURRENCY,
    concurrencyGiven: false,
    resume: null,
    out: null,
    timeoutS: DEFAULT_TIMEOUT_S,
    answerTimeoutS: 'auto',
    linkSelector: null,
    nextSelector: null,
    allowHosts: [],
  };
  let error: ArgsError['error'] | null = null;
  const fail = (id: CliMessageId, params?: MessageParams) => {
    error ??= params ? { id, params } : { id };
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    const got = (v: string | undefined) => (v === undefined ? null : `"${v}"`);
    /** A value that must be there and not look like the next option. */
    const text = (): string | null => {
      const v = value();
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) {
        fail('cli.error.needsValue', { option: flag });
        return null;
      }
      return v;
    };
    const integer = (min: number, max: number): number | null => {
      const v = value();
      const n = v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) {
        fail('cli.error.badNumber', { option: flag, min, max, got: got(v) ?? '' });
        return null;
      }
      return n;
    };
    if (flag === '-h' || flag === '--help') options.help = true;
    else if (flag === '--render') options.render = true;
    else if (flag === '--format') {
      const v = value();
      if (v === 'table' || v === 'json' || v === 'csv') options.format = v;
      else fail('cli.error.badFormat', { got: got(v) ?? '' });
    } else if (flag === '--lang') {
      const v = value();
      if (v === 'vi' || v === 'en') options.lang = v;
      else fail('cli.error.badLang', { got: got(v) ?? '' });
    } else if (flag === '--from-list') {
      const v = text();
      if (v !== null) {
        if (/^https?:\/\/[^\s/]+/i.test(v)) options.fromList = v;
        else fail('cli.error.fromListNotUrl', { got: `"${v}"` });
      }
    } else if (flag === '--max-pages') options.maxListPages = integer(1, 100_000) ?? options.maxListPages;
    else if (flag === '--max-links') options.maxLinks = integer(1, 1_000_000) ?? options.maxLinks;
    else if (flag === '--urls') options.urlsFile = text() ?? options.urlsFile;
    else if (flag === '--concurrency') {
      options.concurrency = integer(1, MAX_CONCURRENCY) ?? options.concurrency;
      options.concurrencyGiven = true;
    } else if (flag === '--resume') options.resume = text() ?? options.resume;
    else if (flag === '--out') options.out = text() ?? options.out;
    else if (flag === '--timeout') options.timeoutS = integer(1, 600) ?? options.timeoutS;
    else if (flag === '--answer-timeout') {
      if ((inline ?? argv[i + 1]) === 'auto') {
        if (inline === undefined) i++;
        options.answerTimeoutS = 'auto';
      } else options.answerTimeoutS = integer(1, 600) ?? options.answerTimeoutS;
    } else if (flag === '--link-selector') options.linkSelector = text() ?? options.linkSelector;
    else if (flag === '--next-selector') options.nextSelector = text() ?? options.nextSelector;
    else if (flag === '--allow-host') {
      const v = text();
      if (v !== null) options.allowHosts.push(v);
    } else if (flag === '--') continue;
    else if (flag.startsWith('-') && flag !== '-') fail('cli.error.unknownOption', { option: flag });
    else options.inputs.push(arg);
  }
  if (
    !error &&
    !options.help &&
    options.inputs.length === 0 &&
    options.fromList === null &&
    options.urlsFile === null &&
    options.resume === null
  )
    fail('cli.error.noInput');
  return error ? { error, lang: options.lang } : options;
}
