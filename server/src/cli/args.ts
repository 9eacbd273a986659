// Command-line options of digest-lint. Hand-written: eleven options do not
// justify a dependency, and every mistake gets a precise message.

import { ref, render, type Locale, type MessageRef } from '../core';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];
const LOCALE_OPTION = '--locale';

export interface CliOptions {
  readonly patterns: readonly string[];
  readonly config: string | undefined;
  readonly fix: boolean;
  readonly format: Format;
  readonly output: string | undefined;
  readonly maxWarnings: number | undefined;
  readonly quiet: boolean;
  readonly locale: string | undefined;
  readonly color: boolean | undefined;
  readonly help: boolean;
  readonly version: boolean;
}

/** A mistake on the command line; `message` is English, `l10n` renders it in the user's language. */
export class UsageError extends Error {
  constructor(readonly l10n: MessageRef) {
    super(render('en', l10n));
  }
}

/** The --help text in `locale`. */
export function usage(locale: Locale): string {
  return render(locale, ref('cliUsage'));
}

/** The English --help text (`usage` gives it in another language). */
export const USAGE = usage('en');

const WITH_VALUE = new Set(['--config', '--format', '--output', '--max-warnings', LOCALE_OPTION]);
const FLAGS = new Set(['--fix', '--quiet', '--no-color', '--color', '--help', '-h', '--version', '-v']);

/**
 * The --locale value, read before parsing so that a usage error is already in
 * the user's language. Walks the arguments as parsing does: the last one wins,
 * another option's value is skipped, nothing after `--` counts.
 */
export function localeArg(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (!arg.startsWith('-')) continue;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!WITH_VALUE.has(name)) continue;
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (name === LOCALE_OPTION) found = value;
  }
  return found;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const patterns: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      patterns.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      patterns.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (WITH_VALUE.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(ref('cliNeedsValue', { option: name }));
      values.set(name, value);
    } else if (FLAGS.has(name) && eq < 0) {
      flags.add(name);
    } else {
      throw new UsageError(ref('cliUnknownOption', { option: arg }));
    }
  }
  const format = values.get('--format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(ref('cliUnknownFormat', { format, formats: FORMATS }));
  const mw = values.get('--max-warnings');
  if (mw !== undefined && !/^\d+$/.test(mw)) throw new UsageError(ref('cliBadMaxWarnings', { value: mw }));
  const locale = values.get(LOCALE_OPTION);
  if (locale !== undefined && !/^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$/.test(locale)) throw new UsageError(ref('cliBadLocale', { value: locale }));
  return {
    patterns,
    config: values.get('--config'),
    fix: flags.has('--fix'),
    format: format as Format,
    output: values.get('--output'),
    maxWarnings: mw === undefined ? undefined : Number(mw),
    quiet: flags.has('--quiet'),
    locale,
    color: flags.has('--no-color') ? false : flags.has('--color') ? true : undefined,
    help: flags.has('--help') || flags.has('-h'),
    version: flags.has('--version') || flags.has('-v'),
  };
}
