// Fix-all: applies every certain fix of a document at once. Fixes that would
// overlap are left for the next pass; passes repeat until nothing certain is
// left, so a second fix-all makes no edit.

import { LineIndex } from '../parse/lineIndex';
import type { Fix, Issue, TextEdit } from '../rules';


/** ESLint stops after ten passes too: a fix that undoes another must not loop. */
export const MAX_FIX_PASSES = 10;

export interface AppliedFix {
  readonly issue: Issue;
  /** 1-based pass in which it was applied. */
  readonly pass: number;
}

export interface FixAllResult {
  readonly text: string;
  readonly applied: readonly AppliedFix[];
  readonly passes: number;
}

interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** True for fixes fix-all may apply. */
export function isCertain(fix: Fix | undefined): fix is Fix {
  return fix?.certain === true && fix.edits.length > 0;
}

/**
 * The certain fixes of one pass that do not touch each other, in text order.
 * Two edits conflict when they overlap or insert at the same point: applying
 * both would depend on their order.
 */
export function selectFixes(text: string, issues: readonly Issue[]): { readonly issues: Issue[]; readonly edits: OffsetEdit[] } {
  const index = new LineIndex(text);
  const candidates = issues
    .filter((i) => isCertain(i.fix))
    .map((issue) => ({ issue, edits: (issue.fix as Fix).edits.map((e) => toOffsets(index, e)).sort((a, b) => a.start - b.start) }))
    .sort((a, b) => (a.edits[0]?.start ?? 0) - (b.edits[0]?.start ?? 0));
  const chosen: Issue[] = [];
  const edits: OffsetEdit[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    // The same fix reported twice (two rules, one edit) is applied once.
    const key = JSON.stringify(c.edits);
    if (seen.has(key)) continue;
    if (c.edits.some((e) => edits.some((taken) => conflicts(e, taken)))) continue;
    seen.add(key);
    chosen.push(c.issue);
    edits.push(...c.edits);
  }
  edits.sort((a, b) => a.start - b.start);
  return { issues: chosen, edits };
}

function conflicts(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

function toOffsets(index: LineIndex, e: TextEdit): OffsetEdit {
  return { start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText };
}

/** The line break a text mostly uses, so inserted lines match it. */
export function lineBreakOf(text: string): '\r\n' | '\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

/** Applies sorted, non-overlapping offset edits. */
function applyOffsetEdits(text: string, edits: readonly OffsetEdit[], eol: string): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + (eol === '\n' ? e.newText : e.newText.replace(/\r?\n/g, eol));
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * Applies certain fixes in passes until none is left. `lint` checks a text
 * the way the caller does (same settings, configuration and suppressions).
 */
export function fixAllText(text: string, lint: (text: string) => readonly Issue[]): FixAllResult {
  const eol = lineBreakOf(text);
  const applied: AppliedFix[] = [];
  let current = text;
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const { issues, edits } = selectFixes(current, lint(current));
    if (edits.length === 0) break;
    passes++;
    const next = applyOffsetEdits(current, edits, eol);
    for (const issue of issues) applied.push({ issue, pass: passes });
    if (next === current) break;
    current = next;
  }
  return { text: current, applied, passes };
}

/**
 * One edit that turns `before` into `after`: the span between their common
 * prefix and suffix. Small enough for an editor to keep the cursor and undo.
 */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  const index = new LineIndex(before);
  const range = { start: index.positionAt(start), end: index.positionAt(endBefore) };
  return { range, newText: after.slice(start, endAfter) };
}

/**
 * The edits of fix-all as a list an editor applies at once: the first pass's
 * own edits when one pass fixed everything, else one edit over the changed span.
 */
export function fixAllEdits(text: string, lint: (text: string) => readonly Issue[]): TextEdit[] {
  const result = fixAllText(text, lint);
  if (result.passes === 0) return [];
  if (result.passes === 1) {
    const index = new LineIndex(text);
    const eol = lineBreakOf(text);
    return selectFixes(text, lint(text)).edits.map((e) => ({
      range: { start: index.positionAt(e.start), end: index.positionAt(e.end) },
      newText: eol === '\n' ? e.newText : e.newText.replace(/\r?\n/g, eol),
    }));
  }
  const edit = minimalEdit(text, result.text);
  return edit ? [edit] : [];
}

