// The post-processing stage over a document's issues: rule levels from the
// configuration, then suppression comments. Pure and cheap: O(issues + blocks
// with comments); the rules' per-paper caches are untouched, so an edit far
// from any comment still re-checks only its paper.

import { effectiveLevel, isRuleId } from '../config/levels';
import { msg, type MessageRef } from '../l10n';
import type { DigestModel } from '../model';
import { getRule, RuleId, type Issue } from '../rules';
import type { DigestSettings } from '../settings';
import { lastAtOrBefore } from '../search';
import { shiftRange, type Range, type Severity } from '../types';
import type { Directive, DirectiveKind } from './directives';

/** A directive placed in the document, with absolute ranges. */
interface Placed {
  readonly kind: DirectiveKind;
  readonly range: Range;
  /** Known rule ids it names, with their ranges; empty means every rule. */
  readonly rules: readonly { readonly id: RuleId; readonly range: Range }[];
  readonly all: boolean;
  /** Rule ids (or '*') that suppressed at least one issue. */
  readonly used: Set<string>;
}

/** Which region directives are in force from `line` on. */
interface RegionState {
  readonly line: number;
  readonly allBy: Placed | undefined;
  /** With allBy: rules enabled again. Without: unused. */
  readonly except: ReadonlySet<string>;
  readonly byRule: ReadonlyMap<string, Placed>;
}

const ALL = '*';

export function postProcessIssues(model: DigestModel, issues: readonly Issue[], settings: DigestSettings): Issue[] {
  const layers = settings.ruleLayers ?? [];
  const levels = new Map<RuleId, Severity | 'off'>();
  const levelOf = (id: RuleId): Severity | 'off' => {
    let level = levels.get(id);
    if (level === undefined) {
      const rule = getRule(id);
      level = rule ? effectiveLevel(rule, layers) : 'off';
      levels.set(id, level);
    }
    return level;
  };
  const configured: Issue[] = [];
  for (const issue of issues) {
    const level = levelOf(issue.rule);
    if (level === 'off') continue;
    configured.push(level === issue.severity ? issue : { ...issue, severity: level });
  }
  const out: Issue[] = [];
  const placed = placeDirectives(model, levelOf, out);
  if (placed.length === 0) return configured.concat(out);

  const fileWide = placed.filter((d) => d.kind === 'disable-file');
  const byLine = new Map<number, Placed[]>();
  for (const d of placed) {
    const line = d.kind === 'disable-line' ? d.range.start.line : d.kind === 'disable-next-line' ? d.range.end.line + 1 : -1;
    if (line >= 0) byLine.set(line, [...(byLine.get(line) ?? []), d]);
  }
  const regions = regionStates(placed);
  const regionLines = regions.map((r) => r.line);

  for (const issue of configured) {
    const line = issue.range.start.line;
    const state = regionLines.length ? regions[lastAtOrBefore(regionLines, line)] : undefined;
    const inRegion = state && state.line <= line ? regionSuppressor(state, issue.rule) : undefined;
    const suppressor =
      fileWide.find((d) => names(d, issue.rule)) ??
      byLine.get(line)?.find((d) => names(d, issue.rule)) ??
      inRegion;
    if (!suppressor) {
      out.push(issue);
      continue;
    }
    suppressor.used.add(suppressor.all ? ALL : issue.rule);
  }

  const unusedLevel = levelOf(RuleId.unusedSuppression);
  if (unusedLevel !== 'off') {
    for (const d of placed) {
      if (d.kind === 'enable') continue;
      if (d.all) {
        if (!d.used.has(ALL)) out.push(unused(msg('suppressesNothing', { kind: d.kind }), d.range, unusedLevel));
        continue;
      }
      for (const r of d.rules) {
        if (!d.used.has(r.id)) out.push(unused(msg('suppressesNoRule', { kind: d.kind, rule: r.id }), d.rules.length === 1 ? d.range : r.range, unusedLevel));
      }
    }
  }
  return out;
}

function names(d: Placed, rule: RuleId): boolean {
  return d.all || d.rules.some((r) => r.id === rule);
}

function regionSuppressor(state: RegionState, rule: RuleId): Placed | undefined {
  if (state.allBy && !state.except.has(rule)) return state.allBy;
  return state.byRule.get(rule);
}

/** Absolute directives in document order; reports unknown rule names into `out`. */
function placeDirectives(model: DigestModel, levelOf: (id: RuleId) => Severity | 'off', out: Issue[]): Placed[] {
  const placed: Placed[] = [];
  const invalidLevel = levelOf(RuleId.invalidSuppression);
  for (const { line, block } of model.marks?.directives ?? model.blocks) {
    for (const d of block.directives ?? []) placed.push(place(d, line, invalidLevel, out));
  }
  return placed;
}

function place(d: Directive, line: number, invalidLevel: Severity | 'off', out: Issue[]): Placed {
  const rules: { id: RuleId; range: Range }[] = [];
  for (const r of d.rules) {
    const range = shiftRange(r.range, line);
    if (isRuleId(r.name)) {
      rules.push({ id: r.name, range });
    } else if (invalidLevel !== 'off') {
      out.push({
        rule: RuleId.invalidSuppression,
        severity: invalidLevel,
        ...msg('unknownRuleInComment', { kind: d.kind, name: r.name, example: RuleId.invalidVote }),
        range,
      });
    }
  }
  // A list of only unknown names suppresses nothing, rather than everything.
  return { kind: d.kind, range: shiftRange(d.range, line), rules, all: d.rules.length === 0, used: new Set() };
}

function regionStates(placed: readonly Placed[]): RegionState[] {
  const states: RegionState[] = [];
  let allBy: Placed | undefined;
  let except = new Set<string>();
  let byRule = new Map<string, Placed>();
  for (const d of placed) {
    if (d.kind !== 'disable' && d.kind !== 'enable') continue;
    if (d.kind === 'disable') {
      if (d.all) {
        allBy = d;
        except = new Set();
      } else {
        byRule = new Map(byRule);
        except = new Set(except);
        for (const r of d.rules) {
          byRule.set(r.id, d);
          except.delete(r.id);
        }
      }
    } else if (d.all) {
      allBy = undefined;
      except = new Set();
      byRule = new Map();
    } else {
      byRule = new Map(byRule);
      except = new Set(except);
      for (const r of d.rules) {
        byRule.delete(r.id);
        if (allBy) except.add(r.id);
      }
    }
    states.push({ line: d.range.start.line, allBy, except, byRule });
  }
  return states;
}

function unused(message: { message: string; l10n: MessageRef }, range: Range, severity: Severity): Issue {
  return { rule: RuleId.unusedSuppression, severity, ...message, range };
}
