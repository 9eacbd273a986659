// A keystroke that keeps the number of blocks writes O(log n) block starts and
// copies no array of the document's size (issue 8). Counts, not timings: the
// same keystroke in a 2,000- and a 4,000-paper digest, and every result is
// compared with a fresh parse of the same text.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IncrementalParser } from '../../server/src/core/parse/document';
import { PrefixSums } from '../../server/src/core/incremental/prefixSums';
import { digestText, type PaperSpec } from '../helpers/digest';

const URI = 'file:///test/objects.md';

function specs(n: number): PaperSpec[] {
  return Array.from({ length: n }, (_, i) => ({ id: `2501.${10000 + i}`, title: `Object Paper ${i}`, vote: String(i) }));
}

describe('PrefixSums', () => {
  test('startOf equals a running sum after random adds, including the first and last entries', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const lengths = Array.from({ length: 37 }, () => random(50));
    const sums = new PrefixSums(lengths);
    for (let k = 0; k < 300; k++) {
      const i = k % 3 === 0 ? (k % 2 === 0 ? 0 : lengths.length - 1) : random(lengths.length);
      const delta = random(21) - 10;
      lengths[i]! += delta;
      sums.add(i, delta);
      let running = 0;
      for (let j = 0; j <= lengths.length; j++) {
        assert.equal(sums.startOf(j), running, `start of ${j} after ${k + 1} adds`);
        running += lengths[j] ?? 0;
      }
    }
    assert.equal(sums.length, 37);
    assert.equal(sums.startOf(1000), sums.startOf(37), 'past the end: the total');
  });

  test('an empty list sums to 0', () => {
    assert.equal(new PrefixSums().startOf(0), 0);
    assert.equal(new PrefixSums([]).length, 0);
  });

  test('an add writes at most log2(n) + 1 cells, at 2,000 and at 4,000 entries', () => {
    for (const n of [2_000, 4_000]) {
      const sums = new PrefixSums(new Array<number>(n).fill(3));
      let worst = 0;
      for (let i = 0; i < n; i++) {
        sums.add(i, 1);
        worst = Math.max(worst, sums.lastTouched);
      }
      assert.ok(worst <= Math.floor(Math.log2(n)) + 1, `worst ${worst} at ${n}`);
      assert.ok(worst >= Math.floor(Math.log2(n)), 'the first entry does climb the tree');
      assert.equal(sums.startOf(n), 4 * n);
      sums.add(5, 0);
      assert.equal(sums.lastTouched, 0, 'a zero add writes nothing');
    }
  });
});

interface Typed {
  readonly written: number[];
}

function typeInMiddle(papers: number, keystrokes: number): Typed {
  let text = digestText('2025-01-23', specs(papers));
  const parser = new IncrementalParser();
  parser.parse(URI, 1, text, 'heading');
  const anchor = `Vote: ${papers / 2}`;
  const written: number[] = [];
  for (let k = 0; k < keystrokes; k++) {
    const at = text.indexOf(anchor) + anchor.length;
    text = `${text.slice(0, at)}7${text.slice(at)}`;
    parser.parse(URI, 2 + k, text, 'heading', { start: at, oldEnd: at, newEnd: at + 1 });
    written.push(parser.lastWrittenStarts);
  }
  assert.deepEqual(parser.parse(URI, 100, text, 'heading'), new IncrementalParser().parse(URI, 100, text, 'heading'));
  return { written };
}

describe('a keystroke writes O(log n) block starts', () => {
  test('at 2,000 and 4,000 papers, each keystroke writes at most log2(blocks) + 1 starts', () => {
    for (const papers of [2_000, 4_000]) {
      const { written } = typeInMiddle(papers, 4);
      const bound = Math.floor(Math.log2(papers + 2)) + 1;
      for (const w of written) assert.ok(w > 0 && w <= bound, `wrote ${w} starts at ${papers} papers (bound ${bound})`);
    }
  });

  test('an edit that adds a block rebuilds every start, and the later blocks still parse where they are', () => {
    let text = digestText('2025-01-23', specs(300));
    const parser = new IncrementalParser();
    parser.parse(URI, 1, text, 'heading');
    const at = text.indexOf('### [Object Paper 150]');
    const inserted = '### [Inserted](https://arxiv.org/abs/2501.99999)\n\n';
    text = `${text.slice(0, at)}${inserted}${text.slice(at)}`;
    const model = parser.parse(URI, 2, text, 'heading', { start: at, oldEnd: at, newEnd: at + inserted.length });
    assert.ok(parser.lastWrittenStarts > 300, `rebuilt ${parser.lastWrittenStarts}`);
    assert.deepEqual(model, new IncrementalParser().parse(URI, 2, text, 'heading'));
    // Then a keystroke after the inserted block lands in the right paper.
    const vote = text.indexOf('Vote: 200') + 'Vote: 200'.length;
    text = `${text.slice(0, vote)}1${text.slice(vote)}`;
    const next = parser.parse(URI, 3, text, 'heading', { start: vote, oldEnd: vote, newEnd: vote + 1 });
    assert.deepEqual(next, new IncrementalParser().parse(URI, 3, text, 'heading'));
  });

  test('edits that grow and shrink blocks keep later offsets right, at the last paper too', () => {
    let text = digestText('2025-01-23', specs(50));
    const parser = new IncrementalParser();
    parser.parse(URI, 1, text, 'heading');
    let version = 1;
    const edit = (at: number, deleted: number, inserted: string): void => {
      text = `${text.slice(0, at)}${inserted}${text.slice(at + deleted)}`;
      const model = parser.parse(URI, ++version, text, 'heading', { start: at, oldEnd: at + deleted, newEnd: at + inserted.length });
      assert.deepEqual(model, new IncrementalParser().parse(URI, version, text, 'heading'), `after edit ${version}`);
    };
    edit(text.indexOf('Vote: 10') + 6, 0, 'abcdef');
    edit(text.indexOf('Vote: 40') + 6, 2, '');
    edit(text.indexOf('Vote: 49') + 6, 0, 'zz');
    edit(text.indexOf('Vote: 0') + 6, 1, '');
    // A later edit relies on the earlier ones' starts: typing at the end of the last paper.
    edit(text.length - 1, 0, 'q');
    edit(text.indexOf('Vote: 4') + 6, 0, 'y');
  });
});
