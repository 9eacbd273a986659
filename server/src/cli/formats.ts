// The report formats of digest-lint: text for people, json for scripts,
// sarif for GitHub code scanning, github for workflow annotations.

import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LOCALE, localize, ref, render, rules, type Issue, type Locale, type MessageId, type Severity } from '../core';
import type { Format } from './args';

export const TOOL_NAME = 'digest-lint';
/** Where SARIF consumers send a reader for more about the tool and its rules. */
export const INFORMATION_URI = 'https://github.com/daily-papers-digest/daily-papers-digest';
export const RULES_HELP_URI = `${INFORMATION_URI}/blob/main/docs/rules.md`;
export const JSON_REPORT_VERSION = 1;

export interface FileReport {
  /** Relative to the current folder, with `/`. */
  readonly path: string;
  readonly issues: readonly Issue[];
  /** Titles of the fixes --fix applied, in order. */
  readonly fixed: readonly string[];
}

/** Turns the URI of a related place (another file) into a path written like `FileReport.path`. */
export type PathOf = (uri: string) => string;

/** Absolute, with `/`: for callers that know no current folder. */
export const absolutePathOf: PathOf = (uri) => {
  try {
    return fileURLToPath(uri).replace(/\\/g, '/');
  } catch {
    return uri;
  }
};

/** An issue's related places (the other listings of a duplicate), with paths; the reported file when a place names none. */
function relatedOf(i: Issue, file: string, pathOf: PathOf): { path: string; range: Issue['range']; message: string }[] {
  return (i.related ?? []).map((r) => ({ path: r.uri === undefined ? file : pathOf(r.uri), range: r.range, message: r.message }));
}

export interface Totals {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly fixable: number;
}

export function totals(files: readonly FileReport[]): Totals {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const f of files) {
    for (const i of f.issues) {
      if (i.severity === 'error') errors++;
      else if (i.severity === 'warning') warnings++;
      else infos++;
      if (i.fix?.certain) fixable++;
    }
  }
  return { errors, warnings, infos, fixable };
}

export function formatReport(format: Format, files: readonly FileReport[], version: string, color: boolean, locale: Locale = DEFAULT_LOCALE, pathOf: PathOf = absolutePathOf): string {
  switch (format) {
    case 'text':
      return formatText(files, color, locale);
    case 'json':
      return formatJson(files, version, pathOf);
    case 'sarif':
      return formatSarif(files, version, pathOf);
    case 'github':
      return formatGithub(files);
  }
}

// ---- text

const ANSI = { red: '\u001b[31m', yellow: '\u001b[33m', blue: '\u001b[34m', dim: '\u001b[2m', bold: '\u001b[1m', underline: '\u001b[4m', reset: '\u001b[0m' } as const;

function severityWord(s: Severity, locale: Locale): string {
  switch (s) {
    case 'error':
      return render(locale, ref('cliError'));
    case 'warning':
      return render(locale, ref('cliWarning'));
    case 'information':
    case 'hint':
      return render(locale, ref('cliInfo'));
  }
}

/** `{count} file` or `{count} files`: English picks by number, Korean counts the same way for both. */
function counted(locale: Locale, count: number, one: MessageId, many: MessageId): string {
  return render(locale, { id: count === 1 ? one : many, args: { count } });
}

export function formatText(files: readonly FileReport[], color: boolean, locale: Locale = DEFAULT_LOCALE): string {
  const paint = (code: string, s: string): string => (color ? `${code}${s}${ANSI.reset}` : s);
  const sevColor = (s: Severity): string => (s === 'error' ? ANSI.red : s === 'warning' ? ANSI.yellow : ANSI.blue);
  const lines: string[] = [];
  for (const f of files) {
    if (f.issues.length === 0) continue;
    lines.push(paint(ANSI.underline, f.path));
    const rows = f.issues.map((i) => [`${i.range.start.line + 1}:${i.range.start.character + 1}`, severityWord(i.severity, locale), localize(locale, i.message, i.l10n), i.rule] as const);
    const posWidth = Math.max(...rows.map((r) => r[0].length));
    const sevWidth = Math.max(...rows.map((r) => r[1].length));
    f.issues.forEach((issue, k) => {
      const [pos, sev, message, rule] = rows[k]!;
      lines.push(`  ${paint(ANSI.dim, pos.padEnd(posWidth))}  ${paint(sevColor(issue.severity), sev.padEnd(sevWidth))}  ${message}  ${paint(ANSI.dim, rule)}`);
    });
    lines.push('');
  }
  const t = totals(files);
  const problems = t.errors + t.warnings + t.infos;
  const withIssues = files.filter((f) => f.issues.length > 0).length;
  const summary =
    problems === 0
      ? render(locale, ref('cliNoProblems', { files: counted(locale, files.length, 'cliFile', 'cliFiles') }))
      : render(locale, ref('cliSummary', {
          problems: counted(locale, problems, 'cliProblem', 'cliProblems'),
          errors: counted(locale, t.errors, 'cliErrorCount', 'cliErrorsCount'),
          warnings: counted(locale, t.warnings, 'cliWarningCount', 'cliWarningsCount'),
          infos: counted(locale, t.infos, 'cliInfoCount', 'cliInfosCount'),
          files: counted(locale, withIssues, 'cliFile', 'cliFiles'),
          checked: files.length,
          fixable: t.fixable ? ref('cliFixable', { count: t.fixable }) : '.',
        }));
  lines.push(paint(problems === 0 ? '' : t.errors ? ANSI.red + ANSI.bold : ANSI.yellow + ANSI.bold, summary));
  return `${lines.join('\n')}\n`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// ---- json

/** The json format's shape; documented in docs/cli.md. Positions are 1-based, end columns exclusive. */
export interface JsonReport {
  readonly version: typeof JSON_REPORT_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  readonly files: readonly {
    readonly path: string;
    readonly fixed: readonly string[];
    readonly issues: readonly {
      readonly rule: string;
      readonly severity: 'error' | 'warning' | 'info';
      readonly message: string;
      readonly line: number;
      readonly column: number;
      readonly endLine: number;
      readonly endColumn: number;
      readonly fixable: boolean;
      /** Other places of the same problem (the other listings of a duplicate paper); absent when there are none. */
      readonly related?: readonly { readonly path: string; readonly line: number; readonly column: number; readonly endLine: number; readonly endColumn: number; readonly message: string }[];
    }[];
  }[];
  readonly summary: { readonly files: number } & Totals;
}

export function formatJson(files: readonly FileReport[], version: string, pathOf: PathOf = absolutePathOf): string {
  const report: JsonReport = {
    version: JSON_REPORT_VERSION,
    tool: { name: TOOL_NAME, version },
    files: files.map((f) => ({
      path: f.path,
      fixed: f.fixed,
      issues: f.issues.map((i) => ({
        rule: i.rule,
        severity: severityWord(i.severity, 'en') as 'error' | 'warning' | 'info',
        message: i.message,
        line: i.range.start.line + 1,
        column: i.range.start.character + 1,
        endLine: i.range.end.line + 1,
        endColumn: i.range.end.character + 1,
        fixable: i.fix?.certain === true,
        ...(i.related?.length
          ? {
              related: relatedOf(i, f.path, pathOf).map((r) => ({
                path: r.path,
                line: r.range.start.line + 1,
                column: r.range.start.character + 1,
                endLine: r.range.end.line + 1,
                endColumn: r.range.end.character + 1,
                message: r.message,
              })),
            }
          : {}),
      })),
    })),
    summary: { files: files.length, ...totals(files) },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

// ---- github

/** Workflow commands: `%`, CR and LF are escaped in data; `,` and `:` too in properties. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function githubCommand(s: Severity): 'error' | 'warning' | 'notice' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'notice';
}

export function formatGithub(files: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const f of files) {
    for (const i of f.issues) {
      const props = [
        `file=${escapeProperty(f.path)}`,
        `line=${i.range.start.line + 1}`,
        `col=${i.range.start.character + 1}`,
        `endLine=${i.range.end.line + 1}`,
        `endColumn=${i.range.end.character + 1}`,
        `title=${escapeProperty(`digest(${i.rule})`)}`,
      ];
      lines.push(`::${githubCommand(i.severity)} ${props.join(',')}::${escapeData(i.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

// ---- sarif

function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/** A SARIF physical location: relative paths against %SRCROOT%, absolute ones as file URIs. */
function sarifLocation(path: string, range: Issue['range']) {
  const absolute = path.startsWith('/') || /^[A-Za-z]:\//.test(path);
  return {
    artifactLocation: absolute ? { uri: encodeURI(`file://${path.startsWith('/') ? '' : '/'}${path}`) } : { uri: encodeURI(path), uriBaseId: '%SRCROOT%' },
    region: {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    },
  };
}

export function formatSarif(files: readonly FileReport[], version: string, pathOf: PathOf = absolutePathOf): string {
  const ruleIndex = new Map(rules.map((r, k) => [r.id as string, k]));
  const results = [];
  for (const f of files) {
    const seen = new Map<string, number>();
    for (const i of f.issues) {
      // Stable across runs and line moves: the rule, the file and the flagged text's place on its line.
      const base = `${i.rule}\u0000${f.path}\u0000${i.message.replace(/\bline \d+\b/g, 'line N')}`;
      const occurrence = (seen.get(base) ?? 0) + 1;
      seen.set(base, occurrence);
      const hash = createHash('sha256').update(`${base}\u0000${occurrence}`).digest('hex').slice(0, 32);
      results.push({
        ruleId: i.rule,
        ruleIndex: ruleIndex.get(i.rule) ?? 0,
        level: sarifLevel(i.severity),
        message: { text: i.message },
        locations: [{ physicalLocation: sarifLocation(f.path, i.range) }],
        ...(i.related?.length
          ? { relatedLocations: relatedOf(i, f.path, pathOf).map((r, k) => ({ id: k + 1, physicalLocation: sarifLocation(r.path, r.range), message: { text: r.message } })) }
          : {}),
        partialFingerprints: { 'digestLintIssue/v1': hash },
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version,
            semanticVersion: version,
            informationUri: INFORMATION_URI,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description.split(/(?<=\.)\s/)[0] ?? r.description },
              fullDescription: { text: r.description },
              help: { text: `${r.description} See ${RULES_HELP_URI}#${r.id}`, markdown: `${r.description}\n\nSee [${r.id}](${RULES_HELP_URI}#${r.id}).` },
              helpUri: `${RULES_HELP_URI}#${r.id}`,
              defaultConfiguration: { level: r.enabledByDefault === false ? 'none' : sarifLevel(r.severity), enabled: r.enabledByDefault !== false },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
