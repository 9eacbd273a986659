import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, normalizeSettings, type DigestSymbol } from '../../server/src/core';
import { digestText, doc, lineOf, paperText, rangeOf } from '../helpers/digest';
import { fixtureNames, fixtureSettings, fixtureUri, loadFixture } from '../helpers/fixtures';
import { symbolProblems } from '../helpers/symbols';

const symbols = (text: string, uri = 'file:///test/symbols.md'): DigestSymbol[] => createLanguageService().getDocumentSymbols(doc(text, uri), normalizeSettings({ files: ['**/forced.md'] }));

describe('document symbols', () => {
  const text = [
    '## Daily Papers (2025-01-23)',
    '',
    paperText({ id: '2501.12948', title: 'First Paper', vote: '96' }),
    paperText({ id: '2501.12949', title: 'Second Paper', vote: '-', sections: ["**What's New**: a", 'Plain bullet', '***Technical Detail***: b'] }),
    '## Daily Papers (2025-01-22)',
    '',
    paperText({ url: '/papers/2501.00001', title: 'Bad Link Paper', vote: '3' }),
  ].join('\n');
  const outline = symbols(text);

  test('day → papers → sections', () => {
    assert.deepEqual(
      outline.map((d) => [d.kind, d.name, d.detail, d.children.map((p) => [p.kind, p.name, p.detail, p.children.map((s) => `${s.kind}:${s.name}`)])]),
      [
        ['day', 'Daily Papers (2025-01-23)', '2 papers', [
          ['paper', 'First Paper', 'arXiv:2501.12948 · 96 votes', ["section:What's New", 'section:Technical Details', 'section:Performance Highlights']],
          ['paper', 'Second Paper', 'arXiv:2501.12949', ["section:What's New", 'section:Technical Detail']],
        ]],
        ['day', 'Daily Papers (2025-01-22)', '1 paper', [
          ['paper', 'Bad Link Paper', '3 votes', ["section:What's New", 'section:Technical Details', 'section:Performance Highlights']],
        ]],
      ],
    );
  });

  test('a day covers its papers; its selection is the heading line', () => {
    const [day1, day2] = outline;
    assert.ok(day1 && day2);
    assert.deepEqual(day1.selectionRange, rangeOf(text, '## Daily Papers (2025-01-23)'));
    assert.deepEqual(day1.range.start, { line: 0, character: 0 });
    const lastLine = rangeOf(text, '- ***Technical Detail***: b');
    assert.deepEqual(day1.range.end, lastLine.end, 'the first day ends where its last paper ends');
    assert.deepEqual(day2.selectionRange, rangeOf(text, '## Daily Papers (2025-01-22)'));
  });

  test('a paper covers its block without trailing blank lines; its selection is the heading', () => {
    const first = outline[0]?.children[0];
    assert.ok(first);
    const heading = rangeOf(text, '### [First Paper](https://arxiv.org/abs/2501.12948)');
    assert.deepEqual(first.selectionRange, heading);
    assert.deepEqual(first.range.start, heading.start);
    const last = rangeOf(text, '- ***Performance Highlights***: It finds every defect in the fixtures.');
    assert.deepEqual(first.range.end, last.end);
  });

  test('a section covers its bullet; its selection is the label', () => {
    const second = outline[0]?.children[1];
    assert.ok(second);
    const [whatsNew, detail] = second.children;
    assert.ok(whatsNew && detail);
    assert.deepEqual(whatsNew.range, rangeOf(text, "- **What's New**: a"));
    assert.deepEqual(whatsNew.selectionRange, rangeOf(text, "**What's New**:"));
    assert.deepEqual(detail.selectionRange, rangeOf(text, '***Technical Detail***:'));
  });

  test('a multi-line section covers all its lines', () => {
    const t = digestText('2025-01-23', [{ sections: ["***What's New***: one\n  two\n  three", '***Technical Details***: b', '***Performance Highlights***: c'] }]);
    const s = symbols(t)[0]?.children[0]?.children[0];
    assert.ok(s);
    assert.deepEqual(s.range, { start: { line: lineOf(t, 'one'), character: 0 }, end: { line: lineOf(t, 'three'), character: 7 } });
  });

  test('unicode titles keep their text; emphasis and code in titles become plain text', () => {
    const t = digestText('2025-01-23', [{ title: '𝔸-Bench: 수학 🚀 `code` and **bold**' }]);
    assert.equal(symbols(t)[0]?.children[0]?.name, '𝔸-Bench: 수학 🚀 code and bold');
  });

  test('a heading without a title still gets a name', () => {
    const t = '## Daily Papers (2025-01-23)\n\n### [](https://arxiv.org/abs/2501.12948)\n\nVote: 1\n';
    assert.equal(symbols(t)[0]?.children[0]?.name, '(untitled paper)');
  });

  test('papers of a file forced in by settings, with no day heading, are top-level symbols', () => {
    const t = `${paperText({ title: 'Orphan One' })}\n${paperText({ id: '2501.00002', title: 'Orphan Two' })}`;
    assert.deepEqual(symbols(t, 'file:///x/forced.md').map((s) => [s.kind, s.name]), [['paper', 'Orphan One'], ['paper', 'Orphan Two']]);
  });

  test('legacy bullets are not sections', () => {
    const t = digestText('2024-03-05', [{ sections: ['An unlabeled summary.', 'Another one.'] }]);
    assert.deepEqual(symbols(t)[0]?.children[0]?.children, []);
  });

  test('a Markdown file that is not a digest has no symbols', () => {
    assert.deepEqual(symbols('# README\n\n### [A](https://arxiv.org/abs/2501.12948)\n'), []);
  });

  test('a day with no papers covers just its heading', () => {
    const [day] = symbols('## Daily Papers (2025-01-23)\n\nNothing today.\n');
    assert.ok(day);
    assert.deepEqual(day.range, rangeOf('## Daily Papers (2025-01-23)', '## Daily Papers (2025-01-23)'));
    assert.equal(day.detail, '0 papers');
  });

  const fixtureProblems = fixtureNames().flatMap((name) => {
    const f = loadFixture(name).fixture;
    if (!f) return [{ message: `${name} does not parse` }];
    const tree = createLanguageService().getDocumentSymbols(doc(f.text, fixtureUri(name, f)), fixtureSettings(f));
    return symbolProblems(tree, f.text, name);
  });

  test('every fixture gives a well-formed symbol tree (children inside parents, selection inside range)', () => {
    assert.deepEqual(fixtureProblems.map((p) => p.message), []);
  });

  test('trailing whitespace on a paper\'s last line stays inside the paper symbol', () => {
    const t = `## Daily Papers (2025-01-23)\n\n${paperText({ sections: ["***What's New***: a", '***Technical Details***: b', '***Performance Highlights***: 요약\u3000'] })}`;
    const problems = symbolProblems(symbols(t), t, 'U+3000').concat(fixtureProblems);
    assert.deepEqual(problems.map((p) => p.message), []);
  });
});

describe('document symbols: labels a user writes without emphasis', () => {
  test('a plain "What\'s New:" bullet (colon only) is still a section in the outline; a plain bullet is not', () => {
    const text = digestText('2025-01-23', [{ title: 'Plain Labels', sections: ["What's New: written without stars.", 'Just a bullet without a label.', '***Technical Details***: x'] }]);
    const [day] = symbols(text);
    assert.deepEqual(day?.children[0]?.children.map((s) => [s.name, s.selectionRange]), [
      ["What's New", rangeOf(text, "What's New:")],
      ['Technical Details', rangeOf(text, '***Technical Details***:')],
    ]);
  });
});
