// The server's chunked document must agree with vscode-languageserver-textdocument
// on every edit an editor can send, and report where each edit landed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TrackedDocument } from '../../server/src/lsp/trackedDocument';

function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

const PIECES = ['a', '\n', 'xyz\n', '### T\n', '😀', '\r\n', '가나다', ''];

test('random edits: same text, lines and positions as TextDocument, and an exact change span', () => {
  const rnd = random(7);
  for (let round = 0; round < 120; round++) {
    // Some documents are large enough to be split into several chunks.
    const size = rnd(3) === 0 ? 40_000 + rnd(40_000) : rnd(200);
    let initial = '';
    for (let i = 0; i < size; i++) initial += PIECES[rnd(PIECES.length)];
    const ref = TextDocument.create('file:///t.md', 'markdown', 1, initial);
    const doc = TrackedDocument.create('file:///t.md', 'markdown', 1, initial);
    for (let e = 0; e < 20; e++) {
      const changes = Array.from({ length: 1 + rnd(3) }, () => {
        const start = { line: rnd(ref.lineCount + 1), character: rnd(20) };
        const end = rnd(2) ? start : { line: start.line + rnd(3), character: rnd(30) };
        let text = rnd(10) === 0 ? 'q'.repeat(40_000) : '';
        for (let i = 0; i < rnd(5); i++) text += PIECES[rnd(PIECES.length)];
        return { range: { start, end }, text };
      });
      const before = ref.getText();
      TextDocument.update(ref, changes, e + 2);
      TrackedDocument.update(doc, changes, e + 2);
      const after = ref.getText();
      // A lone CR is a line break to LSP but not to the core; editors never send one (they normalise line ends).
      if (/\r(?!\n)/.test(after)) break;
      const where = `round ${round}, edit ${e}`;
      assert.equal(doc.slice(0, doc.length), after, where);
      assert.equal(doc.lineCount, ref.lineCount, where);
      for (let k = 0; k < 5; k++) {
        const offset = rnd(after.length + 1);
        assert.deepEqual(doc.positionAt(offset), ref.positionAt(offset), where);
        const p = ref.positionAt(offset);
        assert.equal(doc.offsetAt(p), ref.offsetAt(p), where);
        const length = rnd(100);
        assert.equal(doc.slice(offset, offset + length), after.slice(offset, offset + length), where);
        assert.equal(doc.charCodeAt(offset), after.charCodeAt(offset), where);
      }
      const span = doc.changedSince(e + 1);
      assert.ok(span, where);
      assert.equal(before.slice(0, span.start) + after.slice(span.start, span.newEnd) + before.slice(span.oldEnd), after, where);
      assert.equal(doc.getText(), after, where);
    }
  }
});

test('changedSince composes several versions, and gives up beyond its history', () => {
  const doc = TrackedDocument.create('file:///t.md', 'markdown', 1, 'one\ntwo\nthree\n');
  TrackedDocument.update(doc, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: 'TWO' }], 2);
  TrackedDocument.update(doc, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: '!' }], 3);
  assert.deepEqual(doc.changedSince(1), { start: 3, oldEnd: 7, newEnd: 8 });
  assert.deepEqual(doc.changedSince(3), { start: 0, oldEnd: 0, newEnd: 0 });
  for (let v = 4; v < 80; v++) TrackedDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], v);
  assert.equal(doc.changedSince(1), undefined);
});

test('a paste of half a million lines is applied', () => {
  const doc = TrackedDocument.create('file:///t.md', 'markdown', 1, 'start\nend\n');
  const paste = 'x\n'.repeat(500_000);
  TrackedDocument.update(doc, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: paste }], 2);
  assert.equal(doc.lineCount, 500_003);
  assert.equal(doc.getText(), `start\n${paste}end\n`);
  assert.deepEqual(doc.positionAt(doc.length - 4), { line: 500_001, character: 0 });
});
