// Which language the server speaks. An explicit choice wins over the editor's
// display language: initializationOptions.locale (the `digest.locale` setting),
// then `--locale` on the command line, then `initialize`'s `locale`.

import { DEFAULT_LOCALE, parseLocale, type Locale } from '../core';

/** The initialization option and command-line flag that pick the language. */
export const LOCALE_OPTION = 'locale';
export const LOCALE_FLAG = '--locale';

/** `--locale ko` or `--locale=ko` among the process arguments. */
export function localeFromArgs(argv: readonly string[]): Locale | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === LOCALE_FLAG) return parseLocale(argv[i + 1]);
    if (arg.startsWith(`${LOCALE_FLAG}=`)) return parseLocale(arg.slice(LOCALE_FLAG.length + 1));
  }
  return undefined;
}

export function chooseLocale(params: { readonly locale?: string; readonly initializationOptions?: unknown }, argv: readonly string[]): Locale {
  const options = params.initializationOptions;
  const fromOptions = typeof options === 'object' && options !== null ? parseLocale((options as Record<string, unknown>)[LOCALE_OPTION]) : undefined;
  return fromOptions ?? localeFromArgs(argv) ?? parseLocale(params.locale) ?? DEFAULT_LOCALE;
}
