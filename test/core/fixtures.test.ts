// Runs every test/fixtures/*.md through the core and checks the diagnostics
// against the inline markers (syntax: test/helpers/expectations.ts). The set
// of (code, range) must match exactly: nothing missing, nothing extra.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getRule, type Issue, type RuleId } from '../../server/src/core';
import { matchDiagnostics, formatMismatch, toActual, type ActualDiagnostic } from '../helpers/compare';
import { applyEdits, fmtRange } from '../helpers/digest';
import { fixtureNames, fixtureSettings, fixtureUri, lint, loadFixture, RULE_IDS, type LoadedFixture } from '../helpers/fixtures';
import type { ParsedFixture } from '../helpers/expectations';

const loaded: LoadedFixture[] = fixtureNames().map(loadFixture);

function lintFixture(l: LoadedFixture, f: ParsedFixture, text = f.text): Issue[] {
  return lint(text, fixtureUri(l.name, f), fixtureSettings(f));
}

const key = (d: ActualDiagnostic): string => `${d.code} ${fmtRange(d.range)} ${d.message}`;

describe('fixtures', () => {
  test('there are fixtures, and every one parses', () => {
    assert.ok(loaded.length >= 10, `expected the fixture folder to hold fixtures, found ${loaded.length}`);
    const broken = loaded.filter((l) => l.error).map((l) => `${l.name}: ${l.error?.message}`);
    assert.deepEqual(broken, []);
  });

  test('every rule id is expected by at least one fixture', () => {
    const covered = new Set(loaded.flatMap((l) => (l.fixture?.options.todo ? [] : (l.fixture?.expected ?? []).map((e) => e.code))));
    // Workspace rules need other files; test/core/workspaceIndex.test.ts covers them.
    const uncovered = [...RULE_IDS].filter((id) => !covered.has(id) && getRule(id as RuleId)?.scope !== 'workspace');
    assert.deepEqual(uncovered, [], `rules without a fixture: ${uncovered.join(', ')}`);
  });

  test('there is at least one clean digest fixture and one non-digest fixture', () => {
    const clean = loaded.filter((l) => l.fixture?.clean && !l.fixture.options.todo);
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
      test('diagnostics match the inline expectations', f.options.todo ? { todo: f.options.todo } : {}, () => {
        const actual = toActual(lintFixture(l, f));
        const mismatch = matchDiagnostics(f.expected, actual);
        const fixtureLine = (line: number): string => `${line}→${(f.fixtureLineOf[line] ?? -1) + 1}`;
        if (mismatch.missing.length || mismatch.unexpected.length) {
          assert.fail(`${l.name}: ${formatMismatch(mismatch, f.text, fixtureLine)}\n  (gutter: linted line → fixture file line, 1-based)`);
        }
        if (f.clean) assert.equal(actual.length, 0);
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

      test('every quick fix removes the diagnostic it belongs to', () => {
        const issues = lintFixture(l, f);
        const count = (list: readonly Issue[], i: Issue): number => list.filter((x) => x.rule === i.rule && x.message === i.message).length;
        const failures: string[] = [];
        for (const issue of issues) {
          if (!issue.fix) continue;
          assert.ok(issue.fix.edits.length > 0, `${issue.rule}: a fix without edits`);
          const fixed = applyEdits(f.text, issue.fix.edits);
          const after = lintFixture(l, f, fixed);
          if (count(after, issue) >= count(issues, issue)) {
            const line = fixed.split('\n')[issue.range.start.line] ?? '';
            failures.push(`${issue.rule} at ${fmtRange(issue.range)}: "${issue.fix.title}" left "${issue.message}"; the line became ${JSON.stringify(line)}`);
          }
        }
        assert.deepEqual(failures, []);
      });
    });
  }
});
