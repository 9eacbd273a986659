// What a quick fix does to a fixture, written down literally in
// test/fixtures/quick-fixes.json, and where in the fixed text it wrote.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue, Range } from '../../server/src/core';
import { applyEdits, fmtRange, offsetAt, positionAt } from './digest';
import { FIXTURES_DIR } from './paths';

export const QUICK_FIXES_FILE = join(FIXTURES_DIR, 'quick-fixes.json');
/** Set to rewrite the golden file from the current code; review the diff before committing it. */
export const UPDATE_ENV = 'UPDATE_QUICK_FIXES';

/** One fix as the golden file records it: the whole lines it rewrote, before and after. */
export interface FixRecord {
  readonly rule: string;
  readonly range: string;
  readonly title: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export type FixGolden = Record<string, readonly FixRecord[]>;

export function loadGolden(): FixGolden {
  return existsSync(QUICK_FIXES_FILE) ? (JSON.parse(readFileSync(QUICK_FIXES_FILE, 'utf8')) as FixGolden) : {};
}

export function saveGolden(golden: FixGolden): void {
  const sorted = Object.fromEntries(Object.keys(golden).sort().map((k) => [k, golden[k]]));
  writeFileSync(QUICK_FIXES_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
}

export interface AppliedFix {
  readonly fixed: string;
  /** Where the edits' new text sits in the fixed text (from the first edit's start to the last edit's end). */
  readonly written: Range;
  readonly record: FixRecord;
}

export function applyFix(text: string, issue: Issue): AppliedFix {
  const fix = issue.fix;
  if (!fix || fix.edits.length === 0) throw new Error(`${issue.rule} at ${fmtRange(issue.range)}: no edits to apply`);
  const fixed = applyEdits(text, fix.edits);
  const starts = fix.edits.map((e) => offsetAt(text, e.range.start));
  const ends = fix.edits.map((e) => offsetAt(text, e.range.end));
  const from = Math.min(...starts);
  const oldTo = Math.max(...ends);
  const newTo = oldTo + fixed.length - text.length;
  const written = { start: positionAt(fixed, from), end: positionAt(fixed, newTo) };
  const lines = (t: string, a: number, b: number): string[] => {
    const ls = t.split('\n');
    return ls.slice(positionAt(t, a).line, positionAt(t, b).line + 1);
  };
  return {
    fixed,
    written,
    record: { rule: issue.rule, range: fmtRange(issue.range), title: fix.title, before: lines(text, from, oldTo), after: lines(fixed, from, newTo) },
  };
}

export function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  // Touching counts as overlapping: an empty insertion right at a report still means the fix wrote there.
  return !before(a.end, b.start) && !before(b.end, a.start);
}
