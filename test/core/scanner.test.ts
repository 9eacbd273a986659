// The line scanner on hand-written digests: the fields the index needs, and
// the places where a naive line scan would disagree with the full parser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, scanDigest, scanModel, splitAuthors } from '../../server/src/core';
import { digestText, doc, paperText } from '../helpers/digest';

const service = createLanguageService();

/** Scanner and full parser must agree; returns the scan. */
function scanAgrees(text: string) {
  const scanned = scanDigest(text);
  const model = service.getModel(doc(text, `file:///scan/${Math.random()}.md`));
  assert.deepEqual(scanned, model ? scanModel(model) : undefined);
  return scanned;
}

test('reads days, headings, ids, versions, titles, authors and votes', () => {
  const text = digestText('2025-01-23', [
    { id: '2501.00001v2', title: 'First *Paper*', vote: '7', authors: 'Ada Lovelace, Alan Turing' },
    { id: '2501.00002', title: 'Second', vote: null, authors: "['Grace Hopper', \"O'Neil, Cathy\"]" },
  ]);
  const s = scanAgrees(text);
  assert.ok(s);
  assert.deepEqual(s.days, [{ line: 0, level: 2, text: 'Daily Papers (2025-01-23)', date: '2025-01-23' }]);
  assert.equal(s.papers.length, 2);
  const [a, b] = s.papers;
  assert.deepEqual([a!.line, a!.title, a!.id, a!.version, a!.votes, a!.authors], [2, 'First Paper', '2501.00001', 2, '7', ['Ada Lovelace', 'Alan Turing']]);
  assert.equal(a!.headingEnd, text.split('\n')[2]!.length);
  assert.deepEqual([b!.title, b!.id, b!.version, b!.votes, b!.authors], ['Second', '2501.00002', undefined, undefined, ['Grace Hopper', "O'Neil, Cathy"]]);
});

test('not a digest without a level-2 day heading outside code, unless forced', () => {
  assert.equal(scanDigest('# Notes\n\n### [A](https://arxiv.org/abs/2501.00001)\n'), undefined);
  assert.equal(scanAgrees('```\n## Daily Papers (2025-01-01)\n```\n### [A](https://arxiv.org/abs/2501.00001)\n'), undefined);
  const forced = scanDigest('### [A](https://arxiv.org/abs/2501.00001)\n', 'setting');
  assert.deepEqual(forced?.papers.map((p) => [p.id, p.dayIndex]), [['2501.00001', -1]]);
});

test('papers after a non-day level-2 heading belong to no day and are left out', () => {
  const text = `${digestText('2025-01-23', [{ id: '2501.00001' }])}\n## Notes\n\n${paperText({ id: '2501.00002' })}`;
  assert.deepEqual(scanAgrees(text)?.papers.map((p) => p.id), ['2501.00001']);
});

test('an invalid day heading is a day without a date', () => {
  const text = `## Daily Papers (2025-02-30)\n\n${paperText({ id: '2501.00001' })}`;
  const s = scanAgrees(text);
  assert.equal(s?.days[0]?.date, undefined);
  assert.equal(s?.papers[0]?.dayIndex, 0);
});

test('lines the parser does not see as Vote/Authors are ignored alike', () => {
  const text = [
    '## Daily Papers (2025-01-23)',
    '',
    '### [Title with \\[brackets\\] &amp; `code` <b>html</b>](https://arxiv.org/pdf/2501.00001v3)',
    '',
    '- a bullet',
    'Vote: 99 (lazy continuation of the bullet)',
    '',
    '```',
    'Authors: In Code',
    '```',
    '',
    'Authors: Real Author',
    '',
    'Vote: 5',
    '',
  ].join('\n');
  const s = scanAgrees(text);
  assert.deepEqual([s?.papers[0]?.title, s?.papers[0]?.id, s?.papers[0]?.votes, s?.papers[0]?.authors], ['Title with [brackets] & code html', '2501.00001', '5', ['Real Author']]);
});

test('a heading without a valid arXiv link has no id; text around a link stays in the title', () => {
  const text = digestText('2025-01-23', [{ url: 'https://example.com/x', title: 'No Id' }]).replace('### [No Id]', '### 1. [No Id]');
  const s = scanAgrees(text);
  assert.deepEqual([s?.papers[0]?.title, s?.papers[0]?.id], ['1. No Id', undefined]);
});

test('splitAuthors reads both styles and drops empty names', () => {
  assert.deepEqual(splitAuthors('A, , B ,C'), ['A', 'B', 'C']);
  assert.deepEqual(splitAuthors("['A', 'B']"), ['A', 'B']);
  assert.deepEqual(splitAuthors(''), []);
});
