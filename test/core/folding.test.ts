import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/core';
import { doc, paperText } from '../helpers/digest';

const text = [
  '## Daily Papers (2025-01-23)',
  '',
  paperText({ id: '2501.00001', title: 'First' }).trimEnd(),
  '',
  paperText({ id: '2501.00002', title: 'Second' }).trimEnd(),
  '',
  '',
].join('\n');
const lines = text.split('\n');
const headingLines = lines.flatMap((l, i) => (l.startsWith('### ') ? [i] : []));
const lastBullet = (from: number): number => {
  let last = from;
  for (let i = from; i < lines.length && (i === from || !lines[i]!.startsWith('### ')); i++) if (lines[i]!.startsWith('- ')) last = i;
  return last;
};

test('folds the day and each paper, each paper up to its last text line', () => {
  const ranges = createLanguageService().getFoldingRanges(doc(text));
  const [first, second] = headingLines as [number, number];
  assert.deepEqual(ranges, [
    { startLine: 0, endLine: lastBullet(second) },
    { startLine: first, endLine: lastBullet(first) },
    { startLine: second, endLine: lastBullet(second) },
  ]);
});

test('a non-digest Markdown file gets no folding ranges from us', () => {
  assert.deepEqual(createLanguageService().getFoldingRanges(doc('# Notes\n\n### A heading\n\ntext\n')), []);
});

describe('folding: what a user sees in the gutter', () => {
  const ranges = (t: string) => createLanguageService().getFoldingRanges(doc(t));

  test('ranges are sorted by start line across days, with no fold for an empty day or a one-line paper', () => {
    const t = [
      '## Daily Papers (2025-01-24)', // 0
      '',
      '### [Later Day Paper](https://arxiv.org/abs/2501.00003)', // 2
      '- ***What\'s New***: x', // 3
      '',
      '## Daily Papers (2025-01-23)', // 5: no papers, so no fold
      '',
      'Nothing today.',
      '',
      '## Daily Papers (2025-01-22)', // 9
      '',
      '### [One Line](https://arxiv.org/abs/2501.00001)', // 11: one line, no fold
      '### [Two Lines](https://arxiv.org/abs/2501.00002)', // 12
      '- ***What\'s New***: y', // 13
      '',
    ].join('\n');
    assert.deepEqual(ranges(t), [
      { startLine: 0, endLine: 3 },
      { startLine: 2, endLine: 3 },
      { startLine: 9, endLine: 13 },
      { startLine: 12, endLine: 13 },
    ]);
  });

  test('the day fold reaches a heading-only paper on the last line of a file without a final newline', () => {
    const t = ['## Daily Papers (2025-01-23)', '', '### [A](https://arxiv.org/abs/2501.00001)', '- ***What\'s New***: x', '', '### [B](https://arxiv.org/abs/2501.00002)'].join('\n');
    assert.deepEqual(ranges(t), [
      { startLine: 0, endLine: 5 },
      { startLine: 2, endLine: 3 },
    ]);
  });

  test('an empty first day (line 0) gets no fold either', () => {
    const t = ['## Daily Papers (2025-01-24)', '', 'Nothing today.', '', '## Daily Papers (2025-01-23)', '', '### [A](https://arxiv.org/abs/2501.00001)', '- ***What\'s New***: x', ''].join('\n');
    assert.deepEqual(ranges(t), [
      { startLine: 4, endLine: 7 },
      { startLine: 6, endLine: 7 },
    ]);
  });

  test('whitespace-only lines after a paper are not part of its fold', () => {
    const t = ['## Daily Papers (2025-01-23)', '', '### [A](https://arxiv.org/abs/2501.00001)', '- ***What\'s New***: x', '   ', '\t', '', '### [B](https://arxiv.org/abs/2501.00002)', '- ***What\'s New***: y', '  '].join('\n');
    assert.deepEqual(ranges(t), [
      { startLine: 0, endLine: 8 },
      { startLine: 2, endLine: 3 },
      { startLine: 7, endLine: 8 },
    ]);
  });
});
