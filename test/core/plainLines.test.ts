// The fast path of parse/plainLines.ts (trailing bullets and plain paragraph
// lines read from the text, remark only for the rest) must give exactly the
// model remark gives on the whole block. Compared block by block on the real
// corpus (read in place), the fixtures, the examples and generated blocks of
// tricky lines.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBlock } from '../../server/src/core/parse/block';
import { parseHeadAndTail, setPlainLines } from '../../server/src/core/parse/plainLines';
import { splitBlocks } from '../../server/src/core/parse/split';
import { CORPUS_MAIN, CORPUS_VARIANTS, corpusAvailable, FIXTURES_DIR, REPO_ROOT } from '../helpers/paths';
import { pick, xorshift32 } from '../helpers/prng';

after(() => setPlainLines(true));

const BREAKS = ['\n', '\r\n', '\r'];

/** parseBlock with the fast path, and with remark on the whole block. */
function both(text: string): { fast: unknown; whole: unknown } {
  setPlainLines(true);
  const fast = parseBlock(text);
  setPlainLines(false);
  const whole = parseBlock(text);
  setPlainLines(true);
  return { fast, whole };
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => join(dir, f));
}

/** Paper blocks of these files, and how many of them took the fast path. */
function checkFiles(files: readonly string[]): { papers: number; split: number } {
  let papers = 0;
  let split = 0;
  for (const file of files) {
    for (const block of splitBlocks(readFileSync(file, 'utf8'))) {
      if (!/^ {0,3}### /.test(block.text)) continue;
      papers++;
      if (parseHeadAndTail(block.text).tail.length > 0) split++;
      const { fast, whole } = both(block.text);
      assert.deepStrictEqual(fast, whole, `${file}: block at line ${block.startLine + 1}`);
    }
  }
  return { papers, split };
}

describe('paper blocks read with a plain tail equal remark on the whole block', () => {
  test('fixtures and examples', () => {
    const { papers, split } = checkFiles([...markdownFiles(FIXTURES_DIR), ...markdownFiles(join(REPO_ROOT, 'examples'))]);
    assert.ok(papers > 50, `${papers} paper blocks`);
    assert.ok(split > papers / 2, `${split} of ${papers} took the fast path`);
  });

  const skip = corpusAvailable() ? false : 'the corpus (../shared/corpus) is not present';
  test('every paper block of the real corpus and its variants', { skip, timeout: 300_000 }, () => {
    const main = checkFiles(markdownFiles(CORPUS_MAIN));
    const variants = checkFiles(markdownFiles(CORPUS_VARIANTS));
    // The fast path must actually be taken, or this test proves nothing.
    assert.ok(main.split > main.papers * 0.95, `${main.split} of ${main.papers}`);
    assert.ok(variants.papers > 0);
  });

  /** Lines that may or may not be read from the text; each must give remark's result either way. */
  const POOL = [
    '- ***What\'s New***: plain text',
    '- **Technical Details**: 한국어 요약, with `code` and a [link](https://x.org) and <b>html</b>',
    '* ***Performance Highlights***: star bullet',
    '+ plus bullet',
    '* ***',
    '* **',
    '- ***',
    '- * nested',
    '- - nested',
    '- 1. nested ordered',
    '- 2024년의 결과',
    '- ```js',
    '- ~~~',
    '- <!-- comment',
    '- <div>html',
    '- > quote',
    '- # heading #',
    '- [ref]: https://example.org',
    '- text with [ref] use',
    '- trailing spaces   ',
    '- trailing tab\t',
    '- back\\',
    '- a\u0008control',
    '-',
    '- ',
    '-\ttab bullet',
    '-  two spaces',
    '  - indented bullet',
    '    code line',
    'Vote: 42',
    'Authors: A B, C D, E F',
    "Authors: ['A B', 'C D']",
    'Vote: -',
    'plain paragraph line',
    'see [ref] here',
    'see [ref][] and [a][ref] here',
    'Vote: 3 [x](y)',
    'a \\[b](c)',
    '`[a](b)` code',
    'x <https://x.org> y',
    'a & b &amp; c',
    'a line with ![](https://x.org/i.png) an image',
    '![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.12948.png)',
    '![alt text!](https://x.org/i.png)',
    '![](https://x.org/v.mp4)',
    '![](https://x.org/i.png) ',
    '![](<https://x.org/i.png>)',
    '![](https://x.org/i.png "t")',
    '![a*b*](https://x.org/i.png)',
    '![](u)![](v)',
    '[Watch Video](https://x.org/v.mp4)',
    '[Watch Video](https://x.org/v.mp4) ',
    '[paper](https://x.org/p)',
    '[a &amp; video](https://x.org/p)',
    '[&#118;ideo](https://x.org/p)',
    '[a *video*](https://x.org/p)',
    '<div><video controls src="https://x.org/v.mp4" muted="false"></video></div>',
    '<div><video controls src="https://x.org/v.mp4"></video></div> ',
    '<div>',
    '<DIV class="x">',
    '<div/>',
    '<divx>',
    '<div',
    '<div><video src="https://x.org/v.mp4"></video></div>',
    '<video src="https://x.org/v.mp4"></video>',
    '<!-- a comment',
    '<!-- a comment -->',
    '<pre>',
    '<script>',
    '<?php',
    '<![CDATA[',
    '<!DOCTYPE x>',
    '</div>',
    '```',
    '~~~',
    '===',
    '---',
    '***',
    '> quote',
    '1. ordered',
    '#### deeper heading',
    '[ref]: https://example.org',
    '&amp; entity',
    'Authors: x\u000cy',
    '',
    '',
    '  ',
  ];
  const HEADS = [
    '### [Title: a (b) c!](https://arxiv.org/abs/2501.12948)',
    '### [Title](https://arxiv.org/abs/2501.12948)',
    '### [T](u)',
    '### [ Title](u)',
    '### [Title ](u)',
    '### [](u)',
    '### [T *x*](u)',
    '### [T](u(1))',
    '### [T](<u>)',
    '### [T](u "t")',
    '### [T](u) #',
    '### [T](u)  ',
    '###  [T](u)',
    '### [T &amp; U](u)',
    '### [Q&A: T & U](u)',
    '### [A* and B_c: **bold** _it_](u)',
    '### [>80% on x](u)',
    '### [*](u)',
    '### [- x](u)',
    '### [1. x](u)',
    '### [T &#35; U](u)',
    '### [T\\_U](u)',
    '### [T\u0008](u)',
    '### Plain title',
    '### [Bad](http://x.org',
    '### <b>t</b>',
  ];

  test('generated blocks of tricky lines', () => {
    const rand = xorshift32(7);
    let split = 0;
    const total = 4000;
    for (let n = 0; n < total; n++) {
      const eol = pick(rand, BREAKS);
      const lines = [pick(rand, HEADS)];
      const count = 1 + Math.floor(rand() * 10);
      for (let i = 0; i < count; i++) lines.push(pick(rand, POOL));
      // Mostly real-shaped tails, so the fast path is taken often.
      if (rand() < 0.7) lines.push('', '- ***What\'s New***: a', '- ***Technical Details***: b');
      const text = lines.join(eol) + (rand() < 0.5 ? eol : '');
      if (parseHeadAndTail(text).tail.length > 0) split++;
      const { fast, whole } = both(text);
      assert.deepStrictEqual(fast, whole, JSON.stringify(text));
    }
    assert.ok(split > total / 3, `${split} of ${total} took the fast path`);
  });
});

describe('parseHeadAndTail', () => {
  const tailOf = (text: string): string[] => parseHeadAndTail(text).tail.map((l) => `${l.kind}:${text.slice(l.start, l.end)}`);
  /** remark's root carries a position; the one built here for a plain heading does not. */
  const usedRemark = (text: string): boolean => parseHeadAndTail(text).root.position !== undefined;

  test('takes the trailing bullets and the plain paragraph lines before them', () => {
    const text = '### [T](u)\n\n![](i)\n\nVote: 3\n\nAuthors: A, B\n\n- ***a***: x\n- ***b***: y\n\n';
    assert.deepEqual(tailOf(text), ['paragraph:Vote: 3', 'paragraph:Authors: A, B', 'item:- ***a***: x', 'item:- ***b***: y']);
    assert.equal(usedRemark(text), false);
    const image = parseHeadAndTail(text).root.children[1];
    assert.equal(image?.type === 'paragraph' && image.children[0]?.type === 'image' ? image.children[0].url : undefined, 'i');
  });

  test('remark reads what comes before the plain lines when the heading or a line is not plain', () => {
    for (const text of ['### [T `x`](u)\n\n- a', '### T\n- a', '### [T](u)\n<video src="v"></video>\n\n- a']) {
      assert.deepEqual(tailOf(text), ['item:- a'], JSON.stringify(text));
      assert.equal(usedRemark(text), true, JSON.stringify(text));
    }
  });

  test('an older video embed, `[Watch Video](url)` and a `<div>` line before a blank line, is read too', () => {
    const text = '### [T](u)\n\n[Watch Video](https://x.org/v.mp4)\n<div><video src="https://x.org/v.mp4"></video></div>\n\nAuthors: A\n\n- a';
    assert.equal(usedRemark(text), false);
    assert.deepEqual(parseHeadAndTail(text).root.children.map((n) => n.type), ['heading', 'paragraph', 'html']);
    // No blank line after the <div>: the HTML block would run on, so that part goes to remark.
    assert.equal(usedRemark('### [T](u)\n\n<div>x</div>\nAuthors: A\n\n- a'), true);
  });

  test('a block with no plain lines at its end is parsed whole', () => {
    assert.deepEqual(tailOf('### [T](u)'), []);
    assert.deepEqual(tailOf('### [T](u)\n\n- a\n```'), []);
    assert.deepEqual(tailOf('- a'), []);
  });

  test('a paragraph line right after a bullet continues it: the tail starts after it', () => {
    assert.deepEqual(tailOf('### t\n\n- a\nlazy\n\n- b'), ['item:- b']);
    assert.deepEqual(tailOf('### t\n\n- a\n![](i)\n\n- b'), ['item:- b']);
    assert.deepEqual(tailOf('### t\n\n- a\n\nnot lazy\n- b'), ['item:- a', 'paragraph:not lazy', 'item:- b']);
  });

  test('a tail that starts with a paragraph line needs a blank line or the heading before it', () => {
    assert.deepEqual(tailOf('### t\n<b>x</b>\nVote: 1\n- a'), ['item:- a']);
    assert.deepEqual(tailOf('### t\n<b>x</b>\n\nVote: 1\n- a'), ['paragraph:Vote: 1', 'item:- a']);
    assert.deepEqual(tailOf('### t\nVote: 1\n- a'), ['paragraph:Vote: 1', 'item:- a']);
  });

  test('item ends are line ends for every line break', () => {
    for (const eol of BREAKS) {
      const text = `### t${eol}- a  ${eol}- b${eol}`;
      assert.deepEqual(parseHeadAndTail(text).tail.map((l) => [l.start, l.end]), [
        [5 + eol.length, 10 + eol.length],
        [10 + 2 * eol.length, 13 + 2 * eol.length],
      ]);
    }
  });

  test('anything that is not a plain line ends the tail', () => {
    assert.deepEqual(tailOf('### t\n- a\n[x](y)\n- b'), ['item:- b']);
    for (const line of ['- ```', '- <div>', '- * x', '* ***', '- [a]: b', '    code', '```', '[x](y)', '1. x', '===', '- a\u0007', '![](a b)']) {
      // The tail is the last bullet, or nothing when remark's part stays open (a fence, HTML).
      const tail = tailOf(`### t\n- a\n${line}\n- b`);
      assert.ok(tail.length === 0 || (tail.length === 1 && tail[0] === 'item:- b'), `${JSON.stringify(line)}: ${JSON.stringify(tail)}`);
    }
  });
});
