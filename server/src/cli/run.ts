// digest-lint's run: find the files, resolve each one's configuration the way
// the server does, lint with the core's language service, optionally fix,
// report. Returns the exit code; never throws for bad input.

import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
  type MessageRef,
  formatConfigProblem,
  isIgnored,
  matchesFilesPath,
  type ConfigProblem,
  type Issue,
  type ResolvedConfig,
} from '../core';
import { nodeConfigReader, repositoryRoot } from '../node/configReader';
import { localeArg, parseArgs, usage, UsageError, type CliOptions } from './args';
import { CliWorkspace } from './crossDay';
import { describeError, discoverFiles, readDigest } from './files';
import { formatReport, totals, type FileReport } from './formats';
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
  // The language is known before the arguments are checked, so usage errors are in it too.
  const locale = cliLocale(localeArg(argv), io.env);
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`digest-lint: ${render(locale, err.l10n)}\n`);
    return ExitCode.failure;
  }
  if (options.help) {
    io.stdout.write(`${usage(locale)}\n`);
    return ExitCode.ok;
  }
  if (options.version) {
    io.stdout.write(`${toolVersion()}\n`);
    return ExitCode.ok;
  }
  if (options.locale && !parseLocale(options.locale)) io.stderr.write(`digest-lint: ${render(locale, ref('cliLocaleIgnored', { locale: options.locale }))}\n`);
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
  const failures: MessageRef[] = [];
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
  const progress = startProgress(io.stderr, discovery.files.length, locale);
  const workspace = new CliWorkspace();
  /** Each linted digest's report, for the second pass that adds cross-day duplicates. */
  const linted: { readonly file: string; readonly uri: string; readonly settings: typeof defaultSettings; readonly report: number }[] = [];

  for (const file of discovery.files) {
    progress.tick();
    const rel = relative(io.cwd, file).split(sep).join('/') || file;
    const config = explicit ?? resolver.configFor(file, root);
    for (const p of config.problems) configProblems.set(formatConfigProblem(p), p);
    if (isIgnored(file, config)) continue;
    const settings = applyConfig(defaultSettings, config);
    const read = readDigest(file);
    if (!read.ok) {
      failures.push(ref('cliFileProblem', { path: rel, problem: read.message }));
      continue;
    }
    const uri = pathToFileURL(file).href;
    let version = 0;
    const lint = (text: string): Issue[] => service.computeDiagnostics({ uri, version: ++version, getText: () => text }, settings) ?? [];
    let text = read.text;
    let issues = lint(text);
    if (!service.getModel({ uri, version, getText: () => text }, settings)) {
      service.forget(uri);
      // Read and found no digest: the repository pass need not read it again.
      workspace.addLinted(uri, undefined);
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
          text = result.text;
        } else {
          failures.push(ref('cliFileProblem', { path: rel, problem: written.message }));
        }
        // The report and the index describe the text now on disk.
        issues = lint(text);
      }
    }
    workspace.addLinted(uri, service.getModel({ uri, version, getText: () => text }, settings));
    service.forget(uri);
    linted.push({ file, uri, settings, report: reports.length });
    reports.push({ path: rel, issues: quietOrAll(issues, options.quiet).sort(byPosition), fixed });
  }
  progress.done();

  // Inside a repository, its other digests count too, as in the editor's workspace index.
  if (root !== undefined) {
    workspace.addRepository(
      (await discoverFiles([], root, root)).files.map((path) => {
        const config = explicit ?? resolver.configFor(path, root);
        return { path, ignored: isIgnored(path, config), reason: matchesFilesPath(path, applyConfig(defaultSettings, config).files, [root]) ? 'setting' : undefined };
      }),
    );
  }
  for (const l of linted) {
    if (!workspace.needsRecheck(l.uri)) continue;
    const read = readDigest(l.file);
    if (!read.ok) continue;
    const issues = service.computeDiagnostics({ uri: l.uri, version: 1, getText: () => read.text }, l.settings, undefined, workspace.index) ?? [];
    service.forget(l.uri);
    reports[l.report] = { ...reports[l.report]!, issues: quietOrAll(issues, options.quiet).sort(byPosition) };
  }

  const toStdout = options.output === undefined;
  const color = options.color ?? (toStdout && io.stdout.isTTY === true && !io.env['NO_COLOR']);
  const pathOf = (uri: string): string => {
    try {
      return relative(io.cwd, fileURLToPath(uri)).split(sep).join('/');
    } catch {
      return uri;
    }
  };
  const report = formatReport(options.format, reports, toolVersion(), color, locale, pathOf);
  if (fixLog.length) (options.format === 'text' && toStdout ? io.stdout : io.stderr).write(`${fixLog.join('\n')}\n\n`);
  if (toStdout) {
    io.stdout.write(report);
  } else {
    try {
      writeFileSync(resolve(io.cwd, options.output!), report);
    } catch (err) {
      failures.push(ref('cliOutputFailed', { path: options.output!, error: describeError(err) }));
    }
  }
  for (const n of discovery.notices) io.stderr.write(`digest-lint: ${localize(locale, n.message, n.l10n)}\n`);
  for (const p of configProblems.values()) io.stderr.write(`digest-lint: ${render(locale, ref('cliConfigError', { problem: formatConfigProblem(p, locale) }))}\n`);
  for (const f of failures) io.stderr.write(`digest-lint: ${render(locale, f)}\n`);
  if (configProblems.size > 0 || failures.length > 0) return ExitCode.failure;
  const t = totals(reports);
  if (t.errors > 0) return ExitCode.problems;
  if (options.maxWarnings !== undefined && t.warnings > options.maxWarnings) {
    const warnings = ref(t.warnings === 1 ? 'cliWarningCount' : 'cliWarningsCount', { count: t.warnings });
    io.stderr.write(`digest-lint: ${render(locale, ref('cliTooManyWarnings', { warnings, max: options.maxWarnings }))}\n`);
    return ExitCode.problems;
  }
  return ExitCode.ok;
}

/** `--quiet`: errors only. */
function quietOrAll(issues: Issue[], quiet: boolean): Issue[] {
  return quiet ? issues.filter((i) => i.severity === 'error') : issues;
}

function byPosition(a: Issue, b: Issue): number {
  return comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end);
}

/** A `checked N/M` line on a TTY once the run has taken a second; nothing elsewhere. */
function startProgress(stderr: CliStream, total: number, locale: Locale): { tick(): void; done(): void } {
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
      stderr.write(`\r\u001b[Kdigest-lint: ${render(locale, ref('cliProgress', { done: count - 1, total }))}`);
    },
    done() {
      if (shown) stderr.write('\r\u001b[K');
    },
  };
}
