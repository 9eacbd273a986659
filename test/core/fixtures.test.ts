// Runs every test/fixtures/*.md through the core and checks the diagnostics
// against the inline markers (syntax: test/helpers/expectations.ts). The set
// of (code, range) must match exactly: nothing missing, nothing extra.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, getRule, type Issue, type RuleId } from '../../server/src/core';
import { matchDiagnostics, formatMismatch, toActual, type ActualDiagnostic } from '../helpers/compare';
import { doc, fmtRange } from '../helpers/digest';
import { applyFix, loadGolden, overlaps, saveGolden, UPDATE_ENV, type FixGolden, type FixRecord } from '../helpers/quickFixes';
import { fixtureNames, fixtureSettings, fixtureUri, lint, loadFixture, RULE_IDS, type LoadedFixture } from '../helpers/fixtures';
import type { ParsedFixture } from '../helpers/expectations';

const loaded: LoadedFixture[] = fixtureNames().map(loadFixture);
const golden: FixGolden = loadGolden();
const updatedGolden: Record<string, FixRecord[]> = {};

function lintFixture(l: LoadedFixture, f: ParsedFixture, text = f.text): Issue[] {
  return lint(text, fixtureUri(l.name, f), fixtureSettings(f));
}

/**
 * The one report a fix leaves on purpose: "Add the … section" inserts the label
 * with no text, for the writer to fill in, so that section is then reported as
 * empty (and only as empty).
 */
function leftForTheWriter(fixed: Issue, after: Issue): boolean {
  return fixed.rule === 'missing-section' && after.message.startsWith(`Section "${/"([^"]+)"/.exec(fixed.message)?.[1] ?? '\u0000'}" is empty`);
}

const key = (d: ActualDiagnostic): string => `${d.code} ${fmtRange(d.range)} ${d.message}`;

describe('fixtures', () => {
  after(() => {
    if (process.env[UPDATE_ENV]) saveGolden(updatedGolden);
  });

  test('the golden quick-fix file covers every fix of the fixtures it lists, and lists only existing fixtures', () => {
    const names = new Set(loaded.map((l) => l.name));
    assert.deepEqual(Object.keys(golden).filter((n) => !names.has(n)), []);
    assert.ok(Object.values(golden).flat().length >= 30, 'the golden file records the fixtures\' quick fixes');
  });

  test('there are fixtures, and every one parses', () => {
    assert.ok(loaded.length >= 10, `expected the fixture folder to hold fixtures, found ${loaded.length}`);
    const broken = loaded.filter((l) => l.error).map((l) => `${l.name}: ${l.error?.message}`);
    assert.deepEqual(broken, []);
  });

  test('every rule id is expected by at least one fixture', () => {
    const covered = new Set(loaded.flatMap((l) => (l.fixture?.expected ?? []).map((e) => e.code)));
    // Workspace rules need other files; test/core/workspaceIndex.test.ts covers them.
    const uncovered = [...RULE_IDS].filter((id) => !covered.has(id) && getRule(id as RuleId)?.scope !== 'workspace');
    assert.deepEqual(uncovered, [], `rules without a fixture: ${uncovered.join(', ')}`);
  });

  test('there is at least one clean digest fixture and one non-digest fixture', () => {
    const clean = loaded.filter((l) => l.fixture?.clean);
    assert.ok(clean.some((l) => l.source.includes('## Daily Papers (')), 'a clean digest fixture');
    assert.ok(loaded.some((l) => l.name === 'readme.md' && l.fixture?.clean), 'readme.md: a clean non-digest fixture');
  });

  test('control-characters.md still holds its raw control bytes (an editor may strip them)', () => {
    const source = loaded.find((l) => l.name === 'control-characters.md')?.source ?? '';
    for (const c of ['\b', '\f', '\u001b', '\u007f']) assert.ok(source.includes(c), `U+${c.charCodeAt(0).toString(16).padStart(4, '0')} in the fixture`);
  });

  for (const l of loaded) {
    const f = l.fixture;
    if (!f) continue;

    describe(l.name, () => {
      test('diagnostics match the inline expectations', () => {
        const actual = toActual(lintFixture(l, f));
        const mismatch = matchDiagnostics(f.expected, actual);
        const fixtureLine = (line: number): string => `${line}→${(f.fixtureLineOf[line] ?? -1) + 1}`;
        if (mismatch.missing.length || mismatch.unexpected.length) {
          assert.fail(`${l.name}: ${formatMismatch(mismatch, f.text, fixtureLine)}\n  (gutter: linted line → fixture file line, 1-based)`);
        }
        // "Clean" must mean "checked and fine", not "skipped": a clean fixture with a day
        // heading is parsed as a digest with papers; readme.md is not a digest at all.
        if (f.clean) {
          const model = createLanguageService().getModel(doc(f.text, fixtureUri(l.name, f)), fixtureSettings(f));
          if (l.name === 'readme.md') assert.equal(model, undefined, 'readme.md is not a digest');
          else if (f.text.includes('## Daily Papers (')) assert.ok(model && (model.papers.length > 0 || l.name === 'empty-digest.md'), `${l.name} is linted as a digest with papers`);
        }
      });

      test('markers do not change the diagnostics (linting the file as is)', () => {
        // Messages may quote line numbers, which move with the markers: compare code and range.
        const short = (d: ActualDiagnostic): string => `${d.code} ${fmtRange(d.range)}`;
        const stripped = toActual(lintFixture(l, f)).map(short).sort();
        const raw = toActual(lintFixture(l, f, l.source)).map((d) => {
          const start = f.textLineOf[d.range.start.line] ?? -1;
          const end = f.textLineOf[d.range.end.line] ?? -1;
          assert.ok(start >= 0 && end >= 0, `${d.code} ${fmtRange(d.range)} lands on a marker line of the raw fixture: ${d.message}`);
          return short({ ...d, range: { start: { ...d.range.start, line: start }, end: { ...d.range.end, line: end } } });
        });
        assert.deepEqual(raw.sort(), stripped);
      });

      test('CRLF line endings give the same diagnostics', () => {
        const lf = toActual(lintFixture(l, f)).map(key).sort();
        const crlf = toActual(lintFixture(l, f, f.text.replace(/\n/g, '\r\n'))).map(key).sort();
        assert.deepEqual(crlf, lf);
      });

      test('every quick fix writes the expected text and leaves no report of its rule where it wrote', (t) => {
        const issues = lintFixture(l, f);
        const failures: string[] = [];
        const records = [];
        for (const issue of issues) {
          if (!issue.fix) continue;
          const applied = applyFix(f.text, issue);
          records.push(applied.record);
          const after = lintFixture(l, f, applied.fixed);
          // The report itself is gone: same rule and message no longer at (or moved from) its place.
          const same = (list: readonly Issue[]): number => list.filter((x) => x.rule === issue.rule && x.message === issue.message).length;
          if (same(after) >= same(issues)) failures.push(`${issue.rule} at ${fmtRange(issue.range)}: "${issue.fix.title}" left "${issue.message}"`);
          // And the fix did not swap it for another report of the same rule on the text it wrote.
          const swapped = after.filter((x) => x.rule === issue.rule && overlaps(x.range, applied.written) && !leftForTheWriter(issue, x));
          for (const x of swapped) failures.push(`${issue.rule} at ${fmtRange(issue.range)}: "${issue.fix.title}" wrote ${JSON.stringify(applied.record.after.join('\n'))}, which is reported again: ${x.message}`);
        }
        assert.deepEqual(failures, []);
        if (process.env[UPDATE_ENV]) {
          updatedGolden[l.name] = records;
          return;
        }
        if (!(l.name in golden)) {
          // A fixture added after the golden file was written (perhaps on another branch): the checks above still ran.
          if (records.length) t.diagnostic(`${l.name}: ${records.length} quick fix(es) not pinned in test/fixtures/quick-fixes.json; run ${UPDATE_ENV}=1 node scripts/run-tests.mjs fixtures.test and review the diff`);
          return;
        }
        assert.deepEqual(records, golden[l.name], `${l.name}: quick fixes differ from test/fixtures/quick-fixes.json`);
      });
    });
  }
});
