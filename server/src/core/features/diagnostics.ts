// Runs the rule registry over a model. Paper rules run once per paper object
// and context; an unchanged paper keeps its issues across edits.

import type { DigestModel, Paper } from '../model';
import { documentRules, paperRules, workspaceRules, type Fix, type Issue, type PaperContext, type Report, type Rule } from '../rules';
import type { DigestSettings } from '../settings';
import { shiftRange, type CancellationTokenLike } from '../types';
import { capReports } from './capReports';
import type { WorkspaceView } from '../workspace/workspaceIndex';

interface CachedIssues {
  readonly key: string;
  readonly issues: readonly Issue[];
  /** The issues moved to `line`, kept so an unmoved paper allocates nothing per keystroke. */
  shifted?: { readonly line: number; readonly issues: readonly Issue[] };
}

export class DiagnosticsComputer {
  private readonly perPaper = new WeakMap<Paper, CachedIssues>();

  /** `workspace`, when given, lets the workspace rules compare this digest with the others. */
  compute(model: DigestModel, settings: DigestSettings, token: CancellationTokenLike, workspace?: WorkspaceView): Issue[] | undefined {
    const settingsKey = settings.requiredSections.join('\u0000');
    const issues: Issue[] = [];
    for (const rule of documentRules) {
      rule.check(model, { settings }, (r) => issues.push(toIssue(rule, r)));
    }
    if (workspace) {
      for (const rule of workspaceRules) rule.check(model, { settings, workspace }, (r) => issues.push(toIssue(rule, r)));
    }
    // One context key per day, not one string per paper per keystroke.
    const keys = new Map<number, string>();
    for (const { paper, line, dayIndex } of model.papers) {
      if (token.isCancellationRequested) return undefined;
      const date = model.days[dayIndex]?.day.date;
      let key = keys.get(dayIndex);
      if (key === undefined) {
        key = `${date ?? ''}|${model.legacy ? 1 : 0}|${settingsKey}`;
        keys.set(dayIndex, key);
      }
      let cached = this.perPaper.get(paper);
      if (!cached || cached.key !== key) {
        cached = { key, issues: checkPaper(paper, { settings, date, legacy: model.legacy }) };
        this.perPaper.set(paper, cached);
      }
      if (cached.issues.length === 0) continue;
      if (cached.shifted?.line !== line) cached.shifted = { line, issues: line === 0 ? cached.issues : cached.issues.map((i) => shiftIssue(i, line)) };
      for (const issue of cached.shifted.issues) issues.push(issue);
    }
    return issues;
  }
}

function checkPaper(paper: Paper, ctx: PaperContext): Issue[] {
  const issues: Issue[] = [];
  for (const rule of paperRules) rule.check(paper, ctx, (r) => issues.push(toIssue(rule, r)));
  return capReports(issues);
}

function toIssue(rule: Rule, r: Report): Issue {
  return { ...r, rule: rule.id, severity: rule.severity };
}

function shiftIssue(issue: Issue, lines: number): Issue {
  return {
    ...issue,
    range: shiftRange(issue.range, lines),
    ...(issue.related ? { related: issue.related.map((r) => ({ ...r, range: shiftRange(r.range, lines) })) } : {}),
    ...(issue.fix ? { fix: shiftFix(issue.fix, lines) } : {}),
  };
}

function shiftFix(fix: Fix, lines: number): Fix {
  return { ...fix, edits: fix.edits.map((e) => ({ ...e, range: shiftRange(e.range, lines) })) };
}
