// digest-lint's run: find the files, resolve each one's configuration the way
// the server does, lint with the core's language service, optionally fix,
// report. Returns the exit code; never throws for bad input.

import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  applyConfig,
  comparePositions,
  ConfigResolver,
  createLanguageService,
  defaultSettings,
  DEFAULT_LOCALE,
  fixAllText,
  localize,
  parseLocale,
  ref,
  render,
  type AppliedFix,
  type Locale,
  formatConfigProblem,
  isIgnored,
  type ConfigProblem,
  type Issue,
  type ResolvedConfig,
} from '../core';
import { nodeConfigReader, repositoryRoot } from '../node/configReader';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args';
import { describeError, discoverFiles, readDigest } from './files';
import { formatReport, plural, totals, type FileReport } from './formats';
import { writeAtomically } from './writeFile';

export const ExitCode = { ok: 0, problems: 1, failure: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface CliStream {
  write(s: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIO {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: CliStream;
  readonly stderr: CliStream;
}

/** After this long on a TTY, a progress line appears on stderr. */
const PROGRESS_AFTER_MS = 1000;

export function toolVersion(): string {
  try {
    // The bundle sits in server/out/, two folders below package.json.
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`digest-lint: ${err.message}\n`);
    return ExitCode.failure;
  }
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return ExitCode.ok;
  }
  if (options.version) {
    io.stdout.write(`${toolVersion()}\n`);
    return ExitCode.ok;
  }
  const locale = cliLocale(options.locale, io.env);
  if (options.locale && !parseLocale(options.locale)) io.stderr.write(`digest-lint: messages are available in English and Korean (en, ko); --locale ${options.locale} is ignored.\n`);
  return lintFiles(options, io, locale);
}

/** --locale when it names a language we have; else LC_ALL, then LANG, when it starts with ko; else English. */
export function cliLocale(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Locale {
  const fromFlag = parseLocale(flag);
  if (fromFlag) return fromFlag;
  const fromEnv = env['LC_ALL'] || env['LANG'];
  return parseLocale(fromEnv) === 'ko' ? 'ko' : DEFAULT_LOCALE;
}

async function lintFiles(options: CliOptions, io: CliIO, locale: Locale): Promise<ExitCode> {
  const failures: string[] = [];
  const root = repositoryRoot(io.cwd);
  const discovery = await discoverFiles(options.patterns, io.cwd, root);
  failures.push(...discovery.problems);
  const resolver = new ConfigResolver(nodeConfigReader);
  let explicit: ResolvedConfig | undefined;
  if (options.config) {
    explicit = resolver.load(resolve(io.cwd, options.config));
  }
  const configProblems = new Map<string, ConfigProblem>();
  const service = createLanguageService({ workspaceFolders: () => [root ?? io.cwd] });
  const reports: FileReport[] = [];
  const fixLog: string[] = [];
  const progress = startProgress(io.stderr, discovery.files.length);

  for (const file of discovery.files) {
    progress.tick();
    const rel = relative(io.cwd, file).split(sep).join('/') || file;
    const config = explicit ?? resolver.configFor(file, root);
    for (const p of config.problems) configProblems.set(formatConfigProblem(p), p);
    if (isIgnored(file, config)) continue;
    const settings = applyConfig(defaultSettings, config);
    const read = readDigest(file);
    if (!read.ok) {
      failures.push(`${rel}: ${read.message}`);
      continue;
    }
    const uri = pathToFileURL(file).href;
    let version = 0;
    const lint = (text: string): Issue[] => service.computeDiagnostics({ uri, version: ++version, getText: () => text }, settings) ?? [];
    let issues = lint(read.text);
    if (!service.getModel({ uri, version, getText: () => read.text }, settings)) {
      service.forget(uri);
      continue;
    }
    let fixed: string[] = [];
    if (options.fix) {
      const result = fixAllText(read.text, lint);
      if (result.applied.length > 0) {
        const bytes = Buffer.concat([read.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(result.text, 'utf8')]);
        const written = writeAtomically(file, bytes, read);
        if (written.ok) {
          // The report's `fixed` stays English for scripts; the log a person reads is in their language.
          const where = (a: AppliedFix): string => `${a.issue.range.start.line + 1}:${a.issue.range.start.character + 1}`;
          fixed = result.applied.map((a) => `${where(a)} ${a.issue.fix?.title ?? a.issue.rule}`);
          const shown = result.applied.map((a) => `${where(a)} ${a.issue.fix ? localize(locale, a.issue.fix.title, a.issue.fix.titleL10n) : a.issue.rule}`);
          const fixes = render(locale, ref(fixed.length === 1 ? 'cliFix' : 'cliFixes', { count: fixed.length }));
          fixLog.push(render(locale, ref('cliFixed', { path: rel, fixes })), ...shown.map((f) => `  ${f}`));
          issues = lint(result.text);
        } else {
          failures.push(`${rel}: ${written.message}`);
        }
      }
    }
    service.forget(uri);
    if (options.quiet) issues = issues.filter((i) => i.severity === 'error');
    reports.push({ path: rel, issues: issues.sort(byPosition), fixed });
  }
  progress.done();

  const toStdout = options.output === undefined;
  const color = options.color ?? (toStdout && io.stdout.isTTY === true && !io.env['NO_COLOR']);
  const report = formatReport(options.format, reports, toolVersion(), color, locale);
  if (fixLog.length) (options.format === 'text' && toStdout ? io.stdout : io.stderr).write(`${fixLog.join('\n')}\n\n`);
  if (toStdout) {
    io.stdout.write(report);
  } else {
    try {
      writeFileSync(resolve(io.cwd, options.output!), report);
    } catch (err) {
      failures.push(`--output ${options.output}: cannot write the report: ${describeError(err)}.`);
    }
  }
  for (const n of discovery.notices) io.stderr.write(`digest-lint: ${n}\n`);
  for (const p of configProblems.values()) io.stderr.write(`digest-lint: config error: ${formatConfigProblem(p)}\n`);
  for (const f of failures) io.stderr.write(`digest-lint: ${f}\n`);
  if (configProblems.size > 0 || failures.length > 0) return ExitCode.failure;
  const t = totals(reports);
  if (t.errors > 0) return ExitCode.problems;
  if (options.maxWarnings !== undefined && t.warnings > options.maxWarnings) {
    io.stderr.write(`digest-lint: ${plural(t.warnings, 'warning')}, more than --max-warnings ${options.maxWarnings}.\n`);
    return ExitCode.problems;
  }
  return ExitCode.ok;
}

function byPosition(a: Issue, b: Issue): number {
  return comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end);
}

/** A `checked N/M` line on a TTY once the run has taken a second; nothing elsewhere. */
function startProgress(stderr: CliStream, total: number): { tick(): void; done(): void } {
  if (stderr.isTTY !== true) return { tick() {}, done() {} };
  const start = Date.now();
  let count = 0;
  let shown = false;
  let last = 0;
  return {
    tick() {
      count++;
      const now = Date.now();
      if (now - start < PROGRESS_AFTER_MS || now - last < 100) return;
      last = now;
      shown = true;
      stderr.write(`\r\u001b[Kdigest-lint: checked ${count - 1}/${total} files`);
    },
    done() {
      if (shown) stderr.write('\r\u001b[K');
    },
  };
}
