// Fix-all: certain fixes only, never overlapping, idempotent; checked on
// planted defects and on every fixture. Also the fixes the issue asked for.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createLanguageService,
  defaultSettings,
  describeLetters,
  fixAllEdits,
  fixAllText,
  minimalEdit,
  normalizeSettings,
  selectFixes,
  type DigestSettings,
  type Issue,
} from '../../server/src/core';
import { applyEdits, digestText, doc, paperText, rangeOf, thumbnailFor } from '../helpers/digest';
import { fixtureNames, fixtureSettings, fixtureUri, lint as lintFixtureText, loadFixture } from '../helpers/fixtures';

function linter(settings: DigestSettings = defaultSettings, uri = 'file:///test/fix.md'): (t: string) => Issue[] {
  return (t) => createLanguageService().computeDiagnostics(doc(t, uri), settings) ?? [];
}
const key = (i: Issue): string => `${i.rule}|${i.message}`;

function multiset(issues: readonly Issue[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of issues) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}

/** Fix-all, re-check, fix-all again: the invariants the issue asks for. */
function assertFixAllSound(name: string, text: string, lint: (t: string) => Issue[]): number {
  const before = lint(text);
  const result = fixAllText(text, lint);
  const after = lint(result.text);
  assert.deepEqual(after.filter((i) => i.fix?.certain).map(key), [], `${name}: a certain fix is left after fix-all`);
  // Nothing new: every issue after fix-all was there before, and no fixed one remains.
  const was = multiset(before);
  for (const [k, n] of multiset(after)) assert.ok((was.get(k) ?? 0) >= n, `${name}: fix-all introduced "${k}"`);
  for (const a of result.applied) {
    const left = after.filter((i) => key(i) === key(a.issue)).length;
    assert.ok(left < (was.get(key(a.issue)) ?? 0), `${name}: "${key(a.issue)}" is still there after its fix`);
  }
  const second = fixAllText(result.text, lint);
  assert.equal(second.passes, 0, `${name}: a second fix-all made an edit`);
  assert.equal(second.text, result.text);
  assert.deepEqual(fixAllEdits(result.text, lint), []);
  return result.applied.length;
}

const CLEAN_SECTIONS = [
  "***What's New***: A new method for testing digests.",
  '***Technical Details***: It parses Markdown and checks each paper.',
  '***Performance Highlights***: It finds every defect in the fixtures.',
];

describe('fix-all on planted defects', () => {
  const defective = digestText('2025-02-03', [
    { id: '2502.00917', title: 'Confusable', url: 'https://arxiv.org/abs/2502.O0917' },
    { id: '2502.00001', title: 'Pdf', url: 'https://arxiv.org/pdf/2502.00001v2' },
    { id: '2502.00002', title: 'Relative', url: '/papers/2502.00002' },
    { id: '2502.00003', title: 'No Thumbnail', thumbnail: null },
    { id: '2502.00004', title: 'Label', sections: ["***Whats New***: a.", '***Technical Details***: b.', '***Performance Highlights***: c.'] },
    { id: '2502.00005', title: 'Dash', vote: '-' },
    { id: '2502.00006', title: 'Mismatch', thumbnail: thumbnailFor('2502.99999') },
  ]);
  const expected = digestText('2025-02-03', [
    { id: '2502.00917', title: 'Confusable' },
    { id: '2502.00001', title: 'Pdf', url: 'https://arxiv.org/abs/2502.00001v2' },
    { id: '2502.00002', title: 'Relative' },
    { id: '2502.00003', title: 'No Thumbnail' },
    { id: '2502.00004', title: 'Label', sections: ["***What's New***: a.", '***Technical Details***: b.', '***Performance Highlights***: c.'] },
    { id: '2502.00005', title: 'Dash', vote: '-' },
    { id: '2502.00006', title: 'Mismatch', thumbnail: thumbnailFor('2502.99999') },
  ]);

  test('applies exactly the certain fixes and leaves guesses (vote, thumbnail mismatch) alone', () => {
    const lint = linter();
    const result = fixAllText(defective, lint);
    assert.equal(result.text, expected);
    assert.deepEqual(result.applied.map((a) => a.issue.rule).sort(), ['malformed-arxiv-link', 'malformed-arxiv-link', 'mislabelled-section', 'missing-thumbnail', 'non-canonical-arxiv-link']);
    assert.deepEqual(lint(result.text).map((i) => i.rule).sort(), ['invalid-vote', 'thumbnail-mismatch']);
    assertFixAllSound('planted', defective, lint);
  });

  test('CRLF text keeps CRLF, including in inserted lines', () => {
    const crlf = defective.replace(/\n/g, '\r\n');
    const result = fixAllText(crlf, linter());
    assert.equal(result.text, expected.replace(/\n/g, '\r\n'));
    assert.ok(!/[^\r]\n/.test(result.text));
  });

  test('fixAllEdits applied as an editor does gives the same text', () => {
    const lint = linter();
    assert.equal(applyEdits(defective, fixAllEdits(defective, lint)), fixAllText(defective, lint).text);
  });

  test('a clean digest gets no edit', () => {
    const clean = digestText('2025-01-23', [{ id: '2501.00001', sections: CLEAN_SECTIONS }]);
    assert.deepEqual(fixAllEdits(clean, linter()), []);
  });

  test('fix-all respects configured levels: a rule turned off is not fixed', () => {
    const lint = linter(normalizeSettings({ rules: { 'non-canonical-arxiv-link': 'off' } }));
    const t = digestText('2025-01-23', [{ id: '2501.00001', url: 'http://arxiv.org/abs/2501.00001' }]);
    assert.equal(fixAllText(t, lint).text, t);
  });
});

describe('selectFixes', () => {
  const r = (line: number, a: number, b: number) => ({ start: { line, character: a }, end: { line, character: b } });
  const issue = (range: ReturnType<typeof r>, newText: string, certain = true): Issue => ({
    rule: 'mislabelled-section',
    severity: 'warning',
    message: newText,
    range,
    fix: { title: newText, edits: [{ range, newText }], certain },
  });

  test('overlapping and same-point edits are deferred; uncertain ones are skipped; duplicates applied once', () => {
    const text = 'abcdefghij\n';
    const picked = selectFixes(text, [issue(r(0, 2, 5), 'X'), issue(r(0, 4, 6), 'Y'), issue(r(0, 5, 5), 'Z'), issue(r(0, 6, 6), 'W'), issue(r(0, 6, 6), 'V'), issue(r(0, 8, 9), 'U', false), issue(r(0, 2, 5), 'X')]);
    assert.deepEqual(picked.edits.map((e) => [e.start, e.end, e.newText]), [[2, 5, 'X'], [5, 5, 'Z'], [6, 6, 'W']]);
  });

  test('touching edits (one ends where the next starts) are both applied', () => {
    const picked = selectFixes('abcdef', [issue(r(0, 0, 2), 'A'), issue(r(0, 2, 4), 'B')]);
    assert.equal(picked.edits.length, 2);
  });
});

describe('minimalEdit', () => {
  test('covers only the changed span', () => {
    assert.equal(minimalEdit('same', 'same'), undefined);
    const e = minimalEdit('line one\nline two\nline three\n', 'line one\nline 2\nline three\n');
    assert.deepEqual(e, { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 8 } }, newText: '2' });
    assert.equal(applyEdits('aXa', [minimalEdit('aXa', 'aa')!]), 'aa');
  });
});

describe('the fixes the issue names', () => {
  test('missing section: inserted in the configured order, with a snippet for the cursor', () => {
    const t = digestText('2025-01-23', [{ id: '2501.00001', sections: [CLEAN_SECTIONS[0]!, CLEAN_SECTIONS[2]!] }]);
    const issue = linter()(t).find((i) => i.rule === 'missing-section')!;
    assert.equal(issue.fix?.certain, undefined, 'adds an empty section: not part of fix-all');
    const fixed = applyEdits(t, issue.fix!.edits);
    const order = ["What's New", 'Technical Details', 'Performance Highlights'].map((l) => fixed.indexOf(`***${l}***`));
    assert.deepEqual([...order].sort((a, b) => a - b), order, `in order:\n${fixed}`);
    assert.ok(order.every((o) => o >= 0));
    assert.equal(issue.fix!.edits[0]!.snippet, '- ***Technical Details***: $0\n');
  });

  test('missing first section goes before the others; missing last goes after the previous one', () => {
    const first = digestText('2025-01-23', [{ id: '2501.00001', sections: [CLEAN_SECTIONS[1]!, CLEAN_SECTIONS[2]!, '***Other***: x'] }]);
    const f1 = applyEdits(first, linter()(first).find((i) => i.rule === 'missing-section')!.fix!.edits);
    assert.ok(f1.indexOf("***What's New***") < f1.indexOf('***Technical Details***'));
    const last = digestText('2025-01-23', [{ id: '2501.00001', sections: [CLEAN_SECTIONS[0]!, CLEAN_SECTIONS[1]!, '***Other***: x'] }]);
    const f2 = applyEdits(last, linter()(last).find((i) => i.rule === 'missing-section')!.fix!.edits);
    assert.ok(f2.indexOf('***Performance Highlights***') > f2.indexOf('***Technical Details***'));
    assert.ok(f2.indexOf('***Performance Highlights***') < f2.indexOf('***Other***'), 'right after the previous required section');
  });

  test('custom section order from requiredSections', () => {
    const s = normalizeSettings({ requiredSections: ['B', 'A', 'C'] });
    const t = digestText('2025-01-23', [{ id: '2501.00001', sections: ['***B***: b', '***C***: c'] }]);
    const fixed = applyEdits(t, linter(s)(t).find((i) => i.rule === 'missing-section')!.fix!.edits);
    assert.ok(fixed.indexOf('***B***') < fixed.indexOf('***A***') && fixed.indexOf('***A***') < fixed.indexOf('***C***'), fixed);
  });

  test('confusable letters: O→0, o→0, l→1, I→1, only when the result is valid and matches the thumbnail', () => {
    const cases: [string, string | undefined, string | null | undefined][] = [
      ['2502.O0917', '2502.00917', undefined],
      ['2502.o0917', '2502.00917', undefined],
      ['2502.l0917', '2502.10917', undefined],
      ['25O2.I0917', '2502.10917', undefined],
      ['2502.O0917v2', '2502.00917v2', undefined],
      ['2502.O0917', undefined, thumbnailFor('2502.00918')],
      ['2502.O0917', '2502.00917', null],
      ['2502.x0917', undefined, undefined],
      ['2502.O0917x', undefined, undefined],
      ['2513.O0917', undefined, undefined],
    ];
    for (const [raw, wanted, thumbnail] of cases) {
      const t = digestText('2025-02-28', [{ id: (wanted ?? '2502.00917').replace(/v\d+$/, ''), url: `https://arxiv.org/abs/${raw}`, ...(thumbnail !== undefined ? { thumbnail } : {}) }]);
      const issue = linter()(t).find((i) => i.rule === 'malformed-arxiv-link');
      assert.ok(issue, raw);
      if (wanted === undefined) {
        assert.equal(issue.fix?.certain ?? false, false, `${raw}: no certain fix`);
        continue;
      }
      assert.equal(issue.fix?.title, `Change the id to ${wanted}`, raw);
      assert.equal(issue.fix?.certain, true);
      assert.deepEqual(issue.fix?.edits[0]?.range, rangeOf(t, raw), `${raw}: the edit covers the id only`);
    }
  });

  test('a thumbnail with the same typo is corrected with the link', () => {
    const t = digestText('2025-02-03', [{ id: '2502.00917', url: 'https://arxiv.org/abs/2502.O0917', thumbnail: thumbnailFor('2502.O0917') }]);
    const fixed = fixAllText(t, linter()).text;
    assert.equal(fixed, digestText('2025-02-03', [{ id: '2502.00917' }]));
    assert.deepEqual(linter()(fixed), []);
  });

  test('the letters message names each wrong character and its position', () => {
    assert.equal(describeLetters('2502.O0917'), 'the 6th character is the letter O, not the digit 0');
    assert.equal(describeLetters('2501.2200x'), 'the 10th character is the letter x, not a digit');
    assert.equal(describeLetters('l5O2.I0917'), 'the 1st character is the letter l, not the digit 1, the 3rd is the letter O, not the digit 0, the 6th is the letter I, not the digit 1');
    assert.equal(describeLetters('a2b3.cde12'), 'the 1st character is the letter a, not a digit, the 3rd is the letter b, not a digit, the 6th is the letter c, not a digit, and 2 more');
    assert.equal(describeLetters('2502.0091a1b2c3d4e'), 'the 10th character is the letter a, not a digit, the 12th is the letter b, not a digit, the 14th is the letter c, not a digit, and 2 more');
    const t = digestText('2025-02-03', [{ id: '2502.00917', url: 'https://arxiv.org/abs/2502.O0917' }]);
    assert.match(linter()(t)[0]?.message ?? '', /contains letters: the 6th character is the letter O, not the digit 0;/);
  });

  test('duplicate paper: "Remove this entry" deletes the later block only, and is not in fix-all', () => {
    const a = paperText({ id: '2501.00001', title: 'First' });
    const b = paperText({ id: '2501.00001', title: 'Again' });
    const c = paperText({ id: '2501.00003', title: 'Third' });
    const t = `## Daily Papers (2025-01-23)\n\n${a}\n${b}\n${c}`;
    const issue = linter()(t).find((i) => i.rule === 'duplicate-paper')!;
    assert.equal(issue.fix?.title, 'Remove this entry');
    assert.equal(issue.fix?.certain, false);
    assert.equal(applyEdits(t, issue.fix!.edits), `## Daily Papers (2025-01-23)\n\n${a}\n${c}`);
    assert.equal(fixAllText(t, linter()).text, t);
    // The last entry: deleted up to its end.
    const last = `## Daily Papers (2025-01-23)\n\n${a}\n${b}`;
    const lastIssue = linter()(last).find((i) => i.rule === 'duplicate-paper')!;
    assert.equal(applyEdits(last, lastIssue.fix!.edits).trimEnd(), `## Daily Papers (2025-01-23)\n\n${a}`.trimEnd());
  });

  test('missing thumbnail and thumbnail mismatch are fixed from the paper id; only the first is certain', () => {
    const t = digestText('2025-01-23', [{ id: '2501.00001', title: 'A', thumbnail: null }, { id: '2501.00002', title: 'B', thumbnail: thumbnailFor('2501.00009') }]);
    const issues = linter()(t);
    const missing = issues.find((i) => i.rule === 'missing-thumbnail')!;
    const mismatch = issues.find((i) => i.rule === 'thumbnail-mismatch')!;
    assert.equal(missing.fix?.certain, true);
    assert.ok(missing.fix?.edits[0]?.newText.includes(thumbnailFor('2501.00001')));
    assert.equal(mismatch.fix?.certain, undefined);
    assert.equal(mismatch.fix?.edits[0]?.newText, thumbnailFor('2501.00002'));
  });

  test('Vote: - gets no fix', () => {
    const t = digestText('2025-01-23', [{ id: '2501.00001', vote: '-' }]);
    assert.equal(linter()(t)[0]?.fix, undefined);
  });
});

describe('fix-all on every fixture', () => {
  for (const name of fixtureNames()) {
    test(name, () => {
      const l = loadFixture(name);
      const f = l.fixture;
      assert.ok(f, `${name} parses`);
      const settings = fixtureSettings(f);
      const uri = fixtureUri(name, f);
      const lint = (t: string): Issue[] => lintFixtureText(t, uri, settings);
      assertFixAllSound(name, f.text, lint);
      assertFixAllSound(`${name} (CRLF)`, f.text.replace(/\n/g, '\r\n'), lint);
    });
  }

  test('some fixture has certain fixes (the loop above is not vacuous)', () => {
    const total = fixtureNames().reduce((n, name) => {
      const f = loadFixture(name).fixture!;
      const lint = (t: string): Issue[] => lintFixtureText(t, fixtureUri(name, f), fixtureSettings(f));
      return n + fixAllText(f.text, lint).applied.length;
    }, 0);
    assert.ok(total >= 5, `fix-all applied ${total} fixes over the fixtures`);
  });
});
