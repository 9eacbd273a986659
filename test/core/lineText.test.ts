// IncrementalParser.lineText: completion reads the lines around the cursor
// from the parsed blocks instead of joining the whole document.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IncrementalParser } from '../../server/src/core/parse/document';
import { digestText } from '../helpers/digest';

/** Every line of `text`, split as LSP splits it. */
const linesOf = (text: string): string[] => text.split(/\r\n|\r|\n/);

function assertLines(parser: IncrementalParser, text: string): void {
  const expected = linesOf(text);
  const actual = expected.map((_, i) => parser.lineText(i));
  assert.deepEqual(actual, expected);
  assert.equal(parser.lineText(expected.length), '', 'past the end');
}

const digest = digestText('2025-01-23', [
  { id: '2501.00001', title: 'First' },
  { id: '2501.00002', title: 'Second' },
]);

test('every line of a digest, across block boundaries, with LF, CRLF and lone CR', () => {
  for (const text of [digest, digest.replace(/\n/g, '\r\n'), digest.replace(/\n/g, '\r'), `${digest}no final newline`]) {
    const parser = new IncrementalParser();
    parser.parse('file:///l.md', 1, text, 'heading');
    assertLines(parser, text);
  }
});

test('after an incremental edit the lines are those of the new text', () => {
  const parser = new IncrementalParser();
  parser.parse('file:///l.md', 1, digest, 'heading');
  const at = digest.indexOf('### [Second]');
  const edited = `${digest.slice(0, at)}### [Inserted](https://arxiv.org/abs/2501.00009)\n\nVote: 1\n\n${digest.slice(at)}`;
  parser.parse('file:///l.md', 2, edited, 'heading', { start: at, oldEnd: at, newEnd: at + edited.length - digest.length });
  assertLines(parser, edited);
});

test('before any parse there are no lines', () => {
  assert.equal(new IncrementalParser().lineText(0), '');
});
