import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { splitBlocks, type RawBlock } from '../../server/src/core/parse/split';
import { bigDigest } from '../helpers/digest';

/** First line of each block, for compact assertions. */
const heads = (blocks: readonly RawBlock[]): string[] => blocks.map((b) => b.text.split('\n')[0] ?? '');

describe('splitBlocks', () => {
  test('splits at headings of level 1 to 3, at line starts', () => {
    const text = '# Title\nintro\n## Daily Papers (2025-01-23)\n\n### [A](u)\n\nbody\n#### sub\n### [B](u)\n';
    const blocks = splitBlocks(text);
    assert.deepEqual(heads(blocks), ['# Title', '## Daily Papers (2025-01-23)', '### [A](u)', '### [B](u)']);
    assert.deepEqual(blocks.map((b) => b.startLine), [0, 2, 4, 8]);
    assert.equal(blocks.map((b) => b.text).join(''), text);
  });

  test('every block starts where the previous one ended', () => {
    for (const text of ['', 'x', '### a', '### a\n', '## b\n### a\n\n\n', bigDigest(20), 'a\r\n### b\r\nc\r\n']) {
      const blocks = splitBlocks(text);
      assert.equal(blocks.map((b) => b.text).join(''), text);
      for (let i = 1; i < blocks.length; i++) {
        const prev = blocks[i - 1]!;
        const lines = prev.text.split('\n').length - 1;
        assert.equal(blocks[i]!.startLine, prev.startLine + lines);
      }
    }
  });

  test('lineCount of the last block counts its last line', () => {
    assert.deepEqual(splitBlocks('### a\nb').map((b) => [b.startLine, b.lineCount]), [[0, 2]]);
    assert.deepEqual(splitBlocks('### a\nb\n').map((b) => [b.startLine, b.lineCount]), [[0, 3]]);
    assert.deepEqual(splitBlocks('### a\n### b\n').map((b) => [b.startLine, b.lineCount]), [[0, 1], [1, 2]]);
  });

  test('fenced code containing "### " lines does not split', () => {
    const text = [
      '### [Paper](https://arxiv.org/abs/2501.00001)',
      '',
      '- ***Technical Details***: a template:',
      '',
      '  ```markdown',
      '  ### Instruction',
      '  ## Daily Papers (2020-01-01)',
      '  ```',
      '',
      '~~~',
      '### [Not a paper](x)',
      '```',
      '### still inside the tilde fence',
      '~~~~',
      '### [Next](https://arxiv.org/abs/2501.00002)',
      '',
    ].join('\n');
    assert.deepEqual(heads(splitBlocks(text)), ['### [Paper](https://arxiv.org/abs/2501.00001)', '### [Next](https://arxiv.org/abs/2501.00002)']);
  });

  test('a fence closes only with the same character and at least the same length', () => {
    const text = '### a\n````\n```\n### inside\n````\n### b\n';
    assert.deepEqual(heads(splitBlocks(text)), ['### a', '### b']);
  });

  test('an unclosed fence runs to the end of the text', () => {
    const text = '### a\n```\n### inside\n## also inside\n';
    assert.deepEqual(heads(splitBlocks(text)), ['### a']);
  });

  test('things that are not ATX headings do not split', () => {
    const text = ['### a', '#hashtag', '####### seven', '#### four', '    ### indented code', '\\### escaped', 'text ### mid-line', '###', '### b'].join('\n');
    // "###" alone is an empty heading, so it splits; the rest do not.
    assert.deepEqual(heads(splitBlocks(text)), ['### a', '###', '### b']);
  });

  test('up to three spaces of indentation still make a heading, tabs after the hashes too', () => {
    assert.deepEqual(heads(splitBlocks('x\n   ### a\n##\tb\n')), ['x', '   ### a', '##\tb']);
  });

  test('CRLF text splits the same way', () => {
    const lf = bigDigest(5);
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.deepEqual(splitBlocks(crlf).map((b) => b.startLine), splitBlocks(lf).map((b) => b.startLine));
    assert.equal(splitBlocks(crlf).map((b) => b.text).join(''), crlf);
  });

  test('a 200-paper digest has one block per paper plus the day', () => {
    assert.equal(splitBlocks(bigDigest(200)).length, 201);
  });
});
