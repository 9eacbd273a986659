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
    for (const { paper, line, dayIndex } of model.papers) {
      if (token.isCancellationRequested) return undefined;
      const date = model.days[dayIndex]?.day.date;
      const key = `${date ?? ''}|${model.legacy ? 1 : 0}|${settingsKey}`;
      let cached = this.perPaper.get(paper);
      if (!cached || cached.key !== key) {
        cached = { key, issues: checkPaper(paper, { settings, date, legacy: model.legacy }) };
        this.perPaper.set(paper, cached);
      }
      for (const issue of cached.issues) issues.push(line === 0 ? issue : shiftIssue(issue, line));
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
