import { test } from 'node:test';
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
