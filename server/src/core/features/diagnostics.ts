// Runs the rule registry over a model. Paper rules run once per paper object
// and context; an unchanged paper keeps its issues across edits.

import type { DigestModel, Paper, PlacedDay, PlacedPaper } from '../model';
import { documentRules, paperRules, workspaceRules, type Fix, type Issue, type PaperContext, type Report, type Rule, type RuleState } from '../rules';
import type { DigestSettings } from '../settings';
import { shiftRange, type CancellationTokenLike } from '../types';
import { capReports } from './capReports';
import type { WorkspaceView } from '../workspace/workspaceIndex';
import { firstAtOrAfter } from '../search';
import { changedPapers, seePapers, type SeenPapers } from '../incremental/paperEdits';

interface CachedIssues {
  readonly key: string;
  readonly issues: readonly Issue[];
  /** The issues moved to `line`, kept so an unmoved paper allocates nothing per keystroke. */
  shifted?: { readonly line: number; readonly issues: readonly Issue[] };
}

/** What one document's last computation left, so the next version redoes only what changed. */
interface DocumentState {
  /** The document rules' own indexes (see DocumentContext.state). */
  readonly rules: RuleState;
  /** The papers array as last computed; the parser may since have written into it (see paperEdits.ts). */
  papers: SeenPapers | undefined;
  /** What every paper's context key was made of (see `contextKey`). */
  days: readonly PlacedDay[] | undefined;
  legacy: boolean;
  settingsKey: string;
  /** By paper index: the paper's issues at its line. Updated in place. */
  perIndex: (readonly Issue[])[];
  /** Ascending indices of the papers with issues, so collecting them skips the clean papers. */
  withIssues: number[];
}

const NO_ISSUES: readonly Issue[] = Object.freeze([]);

export class DiagnosticsComputer {
  private readonly perPaper = new WeakMap<Paper, CachedIssues>();
  private readonly documents = new Map<string, DocumentState>();
  /** Document-rule reports turned into issues, so an unchanged report keeps its issue object. */
  private readonly issueOf = new WeakMap<Report, Issue>();
  /** Papers the last call looked up (the rest kept the previous version's issues by index); read by tests. */
  lastLookedUp = 0;

  /** `workspace`, when given, lets the workspace rules compare this digest with the others. */
  compute(model: DigestModel, settings: DigestSettings, token: CancellationTokenLike, workspace?: WorkspaceView): Issue[] | undefined {
    const settingsKey = settings.requiredSections.join('\u0000');
    let state = this.documents.get(model.uri);
    if (!state) {
      state = { rules: new Map(), papers: undefined, days: undefined, legacy: false, settingsKey, perIndex: [], withIssues: [] };
      this.documents.set(model.uri, state);
    }
    const issues: Issue[] = [];
    for (const rule of documentRules) {
      rule.check(model, { settings, state: state.rules }, (r) => issues.push(this.toDocumentIssue(rule, r)));
    }
    if (workspace) {
      for (const rule of workspaceRules) rule.check(model, { settings, workspace, state: state.rules }, (r) => issues.push(toIssue(rule, r)));
    }
    // One context key per day, not one string per paper per keystroke.
    const keys = new Map<number, string>();
    const keyOf = (dayIndex: number): string => {
      let key = keys.get(dayIndex);
      if (key === undefined) {
        key = `${model.days[dayIndex]?.day.date ?? ''}|${model.legacy ? 1 : 0}|${settingsKey}`;
        keys.set(dayIndex, key);
      }
      return key;
    };
    const { papers } = model;
    this.lastLookedUp = 0;
    const sameContext = state.days === model.days && state.legacy === model.legacy && state.settingsKey === settingsKey;
    const changed = sameContext ? changedPapers(state.papers, papers) : undefined;
    const { perIndex, withIssues } = state;
    if (changed) {
      // Same days and settings: a paper object at its old index keeps its issues; only the replaced ones are looked up.
      for (const i of changed.keys()) {
        const had = perIndex[i]!.length > 0;
        perIndex[i] = this.lookUp(papers[i]!, keyOf(papers[i]!.dayIndex), settings, model);
        const has = perIndex[i]!.length > 0;
        if (has !== had) {
          const at = firstAtOrAfter(withIssues, i);
          if (has) withIssues.splice(at, 0, i);
          else withIssues.splice(at, 1);
        }
      }
    } else {
      // Forget what was kept first: a cancelled pass must not leave half of it.
      state.papers = undefined;
      perIndex.length = papers.length;
      withIssues.length = 0;
      for (let i = 0; i < papers.length; i++) {
        if ((i & 255) === 0 && token.isCancellationRequested) return undefined;
        perIndex[i] = this.lookUp(papers[i]!, keyOf(papers[i]!.dayIndex), settings, model);
        if (perIndex[i]!.length > 0) withIssues.push(i);
      }
    }
    for (const i of withIssues) for (const issue of perIndex[i]!) issues.push(issue);
    Object.assign(state, { papers: seePapers(papers), days: model.days, legacy: model.legacy, settingsKey });
    return issues;
  }

  /** Drops what was kept for a closed document. */
  forget(uri: string): void {
    this.documents.delete(uri);
  }

  private lookUp(placed: PlacedPaper, key: string, settings: DigestSettings, model: DigestModel): readonly Issue[] {
    this.lastLookedUp++;
    const { paper, line, dayIndex } = placed;
    let cached = this.perPaper.get(paper);
    if (!cached || cached.key !== key) {
      cached = { key, issues: checkPaper(paper, { settings, date: model.days[dayIndex]?.day.date, legacy: model.legacy }) };
      this.perPaper.set(paper, cached);
    }
    if (cached.issues.length === 0) return NO_ISSUES;
    if (cached.shifted?.line !== line) cached.shifted = { line, issues: line === 0 ? cached.issues : cached.issues.map((i) => shiftIssue(i, line)) };
    return cached.shifted.issues;
  }

  private toDocumentIssue(rule: Rule, r: Report): Issue {
    let issue = this.issueOf.get(r);
    if (issue === undefined || issue.rule !== rule.id) {
      issue = toIssue(rule, r);
      this.issueOf.set(r, issue);
    }
    return issue;
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
