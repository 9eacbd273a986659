// Fix-all's own decisions on hand-made issues, where the rules' real fixes
// never reach: fixes given out of text order, a multi-edit fix around another,
// adjacent edits, a fix that changes nothing, a fix that never ends, CRLF
// documents, and the single edit of a multi-pass run. Each case was a
// surviving Stryker mutant of server/src/core/fix/fixAll.ts (2026-11-25).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAllEdits, fixAllText, isCertain, lineBreakOf, MAX_FIX_PASSES, minimalEdit, selectFixes, type Issue } from '../../server/src/core';

/** A certain fix on line 0 replacing [from, to) with `text`; more edits as further triples. */
function issue(...edits: [number, number, string][]): Issue {
  return {
    rule: 'invalid-vote',
    severity: 'warning',
    message: `fix ${edits.map(([a, b, t]) => `${a}-${b}:${t}`).join(',')}`,
    range: { start: { line: 0, character: edits[0]![0] }, end: { line: 0, character: edits[0]![1] } },
    fix: {
      title: 'fix',
      certain: true,
      edits: edits.map(([from, to, newText]) => ({ range: { start: { line: 0, character: from }, end: { line: 0, character: to } }, newText })),
    },
  };
}

describe('choosing the fixes of one pass', () => {
  test('a certain fix without edits is not a fix-all fix', () => {
    assert.equal(isCertain({ title: 'nothing', certain: true, edits: [] }), false);
    assert.equal(isCertain(issue([0, 1, 'x']).fix), true);
  });

  test('fixes come back in text order, whatever order the rules reported them in', () => {
    const late = issue([6, 7, 'L']);
    const early = issue([1, 2, 'E']);
    const r = selectFixes('0123456789', [late, early]);
    assert.deepEqual(r.issues, [early, late]);
    assert.deepEqual(r.edits.map((e) => e.start), [1, 6]);
  });

  test('of two overlapping fixes the one earlier in the text wins, whatever the report order', () => {
    const first = issue([2, 5, 'A']);
    const second = issue([4, 7, 'B']);
    for (const order of [[first, second], [second, first]]) {
      assert.deepEqual(selectFixes('0123456789', order).issues, [first]);
    }
  });

  test('a fix whose own edits come out of order is placed by its first edit in the text', () => {
    const spread = issue([8, 9, 'z'], [0, 1, 'a']);
    const middle = issue([4, 5, 'm']);
    const r = selectFixes('0123456789', [middle, spread]);
    assert.deepEqual(r.issues, [spread, middle]);
    assert.deepEqual(r.edits.map((e) => e.start), [0, 4, 8]);
  });

  test('one conflicting edit keeps the whole fix out', () => {
    const taken = issue([2, 4, 'T']);
    const half = issue([3, 4, 'x'], [8, 9, 'y']);
    assert.deepEqual(selectFixes('0123456789', [taken, half]).issues, [taken]);
  });

  test('edits that only touch (one ends where the next starts) both apply', () => {
    const r = fixAllText('0123456789', (t) => (t === '0123456789' ? [issue([0, 5, 'A']), issue([5, 8, 'B'])] : []));
    assert.equal(r.text, 'AB89');
  });

  test('a fix that ends where an edit of a taken multi-edit fix starts applies too', () => {
    const around = issue([0, 1, 'a'], [8, 9, 'z']);
    const before = issue([6, 8, 'b']);
    assert.deepEqual(selectFixes('0123456789', [around, before]).issues, [around, before]);
  });

  test('a fix inside the span of a multi-edit fix, but touching none of its edits, applies too', () => {
    const around = issue([0, 1, 'a'], [8, 9, 'z']);
    const inside = issue([4, 5, 'm']);
    assert.deepEqual(selectFixes('0123456789', [around, inside]).issues, [around, inside]);
  });
});

describe('passes', () => {
  test('a fix that changes nothing ends fix-all after one pass', () => {
    const r = fixAllText('abc', () => [issue([0, 1, 'a'])]);
    assert.equal(r.passes, 1);
    assert.equal(r.text, 'abc');
  });

  test('a fix that never runs out stops after MAX_FIX_PASSES passes', () => {
    const r = fixAllText('', (t) => [issue([t.length, t.length, 'x'])]);
    assert.equal(r.passes, MAX_FIX_PASSES);
    assert.equal(r.text, 'x'.repeat(MAX_FIX_PASSES));
  });

  test('several passes give one edit over the changed span', () => {
    // Pass 1 turns "a" into "b", pass 2 "b" into "c".
    const lint = (t: string): Issue[] => (t === 'xa' ? [issue([1, 2, 'b'])] : t === 'xb' ? [issue([1, 2, 'c'])] : []);
    assert.deepEqual(fixAllEdits('xa', lint), [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, newText: 'c' }]);
  });
});

describe('line breaks', () => {
  test('the document\'s own line break is the one before its first LF', () => {
    assert.equal(lineBreakOf('a\r\nb\nc'), '\r\n');
    assert.equal(lineBreakOf('a\nb\r\nc'), '\n');
    assert.equal(lineBreakOf('\r\nb'), '\r\n');
    assert.equal(lineBreakOf('no break'), '\n');
  });

  test('in an LF document a fix\'s text goes in as the rule wrote it', () => {
    const lint = (t: string): Issue[] => (t === 'ab\ncd' ? [issue([1, 1, '1\r\n2'])] : []);
    assert.equal(fixAllText('ab\ncd', lint).text, 'a1\r\n2b\ncd');
    assert.equal(fixAllEdits('ab\ncd', lint)[0]?.newText, '1\r\n2');
  });

  test('in a CRLF document the inserted lines get CRLF, in fix-all text and in the edits', () => {
    const text = 'ab\r\ncd';
    const lint = (t: string): Issue[] => (t === text ? [issue([1, 1, '1\n2'])] : []);
    assert.equal(fixAllText(text, lint).text, 'a1\r\n2b\r\ncd');
    assert.deepEqual(fixAllEdits(text, lint), [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, newText: '1\r\n2' }]);
  });
});

describe('the minimal edit', () => {
  test('a repeated letter added or removed at the end is one letter at the end, not a shifted span', () => {
    assert.deepEqual(minimalEdit('aa', 'aaa'), { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, newText: 'a' });
    assert.deepEqual(minimalEdit('aaa', 'aa'), { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } }, newText: '' });
    assert.deepEqual(minimalEdit('xay', 'xaay'), { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, newText: 'a' });
  });
});
