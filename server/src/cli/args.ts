// Command-line options of digest-lint. Hand-written: eleven options do not
// justify a dependency, and every mistake gets a precise message.

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

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

export class UsageError extends Error {}

export const USAGE = `Usage: digest-lint [options] [paths or globs...]

Checks daily paper digests (Markdown) with the same rules, configuration and
suppression comments as the editor. With no paths, checks the digests under
the current folder: files with a "## Daily Papers (YYYY-MM-DD)" heading, or
matched by "files" in .digest-lint.jsonc.

Options:
  --config FILE          use this config file instead of searching for .digest-lint.jsonc
  --fix                  apply the certain fixes and write the files back
  --format FORMAT        text (default), json, sarif or github
  --output FILE          write the report to FILE instead of stdout
  --max-warnings N       exit 1 when there are more than N warnings
  --quiet                report errors only
  --locale LOCALE        language of the text report: en or ko (default: ko when
                         LC_ALL or LANG starts with ko, else en)
  --no-color             no colours in the text report (also: NO_COLOR=1)
  --help                 show this help
  --version              show the version

Exit codes: 0 no errors; 1 errors, or more warnings than --max-warnings;
2 a usage or configuration error, or the run failed.`;

const WITH_VALUE = new Set(['--config', '--format', '--output', '--max-warnings', '--locale']);
const FLAGS = new Set(['--fix', '--quiet', '--no-color', '--color', '--help', '-h', '--version', '-v']);

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
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value.`);
      values.set(name, value);
    } else if (FLAGS.has(name) && eq < 0) {
      flags.add(name);
    } else {
      throw new UsageError(`Unknown option "${arg}". Run digest-lint --help for the options.`);
    }
  }
  const format = values.get('--format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}"; expected one of ${FORMATS.join(', ')}.`);
  const mw = values.get('--max-warnings');
  if (mw !== undefined && !/^\d+$/.test(mw)) throw new UsageError(`--max-warnings needs a whole number of 0 or more, got "${mw}".`);
  const locale = values.get('--locale');
  if (locale !== undefined && !/^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$/.test(locale)) throw new UsageError(`--locale "${locale}" is not a language tag such as "en" or "ko".`);
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
