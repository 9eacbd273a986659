// The inline-expectation parser used by the fixture tests.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FixtureSyntaxError, isMarkerLine, parseFixture } from '../helpers/expectations';

const known = new Set(['a-code', 'b-code']);
const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

describe('parseFixture', () => {
  test('carets mark columns of the line above, and marker lines are removed', () => {
    const f = parseFixture(['line zero', '0123456789abcdef', '<!--   ^^^ a-code -->', 'last'].join('\n'), known);
    assert.equal(f.text, 'line zero\n0123456789abcdef\nlast');
    assert.deepEqual(f.expected.map((e) => [e.code, e.range, e.markerLine]), [['a-code', r(1, 7, 1, 10), 3]]);
    assert.deepEqual(f.textLineOf, [0, 1, -1, 2]);
    assert.deepEqual(f.fixtureLineOf, [0, 1, 3]);
  });

  test('stacked markers all point at the same content line', () => {
    const f = parseFixture(['xxxxxxxxxxxx', '<!-- ^ a-code -->', '<!--      ^^ b-code -->'].join('\n'), known);
    assert.deepEqual(f.expected.map((e) => [e.code, e.range]), [['a-code', r(0, 5, 0, 6)], ['b-code', r(0, 10, 0, 12)]]);
  });

  test('several codes and quoted message fragments', () => {
    const f = parseFixture(['xxxxxxxxxx', '<!-- ^^ a-code "has \\"quotes\\"" "and more" a-code b-code "x" -->'].join('\n'), known);
    assert.deepEqual(f.expected.map((e) => [e.code, e.messageIncludes]), [['a-code', ['has "quotes"', 'and more']], ['a-code', []], ['b-code', ['x']]]);
  });

  test('@ spans: columns, empty ranges and lines relative to the target line', () => {
    const f = parseFixture(['first', 'second', 'third', '<!-- @0 a-code -->', '<!-- @2-4 a-code -->', '<!-- @-2:1-+0:3 b-code -->', '<!-- @-1:0--1:5 b-code -->'].join('\n'), known);
    assert.deepEqual(f.expected.map((e) => e.range), [r(2, 0, 2, 0), r(2, 2, 2, 4), r(0, 1, 2, 3), r(1, 0, 1, 5)]);
  });

  test('fixture options and the clean marker', () => {
    const f = parseFixture(['<!-- expect: clean -->', 'text', '<!-- fixture: {"uri": "file:///x.md", "settings": {"files": ["*"]}} -->'].join('\n'), known);
    assert.equal(f.clean, true);
    assert.equal(f.text, 'text');
    assert.deepEqual(f.options, { uri: 'file:///x.md', settings: { files: ['*'] } });
  });

  test('ordinary HTML comments stay in the text', () => {
    assert.equal(isMarkerLine('<!-- a note for readers -->'), false);
    assert.equal(isMarkerLine(' <!-- ^^ a-code -->'), false, 'markers start at column 0');
    assert.equal(parseFixture('a\n<!-- see the ^ above -->\n<!-- fixtures: a word -->\n', known).expected.length, 0, 'a caret or directive word later in a comment is prose');
    assert.equal(parseFixture('a\n<!-- a note -->\n', known).text, 'a\n<!-- a note -->\n');
  });

  test('CRLF fixtures keep their carriage returns in the text', () => {
    const f = parseFixture('abcdefghij\r\n<!--  ^^ a-code -->\r\nz', known);
    assert.equal(f.text, 'abcdefghij\r\nz');
    assert.deepEqual(f.expected[0]?.range, r(0, 6, 0, 8));
  });

  const errors: [string, string, RegExp][] = [
    ['an unknown code', 'xxxxxxxx\n<!-- ^ c-code -->', /unknown diagnostic code "c-code"/],
    ['no code', 'xxxxxxxx\n<!-- ^^ -->', /expected/],
    ['carets past the end of the line', 'xxxxxx\n<!--   ^^^^^ a-code -->', /past the end/],
    ['a marker with nothing above it', '<!-- @0 a-code -->\nx', /needs a line above/],
    ['a reversed span', 'xxxxxx\n<!-- @5-2 a-code -->', /empty or reversed/],
    ['a bad span', 'xxxxxx\n<!-- @five a-code -->', /cannot read the span/],
    ['a fragment before any code', 'xxxxxxxx\n<!-- ^ "x" a-code -->', /must follow a code/],
    ['bad options', 'x\n<!-- fixture: {nope} -->', /not JSON/],
    ['clean with markers', '<!-- expect: clean -->\nxxxxxxxx\n<!-- ^ a-code -->', /must not carry/],
    ['a "todo" option (a broken fixture must fail, not be silenced)', 'x\n<!-- fixture: {"todo": "later"} -->', /unknown fixture option "todo"/],
    ['an indented caret marker', 'xxxxxxxx\n  <!-- ^^ a-code -->', /looks like a marker/],
    ['a caret marker without a space after "<!--"', 'xxxxxxxx\n<!--^^ a-code -->', /looks like a marker/],
    ['an @ marker without a space before "-->"', 'xxxxxxxx\n<!-- @0 a-code-->', /looks like a marker/],
    ['a marker with text after it', 'xxxxxxxx\n<!-- ^^ a-code --> note', /looks like a marker/],
    ['a misspelt clean directive', 'x\n<!-- expect: clen -->', /looks like a marker/],
    ['a fixture directive without JSON', 'x\n<!-- fixture: settings -->', /looks like a marker/],
  ];
  for (const [name, source, message] of errors) {
    test(`rejects ${name}`, () => {
      assert.throws(() => parseFixture(source, known), (err: unknown) => err instanceof FixtureSyntaxError && message.test(err.message));
    });
  }
});
