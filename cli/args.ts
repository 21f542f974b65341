/**
 * Command-line arguments of the auditor: `[--format json|csv|table] [--render] [--lang vi|en]
 * <file.html|URL>...`. Returns the options, or an error as a catalog message so it is said in the
 * user's language (the --lang given, Vietnamese by default, even when another argument is wrong).
 */
import type { CliMessageId } from '../shared/i18n/cli';
import type { Locale, MessageParams } from '../shared/i18n/format';

export type Format = 'table' | 'json' | 'csv';

export interface CliOptions {
  format: Format;
  render: boolean;
  lang: Locale;
  inputs: string[];
  help: boolean;
}

export interface ArgsError {
  error: { id: CliMessageId; params?: MessageParams };
  lang: Locale;
}

export function parseArgs(argv: readonly string[]): CliOptions | ArgsError {
  const options: CliOptions = { format: 'table', render: false, lang: 'vi', inputs: [], help: false };
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
    } else if (flag === '--') continue;
    else if (flag.startsWith('-') && flag !== '-') fail('cli.error.unknownOption', { option: flag });
    else options.inputs.push(arg);
  }
  if (!error && !options.help && options.inputs.length === 0) fail('cli.error.noInput');
  return error ? { error, lang: options.lang } : options;
}
